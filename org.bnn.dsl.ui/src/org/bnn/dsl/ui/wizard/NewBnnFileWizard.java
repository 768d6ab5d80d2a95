package org.bnn.dsl.ui.wizard;

import java.io.IOException;
import java.io.InputStream;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/** File > New > BNN File: a .bnn file with a commented template (device, tile, chip, network, mapping, experiment). */
public final class NewBnnFileWizard extends BasicNewResourceWizard {

    /** The template, a resource of this bundle. */
    public static final String TEMPLATE = "/templates/new-file.bnn";

    private WizardNewFileCreationPage page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        super.init(workbench, selection);
        setWindowTitle("New BNN File");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new WizardNewFileCreationPage("newBnnFile", getSelection()) {
            @Override
            protected InputStream getInitialContents() {
                return template();
            }
        };
        page.setTitle("BNN File");
        page.setDescription("A description of a binarized network on RRAM tiles, from a commented template.");
        page.setFileExtension("bnn");
        page.setFileName("model.bnn");
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        selectAndReveal(file);
        try {
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
        } catch (PartInitException e) {
            BnnUiActivator.log("Could not open " + file.getFullPath(), e);
        }
        return true;
    }

    /** The template's text; null (an empty file) if the bundle lacks it. */
    public static InputStream template() {
        try {
            return BnnUiActivator.getDefault().getBundle().getEntry(TEMPLATE).openStream();
        } catch (IOException | NullPointerException e) {
            BnnUiActivator.log("The new-file template " + TEMPLATE + " is missing", e);
            return null;
        }
    }
}
