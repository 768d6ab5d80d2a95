package org.bnn.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.bnn.cli.BnnCli;

/**
 * One run of the {@code bnn} command line in this JVM: its exit code and what it printed. A test fixture of the
 * modules that run the command line (org.bnn.tests, org.bnn.spark: the test-fixtures jar of org.bnn.cli).
 */
public record CliRun(int exit, String out, String err) {

    public static CliRun bnn(String... args) {
        return capture(() -> BnnCli.execute(args));
    }

    /** Runs {@code command} with System.out and System.err captured; it returns the exit code. */
    public static CliRun capture(java.util.function.IntSupplier command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int exit = command.getAsInt();
            return new CliRun(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Everything printed, for assertion messages. */
    public String all() {
        return out + err;
    }
}
