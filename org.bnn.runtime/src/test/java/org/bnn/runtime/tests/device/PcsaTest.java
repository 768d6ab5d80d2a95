package org.bnn.runtime.tests.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.device.Pcsa;
import org.junit.jupiter.api.Test;

/** The PCSA's decision rules: weight read, XNOR with the input, and the 1T1R read. */
class PcsaTest {
    private static final double LN_LRS = Math.log(4e3);
    private static final double LN_HRS = Math.log(120e3); // margin ln 30 ≈ 3.4

    @Test
    void xnorTruthTable() {
        assertTrue(Pcsa.xnor(true, true));
        assertFalse(Pcsa.xnor(true, false));
        assertFalse(Pcsa.xnor(false, true));
        assertTrue(Pcsa.xnor(false, false));
    }

    /** Every input × weight × offset sign: an offset smaller than the margin never changes the result. */
    @Test
    void wellProgrammedPairGivesXnorOfInputAndWeight() {
        for (boolean input : new boolean[] {false, true}) {
            for (boolean weight : new boolean[] {false, true}) {
                double lnBl = weight ? LN_LRS : LN_HRS; // +1: LRS on BL, HRS on BLb
                double lnBlb = weight ? LN_HRS : LN_LRS;
                for (double offset : new double[] {-0.5, 0.0, 0.5}) {
                    String cell = "x=" + input + " w=" + weight + " offset=" + offset;
                    assertEquals(weight, Pcsa.weightRead(lnBl, lnBlb, offset), cell);
                    assertEquals(input == weight, Pcsa.sense(input, lnBl, lnBlb, offset), cell);
                }
            }
        }
    }

    /** A balanced pair (stuck LRS/LRS or HRS/HRS) is decided by the offset's sign alone; a tie reads −1. */
    @Test
    void balancedPairIsDecidedByTheOffsetSign() {
        for (double lnR : new double[] {LN_LRS, LN_HRS}) {
            for (boolean input : new boolean[] {false, true}) {
                assertTrue(Pcsa.weightRead(lnR, lnR, 1e-3));
                assertFalse(Pcsa.weightRead(lnR, lnR, -1e-3));
                assertFalse(Pcsa.weightRead(lnR, lnR, 0.0));
                assertEquals(input, Pcsa.sense(input, lnR, lnR, 1e-3));
                assertEquals(!input, Pcsa.sense(input, lnR, lnR, -1e-3));
            }
        }
    }

    @Test
    void offsetLargerThanTheMarginFlipsTheWeight() {
        double margin = LN_HRS - LN_LRS;
        assertFalse(Pcsa.weightRead(LN_LRS, LN_HRS, -margin - 0.01)); // +1 read as −1
        assertTrue(Pcsa.weightRead(LN_HRS, LN_LRS, margin + 0.01));   // −1 read as +1
    }

    @Test
    void oneTOneRReadsLrsBelowTheReference() {
        double lnReference = Math.log(7.6e3);
        assertTrue(Pcsa.oneTOneRRead(LN_LRS, lnReference));
        assertFalse(Pcsa.oneTOneRRead(LN_HRS, lnReference));
        assertFalse(Pcsa.oneTOneRRead(lnReference, lnReference));
    }
}
