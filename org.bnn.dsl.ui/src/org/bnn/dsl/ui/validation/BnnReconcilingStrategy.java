package org.bnn.dsl.ui.validation;

import java.util.function.Supplier;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Injector;

/**
 * Runs on the reconciler's background thread after the user stops typing: parses and validates
 * the whole text, replaces the file's problem markers and publishes the parse to the editor's
 * model (minings, outline, folding and hover read it). A newer edit cancels a run in flight
 * (the reconciler cancels its progress monitor), and a cancelled run leaves the markers alone.
 */
public final class BnnReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

    private final Supplier<IFile> file;
    private final Injector injector;
    private final BnnDocumentModel model;
    private IDocument document;
    private IProgressMonitor monitor;

    public BnnReconcilingStrategy(Supplier<IFile> file, Injector injector, BnnDocumentModel model) {
        this.file = file;
        this.injector = injector;
        this.model = model;
    }

    @Override
    public void setDocument(IDocument document) {
        this.document = document;
    }

    @Override
    public void setProgressMonitor(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void initialReconcile() {
        validate();
    }

    @Override
    public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
        validate();
    }

    @Override
    public void reconcile(IRegion partition) {
        validate();
    }

    private void validate() {
        IFile target = file.get();
        IDocument current = document;
        if (target == null || current == null) {
            return;
        }
        IProgressMonitor progress = monitor;
        CancelIndicator cancel = () -> progress != null && progress.isCanceled();
        try {
            String text = current.get();
            ParsedDocument parsed = injector.getInstance(BnnDocumentValidator.class).parse(
                    BnnWorkspaceSources.uriOf(target), text, BnnWorkspaceSources.siblingsOf(target), cancel);
            if (parsed != null && !cancel.isCanceled()) {
                BnnMarkers.replace(target, parsed.issues());
                model.publish(parsed);
            }
        } catch (Exception | LinkageError e) {
            BnnUiActivator.log("Could not validate " + target.getFullPath(), e);
        }
    }
}
