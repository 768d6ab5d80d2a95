package org.bnn.runtime.engine;

/**
 * Chooses the engine's {@link BinaryKernel}. This is the Java 17 version of the class: it always
 * chooses {@link ScalarKernel}. The multi-release jar carries a Java 21 version
 * ({@code META-INF/versions/21}) that chooses the Vector API kernel when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, and falls back to this one silently otherwise.
 * The system property {@code bnn.kernel=scalar} forces the scalar kernel on any JDK.
 */
final class Kernels {
    /** The kernel the engine uses, fixed when the class is initialised. */
    static final BinaryKernel ACTIVE = ScalarKernel.INSTANCE;

    private Kernels() {
    }
}
