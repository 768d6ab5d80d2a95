package org.bnn.runtime.engine;

/**
 * Chooses the engine's {@link BinaryKernel}: the Java 21 version of the class, in
 * {@code META-INF/versions/21} of the multi-release jar. It chooses {@link VectorKernel} when the
 * module {@code jdk.incubator.vector} is in the boot layer (the JVM runs with
 * {@code --add-modules jdk.incubator.vector}), this class can link against it (not so in an OSGi
 * framework that does not export it), vectors are at least 256 bits wide, and a quick check agrees
 * with the scalar kernel; otherwise, silently, {@link ScalarKernel}. The system property
 * {@code bnn.kernel=scalar} forces the scalar kernel.
 */
final class Kernels {
    /** The kernel the engine uses, fixed when the class is initialised. */
    static final BinaryKernel ACTIVE = choose();

    private Kernels() {
    }

    private static BinaryKernel choose() {
        if ("scalar".equals(System.getProperty("bnn.kernel")) || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return ScalarKernel.INSTANCE;
        }
        try {
            BinaryKernel vector = VectorKernel.create();
            return vector != null && agrees(vector) ? vector : ScalarKernel.INSTANCE;
        } catch (LinkageError | RuntimeException e) {
            return ScalarKernel.INSTANCE;
        }
    }

    /** A few rows of every tail length against the scalar kernel (a guard, not the test: that is KernelCheck). */
    private static boolean agrees(BinaryKernel kernel) {
        long state = 0x9E3779B97F4A7C15L;
        for (int words = 1; words <= 40; words += 3) {
            int rows = 5;
            long[] weights = new long[rows * words];
            long[][] inputs = new long[BinaryKernel.BLOCK + 1][words];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = state = state * 6364136223846793005L + 1442695040888963407L;
            }
            for (long[] input : inputs) {
                for (int i = 0; i < words; i++) {
                    input[i] = state = state * 6364136223846793005L + 1442695040888963407L;
                }
            }
            int[] expected = new int[rows * inputs.length];
            int[] actual = new int[rows * inputs.length];
            for (int j = 0; j < inputs.length; j++) {
                ScalarKernel.rows(weights, words, 0, rows, inputs[j], 0, expected, j * rows);
            }
            kernel.differences(weights, words, rows, inputs, inputs.length, actual, new long[BinaryKernel.BLOCK * words]);
            if (!java.util.Arrays.equals(expected, actual)) {
                return false;
            }
            kernel.differences(weights, words, rows, inputs[1], 0, actual);
            if (!java.util.Arrays.equals(expected, rows, 2 * rows, actual, 0, rows)) {
                return false;
            }
        }
        return true;
    }
}
