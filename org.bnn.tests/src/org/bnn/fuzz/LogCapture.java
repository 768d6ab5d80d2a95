package org.bnn.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.spi.LoggingEvent;

/**
 * What the code under test logs and prints while one case runs. Xtext reports a validator rule
 * that threw through log4j (and turns it into a bogus diagnostic), other libraries through
 * java.util.logging, careless code with printStackTrace: all three are captured, so that an
 * error or a stack trace anywhere fails the case.
 */
final class LogCapture implements AutoCloseable {
    private final List<String> errors = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    // The streams of the JVM, taken once: a case abandoned over its time limit may close its capture late.
    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    private final Log4jAppender log4j = new Log4jAppender();
    private final JulHandler jul = new JulHandler();

    private LogCapture() {
    }

    /** Starts capturing; {@link #close()} restores the streams and the loggers. */
    static LogCapture start() {
        LogCapture capture = new LogCapture();
        org.apache.log4j.Logger.getRootLogger().addAppender(capture.log4j);
        java.util.logging.Logger.getLogger("").addHandler(capture.jul);
        PrintStream both = new PrintStream(capture.printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        return capture;
    }

    /** Logged errors and stack traces (logged or printed), one entry each; empty when all was quiet. */
    synchronized List<String> problems() {
        List<String> problems = new ArrayList<>(errors);
        String text = printed();
        if (text.contains("\tat ") || text.contains("Exception in thread")) {
            problems.add("printed a stack trace:\n" + text.lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        return problems;
    }

    /** Everything printed to System.out and System.err meanwhile. */
    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private synchronized void record(String problem) {
        errors.add(problem);
    }

    @Override
    public void close() {
        org.apache.log4j.Logger.getRootLogger().removeAppender(log4j);
        java.util.logging.Logger.getLogger("").removeHandler(jul);
        System.setOut(OUT);
        System.setErr(ERR);
    }

    private final class Log4jAppender extends AppenderSkeleton {
        @Override
        protected void append(LoggingEvent event) {
            boolean trace = event.getThrowableInformation() != null;
            if (trace || event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                record("log4j " + event.getLevel() + " " + event.getLoggerName() + ": " + event.getRenderedMessage()
                        + (trace ? "\n" + Failure.describe(event.getThrowableInformation().getThrowable()) : ""));
            }
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    }

    private final class JulHandler extends Handler {
        @Override
        public void publish(LogRecord entry) {
            if (entry.getThrown() != null || entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                record("java.util.logging " + entry.getLevel() + " " + entry.getLoggerName() + ": " + entry.getMessage()
                        + (entry.getThrown() != null ? "\n" + Failure.describe(entry.getThrown()) : ""));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
