package org.bnn.dsl.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Toggle Comment (Ctrl+/): comments the selected lines with "// " or, when every non-blank one is
 * already a line comment, removes the comment marks.
 */
public final class ToggleCommentHandler extends AbstractHandler {

    static final String PREFIX = "//";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (part instanceof ITextEditor editor && editor.getSelectionProvider().getSelection() instanceof ITextSelection selection) {
            IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
            try {
                toggle(document, selection.getStartLine(), lastLine(document, selection));
            } catch (BadLocationException e) {
                // the selection is outside the text: nothing to do
            }
        }
        return null;
    }

    /** Comments or uncomments lines {@code first}..{@code last} of the document. */
    public static void toggle(IDocument document, int first, int last) throws BadLocationException {
        boolean commented = true;
        for (int line = first; line <= last; line++) {
            String text = lineText(document, line);
            if (!text.isBlank() && !text.stripLeading().startsWith(PREFIX)) {
                commented = false;
            }
        }
        for (int line = last; line >= first; line--) {
            String text = lineText(document, line);
            int start = document.getLineOffset(line);
            if (commented) {
                int mark = text.indexOf(PREFIX);
                if (mark >= 0) {
                    int length = PREFIX.length() + (text.startsWith(" ", mark + PREFIX.length()) ? 1 : 0);
                    document.replace(start + mark, length, "");
                }
            } else if (!text.isBlank()) {
                document.replace(start, 0, PREFIX + " ");
            }
        }
    }

    /** A selection ending at column 0 of a line does not include that line. */
    private static int lastLine(IDocument document, ITextSelection selection) throws BadLocationException {
        int last = selection.getEndLine();
        if (last > selection.getStartLine() && document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
            last--;
        }
        return last;
    }

    private static String lineText(IDocument document, int line) throws BadLocationException {
        return document.get(document.getLineOffset(line), document.getLineLength(line)).replaceAll("[\\r\\n]+$", "");
    }
}
