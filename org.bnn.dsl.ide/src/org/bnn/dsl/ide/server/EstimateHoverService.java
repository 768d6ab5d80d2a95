package org.bnn.dsl.ide.server;

import org.bnn.dsl.bnn.WeightValuesClause;
import org.bnn.dsl.ide.estimate.AgingPresentation;
import org.bnn.dsl.ide.estimate.Breakdown;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

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

    /**
     * A {@code weights ternary} hovers on both of its words, an aging parameter on all of its own: Xtext
     * keeps a hover only where the element's significant region is, which for an element without a
     * name is not its whole text.
     */
    @Override
    protected HoverContext createContext(Document document, XtextResource resource, int offset) {
        HoverContext context = super.createContext(document, resource, offset);
        if (context != null
                && (context.getElement() instanceof WeightValuesClause || AgingPresentation.agingPart(context.getElement()).isPresent())) {
            EObject clause = context.getElement();
            ICompositeNode node = NodeModelUtils.findActualNodeFor(clause);
            if (node != null) {
                return new HoverContext(document, resource, offset, new TextRegion(node.getOffset(), node.getLength()), clause);
            }
        }
        return context;
    }
}
