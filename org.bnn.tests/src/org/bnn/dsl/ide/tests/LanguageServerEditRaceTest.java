package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.bnn.dsl.ide.server.BnnLanguageServerLauncher;
import org.bnn.dsl.ide.server.InlayHintLanguageServer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.util.Modules2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.Module;

/**
 * A code lens request that an edit overtakes (the editor sends didOpen or didChange while the
 * server computes the lenses) gets the lenses, where Xtext's server answers it as cancelled
 * (RequestCancelled, -32800, which Neovim drops for good). The server runs in this JVM, built from
 * the launcher's module, so that its reader threads can be held: the lens computation is handed to
 * a reader, held there until the edit has arrived, then let go; no timing decides the race.
 */
class LanguageServerEditRaceTest {
    private static final long TIMEOUT = LanguageServerProcess.TIMEOUT_SECONDS;

    @TempDir
    Path workspace;

    private final HoldingExecutor readers = new HoldingExecutor();
    private LanguageServerImpl server;
    private String quickstart;
    private String uri;

    @AfterEach
    void shutDown() throws Exception {
        readers.letGo();
        if (server != null) {
            server.shutdown().get(TIMEOUT, TimeUnit.SECONDS);
        }
    }

    @Test
    void xtextsServerCancelsTheOvertakenRequest() throws Exception {
        // The race as staged here is the one editors hit: Xtext's own server answers it as cancelled.
        start(Modules2.mixin(new ServerModule(), binder -> binder.bind(LanguageServerImpl.class).to(InlayHintLanguageServer.class)));
        CompletableFuture<List<? extends CodeLens>> lenses = codeLensOvertakenBy(() -> openAnotherDocument());
        assertThrows(CancellationException.class, () -> lenses.get(TIMEOUT, TimeUnit.SECONDS));
    }

    @Test
    void answersACodeLensRequestThatADidOpenOvertakes() throws Exception {
        start(BnnLanguageServerLauncher.module());
        List<? extends CodeLens> lenses = codeLensOvertakenBy(() -> openAnotherDocument()).get(TIMEOUT, TimeUnit.SECONDS);
        assertEquals(List.of(line(quickstart, "mapping OnDemo"), line(quickstart, "experiment BerSweep")), lines(lenses));
    }

    @Test
    void answersACodeLensRequestThatADidChangeOvertakesFromTheChangedText() throws Exception {
        start(BnnLanguageServerLauncher.module());
        String changed = "// one more line\n" + quickstart;
        List<? extends CodeLens> lenses = codeLensOvertakenBy(() -> server.didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(new TextDocumentContentChangeEvent(changed)))))
                .get(TIMEOUT, TimeUnit.SECONDS);
        assertEquals(List.of(line(changed, "mapping OnDemo"), line(changed, "experiment BerSweep")), lines(lenses),
                "computed again on the changed text");
    }

    // ---------------------------------------------------------------------------------------

    /** Starts the server on the quick-start example with the quick-start file open. */
    private void start(Module module) throws Exception {
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples");
        quickstart = Files.readString(examples.resolve("quickstart/quickstart.bnn"));
        Files.copy(examples.resolve("lib/illustrative-hw.bnn"), workspace.resolve("illustrative-hw.bnn"));
        Files.writeString(workspace.resolve("quickstart.bnn"), quickstart);

        server = Guice.createInjector(Modules2.mixin(module, binder -> binder.bind(ExecutorService.class).toInstance(readers)))
                .getInstance(LanguageServerImpl.class);
        server.connect(new LanguageServerProcess.DiagnosticsCollector());
        InitializeParams params = LanguageServerProcess.initializeParams(workspace, new ClientCapabilities());
        server.initialize(params).get(TIMEOUT, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        uri = workspace.resolve("quickstart.bnn").toUri().toString();
        server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, quickstart)));
        assertEquals(2, codeLens().get(TIMEOUT, TimeUnit.SECONDS).size(), "lenses without a race");
    }

    /**
     * Requests the lenses, holds their computation on its reader until {@code edit} has been
     * received (LanguageServerImpl queues the edit's write before it returns), then lets it go.
     */
    private CompletableFuture<List<? extends CodeLens>> codeLensOvertakenBy(Runnable edit) throws Exception {
        readers.hold();
        CompletableFuture<List<? extends CodeLens>> lenses = codeLens();
        assertTrue(readers.awaitHeld(TIMEOUT), "the lens computation reaches a reader");
        edit.run();
        readers.letGo();
        return lenses;
    }

    private CompletableFuture<List<? extends CodeLens>> codeLens() {
        return server.codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)));
    }

    private void openAnotherDocument() {
        String other = workspace.resolve("other.bnn").toUri().toString();
        server.didOpen(
                new DidOpenTextDocumentParams(new TextDocumentItem(other, "bnn", 1, "tile T { cells 32 rows x 32 columns 2T2R }\n")));
    }

    private static List<Integer> lines(List<? extends CodeLens> lenses) {
        return lenses.stream().map(l -> l.getRange().getStart().getLine()).toList();
    }

    private static int line(String text, String snippet) {
        int offset = text.indexOf(snippet);
        assertTrue(offset >= 0, snippet);
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** The server's reader threads, which can be told to hold the computations handed to them. */
    private static final class HoldingExecutor extends AbstractExecutorService {
        private final ExecutorService threads = Executors.newCachedThreadPool();
        private final List<Runnable> held = new ArrayList<>();
        private final Semaphore arrived = new Semaphore(0);
        private boolean holding;

        synchronized void hold() {
            holding = true;
        }

        boolean awaitHeld(long seconds) throws InterruptedException {
            return arrived.tryAcquire(seconds, TimeUnit.SECONDS);
        }

        synchronized void letGo() {
            holding = false;
            held.forEach(threads::execute);
            held.clear();
        }

        @Override
        public synchronized void execute(Runnable task) {
            if (holding) {
                held.add(task);
                arrived.release();
            } else {
                threads.execute(task);
            }
        }

        @Override
        public void shutdown() {
            threads.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return threads.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return threads.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return threads.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return threads.awaitTermination(timeout, unit);
        }
    }
}
