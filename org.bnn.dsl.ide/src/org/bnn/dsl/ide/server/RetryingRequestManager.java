package org.bnn.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.concurrent.AbstractRequest;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.xbase.lib.Functions.Function0;
import org.eclipse.xtext.xbase.lib.Functions.Function1;
import org.eclipse.xtext.xbase.lib.Functions.Function2;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Xtext's request manager, except that a read request (code lens, inlay hints, hover, symbols, …)
 * overtaken by a write (didOpen, didChange, …) is run again after the write instead of ending as
 * cancelled. Xtext 2.42 cancels all pending and running reads when a write arrives, and LSP4J
 * answers a cancelled request with RequestCancelled (-32800), which LSP reserves for requests the
 * client cancelled: clients drop such an answer (Neovim then never refreshes its code lenses).
 * <p>
 * The write is not delayed: it still cancels the reads, the rerun is queued behind it and so sees
 * the new text. A read still queued when the next write arrives costs nothing to rerun; one whose
 * computation was interrupted {@value #MAX_INTERRUPTED_RUNS} times (a client that keeps editing
 * while a slow read runs) is answered with ContentModified (-32801). A cancellation by the client
 * ({@code $/cancelRequest}) and the server's shutdown still cancel the request.
 */
@Singleton
public class RetryingRequestManager extends RequestManager {

    /** Interrupted computations of one read before it is answered with ContentModified. */
    public static final int MAX_INTERRUPTED_RUNS = 10;

    /** Reads overtaken while a write is being queued: run again once that write is queued. Guarded by this. */
    private final List<Read<?>> overtakenDuringWrite = new ArrayList<>();

    /** Whether {@link #runWrite} is queueing a write. Guarded by this. */
    private boolean queueingWrite;

    private volatile boolean shutDown;

    /** Whether the writes being queued are kept from later writes' cancellation ({@link #uncancellable}). Guarded by this. */
    private boolean keepingWrites;

    private final OperationCanceledManager cancellations;

    @Inject
    public RetryingRequestManager(ExecutorService parallel, OperationCanceledManager operationCanceledManager) {
        super(parallel, operationCanceledManager);
        this.cancellations = operationCanceledManager;
    }

    /** Runs the read; a failure of its computation is answered empty by the {@link RequestGuard}. */
    @Override
    public synchronized <V> CompletableFuture<V> runRead(Function1<? super CancelIndicator, ? extends V> operation) {
        Read<V> read = new Read<>(RequestGuard.guard(operation, cancellations));
        read.attempt();
        return read;
    }

    @Override
    public synchronized <U, V> CompletableFuture<V> runWrite(Function0<? extends U> nonCancellable,
            Function2<? super CancelIndicator, ? super U, ? extends V> cancellable) {
        // Xtext cancels the queued reads synchronously in here, before it queues the write; their
        // reruns must be queued after the write, so they are collected and queued afterwards.
        queueingWrite = true;
        try {
            return super.runWrite(nonCancellable, cancellable);
        } finally {
            queueingWrite = false;
            List<Read<?>> reruns = new ArrayList<>(overtakenDuringWrite);
            overtakenDuringWrite.clear();
            reruns.forEach(Read::attempt);
        }
    }

    /**
     * Queues what {@code queue} queues so that no later write cancels it. Xtext's {@code initialize}
     * sets its result only when its write (the workspace's first index) completes uncancelled, and
     * Xtext's rename reads that result: the server answers {@code initialize} before that write has
     * run ({@link LspLanguageServer}), so the client's first {@code didOpen} would cancel it. Writes
     * run one after another on one thread, so the writes and reads after it still wait for it.
     */
    public synchronized <T> T uncancellable(Supplier<T> queue) {
        keepingWrites = true;
        try {
            return queue.get();
        } finally {
            keepingWrites = false;
        }
    }

    /** Adds the request to those the next write cancels, unless {@link #uncancellable} queues it. */
    @Override
    protected void addRequest(AbstractRequest<?> request) {
        if (!keepingWrites) {
            super.addRequest(request);
        }
    }

    @Override
    public void shutdown() {
        shutDown = true;
        super.shutdown();
    }

    /** A read of Xtext's {@link RequestManager} was cancelled, though not by the client. */
    private synchronized void overtaken(Read<?> read) {
        if (read.isDone()) {
            return;
        }
        if (shutDown) {
            read.cancel(false);
        } else if (read.runs.get() >= MAX_INTERRUPTED_RUNS) {
            read.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.ContentModified,
                    "The documents kept changing while the request ran (" + MAX_INTERRUPTED_RUNS + " times)", null)));
        } else if (queueingWrite) {
            overtakenDuringWrite.add(read);
        } else {
            read.attempt();
        }
    }

    /**
     * The future a client's request gets: completed by the first attempt that is not cancelled by
     * a write. Cancelling it (the client's {@code $/cancelRequest}) cancels the running attempt.
     */
    private final class Read<V> extends CompletableFuture<V> {
        private final Function1<? super CancelIndicator, ? extends V> operation;
        /** Computations started (Xtext skips the operation of a read cancelled before it ran). */
        private final AtomicInteger runs = new AtomicInteger();
        private volatile CompletableFuture<V> current;

        Read(Function1<? super CancelIndicator, ? extends V> operation) {
            this.operation = operation;
        }

        /** Queues one run of the operation; called with the manager's lock held. */
        void attempt() {
            if (isDone()) {
                return;
            }
            CompletableFuture<V> run = RetryingRequestManager.super.runRead(cancel -> {
                runs.incrementAndGet();
                return operation.apply(cancel);
            });
            current = run;
            run.whenComplete((value, failure) -> {
                if (run.isCancelled()) {
                    overtaken(this);
                } else if (failure != null) {
                    completeExceptionally(failure);
                } else {
                    complete(value);
                }
            });
            if (isCancelled()) {
                run.cancel(true); // the client cancelled while this attempt was being queued
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<V> run = current;
            if (run != null) {
                run.cancel(mayInterruptIfRunning);
            }
            return cancelled;
        }
    }
}
