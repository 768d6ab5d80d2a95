package org.bnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bnn.cli.workspace.BnnWorkspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, description = {"Parses and validates .bnn files.",
    "Prints each problem as file:line:col: severity: message [code]; exits 1 if there is an error."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .bnn files to check.")
    private List<Path> files;

    @Option(names = "--info", description = "Also print informational hints (e.g. poorly used tiles).")
    private boolean info;

    @Override
    public Integer call() {
        BnnWorkspace workspace = BnnWorkspace.load(files);
        DiagnosticsPrinter printer = new DiagnosticsPrinter(spec.commandLine().getOut(), info);
        boolean failed = printer.print(workspace);
        spec.commandLine().getErr().println(printer.summary(files.size()));
        return failed ? BnnCli.EXIT_INPUT_ERRORS : 0;
    }
}
