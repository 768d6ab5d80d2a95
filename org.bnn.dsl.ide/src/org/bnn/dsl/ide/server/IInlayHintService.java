package org.bnn.dsl.ide.server;

import java.util.List;

import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A language's inlay hints ({@code textDocument/inlayHint}). Xtext 2.42's language server has no
 * such service; {@link InlayHintLanguageServer} asks the language for this one.
 */
public interface IInlayHintService {

    List<InlayHint> computeInlayHints(Document document, XtextResource resource, InlayHintParams params, CancelIndicator cancel);
}
