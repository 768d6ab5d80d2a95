package org.bnn.runtime.explore;

/**
 * An executor could not finish an exploration's tasks for reasons outside the description: a cluster that went
 * away, tasks that failed on every retry. Its message is one line for the user; nothing has been written.
 */
public final class ExecutorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExecutorFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
