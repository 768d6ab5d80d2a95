package org.bnn.dsl.units;

import java.util.Map;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.ExploreConstraint;
import org.bnn.dsl.bnn.Quantity;
import org.eclipse.emf.ecore.EReference;

/** Which dimension each quantity of the language must have, by the property that holds it. */
public final class QuantityDimensions {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;
    private static final Map<EReference, Dimension> BY_PROPERTY = Map.ofEntries(
            Map.entry(BNN.getDevice_Node(), Dimension.LENGTH),
            Map.entry(BNN.getDevice_StuckAtLrs(), Dimension.RATIO),
            Map.entry(BNN.getDevice_StuckAtHrs(), Dimension.RATIO),
            Map.entry(BNN.getRegime_Endurance(), Dimension.COUNT),
            Map.entry(BNN.getLogNormal_Median(), Dimension.RESISTANCE),
            Map.entry(BNN.getLogNormal_Sigma(), Dimension.RATIO),
            Map.entry(BNN.getPulse_Voltage(), Dimension.VOLTAGE),
            Map.entry(BNN.getPulse_Current(), Dimension.CURRENT),
            Map.entry(BNN.getPulse_Width(), Dimension.TIME),
            Map.entry(BNN.getPulse_Energy(), Dimension.ENERGY),
            Map.entry(BNN.getTile_PopcountEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getTile_Reference(), Dimension.RESISTANCE),
            Map.entry(BNN.getTile_EccDecodeEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getSense_Mismatch(), Dimension.RATIO),
            Map.entry(BNN.getSense_Noise(), Dimension.RATIO),
            Map.entry(BNN.getSense_Energy(), Dimension.ENERGY),
            Map.entry(BNN.getSense_Delay(), Dimension.TIME),
            Map.entry(BNN.getChip_Clock(), Dimension.FREQUENCY),
            Map.entry(BNN.getChip_ThresholdEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getChip_AdderEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getChip_BufferEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getRelaxation_ReferenceTime(), Dimension.TIME),
            Map.entry(BNN.getRelaxation_ReferenceTemperature(), Dimension.TEMPERATURE),
            Map.entry(BNN.getRelaxation_ActivationEnergy(), Dimension.ENERGY),
            Map.entry(BNN.getDrift_Median(), Dimension.RATIO),
            Map.entry(BNN.getDrift_Sigma(), Dimension.RATIO),
            Map.entry(BNN.getReadDisturb_Probability(), Dimension.RATIO),
            Map.entry(BNN.getWear_FailureSpread(), Dimension.RATIO),
            Map.entry(BNN.getReadCondition_Time(), Dimension.TIME),
            Map.entry(BNN.getReadCondition_Temperature(), Dimension.TEMPERATURE),
            Map.entry(BNN.getExperiment_StuckPoints(), Dimension.RATIO),
            Map.entry(BNN.getExperiment_YieldAbove(), Dimension.RATIO),
            Map.entry(BNN.getCellChoice_Reference(), Dimension.RESISTANCE),
            Map.entry(BNN.getCellChoice_EccDecodeEnergy(), Dimension.ENERGY));

    private QuantityDimensions() {
    }

    /** The dimension {@code quantity} must have where it stands. */
    public static Dimension expected(Quantity quantity) {
        if (quantity.eContainmentFeature() == BNN.getExperiment_AgePoints() && quantity.eContainer() instanceof Experiment experiment) {
            return switch (experiment.getAgeAxis()) {
                case TIME -> Dimension.TIME;
                case TEMPERATURE -> Dimension.TEMPERATURE;
                case CYCLES, READS -> Dimension.COUNT;
            };
        }
        if (quantity.eContainer() instanceof ExploreConstraint constraint) {
            return switch (constraint.getObjective()) {
                case ACCURACY -> Dimension.RATIO;
                case ENERGY, PROGRAMMING -> Dimension.ENERGY;
                case LATENCY -> Dimension.TIME;
                case TILES, LIFETIME -> Dimension.COUNT;
            };
        }
        Dimension dimension = BY_PROPERTY.get(quantity.eContainmentFeature());
        return dimension == null ? Dimension.COUNT : dimension;
    }

    /**
     * The value in SI units, assuming the unit was validated.
     *
     * @throws IllegalArgumentException if the unit does not fit the dimension
     */
    public static double si(Quantity quantity) {
        Dimension expected = expected(quantity);
        String symbol = quantity.getUnit();
        if (symbol == null) {
            if (expected == Dimension.RATIO || expected == Dimension.COUNT) {
                return quantity.getValue();
            }
            throw new IllegalArgumentException(expected.description() + " needs a unit (" + Units.examples(expected) + ")");
        }
        Units.Unit unit = Units.parse(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit '" + symbol + "'"));
        if (unit.dimension() != expected) {
            throw new IllegalArgumentException("'" + symbol + "' is not a unit of " + expected.description() + " ("
                    + Units.examples(expected) + ")");
        }
        if (!Double.isFinite(quantity.getValue())) {
            return quantity.getValue(); // 1e999 is read as infinite: the runtime rejects it, on this quantity (not a unit problem)
        }
        // Decimal scaling: 200 uA is exactly 2.0E-4 A, not 1.9999999999999998E-4.
        return java.math.BigDecimal.valueOf(quantity.getValue()).multiply(java.math.BigDecimal.valueOf(unit.factor()))
                .add(java.math.BigDecimal.valueOf(unit.offset())).doubleValue();
    }
}
