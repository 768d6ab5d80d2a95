package org.bnn.dsl.ui.rename;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.editor.ElementAtCaret;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Alt+Shift+R (Source → Rename, the editor's context menu): renames the element whose name or
 * reference is at the caret, in every .bnn file of the project, with a preview.
 */
public final class RenameHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getActiveEditor(event) instanceof BnnEditor editor) {
            ElementAtCaret target = ElementAtCaret.of(editor, "No name at the caret to rename");
            if (target != null) {
                BnnRenameRefactoring refactoring = new BnnRenameRefactoring(target.parsed(), target.offset(), target.name(),
                        BnnUiActivator.getDefault().getInjector());
                try {
                    new RefactoringWizardOpenOperation(new BnnRenameWizard(refactoring)).run(HandlerUtil.getActiveShell(event),
                            "Rename " + target.name());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return null;
    }
}
