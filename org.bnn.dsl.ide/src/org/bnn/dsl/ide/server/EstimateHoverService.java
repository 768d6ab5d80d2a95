package org.bnn.dsl.ide.server;

import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

import com.google.inject.Inject;

/** Hover: the element's documentation comment, then the Estimator's breakdown of it. */
public class EstimateHoverService extends HoverService {

    @Inject
    private EstimatePresentation presentation;

    @Override
    public String getContents(EObject element) {
        String documentation = super.getContents(element);
        String breakdown = element == null ? "" : presentation.hover(element).map(Breakdown::toMarkdown).orElse("");
        if (documentation.isEmpty()) {
            return breakdown;
        }
        return breakdown.isEmpty() ? documentation : documentation + "\n\n" + breakdown;
    }
}
