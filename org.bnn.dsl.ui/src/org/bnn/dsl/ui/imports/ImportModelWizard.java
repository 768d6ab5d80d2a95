package org.bnn.dsl.ui.imports;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Display;

/** Import Model as BNN: one page of options, then an {@link ImportModelJob}; its error, if any, in a dialog. */
public final class ImportModelWizard extends Wizard {
    static final String TITLE = "Import Model as BNN";

    private final IFile model;
    private ImportModelPage page;

    public ImportModelWizard(IFile model) {
        this.model = model;
        setWindowTitle(TITLE);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        page = new ImportModelPage(model);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Display display = getShell().getDisplay();
        new ImportModelJob(model, page.folder(), page.options(),
                message -> display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), TITLE, message))).schedule();
        return true;
    }
}
