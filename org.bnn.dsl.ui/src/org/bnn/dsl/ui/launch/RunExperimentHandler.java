package org.bnn.dsl.ui.launch;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

/**
 * Run Experiment (Ctrl+Alt+X in the .bnn editor, or its context menu): saves the project's dirty
 * editors (as a launch does with "save required dirty editors" set to always: the generated class
 * is built from the saved files), runs the experiment at the caret in the background, then shows
 * how it ran with the sweep's table and opens the report.
 */
public final class RunExperimentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!(HandlerUtil.getActiveEditor(event) instanceof BnnEditor editor) || editor.getInputFile() == null) {
            return null;
        }
        if (!IDE.saveAllEditors(new IResource[] {editor.getInputFile().getProject()}, false)) {
            return null;
        }
        int offset = editor.getSelectionProvider().getSelection() instanceof ITextSelection selection ? selection.getOffset() : 0;
        String text = editor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
        IWorkbenchPage page = editor.getSite().getPage();
        RunExperimentJob job = new RunExperimentJob(editor.getInputFile(), text, offset);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent done) {
                Display.getDefault().asyncExec(() -> show(page, job, done.getResult()));
            }
        });
        job.schedule();
        return null;
    }

    private static void show(IWorkbenchPage page, RunExperimentJob job, IStatus result) {
        if (!result.isOK()) {
            return; // errors are reported by the job framework (user job)
        }
        if (job.report() != null) {
            try {
                IDE.openEditor(page, job.report(), "org.eclipse.ui.DefaultTextEditor");
            } catch (PartInitException e) {
                BnnUiActivator.log("Could not open " + job.report().getFullPath(), e);
            }
        }
        MessageDialog.openInformation(page.getWorkbenchWindow().getShell(), "Experiment", result.getMessage());
    }
}
