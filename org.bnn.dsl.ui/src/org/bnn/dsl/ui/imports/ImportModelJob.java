package org.bnn.dsl.ui.imports;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.workspace.ImportOptions;
import org.bnn.onnx.workspace.ImportResult;
import org.bnn.onnx.workspace.ModelImportException;
import org.bnn.onnx.workspace.ModelImportException.Problem;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * Imports a model into a workspace folder as `bnn import` does, refreshes the folder and opens the
 * new .bnn file in the BNN editor. A model that is not a BNN the simulator runs, a file that exists
 * without overwriting, a wrong option: the CLI's one line goes to {@code showError} (the wizard
 * shows it in an error dialog), with no stack trace and no file written.
 */
public final class ImportModelJob extends WorkspaceJob {
    private final IFile model;
    private final IContainer folder;
    private final ImportOptions options;
    private final Consumer<String> showError;
    private volatile IFile imported;

    public ImportModelJob(IFile model, IContainer folder, ImportOptions options, Consumer<String> showError) {
        super("Importing " + model.getName() + " as BNN");
        this.model = model;
        this.folder = folder;
        this.options = options;
        this.showError = showError;
        setRule(folder.getProject());
        setUser(true);
    }

    /** The written .bnn file once the job succeeded. */
    public Optional<IFile> imported() {
        return Optional.ofNullable(imported);
    }

    @Override
    public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
        ImportResult result;
        try {
            result = WorkspaceModelImport.create().run(path(model), path(folder), options);
        } catch (ModelImportException e) {
            showError.accept(
                    e.problem() == Problem.EXISTS ? e.getMessage() + "; choose another name or folder, or tick Overwrite" : e.getMessage());
            return Status.OK_STATUS;
        } catch (OnnxFormatException e) {
            showError.accept(e.getMessage());
            return Status.OK_STATUS; // reported above in one line; a job error would add a dialog with details
        } finally {
            folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
        }
        IFile written = folder.getFile(new org.eclipse.core.runtime.Path(result.bnnFile().getFileName().toString()));
        imported = written;
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> open(written));
        return Status.OK_STATUS;
    }

    private static void open(IFile file) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null || !file.exists()) {
            return;
        }
        try {
            IDE.openEditor(window.getActivePage(), file, BnnEditor.ID);
        } catch (PartInitException e) {
            BnnUiActivator.log("Could not open " + file.getFullPath(), e);
        }
    }

    private static Path path(IResource resource) {
        return resource.getLocation().toFile().toPath();
    }
}
