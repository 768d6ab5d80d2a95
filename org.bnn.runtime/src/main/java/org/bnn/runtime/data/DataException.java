package org.bnn.runtime.data;

/**
 * A data set that cannot be read: missing, truncated or not the format expected. The message is
 * one line that names the file and, where it helps, says how to fetch the data.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
