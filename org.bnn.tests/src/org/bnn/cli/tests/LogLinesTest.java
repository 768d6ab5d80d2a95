package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.bnn.cli.LogLines;
import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.Test;
import org.bnn.cli.testing.CliRun;

/** What a library logs while a command runs reaches the user as one line, without stack frames. */
class LogLinesTest {
    private final String quickstart = TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString();

    @Test
    void anErrorLoggedWithAnExceptionIsOneLine() {
        StringWriter err = new StringWriter();
        // What a validator rule would log when it throws is logged here the same way Xtext does.
        try (LogLines.Installed logging = LogLines.install(new PrintWriter(err), false)) {
            Logger.getLogger("org.eclipse.xtext.validation.CompositeEValidator").error("Error executing EValidator",
                    new NullPointerException("Cannot invoke \"Quantity.getValue()\""));
            Logger.getLogger("org.eclipse.xtext.resource").info("loaded");
        }
        assertEquals(List
                .of("bnn: internal error: Error executing EValidator: java.lang.NullPointerException: Cannot invoke \"Quantity.getValue()\""
                        + " (set BNN_DEBUG=1 for the stack trace)"),
                err.toString().lines().toList(), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aCommandLeavesTheLoggingOfItsHostAsItFoundIt() {
        // The fuzz harness and the tests run bnn in their JVM and listen to log4j themselves.
        Logger root = Logger.getRootLogger();
        Logger xtext = Logger.getLogger("org.eclipse.xtext");
        Level rootLevel = root.getLevel();
        Level xtextLevel = xtext.getLevel();
        Listener listener = new Listener();
        root.addAppender(listener);
        root.setLevel(Level.DEBUG);
        xtext.setLevel(Level.ERROR);
        try {
            CliRun run = bnn("check", quickstart);
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.err().contains("0 errors"), run.err());
            assertSame(listener, root.getAppender(Listener.NAME), "still attached");
            assertEquals(Level.DEBUG, root.getLevel());
            assertEquals(Level.ERROR, xtext.getLevel());
            Logger.getLogger("org.bnn").warn("heard");
            // Nothing before: while the command ran, its one-line appender stood in for the host's.
            assertEquals(List.of("heard"), listener.heard);
        } finally {
            root.removeAppender(listener);
            root.setLevel(rootLevel);
            xtext.setLevel(xtextLevel);
        }
    }

    private static final class Listener extends AppenderSkeleton {
        static final String NAME = "bnn-test-listener";
        final List<Object> heard = new java.util.ArrayList<>();

        Listener() {
            setName(NAME);
        }

        @Override
        protected void append(LoggingEvent event) {
            heard.add(event.getMessage());
        }

        @Override
        public void close() {
            closed = true; // as log4j's own appenders do: a closed appender hears nothing more
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    }
}
