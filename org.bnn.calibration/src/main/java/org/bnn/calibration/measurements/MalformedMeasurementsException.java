package org.bnn.calibration.measurements;

/**
 * A CSV of measurements that cannot be fitted, with the one place to look: its message is
 * {@code file:line: problem}, the line 1-based as an editor shows it.
 */
public final class MalformedMeasurementsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public MalformedMeasurementsException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The problem alone, without the file and line. */
    public String problem() {
        return problem;
    }
}
