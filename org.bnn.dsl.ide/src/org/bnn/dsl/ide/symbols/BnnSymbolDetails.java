package org.bnn.dsl.ide.symbols;

import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.ide.estimate.EstimatePresentation;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.spec.WeightValues;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Outline details: the estimate of layers, mappings and experiments ("800 tiles · 41.6 nJ ·
 * 370 ns"), otherwise the concept's keyword ("tile", "dense", …); a layer of ternary weights adds
 * "· ternary".
 */
@Singleton
public class BnnSymbolDetails extends DocumentSymbolDetailsProvider {

    @Inject
    private EstimatePresentation presentation;

    @Override
    public String getDetails(EObject object) {
        String details = presentation.hint(object).orElseGet(() -> keyword(object));
        return ternary(object) ? details + " · ternary" : details;
    }

    /** A layer with ternary weights says so (binary, the default, goes without saying). */
    private static boolean ternary(EObject object) {
        return object instanceof Layer layer && !(layer instanceof PoolLayer)
                && SpecTranslator.attempt(() -> SpecTranslator.weightValues(layer)).filter(WeightValues.TERNARY::equals).isPresent();
    }

    /** The concept's name in the language: the class name without "Layer", in lower case. */
    private static String keyword(EObject object) {
        return object.eClass().getName().replace("Layer", "").toLowerCase(java.util.Locale.ROOT);
    }
}
