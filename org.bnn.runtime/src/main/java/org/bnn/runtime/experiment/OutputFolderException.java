package org.bnn.runtime.experiment;

/**
 * A place a run may not write: outside the description's project, or a folder the tool did not
 * write. The message is one line for the user, naming the folder.
 */
public final class OutputFolderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutputFolderException(String message) {
        super(message);
    }
}
