package org.bnn.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server plus {@code textDocument/inlayHint}: the request is answered, like
 * hover or code lens, by the document's language ({@link IInlayHintService}) inside a read
 * request, so it sees the text the client last sent. The capability itself is announced by the
 * language's {@link InlayHintCapabilities}.
 */
public class InlayHintLanguageServer extends LanguageServerImpl {

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
