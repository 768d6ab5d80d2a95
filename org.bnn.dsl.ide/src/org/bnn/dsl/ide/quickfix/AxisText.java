package org.bnn.dsl.ide.quickfix;

import java.util.Optional;

import org.bnn.dsl.bnn.ExploreAxis;
import org.bnn.dsl.bnn.ReplicationAxis;

/** The text of an exploration's axes, for the quick fixes that remove or merge them. */
final class AxisText {
    private AxisText() {
    }

    /** [start, end) widened to whole lines when the text between them stands alone on its line(s). */
    static int[] withItsLine(String text, int start, int end) {
        int lineStart = start;
        while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        int lineEnd = end;
        while (lineEnd < text.length() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t')) {
            lineEnd++;
        }
        boolean alone = (lineStart == 0 || text.charAt(lineStart - 1) == '\n') && lineEnd < text.length()
                && (text.charAt(lineEnd) == '\n' || text.charAt(lineEnd) == '\r');
        if (!alone) {
            return new int[] {start, end};
        }
        return new int[] {lineStart, text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1};
    }

    /** What an axis lists between its braces, or empty for a range ({@code from … to …}). */
    static Optional<String> listed(String text, int start, int end) {
        int open = text.indexOf('{', start);
        int close = text.lastIndexOf('}', end - 1);
        return open < 0 || open >= end || close <= open ? Optional.empty() : Optional.of(text.substring(open + 1, close));
    }

    /** True if both axes vary the same thing (the same kind; for replication, the same layer). */
    static boolean sameAxis(ExploreAxis a, ExploreAxis b) {
        if (a.eClass() != b.eClass()) {
            return false;
        }
        return !(a instanceof ReplicationAxis ra) || !(b instanceof ReplicationAxis rb) || ra.getLayer() == rb.getLayer();
    }
}
