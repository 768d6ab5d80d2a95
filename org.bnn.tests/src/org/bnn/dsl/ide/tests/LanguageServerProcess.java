package org.bnn.dsl.ide.tests;

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

import com.google.gson.JsonObject;

/**
 * The packaged language server jar started as an editor starts it (a process speaking LSP over
 * stdio), with an LSP4J client. Its stderr goes to a log that a failing check prints.
 */
final class LanguageServerProcess {
    static final long TIMEOUT_SECONDS = 60;

    /** One server process with its client side. */
    record Session(Process process, LanguageServer server, DiagnosticsCollector client, InitializeResult initialized, Path workspace) {

        String open(String name, String text) {
            String uri = uri(name);
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "bnn", 1, text)));
            return uri;
        }

        String uri(String name) {
            return workspace.resolve(name).toUri().toString();
        }
    }

    interface ServerCheck {
        void run(Session session) throws Exception;
    }

    private LanguageServerProcess() {
    }

    /** Starts the server on {@code workspace}, runs the check, shuts the server down; the server's log on failure. */
    static void withServer(Path workspace, ClientCapabilities capabilities, ServerCheck check) throws Exception {
        withServer(workspace, capabilities, null, check);
    }

    /** The same with the client's {@code initializationOptions} (a JSON object, or null for none). */
    static void withServer(Path workspace, ClientCapabilities capabilities, JsonObject options, ServerCheck check) throws Exception {
        Path jar = Path.of(System.getProperty("bnn.languageServer.jar", "../org.bnn.dsl.ide/target/bnn-language-server.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build it with `./mvnw verify` (package phase of org.bnn.dsl.ide)");
        Path log = Files.createTempFile("bnn-language-server", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectError(log.toFile()).start();
        try {
            DiagnosticsCollector client = new DiagnosticsCollector();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(),
                    process.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams params = initializeParams(workspace, capabilities);
            params.setInitializationOptions(options);
            params.setProcessId((int) ProcessHandle.current().pid());
            InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(result.getCapabilities().getTextDocumentSync(), "server must sync documents");
            server.initialized(new InitializedParams());

            check.run(new Session(process, server, client, result, workspace));

            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.exit();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "server must exit after shutdown/exit");
        } catch (Exception | AssertionError e) {
            throw new AssertionError("language server check failed; its log:\n" + Files.readString(log), e);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    /** The {@code initialize} of a client with {@code capabilities} that opens {@code workspace} as its one folder. */
    static InitializeParams initializeParams(Path workspace, ClientCapabilities capabilities) {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities);
        params.setRootUri(workspace.toUri().toString());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
        return params;
    }

    /** A client that records the first non-empty diagnostics published for each document. */
    static final class DiagnosticsCollector implements LanguageClient {
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
