package org.bnn.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

/**
 * Xtext's language server plus {@code textDocument/inlayHint}: the request is answered, like
 * hover or code lens, by the document's language ({@link IInlayHintService}) inside a read
 * request, so it sees the text the client last sent. The capability itself is announced by the
 * language's {@link InlayHintCapabilities}. A request naming its document by something that is not
 * a URI is the client's mistake ({@link InvalidRequestException}), not an internal error.
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

    @Override
    protected URI getURI(TextDocumentIdentifier document) {
        if (document == null || document.getUri() == null) {
            throw new InvalidRequestException("the request names no document");
        }
        try {
            return super.getURI(document);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + document.getUri() + "' is not a URI: " + e.getMessage());
        }
    }
}
