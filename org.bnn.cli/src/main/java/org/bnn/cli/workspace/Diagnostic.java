package org.bnn.cli.workspace;

import java.nio.file.Path;

/** One problem in a source file, positioned for a human (1-based line and column). */
public record Diagnostic(Path file, int line, int column, Severity severity, String message, String code) {

    public enum Severity {
        ERROR,
        WARNING,
        INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code file:line:col: severity: message [code]}, the format editors and CI tools parse. */
    public String format(Path relativeTo) {
        Path shown = relativeTo == null ? file : relativize(relativeTo, file);
        return shown + ":" + line + ":" + column + ": " + severity.label() + ": " + message
                + (code == null || code.isEmpty() ? "" : " [" + code + "]");
    }

    private static Path relativize(Path base, Path file) {
        try {
            Path relative = base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
            return relative.startsWith("..") ? file : relative;
        } catch (IllegalArgumentException e) {
            return file;
        }
    }
}
