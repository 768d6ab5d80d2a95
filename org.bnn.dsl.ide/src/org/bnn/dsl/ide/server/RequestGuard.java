package org.bnn.dsl.ide.server;

import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.xbase.lib.Functions.Function1;

/**
 * The last line of defence of a read request: a computation that fails is answered with an empty
 * result ({@code null}, which the protocol allows as the result of every request the server
 * answers) instead of an internal error, with one log line. A client's mistake
 * ({@link InvalidRequestException}) is logged as a warning; anything else is the server's bug,
 * logged as severe with its top frame, and with its stack trace only under
 * {@value #DEBUG_PROPERTY}. Cancellations and deliberate error answers pass through.
 */
public final class RequestGuard {

    /** System property that makes a server bug log its stack trace ({@code -Dbnn.languageServer.debug=true}). */
    public static final String DEBUG_PROPERTY = "bnn.languageServer.debug";

    private static final Logger LOG = Logger.getLogger(RequestGuard.class.getName());

    private RequestGuard() {
    }

    public static boolean debug() {
        return Boolean.getBoolean(DEBUG_PROPERTY);
    }

    /** {@code operation}, answering its failure as described above. */
    public static <V> Function1<CancelIndicator, V> guard(Function1<? super CancelIndicator, ? extends V> operation,
            OperationCanceledManager cancellations) {
        return cancel -> {
            try {
                return operation.apply(cancel);
            } catch (InvalidRequestException e) {
                LOG.warning("request answered empty: " + e.getMessage());
                return null;
            } catch (RuntimeException | StackOverflowError e) {
                if (e instanceof CancellationException || e instanceof ResponseErrorException
                        || cancellations.isOperationCanceledException(e)) {
                    throw e;
                }
                LOG.log(Level.SEVERE, "request answered empty after an internal error: " + describe(e), debug() ? e : null);
                return null;
            }
        };
    }

    /** The exception and where it was thrown, in one line. */
    static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e + (trace.length > 0 ? " at " + trace[0] : "");
    }
}
