package org.bnn.dsl.ui.internal;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Xtext logs through log4j. When nobody configured log4j (a plain Eclipse), route its warnings
 * and errors to the Eclipse error log instead of log4j's "no appenders" complaint on stderr.
 */
final class Log4jToEclipseLog extends AppenderSkeleton {

    static void installIfUnconfigured() {
        Logger root = LogManager.getRootLogger();
        if (!root.getAllAppenders().hasMoreElements()) {
            root.setLevel(Level.WARN);
            root.addAppender(new Log4jToEclipseLog());
        }
    }

    @Override
    protected void append(LoggingEvent event) {
        int severity = event.getLevel().isGreaterOrEqual(Level.ERROR) ? IStatus.ERROR : IStatus.WARNING;
        ThrowableInformation thrown = event.getThrowableInformation();
        ILog.of(Log4jToEclipseLog.class).log(new Status(severity, BnnUiActivator.PLUGIN_ID,
                event.getLoggerName() + ": " + event.getRenderedMessage(), thrown == null ? null : thrown.getThrowable()));
    }

    @Override
    public boolean requiresLayout() {
        return false;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
