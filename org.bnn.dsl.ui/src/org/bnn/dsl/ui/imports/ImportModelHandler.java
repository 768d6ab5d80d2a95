package org.bnn.dsl.ui.imports;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** Import Model as BNN… on a selected .onnx or .h5 file (plugin.xml shows it only there): the wizard. */
public final class ImportModelHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
                && selection.getFirstElement() instanceof org.eclipse.core.runtime.IAdaptable adaptable) {
            IFile model = adaptable.getAdapter(IFile.class);
            if (model != null) {
                open(HandlerUtil.getActiveShell(event), model);
            }
        }
        return null;
    }

    /** Opens the wizard on {@code model}; Finish schedules the {@link ImportModelJob}. */
    public static void open(Shell shell, IFile model) {
        new WizardDialog(shell, new ImportModelWizard(model)).open();
    }
}
