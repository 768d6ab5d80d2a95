package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.device.StandardNormal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Φ against reference values computed with 40-digit arithmetic (mpmath 1.3, ncdf). Tolerance
 * 1e-13 relative: the argument −x/√2 is rounded once, which costs about x²·1.1e-16 relative error
 * (≈ 1e-13 at x = 30); Cody's approximation itself is good to ~1e-16.
 */
class StandardNormalTest {

    @ParameterizedTest(name = "Φ(-{0}) = {1}")
    @CsvSource({
        "0,      0.5",
        "0.3,    0.38208857781104736269",
        "1,      0.15865525393145705141",
        "2,      0.0227501319481792072",
        "3,      0.0013498980316300945267",
        "3.7190, 1.0000652593416139495e-4",
        "4,      3.1671241833119921254e-5",
        "4.7534, 1.0001202950935643176e-6",
        "5,      2.8665157187919391167e-7",
        "5.9978, 1.0000431876966894129e-9",
        "6,      9.865876450376981407e-10",
        "7,      1.2798125438858350044e-12",
        "8,      6.2209605742717841235e-16",
        "10,     7.619853024160526066e-24",
        "15,     3.6709661993127508858e-51",
        "20,     2.7536241186062336951e-89",
        "30,     4.9067139271481870595e-198",
        "37,     5.7255712225245768227e-300",
    })
    void lowerTailMatchesHighPrecisionReference(double x, double reference) {
        double phi = StandardNormal.cdf(-x);
        assertEquals(reference, phi, 1e-13 * reference, "Φ(-" + x + ")");
        // The upper side is 1 − the lower tail to double precision.
        assertEquals(1 - reference, StandardNormal.cdf(x), 2e-16);
    }

    @Test
    void limitsAndMonotonicity() {
        assertEquals(0.0, StandardNormal.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, StandardNormal.cdf(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StandardNormal.cdf(-40));
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
        double previous = 0;
        for (double x = -38; x <= 9; x += 1.0 / 64) { // crosses every interval boundary of Cody's approximation
            double phi = StandardNormal.cdf(x);
            assertTrue(phi >= previous, "Φ must not decrease at x = " + x);
            previous = phi;
        }
    }
}
