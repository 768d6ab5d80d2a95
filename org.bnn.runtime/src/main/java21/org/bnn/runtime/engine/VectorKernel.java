package org.bnn.runtime.engine;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.BIT_COUNT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel (JDK ≥ 21 with {@code --add-modules jdk.incubator.vector}): L = the
 * preferred number of {@code long} lanes (8 with AVX-512, where {@code BIT_COUNT} is one
 * {@code vpopcntq}), XOR then per-lane popcount, lane sums added up once per row.
 * <ul>
 * <li>A row of W words is ⌊W/L⌋ full vectors and, if W is not a multiple of L, one more vector
 * loaded at word W − L, which overlaps the last full one; its overlapping lanes are masked out
 * with an AND. So no masked or out-of-row loads are needed (a row narrower than L words goes to
 * the scalar loop).</li>
 * <li>One input: its vectors stay in registers while the rows stream past (rows of 1 or 2 full
 * vectors are unrolled, e.g. 784 and 1024 bits with AVX-512).</li>
 * <li>Four inputs at once: every weight vector is loaded once for the four; the four rows' lane
 * sums are packed into 16-bit fields of one vector so that one reduction gives all four (when a
 * count fits in 16 bits, i.e. W ≤ 1023).</li>
 * <li>Several inputs on rows narrower than L words (conv rows of 9·C_in bits): the rows are copied
 * word-major into the buffer (word i of rows k .. k + L − 1 side by side), so that one vector XOR with
 * an input word broadcast, popcount and add serves L rows, and L rows' counts are stored at once, with
 * no reduction. Rows past the last multiple of L, or a buffer too small for the copy: the scalar
 * kernel.</li>
 * </ul>
 * Vector-typed locals are never null (JDK 25's C2 crashed on a null vector local in a branch).
 */
final class VectorKernel extends BinaryKernel {
    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** L int lanes: the counts of L rows, stored at once. */
    private static final VectorSpecies<Integer> COUNTS = VectorSpecies.of(int.class, VectorShape.forBitSize(L * Integer.SIZE));
    /** L zero lanes then L all-ones lanes: loaded at offset t it keeps the last t lanes. */
    private static final long[] KEEP_LANES = new long[2 * L];
    /** Packed 16-bit fields hold a row's count if it is below 2^16. */
    private static final int MAX_PACKED_WORDS = 1023;

    static {
        java.util.Arrays.fill(KEEP_LANES, L, 2 * L, -1L);
    }

    private VectorKernel() {
    }

    /** The kernel, or null if vectors are narrower than 4 longs (the scalar loop is as good then). */
    static VectorKernel create() {
        return L >= 4 ? new VectorKernel() : null;
    }

    @Override
    String description() {
        return "vector (jdk.incubator.vector, " + S.vectorBitSize() + "-bit LongVector)";
    }

    @Override
    void differences(long[] weights, int wordsPerRow, int rows, long[] input, int inputOffset, int[] differing) {
        single(weights, wordsPerRow, rows, input, inputOffset, differing, 0);
    }

    @Override
    void differences(long[] weights, int wordsPerRow, int rows, long[][] inputs, int count, int[] differing, long[] buffer) {
        if (wordsPerRow < L) {
            if (rows >= L && (long) rows * wordsPerRow <= buffer.length) {
                wordMajor(weights, wordsPerRow, rows, inputs, count, differing, buffer);
            } else {
                ScalarKernel.INSTANCE.differences(weights, wordsPerRow, rows, inputs, count, differing, buffer);
            }
            return;
        }
        int j = 0;
        if (wordsPerRow >= L) {
            for (; j + 4 <= count; j += 4) {
                block(weights, wordsPerRow, rows, inputs[j], inputs[j + 1], inputs[j + 2], inputs[j + 3], differing, j * rows);
            }
        }
        for (; j < count; j++) {
            single(weights, wordsPerRow, rows, inputs[j], 0, differing, j * rows);
        }
    }

    @Override
    boolean fires(int wordsPerRow, int rows, int bufferLength) {
        return wordsPerRow < L && rows >= L && (long) rows * wordsPerRow + L <= bufferLength;
    }

    /**
     * Rows shorter than a vector (conv positions): L output channels per vector. The rows are copied
     * word-major once per call (word i of rows k .. k + L − 1 side by side), then each group of L rows
     * goes over every input: per input word one broadcast, XOR, popcount and add serve the L rows, and
     * one compare with the L limits gives their L output bits. When L does not divide the rows, the last
     * group starts at rows − L and overlaps the one before: the overlapping bits are ORed in twice, equal.
     */
    @Override
    void fire(long[] w, int words, int rows, long[] x, int count, int[] limit, int[] sign, long[] output, int firstBit, long[] t) {
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < words; i++) {
                t[i * rows + k] = w[k * words + i];
            }
        }
        int limits = words * rows;
        for (int k = 0; k < rows; k += L) {
            int g = Math.min(k, rows - L);
            long signs = 0;
            for (int m = 0; m < L; m++) {
                t[limits + m] = limit[g + m];
                signs |= (long) sign[g + m] << m;
            }
            fireGroup(t, words, rows, g, load(t, limits), signs, x, count, output, firstBit + g);
        }
    }

    /** Rows g .. g + L − 1 (word-major in t) against every input: output bit (bit0 + p·rows + m) for row g + m. */
    private static void fireGroup(long[] t, int words, int rows, int g, LongVector limits, long signs, long[] x, int count, long[] output,
            int bit0) {
        for (int p = 0, o = 0, bit = bit0; p < count; p++, o += words, bit += rows) {
            LongVector acc = count(load(t, g), LongVector.broadcast(S, x[o]));
            for (int i = 1; i < words; i++) {
                acc = acc.add(count(load(t, i * rows + g), LongVector.broadcast(S, x[o + i])));
            }
            long bits = acc.compare(VectorOperators.GT, limits).toLong() ^ signs;
            int word = bit >>> 6;
            int shift = bit & 63;
            output[word] |= bits << shift;
            if (shift > Long.SIZE - L) {
                output[word + 1] |= bits >>> (Long.SIZE - shift);
            }
        }
    }

    private static LongVector load(long[] array, int offset) {
        return LongVector.fromArray(S, array, offset);
    }

    private static LongVector count(LongVector w, LongVector x) {
        return w.lanewise(XOR, x).lanewise(BIT_COUNT);
    }

    // Each shape has its own small method: C2 must inline every Vector API call of a loop (else the
    // vectors are boxed), and stops inlining in methods that grow too large.

    private static void single(long[] w, int words, int rows, long[] x, int xo, int[] d, int out) {
        if (words < L) {
            ScalarKernel.rows(w, words, 0, rows, x, xo, d, out);
            return;
        }
        int full = words - words % L;
        if (full == words) {
            if (full == L) {
                single1(w, rows, x, xo, d, out);
            } else if (full == 2 * L) {
                single2(w, rows, x, xo, d, out);
            } else {
                singleN(w, words, rows, x, xo, d, out);
            }
        } else if (full == L) {
            single1T(w, words, rows, x, xo, d, out);
        } else if (full == 2 * L) {
            single2T(w, words, rows, x, xo, d, out);
        } else {
            singleNT(w, words, rows, x, xo, d, out);
        }
    }

    private static void single1(long[] w, int rows, long[] x, int xo, int[] d, int out) {
        LongVector x0 = load(x, xo);
        for (int k = 0, o = 0; k < rows; k++, o += L) {
            d[out + k] = (int) count(load(w, o), x0).reduceLanes(ADD);
        }
    }

    private static void single2(long[] w, int rows, long[] x, int xo, int[] d, int out) {
        LongVector x0 = load(x, xo);
        LongVector x1 = load(x, xo + L);
        for (int k = 0, o = 0; k < rows; k++, o += 2 * L) {
            d[out + k] = (int) count(load(w, o), x0).add(count(load(w, o + L), x1)).reduceLanes(ADD);
        }
    }

    private static void singleN(long[] w, int words, int rows, long[] x, int xo, int[] d, int out) {
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            LongVector acc = count(load(w, o), load(x, xo));
            for (int i = L; i < words; i += L) {
                acc = acc.add(count(load(w, o + i), load(x, xo + i)));
            }
            d[out + k] = (int) acc.reduceLanes(ADD);
        }
    }

    private static void single1T(long[] w, int words, int rows, long[] x, int xo, int[] d, int out) {
        int tailAt = words - L;
        LongVector keep = load(KEEP_LANES, words - L);
        LongVector x0 = load(x, xo);
        LongVector xt = load(x, xo + tailAt).and(keep);
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            d[out + k] = (int) count(load(w, o), x0).add(count(load(w, o + tailAt).and(keep), xt)).reduceLanes(ADD);
        }
    }

    private static void single2T(long[] w, int words, int rows, long[] x, int xo, int[] d, int out) {
        int tailAt = words - L;
        LongVector keep = load(KEEP_LANES, words - 2 * L);
        LongVector x0 = load(x, xo);
        LongVector x1 = load(x, xo + L);
        LongVector xt = load(x, xo + tailAt).and(keep);
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            LongVector acc = count(load(w, o), x0).add(count(load(w, o + L), x1)).add(count(load(w, o + tailAt).and(keep), xt));
            d[out + k] = (int) acc.reduceLanes(ADD);
        }
    }

    private static void singleNT(long[] w, int words, int rows, long[] x, int xo, int[] d, int out) {
        int full = words - words % L;
        int tailAt = words - L;
        LongVector keep = load(KEEP_LANES, words - full);
        LongVector xt = load(x, xo + tailAt).and(keep);
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            LongVector acc = count(load(w, o + tailAt).and(keep), xt);
            for (int i = 0; i < full; i += L) {
                acc = acc.add(count(load(w, o + i), load(x, xo + i)));
            }
            d[out + k] = (int) acc.reduceLanes(ADD);
        }
    }

    /** Short rows, L at a time from a word-major copy t[i·rows + k] of word i of row k: d[j·rows + k]. */
    private static void wordMajor(long[] w, int words, int rows, long[][] inputs, int count, int[] d, long[] t) {
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < words; i++) {
                t[i * rows + k] = w[k * words + i];
            }
        }
        int full = rows - rows % L;
        for (int j = 0; j < count; j++) {
            long[] x = inputs[j];
            int out = j * rows;
            for (int k = 0; k < full; k += L) {
                LongVector acc = count(load(t, k), LongVector.broadcast(S, x[0]));
                for (int i = 1; i < words; i++) {
                    acc = acc.add(count(load(t, i * rows + k), LongVector.broadcast(S, x[i])));
                }
                ((IntVector) acc.convertShape(VectorOperators.L2I, COUNTS, 0)).intoArray(d, out + k);
            }
            ScalarKernel.rows(w, words, full, rows, x, 0, d, out + full);
        }
    }

    /** Four inputs (from word 0) against every row: d[out + j·rows + k]. Needs words ≥ L. */
    private static void block(long[] w, int words, int rows, long[] x0, long[] x1, long[] x2, long[] x3, int[] d, int out) {
        int full = words - words % L;
        if (words > MAX_PACKED_WORDS) {
            blockWide(w, words, rows, x0, x1, x2, x3, d, out);
        } else if (full == words && full == 2 * L) {
            block2(w, rows, x0, x1, x2, x3, d, out);
        } else if (full != words && full == L) {
            block1T(w, words, rows, x0, x1, x2, x3, d, out);
        } else {
            blockN(w, words, rows, x0, x1, x2, x3, d, out);
        }
    }

    /** Rows of two full vectors (1024 bits with AVX-512), the inputs' vectors held in registers. */
    private static void block2(long[] w, int rows, long[] x0, long[] x1, long[] x2, long[] x3, int[] d, int out) {
        LongVector a0 = load(x0, 0);
        LongVector a1 = load(x1, 0);
        LongVector a2 = load(x2, 0);
        LongVector a3 = load(x3, 0);
        LongVector b0 = load(x0, L);
        LongVector b1 = load(x1, L);
        LongVector b2 = load(x2, L);
        LongVector b3 = load(x3, L);
        for (int k = 0, o = 0; k < rows; k++, o += 2 * L) {
            LongVector v = load(w, o);
            LongVector u = load(w, o + L);
            long sums = pack(count(v, a0).add(count(u, b0)), count(v, a1).add(count(u, b1)), count(v, a2).add(count(u, b2)),
                    count(v, a3).add(count(u, b3)));
            unpack(sums, d, out + k, rows);
        }
    }

    /** Rows of one full vector and a tail (784 bits with AVX-512), the inputs' vectors held in registers. */
    private static void block1T(long[] w, int words, int rows, long[] x0, long[] x1, long[] x2, long[] x3, int[] d, int out) {
        int tailAt = words - L;
        LongVector keep = load(KEEP_LANES, words - L);
        LongVector a0 = load(x0, 0);
        LongVector a1 = load(x1, 0);
        LongVector a2 = load(x2, 0);
        LongVector a3 = load(x3, 0);
        LongVector t0 = load(x0, tailAt).and(keep);
        LongVector t1 = load(x1, tailAt).and(keep);
        LongVector t2 = load(x2, tailAt).and(keep);
        LongVector t3 = load(x3, tailAt).and(keep);
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            LongVector v = load(w, o);
            LongVector t = load(w, o + tailAt).and(keep);
            long sums = pack(count(v, a0).add(count(t, t0)), count(v, a1).add(count(t, t1)), count(v, a2).add(count(t, t2)),
                    count(v, a3).add(count(t, t3)));
            unpack(sums, d, out + k, rows);
        }
    }

    /** Any width (counts below 2^16): the full vectors in a loop, then the tail (a zero vector if none). */
    private static void blockN(long[] w, int words, int rows, long[] x0, long[] x1, long[] x2, long[] x3, int[] d, int out) {
        int full = words - words % L;
        int tailAt = words - L;
        LongVector keep = load(KEEP_LANES, words - full);
        LongVector t0 = load(x0, tailAt).and(keep);
        LongVector t1 = load(x1, tailAt).and(keep);
        LongVector t2 = load(x2, tailAt).and(keep);
        LongVector t3 = load(x3, tailAt).and(keep);
        for (int k = 0, o = 0; k < rows; k++, o += words) {
            LongVector t = load(w, o + tailAt).and(keep);
            LongVector s0 = count(t, t0);
            LongVector s1 = count(t, t1);
            LongVector s2 = count(t, t2);
            LongVector s3 = count(t, t3);
            for (int i = 0; i < full; i += L) {
                LongVector v = load(w, o + i);
                s0 = s0.add(count(v, load(x0, i)));
                s1 = s1.add(count(v, load(x1, i)));
                s2 = s2.add(count(v, load(x2, i)));
                s3 = s3.add(count(v, load(x3, i)));
            }
            unpack(pack(s0, s1, s2, s3), d, out + k, rows);
        }
    }

    /** Rows of more than 1023 words, whose counts may not fit 16 bits: four reductions per row. */
    private static void blockWide(long[] w, int words, int rows, long[] x0, long[] x1, long[] x2, long[] x3, int[] d, int out) {
        for (int k = 0; k < rows; k++) {
            d[out + k] = rowCount(w, words, k, x0);
            d[out + rows + k] = rowCount(w, words, k, x1);
            d[out + 2 * rows + k] = rowCount(w, words, k, x2);
            d[out + 3 * rows + k] = rowCount(w, words, k, x3);
        }
    }

    private static int rowCount(long[] w, int words, int k, long[] x) {
        int full = words - words % L;
        int o = k * words;
        LongVector keep = load(KEEP_LANES, words - full);
        LongVector acc = count(load(w, o + words - L).and(keep), load(x, words - L).and(keep));
        for (int i = 0; i < full; i += L) {
            acc = acc.add(count(load(w, o + i), load(x, i)));
        }
        return (int) acc.reduceLanes(ADD);
    }

    /** The lane sums of four rows, each below 2^16, packed into 16-bit fields and added up: one reduction for four. */
    private static long pack(LongVector s0, LongVector s1, LongVector s2, LongVector s3) {
        return s0.add(s1.lanewise(LSHL, 16)).add(s2.lanewise(LSHL, 32)).add(s3.lanewise(LSHL, 48)).reduceLanes(ADD);
    }

    private static void unpack(long sums, int[] d, int at, int rows) {
        d[at] = (int) sums & 0xFFFF;
        d[at + rows] = (int) (sums >>> 16) & 0xFFFF;
        d[at + 2 * rows] = (int) (sums >>> 32) & 0xFFFF;
        d[at + 3 * rows] = (int) (sums >>> 48);
    }
}
