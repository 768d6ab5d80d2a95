package org.bnn.dsl.ide.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Explore;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

/**
 * Finds the places of a model where an estimate is shown in the text: after each layer, after each
 * mapping's and experiment's name. Elements the IDE does not know are skipped.
 */
public class EstimateHints {

    @Inject
    private EstimatePresentation presentation;

    @Inject
    private ModelEstimates estimates;

    @Inject
    private ILocationInFileProvider locations;

    public List<EstimateHint> of(XtextResource resource, CancelIndicator cancel) {
        List<EstimateHint> hints = new ArrayList<>();
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
            return hints;
        }
        for (EObject element : model.getElements()) {
            if (cancel.isCanceled()) {
                return List.of();
            }
            if (element instanceof Network network) {
                Map<String, LayerCost> costs = estimates.layerCosts(network);
                for (Layer layer : network.getLayers()) {
                    LayerCost cost = layer.getName() == null ? null : costs.get(layer.getName());
                    if (cost != null) {
                        add(layer, end(layer), EstimatePresentation.bounded(presentation.layerHint(cost)), hints);
                    }
                }
            } else if (element instanceof Mapping || element instanceof Experiment || element instanceof Explore) {
                presentation.hint(element).ifPresent(text -> add(element, nameEnd(element), text, hints));
            }
        }
        return hints;
    }

    private static void add(EObject element, int offset, String text, List<EstimateHint> hints) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        if (offset >= 0 && node != null) {
            hints.add(new EstimateHint(element, offset, node.getOffset(), text));
        }
    }

    private static int end(EObject element) {
        ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
        return node == null ? -1 : node.getEndOffset();
    }

    private int nameEnd(EObject element) {
        ITextRegion name = locations.getSignificantTextRegion(element);
        return name == null || name.getLength() == 0 ? end(element) : name.getOffset() + name.getLength();
    }
}
