package org.bnn.cli.workspace;

/** A source file cannot be used; the message names the file and the reason. */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }
}
