package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bnn.dsl.ide.server.BnnLanguageServerLauncher;
import org.bnn.dsl.ide.server.LspWorkspaceManager;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.Modules2;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

/**
 * {@code initialize} answers without waiting for the workspace's index (Xtext builds it inside the
 * request, seconds on the examples): the index is built behind the answer, the requests that
 * follow wait for it, and an edit sent meanwhile does not cancel it.
 */
class LanguageServerStartupTest {
    private static final long TIMEOUT = 60;

    @TempDir
    Path workspace;

    @Test
    void initializeAnswersBeforeTheWorkspaceIsIndexedAndRequestsWaitForTheIndex() throws Exception {
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples");
        Files.copy(examples.resolve("quickstart/quickstart.bnn"), workspace.resolve("quickstart.bnn"));
        Files.copy(examples.resolve("lib/illustrative-hw.bnn"), workspace.resolve("illustrative-hw.bnn"));
        HeldIndexing indexing = new HeldIndexing();
        LanguageServerImpl server = Guice.createInjector(
                Modules2.mixin(BnnLanguageServerLauncher.module(), binder -> binder.bind(WorkspaceManager.class).toInstance(indexing)))
                .getInstance(LanguageServerImpl.class);
        server.connect(new LanguageServerProcess.DiagnosticsCollector());
        InitializeParams params = LanguageServerProcess.initializeParams(workspace, InProcessLanguageServer.likeVsCode());
        try {
            // Xtext's own initialize waits here until the index is built, which the test holds back.
            InitializeResult result = server.initialize(params).get(TIMEOUT, TimeUnit.SECONDS);
            assertNotNull(result.getCapabilities().getInlayHintProvider(), "the capabilities, inlay hints included");
            server.initialized(new InitializedParams());
            CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbols = server
                    .symbol(new WorkspaceSymbolParams(""));
            assertTrue(indexing.started.await(TIMEOUT, TimeUnit.SECONDS), "the index is built behind the answer");
            assertFalse(symbols.isDone(), "a request waits for the index");
            // An edit while the index is built: Xtext's write of the edit cancels the writes before it.
            String quickstart = Files.readString(workspace.resolve("quickstart.bnn"));
            String uri = workspace.resolve("quickstart.bnn").toUri().toString();
            server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, quickstart)));

            indexing.release.countDown();
            List<String> names = names(symbols.get(TIMEOUT, TimeUnit.SECONDS));
            assertTrue(names.stream().anyMatch(n -> n.endsWith("OnDemo")) && names.stream().anyMatch(n -> n.endsWith("Demo1T1R")),
                    "the symbols of both files: " + names);
            // Rename asks initialize's result (which Xtext keeps only if that write was not cancelled) whether to prepare:
            // prepared, a rename where no name is changes nothing (null); unprepared, it fails with "Refactoring cannot be performed".
            WorkspaceEdit nothing = server.rename(new RenameParams(new TextDocumentIdentifier(uri), new Position(0, 0), "OnChip"))
                    .get(TIMEOUT, TimeUnit.SECONDS);
            assertTrue(nothing == null || nothing.getChanges() == null || nothing.getChanges().isEmpty(), String.valueOf(nothing));
            int name = quickstart.indexOf("OnDemo");
            String before = quickstart.substring(0, name);
            Position at = new Position((int) before.chars().filter(c -> c == '\n').count(), name - before.lastIndexOf('\n') - 1);
            WorkspaceEdit renamed = server.rename(new RenameParams(new TextDocumentIdentifier(uri), at, "OnChip")).get(TIMEOUT,
                    TimeUnit.SECONDS);
            assertEquals(List.of("OnChip", "OnChip"), renamed.getChanges().get(uri).stream().map(TextEdit::getNewText).toList(),
                    "the mapping and the experiment's reference: " + renamed);
        } finally {
            indexing.release.countDown();
            server.shutdown().get(TIMEOUT, TimeUnit.SECONDS);
        }
    }

    /**
     * The packaged server on a copy of the examples' descriptions: the index built behind
     * {@code initialize}'s answer holds every file. Prints when each answer came (docs/ide.md).
     */
    @Test
    void thePackagedServerIndexesTheExamplesBehindItsAnswer() throws Exception {
        Path examples = Path.of(System.getProperty("bnn.repository.root", "..")).resolve("examples");
        List<Path> files;
        try (Stream<Path> all = Files.walk(examples)) {
            files = all.filter(f -> f.toString().endsWith(".bnn") || f.toString().endsWith(".csv")).toList();
        }
        for (Path file : files) {
            Path copy = workspace.resolve(examples.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        long start = System.nanoTime();
        LanguageServerProcess.withServer(workspace, new ClientCapabilities(), session -> {
            double answered = (System.nanoTime() - start) / 1e9;
            Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> found = session.server().getWorkspaceService()
                    .symbol(new WorkspaceSymbolParams("")).get(TIMEOUT, TimeUnit.SECONDS);
            double indexed = (System.nanoTime() - start) / 1e9;
            List<String> names = names(found);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("OnDemo")) && names.stream().anyMatch(n -> n.endsWith("Demo1T1R")),
                    "the symbols of every file: " + names);
            System.out.printf(Locale.ROOT, "bnn-language-server on %d files of examples/: initialize answered after %.2f s, "
                    + "the index of its %d symbols after %.2f s%n", files.size(), answered, names.size(), indexed);
        });
    }

    private static List<String> names(Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> found) {
        return found.isLeft()
                ? found.getLeft().stream().map(SymbolInformation::getName).toList()
                : found.getRight().stream().map(WorkspaceSymbol::getName).toList();
    }

    /** The launcher's workspace manager, whose indexing at {@code initialize} waits until the test releases it. */
    private static final class HeldIndexing extends LspWorkspaceManager {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void initialize(List<WorkspaceFolder> folders, Procedure2<? super URI, ? super Iterable<Issue>> issues,
                CancelIndicator cancel) {
            started.countDown();
            try {
                release.await(TIMEOUT, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.initialize(folders, issues, cancel);
        }
    }
}
