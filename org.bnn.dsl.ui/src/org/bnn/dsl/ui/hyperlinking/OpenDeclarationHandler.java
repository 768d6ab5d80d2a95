package org.bnn.dsl.ui.hyperlinking;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * F3 and Navigate → Open Declaration: opens the declaration of the reference at the caret, the
 * link Ctrl+click follows (on a parse of the current text, made now if the reconciler's is older).
 */
public final class OpenDeclarationHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof BnnEditor editor
                && editor.getSelectionProvider().getSelection() instanceof ITextSelection selection) {
            IHyperlink[] links = new BnnHyperlinkDetector(editor.getModel(), BnnUiActivator.getDefault().getInjector())
                    .linksAt(editor.currentParse(), selection.getOffset());
            if (links != null && links.length > 0) {
                links[0].open();
            }
        }
        return null;
    }
}
