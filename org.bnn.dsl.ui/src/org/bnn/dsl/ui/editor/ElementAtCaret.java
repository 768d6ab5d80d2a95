package org.bnn.dsl.ui.editor;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.util.SimpleAttributeResolver;

/**
 * The named element whose name or reference is at the caret (what Rename and Find References act
 * on), in a parse of the editor's current text.
 *
 * @param parsed  the parse
 * @param offset  the caret
 * @param element the element
 * @param name    its name
 */
public record ElementAtCaret(ParsedDocument parsed, int offset, EObject element, String name) {

    /** The element at the caret of {@code editor}, or null after telling the user, in the status line, {@code why} there is none. */
    public static ElementAtCaret of(BnnEditor editor, String none) {
        if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return null;
        }
        ParsedDocument parsed = editor.currentParse();
        EObject element = parsed == null
                ? null
                : BnnUiActivator.getDefault().getInjector().getInstance(EObjectAtOffsetHelper.class).resolveElementAt(parsed.resource(),
                        selection.getOffset());
        String name = element == null ? null : SimpleAttributeResolver.NAME_RESOLVER.apply(element);
        if (name == null) {
            editor.getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(none);
            return null;
        }
        return new ElementAtCaret(parsed, selection.getOffset(), element, name);
    }
}
