package org.bnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Generates, compiles and runs the simulation of every mapping, every experiment and every exploration in a .bnn file.",
    "Exits 1 without running anything if the file has errors."})
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
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(sources);
        // Mapping simulations (tiles, energy, predictions) first, then experiments and explorations.
        List<String> order = sources.keySet().stream()
                .sorted(java.util.Comparator.comparing((String path) -> !path.endsWith("Simulation.java")).thenComparing(path -> path))
                .toList();
        Path base = file.toAbsolutePath().getParent();
        for (String path : order) {
            Class<?> generated = compiled.loadSource(path);
            // Relative paths (weights, data, report) are resolved against the file's folder.
            boolean done = path.endsWith("Experiment.java") || path.endsWith("Exploration.java")
                    ? GeneratedCode.invoke(spec, file, generated.getMethod("run", Path.class), base)
                    : GeneratedCode.invoke(spec, file, generated.getMethod("run", Path.class, long.class, int.class), base, seed, batch);
            if (!done) {
                return BnnCli.EXIT_FAILURE;
            }
            System.out.flush();
        }
        return 0;
    }
}
