package org.bnn.dsl.ui.contentassist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.templates.BnnTemplateProcessor;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;

import com.google.inject.Injector;

/**
 * Content assist from the language's UI-neutral proposal provider (keywords, references across
 * files, the same list the language server completes with), plus the element templates at the
 * start of a line. Installed in an asynchronous content
 * assistant, so the parse it may need happens off the UI thread.
 */
public final class BnnContentAssistProcessor implements IContentAssistProcessor {

    private final BnnDocumentModel model;
    private final Injector injector;
    private final Supplier<IFile> file;

    public BnnContentAssistProcessor(BnnDocumentModel model, Injector injector, Supplier<IFile> file) {
        this.model = model;
        this.injector = injector;
        this.file = file;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        ParsedDocument parsed = model.currentOrParse(document, file.get(), injector);
        if (parsed == null) {
            return new ICompletionProposal[0];
        }
        Document text = new Document(1, parsed.text());
        CompletionParams params = new CompletionParams(new TextDocumentIdentifier(parsed.resource().getURI().toString()),
                text.getPosition(offset));
        CompletionList list = injector.getInstance(ContentAssistService.class).createCompletionList(text, parsed.resource(), params,
                () -> false);
        List<CompletionItem> items = list.getItems();
        List<ICompletionProposal> proposals = new ArrayList<>(
                items.stream().map(item -> proposal(item, text, offset)).filter(p -> p != null).toList());
        if (startsAnElement(parsed.text(), offset)) {
            String word = parsed.text().substring(wordStart(parsed.text(), offset), offset);
            templates(viewer, offset).stream().filter(t -> t.getDisplayString().startsWith(word)).forEach(proposals::add);
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    /** Whether only a word (or nothing) stands before {@code offset} on its line: where an element's template fits. */
    static boolean startsAnElement(String text, int offset) {
        int start = wordStart(text, offset);
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        return text.substring(lineStart, start).isBlank();
    }

    private static int wordStart(String text, int offset) {
        int start = offset;
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The element templates; computed on the UI thread, since they read the viewer's selection. */
    private static List<ICompletionProposal> templates(ITextViewer viewer, int offset) {
        List<ICompletionProposal> templates = new ArrayList<>();
        viewer.getTextWidget().getDisplay().syncExec(() -> {
            if (!viewer.getTextWidget().isDisposed()) {
                templates.addAll(Arrays.asList(new BnnTemplateProcessor().computeCompletionProposals(viewer, offset)));
            }
        });
        return templates;
    }

    private static ICompletionProposal proposal(CompletionItem item, Document text, int offset) {
        String insert = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
        int start = offset;
        int length = 0;
        if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
            TextEdit edit = item.getTextEdit().getLeft();
            insert = edit.getNewText();
            start = offset(text, edit.getRange().getStart());
            length = offset(text, edit.getRange().getEnd()) - start;
        }
        if (start < 0 || length < 0) {
            return null;
        }
        return new CompletionProposal(insert, start, length, insert.length(), null, displayString(item), null, item.getDetail());
    }

    /** The label with what it is ("Demo - Chip"), as Xtext's editors list cross-references; keywords alone. */
    static String displayString(CompletionItem item) {
        String detail = item.getDetail();
        return detail == null || detail.isBlank() || detail.equals(item.getLabel()) ? item.getLabel() : item.getLabel() + " - " + detail;
    }

    private static int offset(Document text, Position position) {
        return text.getOffSet(position);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] {'.'};
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
