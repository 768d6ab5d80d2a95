package org.bnn.dsl.ui.formatting;

import java.util.List;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.editor.TextEdits;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;

/**
 * Ctrl+Shift+F and Source → Format: the language server's formatting (the formatter of
 * {@code bnn format}; text with syntax errors is left alone), applied as one undoable change.
 */
public final class FormatHandler extends AbstractHandler {

    private static final int INDENT = 4;

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof BnnEditor editor)) {
            return null;
        }
        ParsedDocument parsed = editor.currentParse();
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        if (parsed == null || !parsed.text().equals(document.get())) {
            return null;
        }
        Document text = new Document(1, parsed.text());
        List<TextEdit> edits = BnnUiActivator.getDefault().getInjector().getInstance(FormattingService.class).format(parsed.resource(),
                text, 0, parsed.text().length(), new FormattingOptions(INDENT, true));
        if (edits.isEmpty()) {
            return null;
        }
        IRewriteTarget rewrite = editor.getAdapter(IRewriteTarget.class);
        rewrite.beginCompoundChange();
        try {
            TextEdits.apply(document, text, edits);
        } catch (BadLocationException e) {
            BnnUiActivator.log("Could not format " + editor.getTitle(), e);
        } finally {
            rewrite.endCompoundChange();
        }
        return null;
    }
}
