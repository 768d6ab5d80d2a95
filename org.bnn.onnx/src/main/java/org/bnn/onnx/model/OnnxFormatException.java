package org.bnn.onnx.model;

/**
 * A model that cannot be read or imported: the message is one line naming the file, the node (name and
 * op type) where there is one, and what is supported instead. Never carries a stack trace to the user.
 */
public final class OnnxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxFormatException(String message) {
        super(message);
    }
}
