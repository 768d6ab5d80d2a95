package org.bnn.dsl.ide.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The server's log on stderr (which editors show as the server's log): one line per record,
 * {@code bnn-language-server: LEVEL: message}, line breaks inside the message flattened. A
 * record's stack trace follows only when the debug switch is on ({@link RequestGuard#DEBUG_PROPERTY}).
 * Also formats what LSP4J logs, so its "Internal error" records stay one line too.
 */
public class OneLineLogFormatter extends Formatter {

    /** Longest message written, in characters: a line, not a dump of a document. */
    static final int MAX_MESSAGE = 1000;

    private final boolean stackTraces;

    public OneLineLogFormatter(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        if (record.getThrown() != null && !stackTraces) {
            message = message + " (" + RequestGuard.describe(record.getThrown()) + ")";
        }
        message = message.strip().replaceAll("\\s*\\R\\s*", " ");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        StringBuilder line = new StringBuilder("bnn-language-server: ").append(record.getLevel().getName()).append(": ")
                .append(message).append(System.lineSeparator());
        if (record.getThrown() != null && stackTraces) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
