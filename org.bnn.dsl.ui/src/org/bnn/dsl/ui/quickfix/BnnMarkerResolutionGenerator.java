package org.bnn.dsl.ui.quickfix;

import java.util.List;

import org.bnn.dsl.ide.quickfix.IssueResolutions;
import org.bnn.dsl.ui.internal.BnnUiActivator;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.bnn.dsl.ui.validation.BnnMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;

import com.google.inject.Injector;

/**
 * Quick fixes of BNN problem markers: the ide module's fixes (the ones the language server offers
 * as code actions), computed on the file's current text and applied as text replacements.
 */
public final class BnnMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        String code = marker.getAttribute(BnnMarkers.ISSUE_CODE, null);
        if (code == null) {
            return false;
        }
        Diagnostic diagnostic = new Diagnostic(new Range(), "", DiagnosticSeverity.Error, "bnn", code);
        return injector().getInstance(IQuickFixProvider.class).handlesDiagnostic(diagnostic);
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker) || !(marker.getResource() instanceof IFile file)) {
            return new IMarkerResolution[0];
        }
        int start = marker.getAttribute(IMarker.CHAR_START, -1);
        int end = marker.getAttribute(IMarker.CHAR_END, -1);
        if (start < 0 || end < start) {
            return new IMarkerResolution[0];
        }
        try (BnnFileText text = BnnFileText.connect(file)) {
            ParsedDocument parsed = text.parse(injector());
            if (parsed == null) {
                return new IMarkerResolution[0];
            }
            List<IssueResolutions.Resolution> fixes = injector().getInstance(IssueResolutions.class).of(parsed.resource(), parsed.text(),
                    marker.getAttribute(BnnMarkers.ISSUE_CODE, ""), BnnMarkers.data(marker), start, end - start);
            return fixes.stream().map(fix -> new BnnMarkerResolution(fix, parsed.text())).toArray(IMarkerResolution[]::new);
        } catch (Exception e) {
            BnnUiActivator.log("Could not compute the quick fixes of " + file.getFullPath(), e);
            return new IMarkerResolution[0];
        }
    }

    private static Injector injector() {
        return BnnUiActivator.getDefault().getInjector();
    }
}
