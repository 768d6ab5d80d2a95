package org.bnn.dsl.ui.hover;

import java.util.function.Supplier;

import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.bnn.dsl.ui.model.BnnDocumentModel;
import org.bnn.dsl.ui.model.ParsedDocument;
import org.eclipse.core.resources.IFile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.DefaultTextHover;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;

import com.google.inject.Injector;

/**
 * Hover of the .bnn editor: the problems at the mouse (as the plain text editor shows them), then
 * the Estimator's breakdown of the layer, mapping, experiment, tile, chip or device under the
 * mouse or referenced there. Runs on the hover's background thread; it parses only when the
 * reconciler's latest parse is older than the text.
 */
public final class BnnTextHover extends DefaultTextHover {

    private final BnnDocumentModel model;
    private final Injector injector;
    private final Supplier<IFile> file;

    public BnnTextHover(ISourceViewer viewer, BnnDocumentModel model, Injector injector, Supplier<IFile> file) {
        super(viewer);
        this.model = model;
        this.injector = injector;
        this.file = file;
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        String problems = super.getHoverInfo(viewer, region);
        String breakdown = breakdown(viewer, region.getOffset());
        if (problems == null || problems.isBlank()) {
            return breakdown;
        }
        return breakdown == null ? problems : problems + "\n\n" + breakdown;
    }

    /** Only the problem markers, not quick-diff ("24 changed lines") or search annotations. */
    @Override
    protected boolean isIncluded(Annotation annotation) {
        return annotation instanceof MarkerAnnotation;
    }

    /** The breakdown of the element at {@code offset}, as plain text; null if it has none. */
    public String breakdown(ITextViewer viewer, int offset) {
        ParsedDocument parsed = parsed(viewer);
        if (parsed == null) {
            return null;
        }
        EObjectAtOffsetHelper elements = injector.getInstance(EObjectAtOffsetHelper.class);
        EObject element = elements.resolveCrossReferencedElementAt(parsed.resource(), offset);
        if (element == null || element.eIsProxy()) {
            element = elements.resolveElementAt(parsed.resource(), offset);
        }
        if (element == null) {
            return null;
        }
        return injector.getInstance(EstimatePresentation.class).hover(element).map(Breakdown::toPlainText).orElse(null);
    }

    private ParsedDocument parsed(ITextViewer viewer) {
        return model.currentOrParse(viewer.getDocument(), file.get(), injector);
    }
}
