package org.bnn.dsl.ide.server;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.xtext.ide.server.ICapabilitiesContributor;

/** Announces inlay hints (answered by {@link InlayHintLanguageServer}). */
public class InlayHintCapabilities implements ICapabilitiesContributor {

    @Override
    public ServerCapabilities contribute(ServerCapabilities capabilities, InitializeParams params) {
        capabilities.setInlayHintProvider(true);
        return capabilities;
    }
}
