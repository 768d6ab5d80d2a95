package org.bnn.dsl.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.concurrent.IRequestManager;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Module;

/**
 * Main class of bnn-language-server.jar: Xtext's stdio launcher with the language server that
 * answers inlay hints and the request manager that reruns reads overtaken by edits instead of
 * cancelling them. Arguments as Xtext's ({@code -log}, {@code -trace}, {@code -noValidate}).
 */
public final class BnnLanguageServerLauncher {

    private BnnLanguageServerLauncher() {
    }

    public static void main(String[] args) {
        ServerLauncher.launch(BnnLanguageServerLauncher.class.getName(), args, module());
    }

    /** Xtext's server module with this server's replacements. */
    public static Module module() {
        return Modules2.mixin(new ServerModule(), binder -> {
            binder.bind(LanguageServerImpl.class).to(InlayHintLanguageServer.class);
            binder.bind(IRequestManager.class).to(RetryingRequestManager.class);
        });
    }
}
