package org.bnn.dsl.ui.references;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.editor.ElementAtCaret;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.search.ui.NewSearchUI;
import org.eclipse.ui.handlers.HandlerUtil;

/** Ctrl+Shift+G (Search → References): the references in the project to the element at the caret, in the Search view. */
public final class FindReferencesHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof BnnEditor editor) {
            ElementAtCaret target = ElementAtCaret.of(editor, "No name at the caret to find the references of");
            if (target != null) {
                NewSearchUI.runQueryInForeground(null,
                        new BnnReferencesQuery(target.parsed(), target.element(), target.name(),
                                BnnUiActivator.getDefault().getInjector()));
            }
        }
        return null;
    }
}
