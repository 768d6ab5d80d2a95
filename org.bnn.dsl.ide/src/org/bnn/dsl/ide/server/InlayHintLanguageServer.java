package org.bnn.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server plus {@code textDocument/inlayHint}: the request is answered, like
 * hover or code lens, by the document's language ({@link IInlayHintService}) inside a read
 * request, so it sees the text the client last sent. The capability itself is announced by the
 * language's {@link InlayHintCapabilities}. At {@code initialize} each language learns whether the
 * client takes the estimate totals as inlay hints or code lenses ({@link EstimateTotals}).
 */
public class InlayHintLanguageServer extends LanguageServerImpl {

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        for (Object language : getLanguagesRegistry().getExtensionToFactoryMap().values()) {
            if (language instanceof IResourceServiceProvider provider) {
                provider.get(EstimateTotals.class).choose(params);
            }
        }
        return super.initialize(params);
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return getRequestManager().runRead(cancel -> {
            URI uri = getURI(params.getTextDocument());
            IInlayHintService service = getService(uri, IInlayHintService.class);
            if (service == null) {
                return List.of();
            }
            return getWorkspaceManager().doRead(uri, (document, resource) -> service.computeInlayHints(document, resource, params, cancel));
        });
    }
}
