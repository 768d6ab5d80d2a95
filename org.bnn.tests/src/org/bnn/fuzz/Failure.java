package org.bnn.fuzz;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One broken promise of the pipeline on one input: an uncaught exception, a logged error or stack
 * trace, validated Java that does not compile, formatting that is not idempotent, a case over the
 * time limit.
 *
 * @param detail what a developer needs to find the bug (exception and first frames, compiler message)
 */
public record Failure(Stage stage, String kind, String detail) {

    /** An exception that escaped a stage, with its first frames. */
    public static Failure uncaught(Stage stage, Throwable e) {
        return new Failure(stage, "uncaught " + e.getClass().getName(), describe(e));
    }

    /** The exception and its first frames, cause included: enough to name the line that threw. */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.isEmpty() ? "" : "\ncaused by ").append(t).append('\n');
            text.append(Arrays.stream(t.getStackTrace()).limit(10).map(f -> "    at " + f).collect(Collectors.joining("\n")));
        }
        return text.toString();
    }

    /**
     * What makes two failures the same bug: stage, kind and the first line of the detail with
     * numbers and quoted names taken out (the same exception at the same frame, the same compiler error).
     */
    public String signature() {
        String[] lines = detail.split("\n");
        String frame = lines.length > 1 && lines[1].trim().startsWith("at ") ? lines[1].trim() : "";
        // Which kind of element a message names does not make another bug ("Chip null", "Network null").
        // An exception is the same bug wherever its message varies: its class and first frame name it.
        String first = (kind.startsWith("uncaught") ? lines[0].replaceFirst(":.*", "") : lines[0]).replaceAll("'[^']*'|\"[^\"]*\"", "_")
                .replaceAll("[0-9]+", "N").replaceAll("\\b[A-Z][a-z]+ null\\b", "_ null")
                .replaceAll("\\b(Experiment|Network|Chip|Tile|Device|Mapping|Training|Regime) [A-Za-z_][A-Za-z0-9_]*", "$1 _");
        return stage + " " + kind + ": " + abbreviate(first, 100) + " " + frame.replaceAll(":[0-9]+\\)", ")");
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
