package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;

import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.junit.jupiter.api.Test;

/** {@link WeightErrors} compares, hashes and prints by its resampling and its BER values, not by array identity. */
class WeightErrorsTest {
    private static final WeightErrors PER_CHIP = new WeightErrors(Resampling.PER_CHIP, new double[] {0.01, 0.2});

    @Test
    void equalWhenResamplingAndEveryBerAreEqual() {
        WeightErrors same = new WeightErrors(Resampling.PER_CHIP, new double[] {0.01, 0.2});
        assertEquals(PER_CHIP, same);
        assertEquals(PER_CHIP.hashCode(), same.hashCode());
        assertNotEquals(PER_CHIP, new WeightErrors(Resampling.PER_READ, new double[] {0.01, 0.2}));
        assertNotEquals(PER_CHIP, new WeightErrors(Resampling.PER_CHIP, new double[] {0.01, 0.3}));
        assertNotEquals(PER_CHIP, new WeightErrors(Resampling.PER_CHIP, new double[] {0.01}));
        assertNotEquals(PER_CHIP, (Object) "WeightErrors[PER_CHIP, ber [0.01, 0.2]]");
    }

    @Test
    void hashCombinesTheResamplingWithTheBerValues() {
        double[] bers = {0.01, 0.2};
        assertEquals(31 * Resampling.PER_CHIP.hashCode() + Arrays.hashCode(bers), PER_CHIP.hashCode());
        assertNotEquals(PER_CHIP.hashCode(), WeightErrors.uniform(Resampling.PER_CHIP, 0.2, 2).hashCode());
    }

    @Test
    void printsTheResamplingAndTheBerOfEveryLayer() {
        assertEquals("WeightErrors[PER_CHIP, ber [0.01, 0.2]]", PER_CHIP.toString());
        assertEquals("WeightErrors[PER_CHIP, ber [0.0, 0.0, 0.0]]", WeightErrors.none(3).toString());
    }
}
