package org.bnn.train.kernel;

/**
 * Dense single-precision matrix products for training, row-major: C[m×n] = A[m×k]·B[k×n].
 * <p>
 * B is first packed into column panels of at most {@link #PANEL} columns, one small array per row
 * of a panel; C is computed in tasks of {@link #ROW_BLOCK} rows × one panel (multi-threaded through
 * {@link Workers}), each accumulating into private row arrays: for every k, every row adds A[i][k]
 * times the panel's row k. Both arrays of that inner loop start at index 0, which is what lets the
 * JIT vectorise it (with two arrays at different offsets it must assume they might overlap, and the
 * loop runs scalar, about 8× slower here). Every element of C sums its k terms in ascending order in
 * one task, so the result is the same for any thread count. Zero entries of A are skipped
 * (straight-through gradients are mostly zero); that adds exactly nothing, so it changes no bit
 * except possibly the sign of a zero.
 */
public final class MatrixKernel {
    static final int ROW_BLOCK = 8;
    static final int PANEL = 512;
    private final Workers workers;

    public MatrixKernel(Workers workers) {
        this.workers = workers;
    }

    public Workers workers() {
        return workers;
    }

    /** C = A·B (C is overwritten). */
    public void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        check(a, (long) m * k, "A");
        check(b, (long) k * n, "B");
        check(c, (long) m * n, "C");
        int width = Math.min(PANEL, (n + 15) & ~15);
        int panels = (n + width - 1) / width;
        float[][][] packed = new float[panels][][];
        workers.run(panels, q -> packed[q] = pack(b, k, n, q * width, width));
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        workers.run(rowBlocks * panels, task -> {
            int i0 = task / panels * ROW_BLOCK;
            int q = task % panels;
            block(a, packed[q], c, k, n, i0, Math.min(m, i0 + ROW_BLOCK), q * width, width);
        });
    }

    /** Rows 0..k−1 of B's columns [j0, j0 + width), each its own array, zero past n. */
    private static float[][] pack(float[] b, int k, int n, int j0, int width) {
        float[][] panel = new float[k][width];
        int columns = Math.min(width, n - j0);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n + j0, panel[p], 0, columns);
        }
        return panel;
    }

    private static void block(float[] a, float[][] panel, float[] c, int k, int n, int i0, int i1, int j0, int width) {
        float[][] rows = new float[i1 - i0][width];
        for (int p = 0; p < k; p++) {
            float[] source = panel[p];
            for (int i = i0; i < i1; i++) {
                float factor = a[i * k + p];
                if (factor != 0f) {
                    axpy(factor, source, rows[i - i0], width);
                }
            }
        }
        int columns = Math.min(width, n - j0);
        for (int i = i0; i < i1; i++) {
            System.arraycopy(rows[i - i0], 0, c, i * n + j0, columns);
        }
    }

    /** y[0 .. len) += factor·x[0 .. len): the loop the JIT turns into vector instructions. */
    private static void axpy(float factor, float[] x, float[] y, int len) {
        for (int j = 0; j < len; j++) {
            y[j] += factor * x[j];
        }
    }

    /** out[n×m] = in[m×n]ᵀ. */
    public static void transpose(float[] in, float[] out, int m, int n) {
        final int tile = 32;
        for (int i0 = 0; i0 < m; i0 += tile) {
            int i1 = Math.min(m, i0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * m + i] = in[i * n + j];
                    }
                }
            }
        }
    }

    private static void check(float[] array, long needed, String name) {
        if (array.length < needed) {
            throw new IllegalArgumentException("matrix " + name + " needs " + needed + " values, has " + array.length);
        }
    }
}
