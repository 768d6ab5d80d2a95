package org.bnn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bnn.cli.workspace.BnnWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true, description = {
    "Generates the Java simulation of every mapping in the .bnn files.",
    "Nothing is written if a file has errors (exit 1)."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .bnn files to generate from.")
    private List<Path> files;

    @Option(names = {"-o",
        "--output"}, paramLabel = "DIR", defaultValue = "src-gen", description = "Folder for the generated Java sources (default: ${DEFAULT-VALUE}).")
    private Path output;

    @Override
    public Integer call() {
        BnnWorkspace workspace = BnnWorkspace.load(files);
        if (new DiagnosticsPrinter(spec.commandLine().getOut()).print(workspace)) {
            return BnnCli.EXIT_INPUT_ERRORS;
        }
        int written = 0;
        for (Path file : workspace.files()) {
            for (var source : workspace.generate(file).entrySet()) {
                write(output.resolve(source.getKey()), source.getValue());
                written++;
            }
        }
        spec.commandLine().getErr().println("generated " + written + " Java file" + (written == 1 ? "" : "s") + " into " + output);
        return 0;
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
