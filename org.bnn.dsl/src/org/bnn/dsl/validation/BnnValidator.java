package org.bnn.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Quantity;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.Sense;
import org.bnn.dsl.bnn.Element;
import org.bnn.dsl.bnn.Input;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.OutputLayer;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.units.QuantityDimensions;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.MappingEstimate;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Validation rules of the .bnn language. Numbers in messages come from the runtime's
 * {@link Estimator}; no formula lives here.
 */
public class BnnValidator extends AbstractBnnValidator {

    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private SpecTranslator translator;

    @Check
    public void checkTileSize(Tile tile) {
        positive(tile.getRows(), "rows", tile, BNN.getTile_Rows(), -1);
        positive(tile.getColumns(), "columns", tile, BNN.getTile_Columns(), -1);
    }

    @Check
    public void checkChipSize(Chip chip) {
        positive(chip.getTileCount(), "tile count", chip, BNN.getChip_TileCount(), -1);
    }

    @Check
    public void checkInputShape(Input input) {
        List<Integer> shape = input.getShape();
        if (shape.size() > 3) {
            error("An input has at most 3 dimensions (height x width x channels), got " + shape.size(), input,
                    BNN.getInput_Shape(), 3, BnnIssueCodes.INPUT_RANK);
        }
        for (int i = 0; i < shape.size(); i++) {
            positive(shape.get(i), "input dimension", input, BNN.getInput_Shape(), i);
        }
    }

    @Check
    public void checkLayerSize(Layer layer) {
        String what = layer instanceof OutputLayer ? "number of classes" : "number of neurons";
        positive(layer.getUnits(), what, layer, BNN.getLayer_Units(), -1);
    }

    @Check
    public void checkUniqueElementNames(Model model) {
        reportDuplicates(model.getElements(), "declaration");
    }

    @Check
    public void checkUniqueLayerNames(Network network) {
        Map<String, EObject> seen = new HashMap<>();
        if (network.getInput() != null && network.getInput().getName() != null) {
            seen.put(network.getInput().getName(), network.getInput());
        }
        for (Layer layer : network.getLayers()) {
            if (layer.getName() != null && seen.putIfAbsent(layer.getName(), layer) != null) {
                error("Duplicate layer name '" + layer.getName() + "' in network " + network.getName(), layer,
                        BNN.getLayer_Name(), BnnIssueCodes.DUPLICATE_NAME, layer.getName());
            }
        }
    }

    @Check
    public void checkOutputLayer(Network network) {
        List<Layer> layers = network.getLayers();
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) instanceof OutputLayer output) {
                error("Output layer '" + output.getName() + "' must be the last layer of network " + network.getName(),
                        output, BNN.getLayer_Name(), BnnIssueCodes.OUTPUT_LAYER_NOT_LAST);
            }
        }
        if (layers.stream().noneMatch(OutputLayer.class::isInstance)) {
            error("Network " + network.getName() + " has no output layer; end it with 'output NAME: dense CLASSES'",
                    network, BNN.getElement_Name(), BnnIssueCodes.MISSING_OUTPUT_LAYER);
        }
    }

    @Check
    public void checkQuantityUnit(Quantity quantity) {
        try {
            QuantityDimensions.si(quantity);
        } catch (IllegalArgumentException e) {
            error(capitalized(e.getMessage()), quantity, quantity.getUnit() == null ? BNN.getQuantity_Value() : BNN.getQuantity_Unit(),
                    BnnIssueCodes.UNIT_MISMATCH, QuantityDimensions.expected(quantity).name());
        }
    }

    @Check
    public void checkRegimePhysics(Regime regime) {
        if (unitsValid(regime)) {
            try {
                translator.translate(regime);
            } catch (IllegalArgumentException e) {
                error(capitalized(e.getMessage()), regime, BNN.getRegime_Name(), BnnIssueCodes.PHYSICAL_RANGE);
            }
        }
    }

    @Check
    public void checkStuckAtProbabilities(Device device) {
        if (device.getStuckAtLrs() != null && unitsValid(device)) {
            try {
                translator.translate(device);
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith("StuckAt")) {
                    error(capitalized(e.getMessage()), device, BNN.getDevice_StuckAtLrs(), BnnIssueCodes.PHYSICAL_RANGE);
                }
            }
        }
    }

    @Check
    public void checkSensePhysics(Sense sense) {
        if (unitsValid(sense)) {
            try {
                translator.translate(sense);
            } catch (IllegalArgumentException e) {
                error(capitalized(e.getMessage()), sense, null, BnnIssueCodes.PHYSICAL_RANGE);
            }
        }
    }

    @Check
    public void checkProgrammingEnergy(org.bnn.dsl.bnn.Pulse pulse) {
        if (pulse.getEnergy() == null || !unitsValid(pulse)) {
            return;
        }
        try {
            Pulse spec = new Pulse(QuantityDimensions.si(pulse.getVoltage()), QuantityDimensions.si(pulse.getCurrent()),
                    QuantityDimensions.si(pulse.getWidth()), QuantityDimensions.si(pulse.getEnergy()));
            double ratio = spec.energyJoules() / spec.vitEnergyJoules();
            if (ratio > 2 || ratio < 0.5) {
                warning(String.format(Locale.ROOT, "The pulse energy %.3g J is %.1fx V*I*t = %.3g J; check the value or its unit",
                        spec.energyJoules(), ratio, spec.vitEnergyJoules()), pulse, BNN.getPulse_Energy(),
                        BnnIssueCodes.PROGRAMMING_ENERGY_MISMATCH);
            }
        } catch (IllegalArgumentException e) {
            error(capitalized(e.getMessage()), pulse, null, BnnIssueCodes.PHYSICAL_RANGE);
        }
    }

    @Check
    public void checkSenseFitsRowCycle(Chip chip) {
        Tile tile = chip.getTile();
        if (tile == null || tile.eIsProxy() || tile.getSense() == null || chip.getClock() == null || !unitsValid(chip)
                || !unitsValid(tile.getSense())) {
            return;
        }
        double delay = QuantityDimensions.si(tile.getSense().getDelay());
        double rowCycle = (tile.getRowCycleClocks() == 0 ? 1 : tile.getRowCycleClocks()) / QuantityDimensions.si(chip.getClock());
        if (delay > rowCycle) {
            warning(String.format(Locale.ROOT, "The sense amplifier of tile %s needs %.3g s but a row cycle of chip %s lasts %.3g s",
                    tile.getName(), delay, chip.getName(), rowCycle), chip, BNN.getChip_Clock(), BnnIssueCodes.SENSE_SLOWER_THAN_ROW_CYCLE);
        }
    }

    private static boolean unitsValid(EObject object) {
        List<Quantity> quantities = EcoreUtil2.getAllContentsOfType(object, Quantity.class);
        if (object instanceof Quantity q) {
            quantities = List.of(q);
        }
        for (Quantity quantity : quantities) {
            try {
                QuantityDimensions.si(quantity);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    @Check
    public void checkMappingFitsChip(Mapping mapping) {
        translator.tryTranslate(mapping).map(Estimator::estimate).filter(estimate -> !estimate.fits())
                .ifPresent(estimate -> error(exceedsChipMessage(estimate), mapping, BNN.getMapping_Chip(),
                        BnnIssueCodes.MAPPING_EXCEEDS_CHIP));
    }

    private static String exceedsChipMessage(MappingEstimate estimate) {
        var mapping = estimate.mapping();
        var tile = mapping.chip().tile();
        String perLayer = estimate.layers().stream()
                .map(layer -> layer.name() + " " + layer.tiles())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Network %s needs %d tiles of %s (%d rows x %d columns) but chip %s has %d (%s)",
                mapping.network().name(), estimate.tilesNeeded(), tile.name(), tile.rows(), tile.columns(),
                mapping.chip().name(), estimate.tilesAvailable(), perLayer);
    }

    private void reportDuplicates(List<? extends Element> elements, String what) {
        Map<String, Element> seen = new HashMap<>();
        for (Element element : elements) {
            String name = element.getName();
            if (name != null && seen.putIfAbsent(name, element) != null) {
                error("Duplicate " + what + " name '" + name + "'", element, BNN.getElement_Name(),
                        BnnIssueCodes.DUPLICATE_NAME, name);
            }
        }
    }

    private void positive(int value, String what, EObject object, EStructuralFeature feature, int index) {
        if (value <= 0) {
            error("The " + what + " must be positive, got " + value, object, feature, index,
                    BnnIssueCodes.NON_POSITIVE_SIZE, Integer.toString(value));
        }
    }
}
