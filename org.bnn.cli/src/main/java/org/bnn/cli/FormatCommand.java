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

@Command(name = "format", mixinStandardHelpOptions = true, description = {
    "Rewrites .bnn files in the language's one layout (the same as the IDE's).",
    "Files with syntax errors are left alone (exit 1)."})
final class FormatCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .bnn files to format.")
    private List<Path> files;

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1 if there are any.")
    private boolean check;

    @Override
    public Integer call() {
        BnnWorkspace workspace = BnnWorkspace.load(files);
        int unformatted = 0;
        int failed = 0;
        for (Path file : workspace.files()) {
            String formatted;
            try {
                formatted = workspace.formatted(file);
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println(file + ": not formatted: " + e.getMessage() + " (see bnn check)");
                failed++;
                continue;
            }
            String current = read(file);
            if (!formatted.equals(current)) {
                unformatted++;
                if (check) {
                    spec.commandLine().getOut().println(file + ": not formatted");
                } else {
                    write(file, formatted);
                    spec.commandLine().getOut().println(file + ": formatted");
                }
            }
        }
        return failed > 0 || check && unformatted > 0 ? BnnCli.EXIT_INPUT_ERRORS : 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
