package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.bnn.dsl.ide.server.RetryingRequestManager;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The language server's request manager: a read overtaken by a write (an editor's didOpen or
 * didChange) is answered from the state after the write, where Xtext's own manager answers it as
 * cancelled (which LSP4J sends as RequestCancelled, -32800). Each race is staged with latches:
 * the read's computation waits until the write has cancelled it, so no timing decides the outcome.
 */
class RetryingRequestManagerTest {
    private static final long TIMEOUT = 20;

    private final OperationCanceledManager cancelManager = new OperationCanceledManager();
    /** One reader thread, so the tests can tell which computations have finished (see barrier). */
    private final ExecutorService readers = Executors.newSingleThreadExecutor();
    private RequestManager manager;

    @AfterEach
    void shutDown() {
        if (manager != null) {
            manager.shutdown();
        }
        readers.shutdownNow();
    }

    @Test
    void xtextsManagerCancelsAReadThatAWriteOvertakes() throws Exception {
        // The behaviour this manager replaces, so that the tests below stage the real race.
        RaceOutcome outcome = readOvertakenWhileComputing(RequestManager::new);
        assertThrows(CancellationException.class, () -> outcome.answer().get(TIMEOUT, TimeUnit.SECONDS));
    }

    @Test
    void aReadInterruptedByAWriteIsComputedAgainAfterIt() throws Exception {
        RaceOutcome outcome = readOvertakenWhileComputing(RetryingRequestManager::new);
        assertEquals("state 2", outcome.answer().get(TIMEOUT, TimeUnit.SECONDS), "computed on the state the write left");
        assertEquals(2, outcome.runs().get(), "the interrupted computation and the rerun");
    }

    @Test
    void xtextsManagerCancelsAReadThatAWriteOvertakesInTheQueue() throws Exception {
        CompletableFuture<String> answer = readOvertakenInTheQueue(RequestManager::new);
        assertThrows(CancellationException.class, () -> answer.get(TIMEOUT, TimeUnit.SECONDS));
    }

    @Test
    void aReadOvertakenInTheQueueIsRunAfterTheWrite() throws Exception {
        CompletableFuture<String> answer = readOvertakenInTheQueue(RetryingRequestManager::new);
        assertEquals("state 2", answer.get(TIMEOUT, TimeUnit.SECONDS));
    }

    @Test
    void theClientsCancellationStillCancels() throws Exception {
        manager = new RetryingRequestManager(readers, cancelManager);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CompletableFuture<String> answer = manager.runRead(cancel -> {
            runs.incrementAndGet();
            computing.countDown();
            awaitCancellation(cancel);
            return "too late";
        });
        assertTrue(computing.await(TIMEOUT, TimeUnit.SECONDS));
        answer.cancel(true); // what LSP4J does on $/cancelRequest
        assertThrows(CancellationException.class, () -> answer.get(TIMEOUT, TimeUnit.SECONDS));
        barrier();
        assertEquals(1, runs.get(), "not computed again");
    }

    @Test
    void aReadInterruptedAgainAndAgainEndsAsContentModified() throws Exception {
        manager = new RetryingRequestManager(readers, cancelManager);
        Semaphore computing = new Semaphore(0);
        CompletableFuture<String> answer = manager.runRead(cancel -> {
            computing.release();
            awaitCancellation(cancel);
            return "never";
        });
        for (int write = 0; write < RetryingRequestManager.MAX_INTERRUPTED_RUNS; write++) {
            assertTrue(computing.tryAcquire(TIMEOUT, TimeUnit.SECONDS), "computation " + (write + 1) + " started");
            manager.runWrite(() -> null, (cancel, nothing) -> null);
        }
        ExecutionException failure = assertThrows(ExecutionException.class, () -> answer.get(TIMEOUT, TimeUnit.SECONDS));
        ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, failure.getCause());
        assertEquals(ResponseErrorCode.ContentModified.getValue(), error.getResponseError().getCode());
    }

    // ---------------------------------------------------------------------------------------

    private record RaceOutcome(CompletableFuture<String> answer, AtomicInteger runs) {
    }

    /**
     * A read whose first computation waits until a write (1 → 2) has cancelled it; later
     * computations answer at once.
     */
    private RaceOutcome readOvertakenWhileComputing(BiFunction<ExecutorService, OperationCanceledManager, RequestManager> kind)
            throws Exception {
        manager = kind.apply(readers, cancelManager);
        AtomicInteger state = new AtomicInteger(1);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CompletableFuture<String> answer = manager.runRead(cancel -> {
            if (runs.incrementAndGet() == 1) {
                computing.countDown();
                awaitCancellation(cancel);
            }
            return "state " + state.get();
        });
        assertTrue(computing.await(TIMEOUT, TimeUnit.SECONDS), "the read computes");
        manager.runWrite(() -> state.getAndSet(2), (cancel, nothing) -> null);
        return new RaceOutcome(answer, runs);
    }

    /** A read still queued behind a slow write when the next write (1 → 2) cancels it. */
    private CompletableFuture<String> readOvertakenInTheQueue(BiFunction<ExecutorService, OperationCanceledManager, RequestManager> kind) {
        manager = kind.apply(readers, cancelManager);
        AtomicInteger state = new AtomicInteger(1);
        CountDownLatch slowWriteMayEnd = new CountDownLatch(1);
        manager.runWrite(() -> await(slowWriteMayEnd), (cancel, nothing) -> null);
        CompletableFuture<String> answer = manager.runRead(cancel -> "state " + state.get());
        manager.runWrite(() -> state.getAndSet(2), (cancel, nothing) -> null);
        slowWriteMayEnd.countDown();
        return answer;
    }

    /** Waits (bounded) until the request is cancelled, then stops as Xtext's services do. */
    private void awaitCancellation(CancelIndicator cancel) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT);
        while (!cancel.isCanceled() && System.nanoTime() < deadline) {
            sleep();
        }
        assertTrue(cancel.isCanceled(), "the write cancels the running read");
        cancelManager.checkCanceled(cancel);
    }

    /**
     * Returns once every computation queued so far has finished, and so has anything those queued
     * on finishing: two reads, one after the other, through the single reader thread.
     */
    private void barrier() throws Exception {
        manager.runRead(cancel -> null).get(TIMEOUT, TimeUnit.SECONDS);
        manager.runRead(cancel -> null).get(TIMEOUT, TimeUnit.SECONDS);
    }

    private static Object await(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
