package org.bnn.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;

import org.apache.log4j.Appender;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Routes what the libraries log (Xtext logs through log4j, e.g. a validator rule that threw) to
 * stderr as one line per event, so that a bug never shows the user a wall of stack frames; the
 * stack trace follows only with {@code BNN_DEBUG} set. Xtext's own jar configures a console
 * appender with full stack traces for INFO and above, which this replaces while a command runs.
 */
public final class LogLines extends AppenderSkeleton {
    private static final String DEBUG_HINT = " (set BNN_DEBUG=1 for the stack trace)";

    private final PrintWriter err;
    private final boolean debug;

    private LogLines(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** The logging as it was before {@link #install}; closing puts it back. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Replaces every appender of the root logger by one that writes single lines to {@code err},
     * until the result is closed: bnn runs inside other programs too (tests, the fuzz harness),
     * whose own appenders and levels must survive the command.
     */
    public static Installed install(PrintWriter err, boolean debug) {
        Logger root = Logger.getRootLogger();
        Logger xtext = Logger.getLogger("org.eclipse.xtext");
        List<Appender> previous = Collections.list(root.getAllAppenders()).stream().map(Appender.class::cast).toList();
        Level rootLevel = root.getLevel();
        Level xtextLevel = xtext.getLevel();
        LogLines lines = new LogLines(err, debug);
        previous.forEach(root::removeAppender); // not removeAllAppenders, which closes them for good
        root.setLevel(debug ? Level.INFO : Level.WARN);
        xtext.setLevel(null); // inherit the root's level
        root.addAppender(lines);
        return () -> {
            root.removeAppender(lines);
            previous.forEach(root::addAppender);
            root.setLevel(rootLevel);
            xtext.setLevel(xtextLevel);
        };
    }

    /**
     * Prints {@code line} after "bnn: " as the one line of a problem; when it has a {@code cause},
     * the cause's stack trace follows with {@code debug}, a hint how to get it without.
     */
    static void report(PrintWriter err, String line, Throwable cause, boolean debug) {
        err.println("bnn: " + line + (cause != null && !debug ? DEBUG_HINT : ""));
        if (cause != null && debug) {
            cause.printStackTrace(err);
        }
        err.flush();
    }

    @Override
    protected void append(LoggingEvent event) {
        Throwable thrown = event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable();
        String what = event.getLevel().isGreaterOrEqual(Level.ERROR)
                ? "internal error"
                : event.getLevel().toString().toLowerCase(java.util.Locale.ROOT);
        report(err, what + ": " + event.getRenderedMessage() + (thrown == null ? "" : ": " + thrown), thrown, debug);
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }

    @Override
    public void close() {
        err.flush();
    }
}
