package org.bnn.dsl.ide.tests;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.spi.LoggingEvent;
import org.bnn.dsl.ide.server.BnnLanguageServerLauncher;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Guice;

/**
 * The launcher's language server in this JVM, reached by an LSP4J client over pipes, so that every
 * answer goes through LSP4J's JSON-RPC (an exception becomes an error response, -32603, and a
 * SEVERE record of LSP4J's) and everything the server logs — through java.util.logging (the
 * server's and LSP4J's records) or log4j (Xtext's) — is recorded for the test to look at.
 */
final class InProcessLanguageServer implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 60;

    final LanguageServer server;
    final InitializeResult initialized;
    /** Every java.util.logging record and every log4j event at WARN or above, as one string each. */
    final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    /** The records and events of the log that carry an exception (whose stack trace a console would print). */
    final ConcurrentLinkedQueue<Throwable> loggedExceptions = new ConcurrentLinkedQueue<>();

    private final LanguageServerImpl implementation;
    private final Handler julRecorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
            if (record.getThrown() != null) {
                loggedExceptions.add(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AppenderSkeleton log4jRecorder = new AppenderSkeleton() {
        @Override
        protected void append(LoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(org.apache.log4j.Level.WARN)) {
                log.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getRenderedMessage());
                if (event.getThrowableInformation() != null) {
                    loggedExceptions.add(event.getThrowableInformation().getThrowable());
                }
            }
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    InProcessLanguageServer(Path workspace, ClientCapabilities capabilities, LanguageClient client) throws Exception {
        Logger.getLogger("").addHandler(julRecorder);
        julRecorder.setLevel(Level.ALL);
        org.apache.log4j.Logger.getRootLogger().addAppender(log4jRecorder);

        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);

        implementation = Guice.createInjector(BnnLanguageServerLauncher.module()).getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(implementation, serverIn, serverOut);
        implementation.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();

        InitializeParams params = LanguageServerProcess.initializeParams(workspace, capabilities);
        initialized = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    @Override
    public void close() throws IOException {
        try {
            // Xtext's shutdown does not wait for a build still running, which may yet write generated
            // Java into the workspace (a test's temporary folder, about to be deleted). A read runs only
            // after every write queued before it: once one is answered, no build is left running.
            server.getWorkspaceService().symbol(new WorkspaceSymbolParams("")).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the server did not shut down", e);
        } finally {
            Logger.getLogger("").removeHandler(julRecorder);
            org.apache.log4j.Logger.getRootLogger().removeAppender(log4jRecorder);
        }
    }

    /** Hierarchical symbols and rename with preparation, like VS Code. */
    static ClientCapabilities likeVsCode() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
        symbols.setHierarchicalDocumentSymbolSupport(true);
        text.setDocumentSymbol(symbols);
        text.setRename(new RenameCapabilities(true, false));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setTextDocument(text);
        return capabilities;
    }
}
