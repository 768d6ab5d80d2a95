package org.bnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true, description = {
    "Trains the networks of the training blocks of a .bnn file and saves their weights (.npz).",
    "An interrupted training resumes from the checkpoint next to its weights file.",
    "Exits 1 without training anything if the file has errors."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputRootOption outputRoots;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .bnn file.")
    private Path file;

    @Parameters(index = "1..*", paramLabel = "TRAINING", description = "Names of the training blocks to run (default: all).")
    private List<String> names = List.of();

    @Override
    public Integer call() throws ReflectiveOperationException {
        outputRoots.apply();
        BnnWorkspace workspace = BnnWorkspace.load(List.of(file));
        if (new DiagnosticsPrinter(spec.commandLine().getOut()).print(workspace)) {
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        Map<String, String> trainings = new TreeMap<>();
        workspace.generate(file).forEach((path, source) -> {
            if (path.endsWith("Training.java") && (names.isEmpty() || names.stream().anyMatch(n -> path.endsWith("/" + n + "Training.java")
                    || path.equals(n + "Training.java")))) {
                trainings.put(path, source);
            }
        });
        if (trainings.isEmpty()) {
            spec.commandLine().getErr().println("bnn: " + file + " declares no training" + (names.isEmpty() ? "" : " named " + names));
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(trainings);
        Path base = file.toAbsolutePath().getParent();
        for (String path : trainings.keySet()) {
            if (!GeneratedCode.invoke(spec, file, compiled.loadSource(path).getMethod("run", Path.class), base)) {
                return BnnCli.EXIT_FAILURE;
            }
        }
        return 0;
    }
}
