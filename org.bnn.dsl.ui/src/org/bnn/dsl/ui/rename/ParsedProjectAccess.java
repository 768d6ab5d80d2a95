package org.bnn.dsl.ui.rename;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceSetBasedResourceDescriptions;

import com.google.inject.Injector;

/**
 * What the language server's rename reads, served from one parse of the editor: its resource set
 * holds the editor's text and the project's other .bnn files, so the rename sees every reference.
 * Reads run at once on the calling thread; the edits come back as a plain map of changes.
 */
final class ParsedProjectAccess implements ILanguageServerAccess {

    private final ParsedDocument parsed;
    private final Injector injector;

    ParsedProjectAccess(ParsedDocument parsed, Injector injector) {
        this.parsed = parsed;
        this.injector = injector;
    }

    @Override
    public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
        return CompletableFuture.completedFuture(doSyncRead(uri, function));
    }

    @Override
    public <T> T doSyncRead(String uri, Function<Context, T> function) {
        Resource resource = parsed.resource().getResourceSet().getResource(URI.createURI(uri), false);
        if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null) {
            throw new IllegalArgumentException("not a parsed .bnn file of the project: " + uri);
        }
        String text = xtext.getParseResult().getRootNode().getText();
        return function.apply(new Context(resource, new Document(1, text), true, () -> false));
    }

    @Override
    public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
        ResourceSetBasedResourceDescriptions index = injector.getInstance(ResourceSetBasedResourceDescriptions.class);
        index.setContext(parsed.resource().getResourceSet());
        return CompletableFuture.completedFuture(function.apply(new IndexContext(index, () -> false)));
    }

    @Override
    public void addBuildListener(IBuildListener listener) {
        // one parse, no builds
    }

    @Override
    public LanguageClient getLanguageClient() {
        return null;
    }

    @Override
    public ResourceSet newLiveScopeResourceSet(URI uri) {
        return parsed.resource().getResourceSet();
    }

    /** A client without versioned document changes: the edits arrive as a map by file. */
    @Override
    public InitializeParams getInitializeParams() {
        InitializeParams params = new InitializeParams();
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setWorkspace(new WorkspaceClientCapabilities());
        params.setCapabilities(capabilities);
        return params;
    }

    @Override
    public InitializeResult getInitializeResult() {
        return new InitializeResult(new ServerCapabilities());
    }
}
