package org.bnn.runtime.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.KernelCheck;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.XnorPopcount;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.junit.jupiter.api.Test;

/**
 * The engine's kernels compute the same integers. In this JVM (Java 17 in CI: the scalar kernel) the
 * active kernel is compared with the scalar definition; then, if a JDK ≥ 21 is on this machine, the
 * runtime jar's Vector API kernel ({@code META-INF/versions/21}) runs {@link KernelCheck} in a child
 * JVM with {@code --add-modules jdk.incubator.vector}, whose rows must agree and whose whole-network
 * digest must equal this JVM's. Without a JDK ≥ 21 that part is skipped, with the reason.
 * The JDK is {@code -Dbnn.test.jdk21=<java home>}, else {@code $BNN_JDK21}, else this JVM if it is
 * ≥ 21, else {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 */
class KernelAgreementTest {
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @Test
    void activeKernelAgreesWithTheScalarDefinition() {
        assertTrue(KernelCheck.compareRows(2, 1) > 10_000);
    }

    @Test
    void predictAllEqualsPredictOneByOneAndSimulationIsThreadIndependent() {
        NetworkSpec spec = NetworkSpec.builder("Mlp", "pixels", 28, 28).dense("fc1", 256).dense("fc2", 130).output("out", 10).build();
        BinaryNetwork network = RandomNetworks.create(spec, 3);
        long[][] inputs = RandomNetworks.inputs(network, 150, 4);
        BinaryNetwork.Scratch scratch = network.newScratch();
        int[] all = new int[inputs.length + 2];
        boolean[] tied = new boolean[inputs.length + 2];
        scratch.predictAll(inputs, 3, 140, all, tied);
        for (int n = 3; n < 140; n++) {
            assertEquals(network.predict(inputs[n]), all[n], "input " + n);
            BinaryNetwork.Scratch one = network.newScratch();
            one.predict(inputs[n]);
            assertEquals(one.lastSharingMaximum() > 1, tied[n], "input " + n);
        }
        for (ErrorPatterns patterns : new ErrorPatterns[] {ErrorPatterns.of(WeightErrors.none(3)),
            ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, 0.02, 3)),
            ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_INFERENCE, 0.02, 3))}) {
            SimulationResult one = new Simulation(1).run(network, inputs, patterns, 5, 9);
            for (int threads : new int[] {2, 3, 8}) {
                SimulationResult many = new Simulation(threads).run(network, inputs, patterns, 5, 9);
                for (int t = 0; t < 5; t++) {
                    assertArrayEquals(one.predictions()[t], many.predictions()[t], patterns + ", " + threads + " threads, trial " + t);
                    assertArrayEquals(one.tied()[t], many.tied()[t], patterns + ", " + threads + " threads, trial " + t);
                }
            }
        }
    }

    @Test
    void vectorKernelOnJdk21OrLaterGivesIdenticalResults() throws Exception {
        Path java = newerJava();
        assumeTrue(java != null, "no JDK >= 21 found (set -Dbnn.test.jdk21 or BNN_JDK21): the vector kernel is not compared here");
        String classPath = runtimeClassPath();
        assumeTrue(classPath != null, "the runtime's Java 21 classes (META-INF/versions/21) were not built: no JDK >= 21 at build time");
        String digest = KernelCheck.networkDigest();

        Run vector = run(java, classPath, true);
        assertEquals(0, vector.exit, vector.toString());
        assertTrue(vector.out.contains("kernel: vector"), "the child JVM did not choose the vector kernel: " + vector);
        assertTrue(vector.out.contains("counts agree"), vector.toString());
        assertTrue(vector.out.contains("networks: " + digest), "whole-network digest differs from this JVM's " + digest + ": " + vector);

        Run plain = run(java, classPath, false);
        assertEquals(0, plain.exit, plain.toString());
        assertTrue(plain.out.contains("kernel: scalar"), "without the incubator module the scalar kernel runs: " + plain);
        assertTrue(plain.out.contains("networks: " + digest), plain.toString());
        assertEquals("", plain.err.strip(), "falling back to the scalar kernel must be silent");
        assertEquals("", vector.err.replace(INCUBATOR_WARNING, "").strip(), "only the JVM's incubator warning is expected");
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(Path java, String classPath, boolean vectorModule) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        if (vectorModule) {
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
        }
        command.addAll(List.of("-cp", classPath, KernelCheck.class.getName()));
        Path out = Files.createTempFile("kernel-check", ".out");
        Path err = Files.createTempFile("kernel-check", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("KernelCheck did not finish within 180 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The java launcher of a JDK ≥ 21, or null. */
    private static Path newerJava() {
        List<String> homes = new ArrayList<>();
        String property = System.getProperty("bnn.test.jdk21");
        if (property != null && !property.isBlank()) {
            homes.add(property);
        }
        String environment = System.getenv("BNN_JDK21");
        if (environment != null && !environment.isBlank()) {
            homes.add(environment);
        }
        if (Runtime.version().feature() >= 21) {
            homes.add(System.getProperty("java.home"));
        }
        homes.add("/usr/lib/jvm/temurin-25-jdk-amd64");
        for (String home : homes) {
            Path java = Path.of(home, "bin", "java");
            if (Files.isExecutable(java) && feature(Path.of(home)) >= 21) {
                return java;
            }
        }
        return null;
    }

    /** The feature version from a JDK's release file (JAVA_VERSION="25.0.3"), or 0. */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Where the runtime's classes come from: its multi-release jar, or (in an IDE) its classes directory,
     * with META-INF/versions/21 in front, which is what a JVM does with the jar. Null if there are no
     * Java 21 classes.
     */
    private static String runtimeClassPath() throws URISyntaxException, IOException {
        Path location = Path.of(XnorPopcount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                boolean versioned = jar.getEntry("META-INF/versions/21/org/bnn/runtime/engine/VectorKernel.class") != null;
                return versioned && jar.isMultiRelease() ? location.toString() : null;
            }
        }
        Path versions = location.resolve("META-INF/versions/21");
        return Files.isDirectory(versions) ? versions + File.pathSeparator + location : null;
    }
}
