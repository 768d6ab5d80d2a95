package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bnn.report.format.EnergyUnit;
import org.bnn.report.format.Numbers;
import org.junit.jupiter.api.Test;

/** How numbers read in tables and plots. */
class NumberTextTest {

    @Test
    void energyUnitKeepsTheLargestValueBetweenOneAndAThousand() {
        assertEquals(EnergyUnit.NANOJOULE, EnergyUnit.forLargest(151e-9));
        assertEquals(EnergyUnit.NANOJOULE, EnergyUnit.forLargest(1e-9));
        assertEquals(EnergyUnit.PICOJOULE, EnergyUnit.forLargest(999e-12));
        assertEquals(EnergyUnit.MILLIJOULE, EnergyUnit.forLargest(2.3e-3));
        assertEquals(EnergyUnit.FEMTOJOULE, EnergyUnit.forLargest(25e-15));
        assertEquals(EnergyUnit.FEMTOJOULE, EnergyUnit.forLargest(1e-18));
        assertEquals(EnergyUnit.JOULE, EnergyUnit.forLargest(4e3));
        assertEquals(EnergyUnit.PICOJOULE, EnergyUnit.forLargest(0));
        assertEquals("µJ", EnergyUnit.forLargest(5e-6).symbol());
    }

    @Test
    void numbersForPeople() {
        assertEquals("0", Numbers.ber(0));
        assertEquals("3.3e-2", Numbers.ber(3.3e-2));
        assertEquals("1.0e-10", Numbers.ber(1e-10));
        assertEquals("98.12", Numbers.percent(0.98123));
        assertEquals("12.3", Numbers.significant(12.34));
        assertEquals("0.668", Numbers.significant(0.6676));
        assertEquals("1e7", Numbers.cycles(1e7));
        assertEquals("2.5e9", Numbers.cycles(2.5e9));
        assertEquals("500", Numbers.cycles(500));
    }
}
