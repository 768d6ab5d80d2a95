package org.bnn.dsl.ide.estimate;

import java.util.List;

/**
 * A hover's content: a title and one line per figure. Rendered as Markdown for language-server
 * clients and as plain text for the Eclipse hover.
 */
public record Breakdown(String title, List<String> lines) {
    public Breakdown {
        lines = List.copyOf(lines);
    }

    public String toMarkdown() {
        StringBuilder text = new StringBuilder("**").append(escape(title)).append("**\n\n");
        for (String line : lines) {
            text.append("- ").append(escape(line)).append('\n');
        }
        return text.toString();
    }

    public String toPlainText() {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (String line : lines) {
            text.append("  ").append(line).append('\n');
        }
        return text.toString();
    }

    /** Markdown would read "2 x 3 * 4" or "_" as emphasis: escape what our texts can contain. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_");
    }
}
