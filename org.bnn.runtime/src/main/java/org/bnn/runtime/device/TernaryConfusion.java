package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * The 3×3 confusion matrix of one sense of a ternary 2T2R cell: P(read r | stored w) for w, r in
 * {−1, 0, +1}, one {@link Row} per stored value ({@link TernaryReads}).
 *
 * @param minus               the reads of a stored −1
 * @param zero                the reads of a stored 0
 * @param plus                the reads of a stored +1
 * @param quadratureErrorBound the summed error estimates of the numerical integrals behind the
 *                             entries (0 for entries in closed form)
 */
public record TernaryConfusion(Row minus, Row zero, Row plus, double quadratureErrorBound) {

    /** P(read −1), P(read 0), P(read +1) for one stored value. */
    public record Row(double readsMinus, double readsZero, double readsPlus) {
        public Row {
            Checks.nonNegativeFinite("TernaryConfusion.Row", "readsMinus", readsMinus);
            Checks.nonNegativeFinite("TernaryConfusion.Row", "readsZero", readsZero);
            Checks.nonNegativeFinite("TernaryConfusion.Row", "readsPlus", readsPlus);
        }

        /** P(read {@code read}), {@code read} in {−1, 0, +1}. */
        public double reads(int read) {
            return bySign(read, readsMinus, readsZero, readsPlus);
        }
    }

    public TernaryConfusion {
        Checks.present("TernaryConfusion", "minus", minus);
        Checks.present("TernaryConfusion", "zero", zero);
        Checks.present("TernaryConfusion", "plus", plus);
        Checks.nonNegativeFinite("TernaryConfusion", "quadratureErrorBound", quadratureErrorBound);
    }

    /** The row of stored value {@code stored}, in {−1, 0, +1}. */
    public Row stored(int stored) {
        return bySign(stored, minus, zero, plus);
    }

    private static <T> T bySign(int value, T minus, T zero, T plus) {
        return switch (TernaryPcsa.checkedWeight(value)) {
            case -1 -> minus;
            case 0 -> zero;
            default -> plus;
        };
    }

    /** P(read {@code read} | stored {@code stored}). */
    public double probability(int stored, int read) {
        return stored(stored).reads(read);
    }

    /** ±1 → 0: the probability that a stored ±1 reads 0, the two signs equally likely. */
    public double signToZeroRate() {
        return 0.5 * (plus.readsZero + minus.readsZero);
    }

    /** 0 → ±1: the probability that a stored 0 reads +1 or −1. */
    public double zeroToSignRate() {
        return zero.readsMinus + zero.readsPlus;
    }

    /** ±1 → ∓1: the probability that a stored ±1 reads the opposite sign, the two signs equally likely. */
    public double signFlipRate() {
        return 0.5 * (plus.readsMinus + minus.readsPlus);
    }

    /**
     * The probability that a read differs from the stored value with −1, 0 and +1 equally likely
     * (a summary: a trained ternary network's weights are not uniform):
     * ⅔·(±1 → 0 + ±1 → ∓1) + ⅓·(0 → ±1), summed from the off-diagonal entries.
     */
    public double weightErrorRate() {
        return (2 * (signToZeroRate() + signFlipRate()) + zeroToSignRate()) / 3;
    }
}
