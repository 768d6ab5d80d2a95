package org.bnn.dsl.ui.editor;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;

/** Applies the language server's text edits (LSP ranges) to an Eclipse document. */
public final class TextEdits {

    private TextEdits() {
    }

    /**
     * Applies {@code edits}, computed on {@code text}, to {@code document}, last edit first so the
     * earlier offsets stay valid. The caller checks that the document still holds {@code text}.
     */
    public static void apply(IDocument document, Document text, List<? extends TextEdit> edits) throws BadLocationException {
        List<? extends TextEdit> ordered = edits.stream()
                .sorted(Comparator.comparingInt((TextEdit edit) -> text.getOffSet(edit.getRange().getStart())).reversed()).toList();
        for (TextEdit edit : ordered) {
            int start = text.getOffSet(edit.getRange().getStart());
            int end = text.getOffSet(edit.getRange().getEnd());
            document.replace(start, end - start, edit.getNewText());
        }
    }
}
