package org.bnn.runtime.weights;

/** A weight file that cannot be read or does not fit: the message names the file and the entry. */
public final class WeightsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
