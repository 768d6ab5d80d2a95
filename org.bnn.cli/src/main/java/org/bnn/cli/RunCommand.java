package org.bnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.runtime.explore.ExploreExecutor;
import org.bnn.runtime.explore.ExploreExecutorProvider;
import org.bnn.runtime.explore.InProcessExecutor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Generates, compiles and runs the simulation of every mapping, every experiment and every exploration in a .bnn file.",
    "Exits 1 without running anything if the file has errors, 2 if it could not run (e.g. a Spark master out of reach)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputRootOption outputRoots;

    @Parameters(arity = "1", paramLabel = "FILE", description = "The .bnn file to run.")
    private Path file;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random inputs, and of random weights where a network names no weights file (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** More random inputs than this would not fit a default heap (784 input bits each and more). */
    static final int MAX_BATCH = 100_000;

    private int batch;

    @Option(names = "--batch", defaultValue = "8", description = "Number of random inputs to classify, 1 to " + MAX_BATCH
            + " (default: ${DEFAULT-VALUE}).")
    private void batch(int batch) {
        if (batch < 1 || batch > MAX_BATCH) {
            throw new ParameterException(spec.commandLine(),
                    "--batch must be between 1 and " + MAX_BATCH + " random inputs, got " + batch);
        }
        this.batch = batch;
    }

    @Option(names = "--spark", paramLabel = "MASTER", description = {
        "Runs the explorations' simulations on Apache Spark: local[N] (embedded, N threads), spark://HOST:PORT (a standalone"
                + " cluster), or the master spark-submit was given (MASTER: submit). The results are the same as in-process,"
                + " byte for byte. Mappings and experiments still run here. Needs the Spark module on the class path: ./bnn adds it"
                + " (docs/scale-out.md)."})
    private String sparkMaster;

    @Override
    public Integer call() throws ReflectiveOperationException {
        outputRoots.apply();
        BnnWorkspace workspace = BnnWorkspace.load(List.of(file));
        if (new DiagnosticsPrinter(spec.commandLine().getOut()).print(workspace)) {
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        Map<String, String> sources = workspace.generate(file);
        sources.keySet().removeIf(path -> path.endsWith("Training.java")); // trainings run with `bnn train`
        if (sources.isEmpty()) {
            spec.commandLine().getErr().println("bnn: " + file + " declares no mapping to run");
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        boolean explores = sources.keySet().stream().anyMatch(path -> path.endsWith("Exploration.java"));
        if (sparkMaster != null && !explores) {
            spec.commandLine().getErr().println("bnn: --spark runs explorations, and " + file + " declares none");
            return BnnCli.EXIT_FAILURE;
        }
        Optional<ExploreExecutorProvider> spark = Optional.empty();
        if (sparkMaster != null) {
            spark = ExploreExecutorProvider.named("spark");
            if (spark.isEmpty()) {
                spec.commandLine().getErr().println("bnn: --spark needs the Spark module (org.bnn.spark) on the class path;"
                        + " the ./bnn script puts it there when --spark is given (docs/scale-out.md)");
                return BnnCli.EXIT_FAILURE;
            }
        }
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        // The cluster is reached before anything runs, so that one out of reach leaves no output behind.
        ExploreExecutor executor;
        try {
            executor = spark.isPresent() ? spark.get().open(sparkMaster) : InProcessExecutor.allCores();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("bnn: --spark " + sparkMaster + ": " + e.getMessage());
            return BnnCli.EXIT_FAILURE;
        }
        try (executor) {
            return runAll(compiled, sources, executor);
        }
    }

    /** Runs the mappings' simulations first, then the experiments and explorations (these on {@code executor}). */
    private int runAll(InMemoryJavaCompiler.Result compiled, Map<String, String> sources, ExploreExecutor executor)
            throws ReflectiveOperationException {
        List<String> order = sources.keySet().stream()
                .sorted(java.util.Comparator.comparing((String path) -> !path.endsWith("Simulation.java")).thenComparing(path -> path))
                .toList();
        Path base = file.toAbsolutePath().getParent();
        for (String path : order) {
            Class<?> generated = compiled.loadSource(path);
            // Relative paths (weights, data, report) are resolved against the file's folder.
            boolean done;
            if (path.endsWith("Exploration.java")) {
                done = GeneratedCode.invoke(spec, file, generated.getMethod("run", Path.class, ExploreExecutor.class), base, executor);
            } else if (path.endsWith("Experiment.java")) {
                done = GeneratedCode.invoke(spec, file, generated.getMethod("run", Path.class), base);
            } else {
                done = GeneratedCode.invoke(spec, file, generated.getMethod("run", Path.class, long.class, int.class), base, seed, batch);
            }
            if (!done) {
                return BnnCli.EXIT_FAILURE;
            }
            System.out.flush();
        }
        return 0;
    }
}
