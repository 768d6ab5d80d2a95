package org.bnn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.Diagnostic;

/** Prints the diagnostics of a workspace's requested files and counts them. */
final class DiagnosticsPrinter {
    private final PrintWriter out;
    private final boolean showInfos;
    private int errors;
    private int warnings;

    DiagnosticsPrinter(PrintWriter out) {
        this(out, false);
    }

    /** @param showInfos also print informational diagnostics (hints such as tile utilization) */
    DiagnosticsPrinter(PrintWriter out, boolean showInfos) {
        this.out = out;
        this.showInfos = showInfos;
    }

    /** Prints every diagnostic of the workspace's requested files, each file's once; returns true if there was an error. */
    boolean print(BnnWorkspace workspace) {
        Path here = Path.of("");
        for (Diagnostic diagnostic : workspace.diagnostics()) {
            if (diagnostic.severity() == Diagnostic.Severity.INFO && !showInfos) {
                continue;
            }
            out.println(diagnostic.format(here));
            switch (diagnostic.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> {
                }
            }
        }
        out.flush();
        return errors > 0;
    }

    String summary(int files) {
        return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files, "file");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
