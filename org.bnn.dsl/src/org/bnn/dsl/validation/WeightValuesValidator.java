package org.bnn.dsl.validation;

import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.bnn.WeightValuesClause;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.runtime.spec.WeightValues;
import org.eclipse.xtext.validation.Check;

/**
 * The values of weights as written, {@code weights binary|ternary} (docs/language.md, "Weight
 * values"): the clause needs its values (the parser lets them out so that a clause being typed
 * keeps the layers after it), a pool layer has no weights to give values to, and a clause that
 * says what holds without it changes nothing. All are reported on the clause.
 */
public class WeightValuesValidator extends ComposedBnnValidator {

    @Check
    public void checkWeightValues(WeightValuesClause clause) {
        if (!SpecTranslator.written(clause, BNN.getWeightValuesClause_Values())) {
            error("'weights' here needs the values, 'weights binary' or 'weights ternary' (a weights file, 'weights \"FILE\"', comes"
                    + " after the last layer)", clause, null, BnnIssueCodes.WEIGHT_VALUES_MISSING);
            return;
        }
        String written = "'weights " + clause.getValues().getLiteral() + "'";
        if (clause.eContainer() instanceof PoolLayer pool) {
            error(MessageNames.capitalizedOf("pool layer", pool.getName()) + " has no weights: " + written + " says nothing about it",
                    clause, null, BnnIssueCodes.WEIGHT_VALUES_WITHOUT_WEIGHTS, String.valueOf(pool.getName()));
        } else if (clause.eContainer() instanceof Layer layer && layer.eContainer() instanceof Network network) {
            WeightValues inherited = SpecTranslator.weightValues(network);
            if (SpecTranslator.weightValues(layer) == inherited) {
                warning(MessageNames.capitalizedOf("layer", layer.getName()) + " has " + inherited.word() + " weights without "
                        + written + " (" + (network.getWeightValues() == null
                                ? "the default"
                                : "those of "
                                        + MessageNames.of("network", network.getName()))
                        + "); the clause changes nothing",
                        clause, null, BnnIssueCodes.REDUNDANT_WEIGHT_VALUES, inherited.word());
            }
        } else if (clause.eContainer() instanceof Network network && SpecTranslator.weightValues(network) == WeightValues.BINARY) {
            warning("Weights are binary by default: " + written + " changes nothing", clause, null,
                    BnnIssueCodes.REDUNDANT_WEIGHT_VALUES, WeightValues.BINARY.word());
        }
    }
}
