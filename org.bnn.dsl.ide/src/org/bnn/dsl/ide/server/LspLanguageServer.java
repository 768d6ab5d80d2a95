package org.bnn.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The launcher's language server: positions and ranges of a request are put inside the document
 * ({@link LspDocument#normalize}) before Xtext's services see them, because some services echo the
 * client's position back (completion's edits end at it) and must not answer with a range the
 * document does not have; a position that names no place of the document, or a request that names
 * its document by something that is not a URI, is the client's mistake
 * ({@link InvalidRequestException}), answered empty by the {@link RequestGuard}.
 * <p>
 * The params are normalized in place: they belong to this request alone.
 * <p>
 * {@code initialize} answers at once: Xtext indexes the workspace folders inside it, which keeps a
 * client waiting for seconds (docs/ide.md, "Language server"). The indexing still runs first, as the
 * first write of the request manager, so every notification and request queues behind it.
 */
public class LspLanguageServer extends InlayHintLanguageServer {

    private static final Logger LOG = Logger.getLogger(LspLanguageServer.class.getName());

    /** What {@link #createServerCapabilities} made for this server's {@code initialize}. */
    private volatile ServerCapabilities capabilities;

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        // Kept from cancellation by the client's first edits: Xtext sets the result it keeps only after it.
        CompletableFuture<InitializeResult> indexing = getRequestManager() instanceof RetryingRequestManager manager
                ? manager.uncancellable(() -> super.initialize(params))
                : super.initialize(params);
        indexing.whenComplete((indexed, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause != null && !(cause instanceof CancellationException)) { // cancelled: the server shuts down
                LOG.log(Level.SEVERE, "indexing the workspace failed: " + RequestGuard.describe(cause),
                        RequestGuard.debug() ? cause : null);
            }
        });
        return CompletableFuture.completedFuture(new InitializeResult(capabilities));
    }

    @Override
    protected ServerCapabilities createServerCapabilities(InitializeParams params) {
        capabilities = super.createServerCapabilities(params);
        return capabilities;
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

    @Override
    protected Either<List<CompletionItem>, CompletionList> completion(CancelIndicator cancel, CompletionParams params) {
        return super.completion(cancel, normalized(params));
    }

    @Override
    protected Either<List<? extends Location>, List<? extends LocationLink>> definition(DefinitionParams params, CancelIndicator cancel) {
        return super.definition(normalized(params), cancel);
    }

    @Override
    protected List<? extends Location> references(ReferenceParams params, CancelIndicator cancel) {
        return super.references(normalized(params), cancel);
    }

    @Override
    protected Hover hover(HoverParams params, CancelIndicator cancel) {
        return super.hover(normalized(params), cancel);
    }

    @Override
    protected SignatureHelp signatureHelp(SignatureHelpParams params, CancelIndicator cancel) {
        return super.signatureHelp(normalized(params), cancel);
    }

    @Override
    protected List<? extends DocumentHighlight> documentHighlight(DocumentHighlightParams params, CancelIndicator cancel) {
        return super.documentHighlight(normalized(params), cancel);
    }

    @Override
    protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancel) {
        return super.rename(normalized(params), cancel);
    }

    @Override
    protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameParams params,
            CancelIndicator cancel) {
        return super.prepareRename(normalized(params), cancel);
    }

    @Override
    protected List<Either<Command, CodeAction>> codeAction(CodeActionParams params, CancelIndicator cancel) {
        params.setRange(normalized(params.getTextDocument(), params.getRange()));
        return super.codeAction(params, cancel);
    }

    @Override
    protected List<? extends TextEdit> rangeFormatting(DocumentRangeFormattingParams params, CancelIndicator cancel) {
        params.setRange(normalized(params.getTextDocument(), params.getRange()));
        return super.rangeFormatting(params, cancel);
    }

    /**
     * Xtext's semantic tokens without those that do not lie inside their line: on some broken texts
     * Xtext 2.42 encodes a token past the end of its line, which clients reject or draw elsewhere.
     */
    @Override
    protected SemanticTokens semanticTokensFull(SemanticTokensParams params, CancelIndicator cancel) {
        SemanticTokens tokens = super.semanticTokensFull(params, cancel);
        if (tokens == null || tokens.getData() == null) {
            return tokens;
        }
        return new SemanticTokens(SemanticTokensInLines.keep(document(params.getTextDocument()), tokens.getData()));
    }

    private <P extends TextDocumentPositionParams> P normalized(P params) {
        Position position = params.getPosition();
        params.setPosition(document(params.getTextDocument()).normalize(position));
        return params;
    }

    private Range normalized(TextDocumentIdentifier document, Range range) {
        return document(document).normalize(range);
    }

    /** The text the services will see: this runs inside the request's read. */
    private LspDocument document(TextDocumentIdentifier document) {
        return getWorkspaceManager().doRead(getURI(document), (text, resource) -> LspDocument.of(text));
    }
}
