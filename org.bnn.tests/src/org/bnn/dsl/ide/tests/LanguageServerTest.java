package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged language server jar as an editor would (a process speaking LSP over stdio)
 * and checks that it initializes and publishes the validator's diagnostics.
 */
class LanguageServerTest {
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path workspace;

    @Test
    void initializesAndPublishesDiagnosticsOfABrokenFile() throws Exception {
        Path jar = Path.of(System.getProperty("bnn.languageServer.jar", "../org.bnn.dsl.ide/target/bnn-language-server.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it with `./mvnw verify` (package phase of org.bnn.dsl.ide)");
        Path serverLog = workspace.resolve("server.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectError(serverLog.toFile()).start();
        try {
            talkTo(process, workspace);
        } catch (Exception | AssertionError e) {
            throw new AssertionError("language server failed; its log:\n" + Files.readString(serverLog), e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void talkTo(Process process, Path workspace) throws Exception {
        {
            DiagnosticsCollector client = new DiagnosticsCollector();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();

            InitializeParams params = new InitializeParams();
            params.setCapabilities(new ClientCapabilities());
            params.setProcessId((int) ProcessHandle.current().pid());
            params.setRootUri(workspace.toUri().toString());
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
            InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(result.getCapabilities().getTextDocumentSync(), "server must sync documents");
            server.initialized(new InitializedParams());

            String uri = workspace.resolve("broken.bnn").toUri().toString();
            String text = "tile T { cells 32 rows x 0 columns 2T2R }\nchip C { tiles 2 of Missing }\n";
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, text)));

            List<Diagnostic> diagnostics = client.diagnosticsFor(uri).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(2, diagnostics.size(), diagnostics.toString());
            Diagnostic size = diagnostics.stream().filter(d -> message(d).contains("columns must be positive")).findFirst()
                    .orElseThrow(() -> new AssertionError(diagnostics.toString()));
            assertEquals(DiagnosticSeverity.Error, size.getSeverity());
            assertEquals(0, size.getRange().getStart().getLine());
            assertEquals(25, size.getRange().getStart().getCharacter());
            assertTrue(diagnostics.stream().anyMatch(d -> message(d).contains("Missing") && d.getRange().getStart().getLine() == 1),
                    diagnostics.toString());

            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.exit();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "server must exit after shutdown/exit");
        }
    }

    private static String message(Diagnostic diagnostic) {
        var message = diagnostic.getMessage();
        return message.isLeft() ? message.getLeft() : message.getRight().getValue();
    }

    /** A client that records the first non-empty diagnostics published for each document. */
    private static final class DiagnosticsCollector implements LanguageClient {
        private final Map<String, CompletableFuture<List<Diagnostic>>> published = new ConcurrentHashMap<>();

        CompletableFuture<List<Diagnostic>> diagnosticsFor(String uri) {
            return published.computeIfAbsent(uri, u -> new CompletableFuture<>());
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            if (!params.getDiagnostics().isEmpty()) {
                diagnosticsFor(params.getUri()).complete(params.getDiagnostics());
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
