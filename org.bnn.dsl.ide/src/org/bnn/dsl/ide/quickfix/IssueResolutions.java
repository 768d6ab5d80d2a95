package org.bnn.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * The language's quick fixes outside a language server (the Eclipse plugin's marker resolutions):
 * the issue becomes the diagnostic the fix methods expect, the fixes run against the parsed
 * resource, and their edits come back as offset replacements of the text.
 */
public class IssueResolutions {

    /** Replace {@code length} characters at {@code offset} by {@code text}. */
    public record Replacement(int offset, int length, String text) {
    }

    /** A fix: its label and the replacements it makes, in document order. */
    public record Resolution(String label, List<Replacement> replacements) {
    }

    @Inject
    private IQuickFixProvider quickfixes;

    /**
     * The fixes of an issue.
     *
     * @param resource the parsed text (its resource set resolves references)
     * @param text     the text that was parsed
     * @param code     the validator's issue code
     * @param data     the validator's issue data
     * @param offset   where the issue starts in {@code text}
     * @param length   its length
     */
    public List<Resolution> of(XtextResource resource, String text, String code, String[] data, int offset, int length) {
        Document document = new Document(1, text);
        Range range = new Range(document.getPosition(offset), document.getPosition(offset + length));
        Diagnostic diagnostic = new Diagnostic(range, "", DiagnosticSeverity.Error, "bnn", code);
        diagnostic.setData(data);
        String uri = resource.getURI().toString();
        ICodeActionService2.Options options = new ICodeActionService2.Options();
        options.setDocument(document);
        options.setResource(resource);
        options.setURI(uri);
        options.setLanguageServerAccess(new InProcessAccess(resource.getResourceSet()));
        options.setCodeActionParams(
                new CodeActionParams(new TextDocumentIdentifier(uri), range, new CodeActionContext(List.of(diagnostic))));
        List<Resolution> resolutions = new ArrayList<>();
        for (DiagnosticResolution resolution : quickfixes.getResolutions(options, diagnostic)) {
            WorkspaceEdit edit = resolution.apply();
            if (edit != null && edit.getChanges() != null && edit.getChanges().get(uri) != null) {
                List<Replacement> replacements = new ArrayList<>();
                for (TextEdit textEdit : edit.getChanges().get(uri)) {
                    int start = document.getOffSet(textEdit.getRange().getStart());
                    int end = document.getOffSet(textEdit.getRange().getEnd());
                    replacements.add(new Replacement(start, end - start, textEdit.getNewText()));
                }
                replacements.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
                resolutions.add(new Resolution(resolution.getLabel(), List.copyOf(replacements)));
            }
        }
        return resolutions;
    }

    /**
     * What a fix needs of a language server when there is none: the resource set the text was
     * parsed into, and no client capabilities (edits then come as a plain map per document).
     */
    private record InProcessAccess(ResourceSet resourceSet) implements ILanguageServerAccess {
        @Override
        public ResourceSet newLiveScopeResourceSet(URI uri) {
            return resourceSet;
        }

        @Override
        public InitializeParams getInitializeParams() {
            return null;
        }

        @Override
        public InitializeResult getInitializeResult() {
            return null;
        }

        @Override
        public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
            throw new UnsupportedOperationException("no language server");
        }

        @Override
        public <T> T doSyncRead(String uri, Function<Context, T> function) {
            throw new UnsupportedOperationException("no language server");
        }

        @Override
        public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
            throw new UnsupportedOperationException("no language server");
        }

        @Override
        public void addBuildListener(IBuildListener listener) {
            // no builds without a language server
        }

        @Override
        public LanguageClient getLanguageClient() {
            return null;
        }
    }
}
