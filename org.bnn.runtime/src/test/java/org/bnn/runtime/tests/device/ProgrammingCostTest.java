package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.testing.PaperFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Programming cost: pulses, energy (V·I·t per pulse) and endurance, against examples/lib/illustrative-hw.bnn. */
class ProgrammingCostTest {
    private static final CellTechnology TWO_T_TWO_R = new CellTechnology.TwoTransistorTwoResistor();
    private static final CellTechnology ONE_T_ONE_R = new CellTechnology.OneTransistorOneResistor(new ReadReference.Best());

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.bnn.runtime.testing.PaperFacts#rows")
    void pulseEnergyMatchesTheTable(PaperFacts.Row row) {
        RegimeSpec regime = row.regime();
        assertEquals(row.energyPerPulseJoules(), regime.set().energyJoules(), 1e-9 * row.energyPerPulseJoules());

        // A 32 × 32 tile written 10 times.
        ProgrammingCost twoT = TWO_T_TWO_R.programming(regime, 1024, 10);
        assertEquals(2 * 10240, twoT.pulses());
        assertEquals(10240 * 2 * row.energyPerPulseJoules(), twoT.energyJoules(), 1e-9 * twoT.energyJoules());
        assertEquals(10 / regime.enduranceCycles(), twoT.enduranceFraction(), 0.0);

        ProgrammingCost oneT = ONE_T_ONE_R.programming(regime, 1024, 10);
        assertEquals(10240, oneT.pulses());
        assertEquals(10240 * row.energyPerPulseJoules(), oneT.energyJoules(), 1e-9 * oneT.energyJoules());
        assertEquals(twoT.enduranceFraction(), oneT.enduranceFraction(), 0.0);
    }

    @Test
    void weakProgrammingIsAboutThirtyTimesCheaper() {
        double strong = TWO_T_TWO_R.programming(PaperFacts.STRONG.regime(), 1, 1).energyJoules();
        double ultraLow = TWO_T_TWO_R.programming(PaperFacts.ULTRA_LOW.regime(), 1, 1).energyJoules();
        assertEquals(800e-12, strong, 1e-21);
        double ratio = strong / ultraLow;
        assertTrue(ratio > 25 && ratio < 35, "ratio = " + ratio);
    }

    @Test
    void explicitPulseEnergyOverridesVit() {
        RegimeSpec nominal = PaperFacts.NOMINAL.regime();
        RegimeSpec measured = new RegimeSpec("measured", nominal.lrs(), nominal.hrs(),
                new Pulse(1.8, 100e-6, 500e-9, 60e-12), nominal.reset(), nominal.enduranceCycles());
        assertEquals(60e-12 + 90e-12, TWO_T_TWO_R.programming(measured, 1, 1).energyJoules(), 1e-24);
        assertEquals((60e-12 + 90e-12) / 2, ONE_T_ONE_R.programming(measured, 1, 1).energyJoules(), 1e-24);
    }

    @Test
    void negativeCountsAreRejected() {
        RegimeSpec regime = PaperFacts.NOMINAL.regime();
        assertEquals("ProgrammingCost.cells must be non-negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> TWO_T_TWO_R.programming(regime, -1, 1)).getMessage());
        assertEquals("ProgrammingCost.writesPerCell must be non-negative, got -2",
                assertThrows(IllegalArgumentException.class, () -> ONE_T_ONE_R.programming(regime, 1, -2)).getMessage());
        assertEquals(new ProgrammingCost(0, 0, 0), TWO_T_TWO_R.programming(regime, 0, 0));
    }
}
