package org.bnn.runtime.ecc;

import java.util.Arrays;

/**
 * A (72,64) single-error-correcting, double-error-detecting code of the Hsiao type (M. Y. Hsiao,
 * "A class of optimal minimum odd-weight-column SEC-DED codes", IBM J. Res. Dev. 14 (1970)
 * 395–401), as used by memory controllers.
 *
 * <p>Parity-check matrix: check bit j has the unit column e_j; data bit i has an odd-weight
 * column — the 56 weight-3 bytes in increasing order, then the 8 rotations of 0b00011111 — so
 * all 72 columns are distinct and odd. Hence a single error gives the odd syndrome of its column,
 * and a double error an even, non-zero syndrome that no column has: every double error is
 * detected. Every check bit covers 26 data bits (21 from weight 3, 5 from weight 5), the
 * balance Hsiao sought. Three or more errors can give the syndrome of a fourth bit and be
 * miscorrected; that is the physics of a real decoder, kept on purpose.
 */
public final class Secded7264 {
    /** Data bits per codeword. */
    public static final int DATA_BITS = 64;
    /** Check bits per codeword. */
    public static final int CHECK_BITS = 8;

    private static final int NO_DATA_BIT = -1;
    /** COLUMNS[i]: the parity-check column (a byte) of data bit i. */
    private static final int[] COLUMNS = dataColumns();
    /** ROW_MASKS[j]: the data bits covered by check bit j. */
    private static final long[] ROW_MASKS = rowMasks();
    /** DATA_BIT_OF_SYNDROME[s]: the data bit whose column is s, or NO_DATA_BIT. */
    private static final int[] DATA_BIT_OF_SYNDROME = dataBitOfSyndrome();

    /** This code as a {@link WordCode}: the simulator's decoder of 1T1R + SECDED(72,64) tiles. */
    public static final WordCode WORD_CODE = new WordCode() {
        @Override
        public int dataBits() {
            return DATA_BITS;
        }

        @Override
        public int wordBits() {
            return Codeword.BITS;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public long residualDataErrors(long data, long dataErrors, long checkErrors) {
            return Secded7264.residualDataErrors(data, dataErrors, checkErrors);
        }

        @Override
        public String toString() {
            return NAME;
        }
    };

    /** The name of the code in .bnn files. */
    public static final String NAME = "secded(72,64)";

    private Secded7264() {
    }

    /** The codeword that stores {@code data}. */
    public static Codeword encode(long data) {
        return new Codeword(data, checkBits(data));
    }

    /** Decodes a received codeword: corrects one bit error, detects two, may miscorrect three or more. */
    public static Decoded decode(Codeword received) {
        int syndrome = (checkBits(received.data()) ^ received.check()) & 0xFF;
        if (syndrome == 0) {
            return new Decoded(received.data(), DecodeStatus.CLEAN);
        }
        if (Integer.bitCount(syndrome) == 1) { // a check bit flipped; the data are intact
            return new Decoded(received.data(), DecodeStatus.CORRECTED);
        }
        int dataBit = DATA_BIT_OF_SYNDROME[syndrome];
        if (dataBit != NO_DATA_BIT) {
            return new Decoded(received.data() ^ (1L << dataBit), DecodeStatus.CORRECTED);
        }
        return new Decoded(received.data(), DecodeStatus.UNCORRECTABLE);
    }

    /**
     * The data bits wrong after {@link #decode decoding} the codeword of {@code data} read with the
     * data bits in {@code dataErrors} and the check bits in the low 8 bits of {@code checkErrors}
     * inverted: the decoded data XOR {@code data}. One error (data or check) gives 0; two give
     * {@code dataErrors} unchanged (detected, {@link DecodeStatus#UNCORRECTABLE}, and the data are
     * used as read); three or more may add a miscorrected bit.
     */
    public static long residualDataErrors(long data, long dataErrors, long checkErrors) {
        if ((checkErrors & ~0xFFL) != 0) {
            throw new IllegalArgumentException("Secded7264.residualDataErrors: checkErrors has bits past the "
                    + CHECK_BITS + " check bits: 0x" + Long.toHexString(checkErrors));
        }
        Codeword stored = encode(data);
        Codeword read = new Codeword(stored.data() ^ dataErrors, (byte) (stored.check() ^ checkErrors));
        return decode(read).data() ^ data;
    }

    /**
     * The post-decoding data bit error rate for independent raw bit errors of probability
     * {@code rawBer}, by the usual binomial approximation (1/72)·Σ_{i≥2} i·C(72,i)·p^i·(1−p)^(72−i)
     * = p·[1 − (1−p)^71]: a word with one error is corrected, one with i ≥ 2 errors keeps them.
     * It is exact up to two errors per word (every double error is detected and left as is); a
     * word with three or more errors may also be miscorrected, adding one wrong bit, so the real
     * decoder's rate lies between this value and this value plus P(≥3 errors in the word)/64.
     * It is an approximation to be checked against {@link #decode}, not a definition.
     */
    public static double residualBitErrorRate(double rawBer) {
        if (!(rawBer >= 0 && rawBer <= 1)) {
            throw new IllegalArgumentException("Secded7264.residualBitErrorRate: rawBer must be in [0, 1], got " + rawBer);
        }
        if (rawBer == 1) {
            return 1;
        }
        // 1 − (1−p)^71 without cancellation for small p.
        return rawBer * -Math.expm1((Codeword.BITS - 1) * Math.log1p(-rawBer));
    }

    /** The check byte of {@code data}: bit j is the parity of the data bits check j covers. */
    private static byte checkBits(long data) {
        int check = 0;
        for (int j = 0; j < CHECK_BITS; j++) {
            check |= (Long.bitCount(data & ROW_MASKS[j]) & 1) << j;
        }
        return (byte) check;
    }

    private static int[] dataColumns() {
        int[] columns = new int[DATA_BITS];
        int n = 0;
        for (int value = 0; value < 256; value++) {
            if (Integer.bitCount(value) == 3) {
                columns[n++] = value;
            }
        }
        for (int shift = 0; shift < CHECK_BITS; shift++) {
            int rotated = (0b0001_1111 << shift | 0b0001_1111 >>> (CHECK_BITS - shift)) & 0xFF;
            columns[n++] = rotated;
        }
        return columns;
    }

    private static long[] rowMasks() {
        long[] masks = new long[CHECK_BITS];
        for (int i = 0; i < DATA_BITS; i++) {
            for (int j = 0; j < CHECK_BITS; j++) {
                if ((COLUMNS[i] >>> j & 1) != 0) {
                    masks[j] |= 1L << i;
                }
            }
        }
        return masks;
    }

    private static int[] dataBitOfSyndrome() {
        int[] table = new int[256];
        Arrays.fill(table, NO_DATA_BIT);
        for (int i = 0; i < DATA_BITS; i++) {
            table[COLUMNS[i]] = i;
        }
        return table;
    }
}
