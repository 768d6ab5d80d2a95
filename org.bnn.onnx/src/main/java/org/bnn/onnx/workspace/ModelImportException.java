package org.bnn.onnx.workspace;

/**
 * An import that cannot be done as asked: a wrong option, a file that exists or cannot be written.
 * The message is one line naming the value or file; {@link #problem()} lets a command line name its
 * option and a dialog its field.
 */
public final class ModelImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** The network's name is not a name of the language. */
        NAME,
        /** The input bits are outside what the simulator feeds. */
        INPUT_BITS,
        /** The chip is not one of the presets. */
        CHIP,
        /** NAME.bnn or NAME.npz exists and overwriting was not asked for. */
        EXISTS,
        /** A file or folder cannot be written. */
        WRITE
    }

    private final Problem problem;
    private final String subject;
    private final String reason;

    ModelImportException(Problem problem, String subject, String reason) {
        super(subject + ": " + reason);
        this.problem = problem;
        this.subject = subject;
        this.reason = reason;
    }

    public Problem problem() {
        return problem;
    }

    /** The value or file the problem is about. */
    public String subject() {
        return subject;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
