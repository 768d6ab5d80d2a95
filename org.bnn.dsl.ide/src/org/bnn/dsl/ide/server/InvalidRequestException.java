package org.bnn.dsl.ide.server;

/**
 * A request the server cannot answer because of the client: a position or range outside the
 * document, a document that is neither open nor on disk. {@link RequestGuard} answers it as
 * empty and logs the message in one line, without a stack trace: it is not the server's bug.
 */
public class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
