package org.bnn.cli.compile;

/** Generated Java could not be compiled; the message holds the compiler's diagnostics. */
public final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompilationException(String message) {
        super(message);
    }
}
