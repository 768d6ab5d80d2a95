package org.bnn.cli;

import java.io.PrintWriter;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Routes what the libraries log (Xtext logs through log4j, e.g. a validator rule that threw) to
 * stderr as one line per event, so that a bug never shows the user a wall of stack frames; the
 * stack trace follows only with {@code BNN_DEBUG} set. Xtext's own jar configures a console
 * appender with full stack traces for INFO and above, which this replaces.
 */
final class LogLines extends AppenderSkeleton {
    private final PrintWriter err;
    private final boolean debug;

    private LogLines(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /** Replaces every appender of the root logger by one that writes single lines to {@code err}. */
    static void install(PrintWriter err, boolean debug) {
        Logger root = Logger.getRootLogger();
        root.removeAllAppenders();
        root.setLevel(debug ? Level.INFO : Level.WARN);
        Logger.getLogger("org.eclipse.xtext").setLevel(null); // inherit the root's level
        root.addAppender(new LogLines(err, debug));
    }

    @Override
    protected void append(LoggingEvent event) {
        Throwable thrown = event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable();
        String what = event.getLevel().isGreaterOrEqual(Level.ERROR) ? "internal error" : event.getLevel().toString().toLowerCase(java.util.Locale.ROOT);
        err.println("bnn: " + what + ": " + event.getRenderedMessage() + (thrown == null ? "" : ": " + thrown)
                + (thrown != null && !debug ? " (set BNN_DEBUG=1 for the stack trace)" : ""));
        if (thrown != null && debug) {
            thrown.printStackTrace(err);
        }
        err.flush();
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
