package org.bnn.cli;

import org.bnn.cli.compile.CompilationException;
import org.bnn.cli.workspace.WorkspaceException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code bnn} command. Exit codes: 0 success, 1 the input has errors, 2 the command could not
 * run (bad usage, unreadable file, internal failure).
 */
@Command(name = "bnn", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Checks, generates and runs .bnn descriptions of in-memory binarized neural network accelerators.", footer = {
    "", "Benchmarks of the simulator: bnn bench [quick|verify] (the ./bnn script runs scripts/bench.sh;"
            + " see docs/benchmarks.md)."}, subcommands = {CheckCommand.class, EstimateCommand.class, ExportCommand.class, FitCommand.class,
                FormatCommand.class, GenerateCommand.class, ImportCommand.class, RunCommand.class,
                TrainCommand.class, HelpCommand.class})
public final class BnnCli implements Runnable {
    /** The input has errors. */
    static final int EXIT_INPUT_ERRORS = 1;
    /** The command could not run. */
    static final int EXIT_FAILURE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting; the logging is as before afterwards. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new BnnCli());
        boolean debug = System.getenv("BNN_DEBUG") != null;
        // A mistake on the command line is one line and a pointer to the help, not the whole usage.
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("bnn: " + usageMistake(e) + " (see " + failed.getCommandSpec().qualifiedName() + " --help)");
            return EXIT_FAILURE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof WorkspaceException || e instanceof CompilationException || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("bnn: " + e.getMessage());
            } else {
                LogLines.report(cmd.getErr(), "internal error: " + e, e, debug);
            }
            return EXIT_FAILURE;
        });
        try (LogLines.Installed logging = LogLines.install(commandLine.getErr(), debug)) {
            return commandLine.execute(args);
        }
    }

    /** Picocli's message, except for an unknown command, which it reports as "unmatched arguments". */
    private static String usageMistake(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", e.getCommandLine().getSubcommands().keySet());
        }
        return e.getMessage();
    }
}
