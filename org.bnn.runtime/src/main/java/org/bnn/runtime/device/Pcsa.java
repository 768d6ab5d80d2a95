package org.bnn.runtime.device;

/**
 * The precharge sense amplifier: the decision rules of one sense, as pure functions of the
 * resistances (as ln R) and the amplifier's offset. A weight +1 is stored as LRS on BL and HRS on
 * BLb, so it reads +1 iff ln R_BLb − ln R_BL + offset &gt; 0 (a tie reads −1). The input bit swaps
 * the two branches, so the latch outputs XNOR(input, weight read) (Hirtzlin et al., arXiv
 * 1908.04066; docs/language.md). Bit true ↔ +1, false ↔ −1.
 */
public final class Pcsa {
    private Pcsa() {
    }

    /** The weight the PCSA reads from a 2T2R pair: true (+1) iff ln R_BLb − ln R_BL + offset &gt; 0. */
    public static boolean weightRead(double lnRBl, double lnRBlb, double offset) {
        return lnRBlb - lnRBl + offset > 0;
    }

    /** The latch output: XNOR of the input bit and the weight read (true iff they are equal). */
    public static boolean xnor(boolean inputBit, boolean weightRead) {
        return inputBit == weightRead;
    }

    /** One complete sense of a 2T2R cell with input bit {@code inputBit}: XNOR(input, weight read). */
    public static boolean sense(boolean inputBit, double lnRBl, double lnRBlb, double offset) {
        return xnor(inputBit, weightRead(lnRBl, lnRBlb, offset));
    }

    /** A 1T1R read: true (+1, LRS) iff R &lt; reference, i.e. ln R &lt; ln reference. */
    public static boolean oneTOneRRead(double lnR, double lnReference) {
        return lnR < lnReference;
    }
}
