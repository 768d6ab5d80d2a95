package org.bnn.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.bnn.dsl.bnn.Binarize;
import org.bnn.dsl.bnn.BitSerial;
import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.ConvLayer;
import org.bnn.dsl.bnn.DatasetInputs;
import org.bnn.dsl.bnn.DenseLayer;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Element;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.Input;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.LayerPlacement;
import org.bnn.dsl.bnn.LogNormal;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.OutputLayer;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.bnn.Pulse;
import org.bnn.dsl.bnn.RandomInputs;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.Sense;
import org.bnn.dsl.bnn.Tile;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.spec.SpecTranslator;
import org.bnn.dsl.spec.SpecTranslator.Rejection;
import org.bnn.runtime.checks.SpecViolation;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.ValidationMessageAcceptor;

/**
 * Where in the text a value the runtime rejects was written, and under which issue code it is
 * reported. The one table from a spec record's field ({@link SpecViolation#record()},
 * {@link SpecViolation#field()}) to the element of the language and its feature: the element is
 * the one whose translation built the record ({@link Rejection#element()}), so the {@code medianOhms}
 * of a {@code LogNormal} lands on the median that was written in that {@code lognormal(...)}, the
 * {@code lrs} one or the {@code hrs} one. Nothing here reads a message. A record or field the table
 * does not know, or a value written outside the element being validated, is reported on the rule's
 * fallback (the enclosing element).
 */
public final class RejectionSites {

    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    /**
     * A place to report an error: an object, one of its features ({@code null} for the whole
     * object) and the index in a many-valued feature ({@code -1} for none).
     */
    public record Site(EObject object, EStructuralFeature feature, int index) {
        public Site(EObject object, EStructuralFeature feature) {
            this(object, feature, -1);
        }
    }

    private static final Map<String, BiFunction<EObject, SpecViolation, Optional<Site>>> SITES = new HashMap<>();

    static {
        // device: the distributions, pulses and regimes as written
        on("LogNormal", "medianOhms", LogNormal.class, l -> at(l, BNN.getLogNormal_Median()));
        on("LogNormal", "sigma", LogNormal.class, l -> at(l, BNN.getLogNormal_Sigma()));
        on("Pulse", "volts", Pulse.class, p -> at(p, BNN.getPulse_Voltage()));
        on("Pulse", "amperes", Pulse.class, p -> at(p, BNN.getPulse_Current()));
        on("Pulse", "seconds", Pulse.class, p -> at(p, BNN.getPulse_Width()));
        on("Pulse", "explicitEnergyJoules", Pulse.class, p -> at(p, BNN.getPulse_Energy()));
        on("RegimeSpec", "name", Regime.class, r -> at(r, BNN.getRegime_Name()));
        on("RegimeSpec", "lrs", Regime.class, r -> at(r, BNN.getRegime_Lrs()));
        on("RegimeSpec", "hrs", Regime.class, r -> at(r, BNN.getRegime_Hrs()));
        on("RegimeSpec", "set", Regime.class, r -> at(r, BNN.getRegime_Set()));
        on("RegimeSpec", "reset", Regime.class, r -> at(r, BNN.getRegime_Reset()));
        on("RegimeSpec", "enduranceCycles", Regime.class, r -> at(r, BNN.getRegime_Endurance()));
        on("RegimeSpec", "hrs.medianOhms", Regime.class, r -> r.getHrs() == null
                ? at(r, BNN.getRegime_Hrs())
                : at(r.getHrs(), BNN.getLogNormal_Median()));
        on("StuckAt", "stuckAtLrsProbability", Device.class, d -> at(d, BNN.getDevice_StuckAtLrs()));
        on("StuckAt", "stuckAtHrsProbability", Device.class, d -> at(d, BNN.getDevice_StuckAtHrs()));
        on("DeviceSpec", "name", Device.class, d -> at(d, BNN.getElement_Name()));
        on("DeviceSpec", "stack", Device.class, d -> at(d, BNN.getDevice_Stack()));
        SITES.put(key("DeviceSpec", "regimes"), (element, violation) -> {
            if (element instanceof Mapping mapping) {
                return at(mapping, BNN.getMapping_Regime()); // the mapping names a regime its device lacks
            }
            if (element instanceof Device device) {
                // the last regime of that name: the first one is where it was declared
                List<Regime> named = device.getRegimes().stream().filter(r -> violation.item().filter(r.getName()::equals).isPresent())
                        .toList();
                return named.isEmpty() ? at(device, BNN.getElement_Name()) : at(named.get(named.size() - 1), BNN.getRegime_Name());
            }
            return Optional.empty();
        });
        // sense amplifier, tile, cells, chip
        on("SenseAmpSpec", "mismatchSigma", Sense.class, s -> at(s, BNN.getSense_Mismatch()));
        on("SenseAmpSpec", "noiseSigma", Sense.class, s -> at(s, BNN.getSense_Noise()));
        on("SenseAmpSpec", "energyPerSenseJoules", Sense.class, s -> at(s, BNN.getSense_Energy()));
        on("SenseAmpSpec", "delaySeconds", Sense.class, s -> at(s, BNN.getSense_Delay()));
        on("TileSpec", "name", Tile.class, t -> at(t, BNN.getElement_Name()));
        on("TileSpec", "rows", Tile.class, t -> at(t, BNN.getTile_Rows()));
        on("TileSpec", "columns", Tile.class, t -> at(t, BNN.getTile_Columns()));
        on("TileSpec", "popcountJoulesPerInputBit", Tile.class, t -> at(t, BNN.getTile_PopcountEnergy()));
        on("TileSpec", "rowCycleClocks", Tile.class, t -> at(t, BNN.getTile_RowCycleClocks()));
        on("ReadReference.Fixed", "ohms", Tile.class, t -> at(t, BNN.getTile_Reference()));
        on("CellTechnology", "cell", Tile.class, t -> at(t, BNN.getTile_Cell()));
        on("CellTechnology", "reference", Tile.class, t -> written(t, BNN.getTile_Reference(), BNN.getTile_ReferenceBest(),
                BNN.getTile_Cell()));
        on("CellTechnology", "code", Tile.class, t -> written(t, BNN.getTile_Ecc(), BNN.getTile_Cell()));
        on("CellTechnology", "decodeJoulesPerWord", Tile.class, t -> written(t, BNN.getTile_EccDecodeEnergy(), BNN.getTile_Ecc()));
        on("OneTransistorOneResistorSecded", "decodeJoulesPerWord", Tile.class, t -> at(t, BNN.getTile_EccDecodeEnergy()));
        on("ChipSpec", "name", Chip.class, c -> at(c, BNN.getElement_Name()));
        on("ChipSpec", "tileCount", Chip.class, c -> at(c, BNN.getChip_TileCount()));
        on("ChipSpec", "clockHz", Chip.class, c -> at(c, BNN.getChip_Clock()));
        on("ChipSpec", "thresholdJoulesPerCompare", Chip.class, c -> at(c, BNN.getChip_ThresholdEnergy()));
        on("ChipSpec", "adderJoulesPerAddition", Chip.class, c -> at(c, BNN.getChip_AdderEnergy()));
        on("ChipSpec", "bufferJoulesPerBit", Chip.class, c -> at(c, BNN.getChip_BufferEnergy()));
        // network: the input, each layer's sizes, and the layer at fault in the shapes
        on("InputSpec", "name", Input.class, i -> at(i, BNN.getInput_Name()));
        on("Shape", "height", Input.class, i -> dimension(i, 0));
        on("Shape", "width", Input.class, i -> dimension(i, 1));
        on("Shape", "channels", Input.class, i -> dimension(i, 2));
        on("Binarize", "threshold", Binarize.class, b -> at(b, BNN.getBinarize_Threshold()));
        on("BitSerial", "bits", BitSerial.class, b -> at(b, BNN.getBitSerial_Bits()));
        for (String kind : List.of("Dense", "Conv", "Pool", "Output")) {
            on(kind, "name", Layer.class, l -> at(l, BNN.getLayer_Name()));
        }
        on("Dense", "neurons", DenseLayer.class, l -> at(l, BNN.getDenseLayer_Units()));
        on("Output", "classes", OutputLayer.class, l -> at(l, BNN.getOutputLayer_Units()));
        on("Conv", "channels", ConvLayer.class, l -> at(l, BNN.getConvLayer_Units()));
        on("Conv", "kernel", ConvLayer.class, l -> at(l, BNN.getConvLayer_Kernel()));
        on("Conv", "stride", ConvLayer.class, l -> at(l, BNN.getConvLayer_Stride()));
        on("Padding", "amount", ConvLayer.class, l -> at(l, BNN.getConvLayer_Padding()));
        on("Padding", "value", ConvLayer.class, l -> at(l, BNN.getConvLayer_PaddingValue()));
        on("Pool", "size", PoolLayer.class, l -> at(l, BNN.getPoolLayer_Size()));
        on("Pool", "stride", PoolLayer.class, l -> written(l, BNN.getPoolLayer_Stride(), BNN.getPoolLayer_Size()));
        on("NetworkSpec", "name", Network.class, n -> at(n, BNN.getElement_Name()));
        on("NetworkSpec", "input", Network.class, n -> n.getInput() == null
                ? at(n, BNN.getElement_Name())
                : at(n.getInput(), BNN.getInput_Name()));
        SITES.put(key("NetworkSpec", "layers"), (element, violation) -> element instanceof Network network
                ? Optional.of(layerOrInput(network, violation.item()).orElse(new Site(network, BNN.getElement_Name())))
                : Optional.empty());
        // mapping
        on("MappingSpec", "name", Mapping.class, m -> at(m, BNN.getElement_Name()));
        on("MappingSpec", "regime", Mapping.class, m -> at(m, BNN.getMapping_Regime()));
        on("MappingSpec", "chip", Mapping.class, m -> at(m, BNN.getMapping_Chip())); // cells that cannot hold a layer's weights
        SITES.put(key("MappingSpec", "replication"), (element, violation) -> element instanceof Mapping mapping
                ? mapping.getReplications().stream().filter(r -> r.getLayer() != null && !r.getLayer().eIsProxy()
                        && violation.item().filter(r.getLayer().getName()::equals).isPresent()).findFirst()
                        .map(r -> new Site(r, violation.problem() == SpecViolation.Problem.UNKNOWN
                                ? BNN.getReplication_Layer()
                                : BNN.getReplication_Copies()))
                        .or(() -> at(mapping, BNN.getMapping_Replications()))
                : Optional.empty());
        SITES.put(key("MappingSpec", "placement"), (element, violation) -> element instanceof Mapping mapping
                ? placed(mapping, violation.item()).or(() -> at(mapping, BNN.getMapping_Placement()))
                : Optional.empty());
        on("TileRange", "first", LayerPlacement.class, p -> written(p, BNN.getLayerPlacement_Tiles(), BNN.getLayerPlacement_First()));
        on("TileRange", "last", LayerPlacement.class, p -> written(p, BNN.getLayerPlacement_Tiles(), BNN.getLayerPlacement_First()));
        on("TileRange", "count", LayerPlacement.class, p -> written(p, BNN.getLayerPlacement_Tiles(), BNN.getLayerPlacement_First()));
        // experiment and training
        on("ExperimentSpec", "name", Experiment.class, e -> at(e, BNN.getElement_Name()));
        on("ExperimentSpec", "trials", Experiment.class, e -> at(e, BNN.getExperiment_Trials()));
        on("ReportSpec", "folder", Experiment.class, e -> at(e, BNN.getExperiment_Report()));
        on("ReportSpec", "formats", Experiment.class, e -> at(e, BNN.getExperiment_Formats()));
        SITES.put(key("SweepSpec.Ber", "points"), (element, violation) -> element instanceof Experiment experiment
                ? Optional.of(new Site(experiment, BNN.getExperiment_Points(), violation.item().map(Integer::parseInt).orElse(-1)))
                : Optional.empty()); // the item is the offending point's index
        on("SweepSpec.Layers", "ber", Experiment.class, e -> at(e, BNN.getExperiment_LayerBer()));
        on("SweepSpec.Regimes", "regimes", Experiment.class, e -> at(e, BNN.getExperiment_Regimes()));
        on("ErrorSpec", "erringLayers", Experiment.class, e -> at(e, BNN.getExperiment_ErringLayers()));
        on("InputSource.Random", "count", RandomInputs.class, r -> at(r, BNN.getRandomInputs_Count()));
        on("InputSource.Dataset", "folder", DatasetInputs.class, d -> at(d, BNN.getDatasetInputs_Folder()));
        on("InputSource.Dataset", "limit", DatasetInputs.class, d -> at(d, BNN.getDatasetInputs_Limit()));
        on("TrainingSpec", "name", Training.class, t -> at(t, BNN.getElement_Name()));
        on("TrainingSpec", "epochs", Training.class, t -> at(t, BNN.getTraining_Epochs()));
        on("TrainingSpec", "batch", Training.class, t -> at(t, BNN.getTraining_Batch()));
        on("TrainingSpec", "learningRate", Training.class, t -> at(t, BNN.getTraining_LearningRate()));
        on("TrainingSpec", "finalLearningRate", Training.class, t -> written(t, BNN.getTraining_FinalLearningRate(),
                BNN.getTraining_LearningRate()));
        on("TrainingSpec", "injectBer", Training.class, t -> at(t, BNN.getTraining_InjectBer()));
        on("TrainingSpec", "statisticsBatches", Training.class, t -> at(t, BNN.getTraining_StatisticsBatches()));
        on("TrainingSpec", "save", Training.class, t -> at(t, BNN.getTraining_Save()));
    }

    private RejectionSites() {
    }

    /**
     * Where the rejected value was written, when the rejection says which record field it is about,
     * the element that built the record is known, and the table maps that field on that element.
     */
    public static Optional<Site> of(Rejection rejection) {
        if (rejection.violation().isEmpty() || rejection.element().isEmpty()) {
            return Optional.empty();
        }
        SpecViolation violation = rejection.violation().get();
        var locator = SITES.get(key(violation.record(), violation.field()));
        return locator == null ? Optional.empty() : locator.apply(rejection.element().get(), violation);
    }

    /**
     * Where to report a rejection found while validating {@code validated}: the written value when
     * it lies inside {@code validated} (a value of another element is that element's rules' to
     * report, and may be in another file), else {@code fallback}.
     */
    public static Site of(Rejection rejection, EObject validated, Site fallback) {
        return of(rejection).filter(site -> EcoreUtil.isAncestor(validated, site.object())).orElse(fallback);
    }

    /** Whether the record that rejected was built from {@code element} itself, not from a part of it or an element it uses. */
    public static boolean builtFrom(Rejection rejection, EObject element) {
        return rejection.element().filter(built -> built == element).isPresent();
    }

    /**
     * The issue code of a rejection: the kind of problem for a value that is wrong on its own (a
     * quick fix can act on that value), the rule's own code for values that do not fit together,
     * and for a rejection the runtime did not type.
     */
    public static String issueCode(Rejection rejection, String ruleCode) {
        return rejection.violation().map(violation -> switch (violation.problem()) {
            case NOT_POSITIVE -> BnnIssueCodes.VALUE_NOT_POSITIVE;
            case NEGATIVE -> BnnIssueCodes.VALUE_NEGATIVE;
            case NOT_FINITE -> BnnIssueCodes.VALUE_NOT_FINITE;
            case OUT_OF_RANGE -> BnnIssueCodes.VALUE_OUT_OF_RANGE;
            case DUPLICATE -> BnnIssueCodes.DUPLICATE_NAME;
            case MISSING, TOO_LARGE, INCONSISTENT, UNKNOWN -> ruleCode;
        }).orElse(ruleCode);
    }

    private static String key(String record, String field) {
        return record + "." + field;
    }

    private static <T extends EObject> void on(String record, String field, Class<T> element, Function<T, Optional<Site>> site) {
        SITES.put(key(record, field), (built, violation) -> element.isInstance(built) ? site.apply(element.cast(built)) : Optional.empty());
    }

    private static Optional<Site> at(EObject object, EStructuralFeature feature) {
        return Optional.of(new Site(object, feature));
    }

    /** The first of {@code features} written in the text (the last one when none is). */
    private static Optional<Site> written(EObject object, EStructuralFeature... features) {
        for (EStructuralFeature feature : features) {
            if (SpecTranslator.written(object, feature)) {
                return at(object, feature);
            }
        }
        return at(object, features[features.length - 1]);
    }

    /** A dimension of the input as written: a flat input has one, which is the runtime's channels. */
    private static Optional<Site> dimension(Input input, int index) {
        int written = input.getShape().size();
        return Optional.of(new Site(input, BNN.getInput_Shape(), written == 1 ? 0 : Math.min(index, written - 1)));
    }

    private static Optional<Site> layerOrInput(Network network, Optional<String> item) {
        if (item.isEmpty()) {
            return Optional.empty();
        }
        // the last one of that name: a duplicate is the second declaration
        Site found = null;
        if (network.getInput() != null && item.get().equals(network.getInput().getName())) {
            found = new Site(network.getInput(), BNN.getInput_Name());
        }
        for (Layer layer : network.getLayers()) {
            if (item.get().equals(layer.getName())) {
                found = new Site(layer, BNN.getLayer_Name());
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Site> placed(Mapping mapping, Optional<String> layer) {
        if (mapping.getPlacement() == null || layer.isEmpty()) {
            return Optional.empty();
        }
        return mapping.getPlacement().getLayers().stream().filter(p -> p.getLayer() != null && !p.getLayer().eIsProxy()
                && layer.get().equals(p.getLayer().getName())).findFirst().map(p -> new Site(p, null));
    }

    /**
     * Reports a rejection found while validating {@code validated} as an error: on the value as
     * written ({@link #of(Rejection, EObject, Site)}), under {@link #issueCode(Rejection, String)}.
     * A value wrong on its own carries its text as issue data, for a quick fix to read.
     */
    public static void report(ValidationMessageAcceptor acceptor, Rejection rejection, EObject validated, Site fallback, String message,
            String ruleCode) {
        Site site = of(rejection, validated, fallback);
        String code = issueCode(rejection, ruleCode);
        String[] data = code.equals(ruleCode) || site.feature() == null
                ? new String[0]
                : written(site).map(text -> new String[] {text})
                        .orElse(new String[0]);
        acceptor.acceptError(message, site.object(), site.feature(), site.index(), code, data);
    }

    /** The text of the value at {@code site} as written (hidden tokens left out), if it was written. */
    private static Optional<String> written(Site site) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(site.object(), site.feature());
        int index = site.index() < 0 ? 0 : site.index();
        return index < nodes.size() ? Optional.of(NodeModelUtils.getTokenText(nodes.get(index))) : Optional.empty();
    }

    /** The name of an element, for a fallback on it. */
    static Site nameOf(Element element) {
        return new Site(element, BNN.getElement_Name());
    }
}
