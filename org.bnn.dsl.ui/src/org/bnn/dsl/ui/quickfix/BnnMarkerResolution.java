package org.bnn.dsl.ui.quickfix;

import java.util.List;

import org.bnn.dsl.ide.quickfix.IssueResolutions;
import org.bnn.dsl.ide.quickfix.IssueResolutions.Replacement;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IMarkerResolution;

/** One quick fix of a marker: replacements of the text it was computed on. */
final class BnnMarkerResolution implements IMarkerResolution {

    private final IssueResolutions.Resolution fix;
    private final String text;

    BnnMarkerResolution(IssueResolutions.Resolution fix, String text) {
        this.fix = fix;
        this.text = text;
    }

    @Override
    public String getLabel() {
        return fix.label();
    }

    @Override
    public void run(IMarker marker) {
        if (!(marker.getResource() instanceof IFile file)) {
            return;
        }
        try (BnnFileText current = BnnFileText.connect(file)) {
            IDocument document = current.document();
            if (!text.equals(document.get())) {
                return; // the text changed since the fix was computed: its offsets no longer apply
            }
            List<Replacement> replacements = fix.replacements();
            for (int i = replacements.size() - 1; i >= 0; i--) {
                Replacement replacement = replacements.get(i);
                document.replace(replacement.offset(), replacement.length(), replacement.text());
            }
            current.saveIfNotOpen();
        } catch (BadLocationException | org.eclipse.core.runtime.CoreException e) {
            BnnUiActivator.log("Could not apply '" + fix.label() + "' to " + file.getFullPath(), e);
        }
    }
}
