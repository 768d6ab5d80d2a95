package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The device records reject impossible values with messages naming the field and the value. */
class DeviceSpecTest {
    private static final Pulse PULSE = Pulse.of(1.8, 100e-6, 500e-9);
    private static final LogNormal LRS = new LogNormal(8e3, 0.25);
    private static final LogNormal HRS = new LogNormal(180e3, 0.8);

    @Test
    void logNormalRejectsBadMedianAndSigma() {
        assertRejected("LogNormal.medianOhms must be positive and finite, got 0.0", () -> new LogNormal(0, 0.1));
        assertRejected("LogNormal.medianOhms must be positive and finite, got Infinity",
                () -> new LogNormal(Double.POSITIVE_INFINITY, 0.1));
        assertRejected("LogNormal.sigma must be non-negative and finite, got -0.1", () -> new LogNormal(1e3, -0.1));
        assertRejected("LogNormal.sigma must be non-negative and finite, got NaN", () -> new LogNormal(1e3, Double.NaN));
        LogNormal lrs = new LogNormal(4e3, 0.15);
        assertEquals(Math.log(4e3), lrs.lnMedian(), 0.0);
        assertEquals(4e3, lrs.sample(0), 0.0);
        assertEquals(4e3 * Math.exp(0.3), lrs.sample(2), 1e-9);
    }

    @Test
    void pulseEnergyIsVitUnlessExplicit() {
        assertEquals(90e-12, PULSE.energyJoules(), 1e-24);
        assertEquals(90e-12, PULSE.vitEnergyJoules(), 1e-24);
        assertFalse(PULSE.hasExplicitEnergy());
        Pulse measured = new Pulse(1.8, 100e-6, 500e-9, 70e-12);
        assertTrue(measured.hasExplicitEnergy());
        assertEquals(70e-12, measured.energyJoules(), 0.0);
        assertEquals(90e-12, measured.vitEnergyJoules(), 1e-24);
        assertRejected("Pulse.volts must be positive and finite, got 0.0", () -> Pulse.of(0, 1e-4, 1e-6));
        assertRejected("Pulse.amperes must be positive and finite, got -1.0E-4", () -> Pulse.of(1, -1e-4, 1e-6));
        assertRejected("Pulse.seconds must be positive and finite, got NaN", () -> Pulse.of(1, 1e-4, Double.NaN));
        assertRejected("Pulse.explicitEnergyJoules must be positive and finite, or NaN for none, got 0.0",
                () -> new Pulse(1, 1e-4, 1e-6, 0));
    }

    @Test
    void regimeNeedsHrsAboveLrs() {
        assertRejected("RegimeSpec(bad).hrs.medianOhms must be greater than lrs.medianOhms = 8000.0, got 5000.0",
                () -> new RegimeSpec("bad", LRS, new LogNormal(5e3, 0.8), PULSE, PULSE, 1e7));
        assertRejected("RegimeSpec(bad).hrs.medianOhms must be greater than lrs.medianOhms = 8000.0, got 8000.0",
                () -> new RegimeSpec("bad", LRS, new LogNormal(8e3, 0.8), PULSE, PULSE, 1e7));
        assertRejected("RegimeSpec(bad).enduranceCycles must be positive and finite, got 0.0",
                () -> new RegimeSpec("bad", LRS, HRS, PULSE, PULSE, 0));
        assertRejected("RegimeSpec(bad).reset is required, got null", () -> new RegimeSpec("bad", LRS, HRS, PULSE, null, 1e7));
        assertRejected("RegimeSpec.name must be a non-empty name, got \"\"", () -> new RegimeSpec("", LRS, HRS, PULSE, PULSE, 1e7));
        assertEquals(Math.log(180e3 / 8e3), new RegimeSpec("ok", LRS, HRS, PULSE, PULSE, 1e7).lnMargin(), 1e-12);
    }

    @Test
    void stuckAtProbabilitiesMustBeAProbabilityDistribution() {
        assertRejected("StuckAt.stuckAtLrsProbability must be in [0, 1], got 1.5", () -> new StuckAt(1.5, 0));
        assertRejected("StuckAt.stuckAtHrsProbability must be in [0, 1], got -0.1", () -> new StuckAt(0, -0.1));
        assertRejected("StuckAt.stuckAtHrsProbability must be in [0, 1], got NaN", () -> new StuckAt(0, Double.NaN));
        assertRejected("StuckAt.stuckAtLrsProbability + stuckAtHrsProbability must be at most 1, got 0.6 + 0.7",
                () -> new StuckAt(0.6, 0.7));
        assertEquals(0.0, StuckAt.NONE.stuckProbability());
    }

    @Test
    void senseAmpOffsetsAreNonNegative() {
        assertRejected("SenseAmpSpec.mismatchSigma must be non-negative and finite, got -0.02",
                () -> new SenseAmpSpec(-0.02, 0.01, 25e-15, 2e-9));
        assertRejected("SenseAmpSpec.noiseSigma must be non-negative and finite, got Infinity",
                () -> new SenseAmpSpec(0.02, Double.POSITIVE_INFINITY, 25e-15, 2e-9));
        assertRejected("SenseAmpSpec.energyPerSenseJoules must be non-negative and finite, got -1.0",
                () -> new SenseAmpSpec(0.02, 0.01, -1, 2e-9));
        assertRejected("SenseAmpSpec.delaySeconds must be non-negative and finite, got NaN",
                () -> new SenseAmpSpec(0.02, 0.01, 25e-15, Double.NaN));
        assertEquals(0.02 * 0.02 + 0.01 * 0.01, PaperFacts.SENSE_AMP.offsetVariance(), 1e-18);
    }

    @Test
    void fixedReferenceMustBePositive() {
        assertRejected("ReadReference.Fixed.ohms must be positive and finite, got -18000.0", () -> new ReadReference.Fixed(-18e3));
        assertEquals(18e3, new ReadReference.Fixed(18e3).ohms(PaperFacts.NOMINAL.regime()), 0.0);
    }

    @Test
    void deviceFindsItsRegimesByName() {
        DeviceSpec device = PaperFacts.HFO2;
        assertSame(PaperFacts.LOW.regime(), device.regime("low"));
        assertEquals(List.of("strong", "nominal", "low", "very-low", "ultra-low"), device.regimeNames());
        assertRejected("device hfo2 has no regime \"weak\"; known regimes: strong, nominal, low, very-low, ultra-low",
                () -> device.regime("weak"));
        RegimeSpec nominal = PaperFacts.NOMINAL.regime();
        assertRejected("DeviceSpec(d).regimes must have distinct names, got \"nominal\" twice",
                () -> new DeviceSpec("d", "TiN/HfO2/Ti/TiN", List.of(nominal, nominal), StuckAt.NONE));
        assertRejected("DeviceSpec(d).regimes must not be empty, got []",
                () -> new DeviceSpec("d", "TiN/HfO2/Ti/TiN", List.of(), StuckAt.NONE));
        assertRejected("DeviceSpec(d).stuckAt is required, got null",
                () -> new DeviceSpec("d", "TiN/HfO2/Ti/TiN", List.of(nominal), null));
    }

    private static void assertRejected(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }
}
