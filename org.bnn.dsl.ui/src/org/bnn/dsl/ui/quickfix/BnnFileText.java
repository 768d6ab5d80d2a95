package org.bnn.dsl.ui.quickfix;

import org.bnn.dsl.ui.editor.BnnEditor;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.validation.BnnDocumentValidator;
import org.bnn.dsl.ui.validation.BnnWorkspaceSources;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;

import com.google.inject.Injector;

/**
 * The text of a .bnn file as the user sees it: the shared document of the open editor (unsaved
 * changes included) or of the file. Connected to the file buffer while in use.
 */
final class BnnFileText implements AutoCloseable {

    private final IFile file;
    private final ITextFileBuffer buffer;

    private BnnFileText(IFile file, ITextFileBuffer buffer) {
        this.file = file;
        this.buffer = buffer;
    }

    static BnnFileText connect(IFile file) throws CoreException {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        manager.connect(file.getFullPath(), LocationKind.IFILE, null);
        return new BnnFileText(file, manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE));
    }

    IDocument document() {
        return buffer.getDocument();
    }

    /** The open editor's parse if it is of the current text, else a new parse (a user action: rare and small). */
    ParsedDocument parse(Injector injector) throws java.io.IOException {
        BnnEditor editor = openEditor();
        ParsedDocument parsed = editor == null ? null : editor.getModel().current(document());
        if (parsed != null) {
            return parsed;
        }
        return injector.getInstance(BnnDocumentValidator.class).parse(BnnWorkspaceSources.uriOf(file), document().get(),
                BnnWorkspaceSources.siblingsOf(file), () -> false);
    }

    /** Saves the text unless an editor holds it (then the user saves). */
    void saveIfNotOpen() throws CoreException {
        if (openEditor() == null) {
            buffer.commit(null, true);
        }
    }

    private BnnEditor openEditor() {
        for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.findEditors(new FileEditorInput(file), BnnEditor.ID, IWorkbenchPage.MATCH_INPUT)) {
                    IEditorPart part = reference.getEditor(false);
                    if (part instanceof BnnEditor editor) {
                        return editor;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws CoreException {
        FileBuffers.getTextFileBufferManager().disconnect(file.getFullPath(), LocationKind.IFILE, null);
    }
}
