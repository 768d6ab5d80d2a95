package org.bnn.dsl.ui.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.xtext.validation.Issue;

/** Validates the saved content of a .bnn file in the background and updates its markers. */
public final class BnnValidationJob extends Job {

    private final IFile file;

    public BnnValidationJob(IFile file) {
        super("Validating " + file.getName());
        this.file = file;
        setSystem(true);
        setPriority(DECORATE);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        if (!file.isAccessible()) {
            return Status.OK_STATUS;
        }
        try {
            String text;
            try (InputStream in = file.getContents(true)) {
                text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
            }
            BnnDocumentValidator validator = BnnUiActivator.getDefault().getInjector()
                    .getInstance(BnnDocumentValidator.class);
            List<Issue> issues = validator.validate(BnnWorkspaceSources.uriOf(file), text,
                    BnnWorkspaceSources.siblingsOf(file), monitor::isCanceled);
            if (!monitor.isCanceled()) {
                BnnMarkers.replace(file, issues);
            }
        } catch (CoreException | IOException | RuntimeException e) {
            if (file.isAccessible()) { // else deleted meanwhile: nothing to validate
                BnnUiActivator.log("Could not validate " + file.getFullPath(), e);
            }
        }
        return Status.OK_STATUS;
    }
}
