package org.bnn.dsl.ui.editor;

import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.validation.BnnValidationJob;
import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;

/**
 * The editor for .bnn files: a plain text editor with the language's highlighting and with its
 * parse, linking and validation problems as markers (Problems view, ruler, squiggles).
 */
public class BnnEditor extends TextEditor {

	public static final String ID = "org.bnn.dsl.ui.editor";

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		setSourceViewerConfiguration(new BnnSourceViewerConfiguration(this, getPreferenceStore(),
				BnnUiActivator.getDefault().getInjector()));
	}

	/** The workspace file being edited, or null for a file outside the workspace. */
	public IFile getInputFile() {
		IEditorInput input = getEditorInput();
		return input instanceof IFileEditorInput fileInput ? fileInput.getFile() : null;
	}

	@Override
	public void dispose() {
		// Markers describe the text in the editor; when that text is thrown away unsaved,
		// validate what is on disk again.
		IFile file = getInputFile();
		boolean unsaved = isDirty();
		super.dispose();
		if (file != null && unsaved) {
			new BnnValidationJob(file).schedule();
		}
	}
}
