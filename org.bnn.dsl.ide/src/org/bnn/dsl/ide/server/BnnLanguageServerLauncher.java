package org.bnn.dsl.ide.server;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.ide.server.concurrent.IRequestManager;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Module;

/**
 * Main class of bnn-language-server.jar: Xtext's stdio launcher with the language server that
 * answers inlay hints and checks the positions of requests, the request manager that reruns reads overtaken by edits instead of
 * cancelling them, documents with the protocol's rules for positions, and a log of one line per
 * event on stderr. Arguments as Xtext's ({@code -log}, {@code -trace}, {@code -noValidate});
 * {@code -D}{@value RequestGuard#DEBUG_PROPERTY}{@code =true} adds the stack traces of server bugs.
 */
public final class BnnLanguageServerLauncher {

    private BnnLanguageServerLauncher() {
    }

    public static void main(String[] args) {
        logInOneLine(RequestGuard.debug());
        ServerLauncher.launch(BnnLanguageServerLauncher.class.getName(), args, module());
    }

    /** Xtext's server module with this server's replacements. */
    public static Module module() {
        return Modules2.mixin(new ServerModule(), binder -> {
            binder.bind(LanguageServerImpl.class).to(LspLanguageServer.class);
            binder.bind(IRequestManager.class).to(RetryingRequestManager.class);
            binder.bind(WorkspaceManager.class).to(LspWorkspaceManager.class);
        });
    }

    /** Every log record (the server's and LSP4J's) as one line on stderr; stack traces only when debugging. */
    static void logInOneLine(boolean stackTraces) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler stderr = new ConsoleHandler();
        stderr.setFormatter(new OneLineLogFormatter(stackTraces));
        root.addHandler(stderr);
    }
}
