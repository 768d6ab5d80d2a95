package org.bnn.runtime.device;

/**
 * One sense of a 2T2R cell that holds a ternary weight (Laborieux et al., arXiv 2007.14234: a
 * single sense by the PCSA extracts the ternary weight). Stored +1 is LRS on BL and HRS on BLb,
 * −1 the reverse, and 0 is both devices in the HRS.
 *
 * <p>The rule, as modelled here (the mechanism is the paper's, the threshold's value is
 * <i>illustrative</i>): a branch <i>discharges within the sense window</i> iff its device's
 * ln R &lt; ln T, T the zero threshold. If neither branch discharges the read is 0; otherwise the
 * amplifier compares the branches as for a binary weight ({@link Pcsa#weightRead}): +1 iff
 * ln R_BLb − ln R_BL + offset &gt; 0, else −1. Weights are ints −1, 0, +1.
 */
public final class TernaryPcsa {
    private TernaryPcsa() {
    }

    /** Whether a branch whose device has ln R = {@code lnR} discharges before the window closes: ln R &lt; ln T. */
    public static boolean discharges(double lnR, double lnZeroThreshold) {
        return lnR < lnZeroThreshold;
    }

    /** The ternary weight one sense reads: 0 if neither branch discharges, else the binary PCSA decision. */
    public static int weightRead(double lnRBl, double lnRBlb, double lnZeroThreshold, double offset) {
        if (!discharges(lnRBl, lnZeroThreshold) && !discharges(lnRBlb, lnZeroThreshold)) {
            return 0;
        }
        return Pcsa.weightRead(lnRBl, lnRBlb, offset) ? 1 : -1;
    }

    /** Whether the BL ({@code onBitLineBar} false) or BLb device of a cell storing {@code weight} is programmed to the LRS. */
    public static boolean programmedLow(int weight, boolean onBitLineBar) {
        return checkedWeight(weight) == (onBitLineBar ? -1 : 1);
    }

    /** {@code weight} itself if it is −1, 0 or +1. */
    static int checkedWeight(int weight) {
        if (weight < -1 || weight > 1) {
            throw new IllegalArgumentException("a ternary weight is -1, 0 or +1, got " + weight);
        }
        return weight;
    }
}
