package org.bnn.runtime.tests.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;

import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.experiment.Yield;
import org.junit.jupiter.api.Test;

/** Yield and its Wilson interval against figures computed by hand (Python, quoted), and how a sweep point splits its faults. */
class YieldTest {
    @Test
    void theWilsonIntervalOfEighteenGoodChipsOfTwenty() {
        Yield yield = new Yield("Spared", "1e-4", 0.97, 18, 20);
        // python: z=1.959963984540054; c=(p+z*z/(2n))/(1+z*z/n); h=z*sqrt(p(1-p)/n+z*z/(4n*n))/(1+z*z/n) → 0.6989664, 0.9721335
        assertEquals(0.6989664, yield.interval95()[0], 1e-6);
        assertEquals(0.9721335, yield.interval95()[1], 1e-6);
        assertEquals("Spared, stuck 1e-4: 18 of 20 chips reach 97 % (yield 90 %, 95 % CI 70-97 %)", yield.describe());
        assertEquals(0, new Yield("M", "p", 0.9, 0, 5).interval95()[0]);
        assertEquals(1, new Yield("M", "p", 0.9, 5, 5).interval95()[1]);
    }

    @Test
    void aPointSplitsItsFaultsAsTheDeviceDoes() {
        SweepSpec.StuckDevices sweep = new SweepSpec.StuckDevices(List.of(1e-4, 1e-3), OptionalDouble.of(0.97));
        assertEquals(new StuckAt(5e-5, 5e-5), sweep.at(1e-4, StuckAt.NONE));
        assertEquals(new StuckAt(2.5e-4, 7.5e-4), sweep.at(1e-3, new StuckAt(1e-5, 3e-5)));
    }
}
