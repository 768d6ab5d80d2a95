package org.bnn.dsl.validation;

import static org.bnn.dsl.spec.SpecTranslator.written;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bnn.dsl.bnn.Binarize;
import org.bnn.dsl.bnn.BitSerial;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.ConvLayer;
import org.bnn.dsl.bnn.DenseLayer;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.bnn.Replication;
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
import org.bnn.dsl.generator.JavaNames;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.units.QuantityDimensions;
import org.bnn.dsl.validation.RejectionSites.Site;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.estimate.EstimateText;
import org.bnn.runtime.estimate.Estimator;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;

import com.google.inject.Inject;

/**
 * Validation rules of the .bnn language. Numbers in messages come from the runtime's
 * {@link Estimator}; no formula lives here.
 */
@ComposedChecks(validators = {ExperimentValidator.class, TrainingValidator.class, FileReferenceValidator.class, UsageValidator.class,
    PlacementValidator.class, OutputLocationValidator.class, WeightValuesValidator.class, MeasuredDeviceValidator.class,
    ExploreValidator.class})
public class BnnValidator extends AbstractBnnValidator {

    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /** Below this share of used cells a layer's tiles are reported as poorly used. */
    private static final double LOW_UTILIZATION = 0.5;

    @Inject
    private SpecTranslator translator;

    /** As the composed validators: see {@link ComposedBnnValidator#stopOnIncompleteModel}. */
    @Override
    protected void handleExceptionDuringValidation(Throwable exception) {
        ComposedBnnValidator.stopOnIncompleteModel(exception);
    }

    /** Quoted texts that become string constants of the generated Java. */
    private static final List<EAttribute> TEXTS = List.of(BNN.getDevice_Stack(), BNN.getNetwork_Weights(), BNN.getExperiment_Report(),
            BNN.getDatasetInputs_Folder(), BNN.getTraining_Save());

    /** Names become Java classes, files and string constants: they must fit them (see {@link JavaNames#MAX_NAME_LENGTH}). */
    @Check
    public void checkNameLength(EObject object) {
        if (object.eClass().getEStructuralFeature("name") instanceof EAttribute name && object.eGet(name) instanceof String value
                && value.length() > JavaNames.MAX_NAME_LENGTH) {
            error(String.format(Locale.ROOT, "A name has at most %d characters (it names generated Java classes and files), got %d",
                    JavaNames.MAX_NAME_LENGTH, value.length()), object, name, BnnIssueCodes.NAME_TOO_LONG);
        }
        for (EAttribute text : TEXTS) {
            if (text.getEContainingClass().isSuperTypeOf(object.eClass()) && object.eGet(text) instanceof String value
                    && value.length() > JavaNames.MAX_TEXT_LENGTH) {
                error(String.format(Locale.ROOT, "A quoted text has at most %d characters, got %d", JavaNames.MAX_TEXT_LENGTH,
                        value.length()), object, text, BnnIssueCodes.TEXT_TOO_LONG);
            }
        }
    }

    @Check
    public void checkPackage(Model model) {
        if (model.getName() != null) {
            JavaNames.reservedPackage(model.getName()).ifPresent(reason -> error("Package " + model.getName()
                    + " cannot hold the generated Java classes: " + reason, model, BNN.getModel_Name(), BnnIssueCodes.RESERVED_PACKAGE));
        }
    }

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
    public void checkLayerSize(DenseLayer layer) {
        positive(layer.getUnits(), "number of neurons", layer, BNN.getDenseLayer_Units(), -1);
    }

    @Check
    public void checkLayerSize(OutputLayer layer) {
        positive(layer.getUnits(), "number of classes", layer, BNN.getOutputLayer_Units(), -1);
    }

    @Check
    public void checkLayerSize(ConvLayer layer) {
        positive(layer.getUnits(), "number of channels", layer, BNN.getConvLayer_Units(), -1);
        positive(layer.getKernel(), "kernel size", layer, BNN.getConvLayer_Kernel(), -1);
        if (written(layer, BNN.getConvLayer_Stride())) {
            positive(layer.getStride(), "stride", layer, BNN.getConvLayer_Stride(), -1);
        }
        if (written(layer, BNN.getConvLayer_PaddingValue()) && Math.abs(layer.getPaddingValue()) != 1.0) {
            error("The padding value must be -1 or +1 (there is no 0 in +-1 logic), got " + layer.getPaddingValue(), layer,
                    BNN.getConvLayer_PaddingValue(), BnnIssueCodes.PADDING_VALUE);
        }
    }

    @Check
    public void checkLayerSize(PoolLayer layer) {
        positive(layer.getSize(), "pool size", layer, BNN.getPoolLayer_Size(), -1);
        if (written(layer, BNN.getPoolLayer_Stride())) {
            positive(layer.getStride(), "stride", layer, BNN.getPoolLayer_Stride(), -1);
        }
    }

    @Check
    public void checkBitSerialWidth(BitSerial encoding) {
        if (encoding.getBits() < 1 || encoding.getBits() > 16) {
            error("A bit-serial input has 1 to 16 bits, got " + encoding.getBits(), encoding, BNN.getBitSerial_Bits(),
                    BnnIssueCodes.BIT_SERIAL_WIDTH, Integer.toString(encoding.getBits()));
        }
    }

    @Check
    public void checkBinarizeThreshold(Binarize encoding) {
        if (!(encoding.getThreshold() >= 0 && encoding.getThreshold() <= 1)) {
            error("The binarization threshold is on the [0, 1] pixel scale, got " + encoding.getThreshold(), encoding,
                    BNN.getBinarize_Threshold(), BnnIssueCodes.PHYSICAL_RANGE);
        }
    }

    /** Shapes through the network: reported once the sizes themselves are valid. */
    @Check
    public void checkNetworkShapes(Network network) {
        if (network.getInput() == null || !sizesValid(network)) {
            return;
        }
        // the sizes of each layer and the input have rules of their own; this one reports how the shapes propagate,
        // on the layer whose output does not exist
        SpecTranslator.rejection(() -> translator.translate(network))
                .filter(rejection -> rejection.violation().map(v -> v.record().equals("NetworkSpec")).orElse(true))
                .ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(), rejection, network, RejectionSites.nameOf(network),
                        rejection.message().replaceFirst("^NetworkSpec\\(([^)]*)\\)[:.]? ?", "Network $1: "),
                        BnnIssueCodes.SHAPE_MISMATCH));
    }

    @Check
    public void checkCell(Tile tile) {
        if (!unitsValid(tile)) {
            return;
        }
        SpecTranslator.rejection(() -> translator.translateCell(tile)).ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(),
                rejection, tile, new Site(tile, BNN.getTile_Cell()), rejection.message().replaceFirst("^CellTechnology\\.\\w+: ", ""),
                BnnIssueCodes.CELL_CONFIGURATION));
        // a row slice holds whole code words: the technology says how many columns one needs
        SpecTranslator.attempt(() -> translator.translateCell(tile))
                .filter(cell -> tile.getColumns() > 0 && tile.getColumns() < cell.minimumColumns())
                .ifPresent(cell -> error(cell.label() + " cells: a code word needs " + cell.minimumColumns() + " columns, "
                        + MessageNames.of("tile", tile.getName()) + " has " + tile.getColumns(), tile, BNN.getTile_Ecc(),
                        BnnIssueCodes.ECC_WORD_TOO_WIDE));
    }

    /**
     * What the runtime rejects among a tile's own values (its popcount energy); its sizes, cells,
     * device and sense amplifier have rules of their own.
     */
    @Check
    public void checkTilePhysics(Tile tile) {
        if (tile.getRows() <= 0 || tile.getColumns() <= 0 || !unitsValid(tile)) {
            return;
        }
        SpecTranslator.rejection(() -> translator.translate(tile))
                .filter(rejection -> RejectionSites.builtFrom(rejection, tile))
                .filter(rejection -> rejection.violation().filter(v -> v.record().equals("TileSpec")
                        && v.problem() != SpecViolation.Problem.INCONSISTENT).isPresent()) // a code word wider than the tile: checkCell
                .ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(), rejection, tile, RejectionSites.nameOf(tile),
                        capitalized(rejection.message()), BnnIssueCodes.PHYSICAL_RANGE));
    }

    /** What the runtime rejects among a chip's own values (clock, energies); its tile count and tile have rules of their own. */
    @Check
    public void checkChipPhysics(Chip chip) {
        if (chip.getTileCount() <= 0 || !unitsValid(chip)) {
            return;
        }
        SpecTranslator.rejection(() -> translator.translate(chip))
                .filter(rejection -> RejectionSites.builtFrom(rejection, chip))
                .ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(), rejection, chip, RejectionSites.nameOf(chip),
                        capitalized(rejection.message()), BnnIssueCodes.PHYSICAL_RANGE));
    }

    @Check
    public void checkReplication(Replication replication) {
        positive(replication.getCopies(), "number of copies", replication, BNN.getReplication_Copies(), -1);
        if (replication.getLayer() instanceof PoolLayer) {
            error("Pool layers have no weights to replicate", replication, BNN.getReplication_Layer(), BnnIssueCodes.SHAPE_MISMATCH);
        }
    }

    private boolean sizesValid(Network network) {
        return network.getInput().getShape().stream().allMatch(d -> d > 0) && network.getInput().getShape().size() <= 3
                && network.getLayers().stream().allMatch(l -> l.getName() != null);
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
                error("Duplicate layer name '" + layer.getName() + "' in " + MessageNames.of("network", network.getName()), layer,
                        BNN.getLayer_Name(), BnnIssueCodes.DUPLICATE_NAME, layer.getName());
            }
        }
    }

    @Check
    public void checkOutputLayer(Network network) {
        List<Layer> layers = network.getLayers();
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i) instanceof OutputLayer output) {
                error((output.getName() == null ? "The output layer" : "Output layer '" + output.getName() + "'")
                        + " must be the last layer of " + MessageNames.of("network", network.getName()),
                        output, BNN.getLayer_Name(), BnnIssueCodes.OUTPUT_LAYER_NOT_LAST);
            }
        }
        if (layers.stream().noneMatch(OutputLayer.class::isInstance)) {
            error(MessageNames.capitalizedOf(network) + " has no output layer; end it with 'output NAME: dense CLASSES'",
                    network, BNN.getElement_Name(), BnnIssueCodes.MISSING_OUTPUT_LAYER);
        }
    }

    @Check
    public void checkQuantityUnit(Quantity quantity) {
        try {
            QuantityDimensions.si(quantity);
        } catch (IllegalArgumentException e) {
            error(capitalized(e.getMessage()), quantity, quantity.getUnit() == null ? BNN.getQuantity_Value() : BNN.getQuantity_Unit(),
                    BnnIssueCodes.UNIT_MISMATCH, QuantityDimensions.expected(quantity).name(),
                    quantity.getUnit() == null ? "" : quantity.getUnit());
        }
    }

    @Check
    public void checkRegimePhysics(Regime regime) {
        if (unitsValid(regime)) {
            SpecTranslator.rejection(() -> translator.translate(regime)).ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(),
                    rejection, regime, new Site(regime, BNN.getRegime_Name()), capitalized(rejection.message()),
                    BnnIssueCodes.PHYSICAL_RANGE));
        }
    }

    /** The runtime needs a regime to program any cell with; without one no mapping could be generated. */
    @Check
    public void checkDeviceHasRegime(Device device) {
        if (device.getRegimes().isEmpty()) {
            error(MessageNames.capitalizedOf(device) + " has no programming regime; cells of it cannot be written"
                    + " (add one: regime nominal { lrs ... hrs ... set ... reset ... endurance ... })", device,
                    BNN.getElement_Name(), BnnIssueCodes.MISSING_REGIME);
        }
    }

    @Check
    public void checkStuckAtProbabilities(Device device) {
        if (device.getStuckAtLrs() != null && unitsValid(device)) {
            SpecTranslator.rejection(() -> translator.stuckAt(device)).ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(),
                    rejection, device, new Site(device, BNN.getDevice_StuckAtLrs()), capitalized(rejection.message()),
                    BnnIssueCodes.PHYSICAL_RANGE));
        }
    }

    @Check
    public void checkSensePhysics(Sense sense) {
        if (unitsValid(sense)) {
            SpecTranslator.rejection(() -> translator.translate(sense)).ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(),
                    rejection, sense, new Site(sense, null), capitalized(rejection.message()), BnnIssueCodes.PHYSICAL_RANGE));
        }
    }

    /** An explicit energy far from V*I*t; a pulse that does not translate is reported by its quantities' and its regime's rules. */
    @Check
    public void checkProgrammingEnergy(org.bnn.dsl.bnn.Pulse pulse) {
        SpecTranslator.attempt(() -> translator.translate(pulse)).filter(Pulse::hasExplicitEnergy).ifPresent(spec -> {
            double ratio = spec.energyJoules() / spec.vitEnergyJoules();
            if (ratio > 2 || ratio < 0.5) {
                warning(String.format(Locale.ROOT, "The pulse energy %.3g J is %.1fx V*I*t = %.3g J; check the value or its unit",
                        spec.energyJoules(), ratio, spec.vitEnergyJoules()), pulse, BNN.getPulse_Energy(),
                        BnnIssueCodes.PROGRAMMING_ENERGY_MISMATCH);
            }
        });
    }

    @Check
    public void checkSenseFitsRowCycle(Chip chip) {
        Tile tile = chip.getTile();
        if (tile == null || tile.eIsProxy() || tile.getSense() == null || chip.getClock() == null || !unitsValid(chip)
                || !unitsValid(tile.getSense())) {
            return;
        }
        // reported by the rules on the parts when it does not translate
        SpecTranslator.attempt(() -> translator.translate(chip)).ifPresent(spec -> {
            // The row cycle comes from the runtime, like every other timing (no second formula here).
            double delay = spec.tile().sense().orElseThrow().delaySeconds();
            double rowCycle = Estimator.rowCycleSeconds(spec).orElseThrow();
            if (delay > rowCycle) {
                warning(String.format(Locale.ROOT, "The sense amplifier of tile %s needs %.3g s but a row cycle of chip %s lasts %.3g s",
                        spec.tile().name(), delay, spec.name(), rowCycle), chip, BNN.getChip_Clock(),
                        BnnIssueCodes.SENSE_SLOWER_THAN_ROW_CYCLE);
            }
        });
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

    /**
     * The chip's cells must hold every layer's weights (ternary weights need 2T2R cells): the
     * runtime's rejection, on the mapping's chip. Its other rejections have rules of their own.
     */
    @Check
    public void checkCellsHoldTheWeights(Mapping mapping) {
        SpecTranslator.rejection(() -> translator.translate(mapping))
                .filter(rejection -> rejection.violation().filter(v -> v.record().startsWith("MappingSpec") && v.field().equals("chip"))
                        .isPresent())
                .ifPresent(rejection -> RejectionSites.report(getMessageAcceptor(), rejection, mapping,
                        new Site(mapping, BNN.getMapping_Chip()),
                        rejection.message().replaceFirst("^MappingSpec\\(([^)]*)\\): ", "Mapping $1: "),
                        BnnIssueCodes.CELLS_CANNOT_HOLD_WEIGHTS));
    }

    @Check
    public void checkMappingFitsChip(Mapping mapping) {
        translator.tryTranslate(mapping).map(Estimator::estimate).filter(estimate -> !estimate.fits()).ifPresent(estimate -> {
            if (mapping.isAllowReprogramming()) {
                warning(exceedsChipMessage(estimate) + ": the weights are reprogrammed while it runs, "
                        + EstimateText.reprogrammingLine(estimate.reprogramming().orElseThrow()),
                        mapping, BNN.getMapping_AllowReprogramming(), BnnIssueCodes.MAPPING_NEEDS_REPROGRAMMING);
            } else {
                error(exceedsChipMessage(estimate), mapping, BNN.getMapping_Chip(), BnnIssueCodes.MAPPING_EXCEEDS_CHIP);
            }
        });
    }

    /** Tiles whose cells are mostly empty: a hint to choose another tile size or folding. */
    @Check
    public void checkTileUtilization(Mapping mapping) {
        translator.tryTranslate(mapping).map(Estimator::estimate).ifPresent(estimate -> {
            long cells = estimate.mapping().chip().tile().cells();
            for (LayerEstimate layer : estimate.layers()) {
                double utilization = layer.utilization(cells);
                if (layer.hasTiles() && utilization < LOW_UTILIZATION) {
                    info(String.format(Locale.ROOT, "Layer %s fills %.0f %% of the cells of its %d tiles%s", layer.name(),
                            100 * utilization,
                            layer.tilesOccupied(), layer.tilesOccupied() > layer.tiles() ? " (" + EstimateText.placedOn(layer) + ")" : ""),
                            mapping, BNN.getMapping_Network(), BnnIssueCodes.LOW_TILE_UTILIZATION, layer.name());
                }
            }
        });
    }

    private static String exceedsChipMessage(MappingEstimate estimate) {
        var mapping = estimate.mapping();
        var tile = mapping.chip().tile();
        if (!mapping.placement().auto()) {
            String perLayer = estimate.layers().stream().filter(LayerEstimate::hasTiles)
                    .map(layer -> layer.name() + " " + layer.tiles() + " on " + EstimateText.placedOn(layer))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "The placement of network %s shares tiles or streams layers through too few (%s)",
                    mapping.network().name(), perLayer);
        }
        String perLayer = estimate.layers().stream().filter(LayerEstimate::hasTiles)
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
