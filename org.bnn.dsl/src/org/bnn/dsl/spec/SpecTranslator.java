package org.bnn.dsl.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bnn.calibration.report.WrittenRegime;
import org.bnn.dsl.bnn.Chip;
import org.bnn.dsl.bnn.DeviceState;
import org.bnn.dsl.bnn.Drift;
import org.bnn.dsl.bnn.ReadCondition;
import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.ReadDisturb;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.aging.Wear;
import org.bnn.runtime.experiment.AgeAxis;
import org.bnn.dsl.bnn.Binarize;
import org.bnn.dsl.bnn.BitSerial;
import org.bnn.dsl.bnn.ConvLayer;
import org.bnn.dsl.bnn.DenseLayer;
import org.bnn.dsl.bnn.PoolLayer;
import org.bnn.dsl.bnn.Replication;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.DatasetInputs;
import org.bnn.dsl.bnn.DatasetKind;
import org.bnn.dsl.bnn.ErrorLevelKind;
import org.bnn.dsl.bnn.Experiment;
import org.bnn.dsl.bnn.RandomInputs;
import org.bnn.dsl.bnn.SplitKind;
import org.bnn.dsl.bnn.Training;
import org.bnn.dsl.files.DescriptionFiles;
import org.bnn.dsl.bnn.BnnPackage;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.bnn.dsl.bnn.Quantity;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.bnn.Sense;
import org.bnn.dsl.units.QuantityDimensions;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.Sampling;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.experiment.TrainingSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.dsl.bnn.Input;
import org.bnn.dsl.bnn.Layer;
import org.bnn.dsl.bnn.LayerPlacement;
import org.bnn.dsl.bnn.Mapping;
import org.bnn.dsl.bnn.Network;
import org.bnn.dsl.bnn.OutputLayer;
import org.bnn.dsl.bnn.Tile;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.dsl.bnn.WeightValuesClause;

import com.google.inject.Inject;

/**
 * Translates the language's EMF model into the runtime's immutable spec records: the one bridge
 * between what a user wrote and what the estimator and the simulator compute. The validator and
 * the generator both go through here, so they always see the same description.
 */
public class SpecTranslator {
    @Inject
    private MeasuredDevices measured;

    /**
     * The spec of a mapping, or empty when the model is not complete enough to describe one
     * (unresolved references, sizes the validator already reports, a network without output).
     */
    public Optional<MappingSpec> tryTranslate(Mapping mapping) {
        return attempt(() -> translate(mapping));
    }

    /**
     * The result of a translation, or empty when the model is incomplete (a syntax error dropped a
     * part, a name is unresolved) or a spec record rejects a value: the guarded way for validators
     * and generators to translate any partial model.
     */
    public static <T> Optional<T> attempt(Supplier<T> translation) {
        try {
            return Optional.ofNullable(translation.get());
        } catch (IncompleteModelException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the runtime rejects a complete part, or empty when it accepts it or when the part is
     * incomplete: an incomplete part is reported by the parser, the linker or the rule on that part,
     * so a validator reports only what this returns. The rejection carries the spec record's message
     * and, when the record said which field it rejects ({@link SpecViolation}), the element of the
     * model whose translation built that record, so that the validator can put the error on the
     * value as written ({@code org.bnn.dsl.validation.RejectionSites}) without reading the message.
     */
    public static Optional<Rejection> rejection(Supplier<?> translation) {
        try {
            translation.get();
            return Optional.empty();
        } catch (IncompleteModelException e) {
            return Optional.empty();
        } catch (RejectedElementException e) {
            return Optional.of(new Rejection(String.valueOf(e.getMessage()), Optional.of(e.violation()), Optional.of(e.element())));
        } catch (SpecViolation e) {
            return Optional.of(new Rejection(String.valueOf(e.getMessage()), Optional.of(e), Optional.empty()));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Rejection(String.valueOf(e.getMessage()), Optional.empty(), Optional.empty()));
        }
    }

    /**
     * A part of the model the runtime rejects.
     *
     * @param message   the runtime's message, as users read it
     * @param violation the record, field and kind of problem, when the runtime said them
     * @param element   the element of the model whose translation built the rejecting record, when known
     */
    public record Rejection(String message, Optional<SpecViolation> violation, Optional<EObject> element) {
    }

    /**
     * The translation of {@code element}: a spec record that rejects one of its values is reported
     * with the element, the innermost one that was being translated.
     */
    private static <T> T from(EObject element, Supplier<T> translation) {
        try {
            return translation.get();
        } catch (SpecViolation violation) {
            throw new RejectedElementException(element, violation);
        }
    }

    /**
     * @throws IncompleteModelException when a reference is unresolved
     * @throws IllegalArgumentException when a spec record rejects a value
     */
    public MappingSpec translate(Mapping mapping) {
        present(mapping, "mapping");
        Optional<String> regime = mapping.getRegime() == null
                ? Optional.empty()
                : Optional.of(resolved(mapping.getRegime(), "regime").getName());
        return from(mapping, () -> new MappingSpec(named(mapping.getName()), translate(resolved(mapping.getNetwork(), "network")),
                translate(resolved(mapping.getChip(), "chip")), regime, replication(mapping), mapping.isAllowReprogramming(),
                placement(mapping.getPlacement())));
    }

    /** Copies per replicated layer, as written. */
    public Map<String, Integer> replication(Mapping mapping) {
        Map<String, Integer> replication = new java.util.LinkedHashMap<>();
        for (Replication copy : mapping.getReplications()) {
            replication.put(named(resolved(copy.getLayer(), "layer").getName()), copy.getCopies());
        }
        return replication;
    }

    /**
     * The placement as written: {@link Placement#AUTO} when absent or {@code place auto}, else each
     * layer's range (a single tile is the range n..n).
     *
     * @throws IllegalArgumentException when a range is reversed or a layer is placed twice
     */
    public Placement placement(org.bnn.dsl.bnn.Placement placement) {
        if (placement == null || placement.isAuto()) {
            return Placement.AUTO;
        }
        Map<String, TileRange> ranges = new java.util.LinkedHashMap<>();
        for (LayerPlacement layer : placement.getLayers()) {
            String name = named(resolved(layer.getLayer(), "layer").getName());
            if (ranges.put(name, from(layer, () -> range(layer))) != null) {
                throw new IllegalArgumentException("layer " + name + " is placed twice");
            }
        }
        return from(placement, () -> Placement.explicit(ranges));
    }

    /**
     * The range of one layer as written ({@code tiles first..last} or {@code tile n}).
     *
     * @throws IllegalArgumentException when it is reversed or an index is too large
     */
    public static TileRange range(LayerPlacement layer) {
        return WrittenTileRange.of(layer).toTileRange();
    }

    /**
     * The experiment's spec; without a seed, seed 0 (the validator warns); errors default to weight
     * level, per chip, in every layer.
     */
    public ExperimentSpec translate(Experiment experiment) {
        present(experiment, "experiment");
        return from(experiment, () -> experiment(experiment));
    }

    private ExperimentSpec experiment(Experiment experiment) {
        Resampling resampling = switch (experiment.getResampling()) {
            case PER_CHIP -> Resampling.PER_CHIP;
            case PER_INFERENCE -> Resampling.PER_INFERENCE;
            case PER_READ -> Resampling.PER_READ;
        };
        ErrorLevel level = experiment.getLevel() == ErrorLevelKind.DEVICE ? ErrorLevel.DEVICE : ErrorLevel.WEIGHT;
        List<String> erring = experiment.getErringLayers().stream().map(layer -> named(resolved(layer, "layer").getName())).toList();
        Mapping mapping = resolved(experiment.getMapping(), "mapping");
        String weights = weightsSeenFrom(experiment, resolved(mapping.getNetwork(), "network"));
        Optional<ReportSpec> report = experiment.getReport() == null
                ? Optional.empty()
                : Optional.of(new ReportSpec(experiment.getReport(), reportFormats(experiment)));
        List<MappingSpec> others = experiment.getOtherMappings().stream().map(other -> translate(resolved(other, "mapping"))).toList();
        return new ExperimentSpec(named(experiment.getName()), translate(mapping), others, translate(experiment.getInputs()),
                new ErrorSpec(level, resampling, erring, experiment.isPopcountDomain() ? Sampling.POPCOUNT_DOMAIN : Sampling.EXACT,
                        condition(experiment.getCondition())),
                sweep(experiment), experiment.getTrials() == 0 ? 1 : experiment.getTrials(),
                experiment.getSeed(), Optional.ofNullable(weights), report);
    }

    /** The training's spec; defaults as {@link TrainingSpec} says, seed 0 when none is given (the validator warns). */
    public TrainingSpec translate(Training training) {
        present(training, "training");
        return from(training, () -> training(training));
    }

    private TrainingSpec training(Training training) {
        double learningRate = written(training, BnnPackage.Literals.TRAINING__LEARNING_RATE)
                ? training.getLearningRate()
                : TrainingSpec.DEFAULT_LEARNING_RATE;
        double finalLearningRate = written(training, BnnPackage.Literals.TRAINING__FINAL_LEARNING_RATE)
                ? training.getFinalLearningRate()
                : learningRate / TrainingSpec.DEFAULT_DECAY;
        return new TrainingSpec(named(training.getName()), translate(resolved(training.getNetwork(), "network")),
                (InputSource.Dataset) translate(resolved(training.getData(), "data")),
                training.getEpochs() == 0 ? TrainingSpec.DEFAULT_EPOCHS : training.getEpochs(),
                training.getBatch() == 0 ? TrainingSpec.DEFAULT_BATCH : training.getBatch(), learningRate, finalLearningRate,
                training.getInjectBer(), training.getSeed(), training.getStatisticsBatches(), resolved(training.getSave(), "save"));
    }

    /** The training's spec, or empty when the model is incomplete or rejected (the validator says why). */
    public Optional<TrainingSpec> tryTranslate(Training training) {
        return attempt(() -> translate(training));
    }

    /** Whether a feature's value was written in the text (EMF cannot tell an unset int or double from 0). */
    public static boolean written(EObject object, EStructuralFeature feature) {
        return !NodeModelUtils.findNodesForFeature(object, feature).isEmpty();
    }

    /**
     * The weights path of the mapping's network as the mapping's simulation resolves it (relative to
     * the mapping's file), or empty when the network has no weights file.
     */
    public static Optional<String> weightsSeenFrom(Mapping mapping) {
        return mapping.getNetwork() == null || mapping.getNetwork().eIsProxy()
                ? Optional.empty()
                : Optional.ofNullable(weightsSeenFrom(mapping, mapping.getNetwork()));
    }

    /**
     * The network's weights path as {@code user} (an experiment or a mapping) resolves it: the path
     * is relative to the network's file, the user runs relative to its own file, so when both are
     * files in different folders the path is rewritten relative to the user's folder.
     */
    private static String weightsSeenFrom(EObject user, Network network) {
        String weights = network.getWeights();
        if (weights == null) {
            return null;
        }
        Optional<Path> userFolder = DescriptionFiles.folderOf(user);
        Optional<Path> networkFolder = DescriptionFiles.folderOf(network);
        try {
            if (userFolder.isPresent() && networkFolder.isPresent() && !Path.of(weights).isAbsolute()
                    && !userFolder.get().equals(networkFolder.get())) {
                return userFolder.get().relativize(networkFolder.get().resolve(weights)).toString();
            }
        } catch (InvalidPathException e) {
            // the validator reports a path that is not one; keep it as written
        }
        return weights;
    }

    public InputSource translate(org.bnn.dsl.bnn.InputSource inputs) {
        if (inputs instanceof DatasetInputs data) {
            return from(data, () -> new InputSource.Dataset(datasetName(data.getDataset()), resolved(data.getFolder(), "dataset folder"),
                    data.getSplit() == SplitKind.TRAIN ? Split.TRAIN : Split.TEST, data.getLimit()));
        }
        RandomInputs random = (RandomInputs) resolved(inputs, "inputs");
        return from(random, () -> new InputSource.Random(random.getCount()));
    }

    /** The dataset's name as the runtime knows it: the keyword of the language. */
    public static String datasetName(DatasetKind kind) {
        return kind.getLiteral();
    }

    /** When the chips are read; {@link Condition#FRESH} for what the clause leaves out. */
    private Condition condition(ReadCondition written) {
        if (written == null) {
            return Condition.FRESH;
        }
        return from(written, () -> new Condition(written.getTime() == null ? 0 : siRequired(written.getTime()),
                written.getTemperature() == null ? Condition.ROOM_KELVIN : siRequired(written.getTemperature()),
                written.eIsSet(BnnPackage.Literals.READ_CONDITION__CYCLES) ? written.getCycles() : 1, written.getReads()));
    }

    private static SweepSpec sweep(Experiment experiment) {
        if (experiment.isSweepStuck()) {
            return new SweepSpec.StuckDevices(experiment.getStuckPoints().stream().map(SpecTranslator::siRequired).toList(),
                    experiment.getYieldAbove() == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(siRequired(experiment.getYieldAbove())));
        }
        if (!experiment.getAgePoints().isEmpty()) {
            return new SweepSpec.Ages(AgeAxis.valueOf(experiment.getAgeAxis().name()),
                    experiment.getAgePoints().stream().map(SpecTranslator::siRequired).toList());
        }
        if (experiment.isSweepRegimes()) {
            return new SweepSpec.Regimes(
                    experiment.getRegimes().stream().map(regime -> named(resolved(regime, "regime").getName())).toList());
        }
        if (experiment.isSweepLayers()) {
            return new SweepSpec.Layers(experiment.getLayerBer());
        }
        return new SweepSpec.Ber(List.copyOf(experiment.getPoints()));
    }

    /** The formats listed after the report folder; CSV, JSON and Markdown when none is. */
    private static Set<ReportSpec.ReportFormat> reportFormats(Experiment experiment) {
        if (experiment.getFormats().isEmpty()) {
            return Set.of(ReportSpec.ReportFormat.CSV, ReportSpec.ReportFormat.JSON, ReportSpec.ReportFormat.MD);
        }
        return experiment.getFormats().stream().map(format -> ReportSpec.ReportFormat.valueOf(format.getName()))
                .collect(Collectors.toSet());
    }

    /** The experiment's spec, or empty when the model is incomplete or rejected (the validator says why). */
    public Optional<ExperimentSpec> tryTranslate(Experiment experiment) {
        return attempt(() -> translate(experiment));
    }

    public ChipSpec translate(Chip chip) {
        present(chip, "chip");
        return from(chip, () -> new ChipSpec(named(chip.getName()), chip.getTileCount(), translate(resolved(chip.getTile(), "tile")),
                si(chip.getClock()), si(chip.getThresholdEnergy()), si(chip.getAdderEnergy()), si(chip.getBufferEnergy())));
    }

    public TileSpec translate(Tile tile) {
        present(tile, "tile");
        CellTechnology cell = translateCell(tile);
        Optional<DeviceSpec> device = tile.getDevice() == null
                ? Optional.empty()
                : Optional.of(translate(resolved(tile.getDevice(), "device")));
        Optional<SenseAmpSpec> sense = Optional.ofNullable(tile.getSense()).map(this::translate);
        int rowCycle = tile.getRowCycleClocks() == 0 ? 1 : tile.getRowCycleClocks();
        return from(tile, () -> new TileSpec(named(tile.getName()), tile.getRows(), tile.getColumns(), cell, device, sense,
                si(tile.getPopcountEnergy()), rowCycle, tile.getSpareColumns()));
    }

    public SenseAmpSpec translate(Sense sense) {
        present(sense, "sense amplifier");
        return from(sense, () -> new SenseAmpSpec(siOrZero(sense.getMismatch()), siOrZero(sense.getNoise()), siRequired(sense.getEnergy()),
                siRequired(sense.getDelay())));
    }

    public DeviceSpec translate(Device device) {
        present(device, "device");
        List<RegimeSpec> regimes = device.getRegimes().stream().map(this::translate).toList();
        StuckAt stuckAt = stuckAt(device);
        return from(device, () -> new DeviceSpec(named(device.getName()), device.getStack() == null ? "" : device.getStack(), regimes,
                stuckAt));
    }

    /** The device's stuck-at probabilities; {@link StuckAt#NONE} when not written. */
    public StuckAt stuckAt(Device device) {
        return device.getStuckAtLrs() == null && device.getStuckAtHrs() == null
                ? StuckAt.NONE
                : from(device, () -> new StuckAt(siRequired(device.getStuckAtLrs()), siRequired(device.getStuckAtHrs())));
    }

    /**
     * The regime's spec. In a device {@code from measurements}, what the regime leaves out of lrs, hrs
     * and relaxation is the fit of its measurements, as {@code bnn fit} writes it ({@link MeasuredDevices});
     * what it writes wins.
     */
    public RegimeSpec translate(Regime regime) {
        present(regime, "regime");
        Optional<WrittenRegime> fitted = regime.getLrs() != null && regime.getHrs() != null && regime.getRelaxation() != null
                ? Optional.empty()
                : measured.written(regime);
        return from(regime, () -> new RegimeSpec(named(regime.getName()),
                regime.getLrs() == null ? fitted.map(WrittenRegime::lrs).orElseThrow(() -> missing("lrs")) : translate(regime.getLrs()),
                regime.getHrs() == null ? fitted.map(WrittenRegime::hrs).orElseThrow(() -> missing("hrs")) : translate(regime.getHrs()),
                translate(regime.getSet()), translate(regime.getReset()), siRequired(regime.getEndurance()), aging(regime, fitted)));
    }

    private static IncompleteModelException missing(String state) {
        return new IncompleteModelException("the " + state + " distribution is neither written nor fitted");
    }

    /** How the regime's devices age; {@link Aging#NONE} when it says nothing (defaults as the grammar's comments state). */
    private Aging aging(Regime regime, Optional<WrittenRegime> fitted) {
        Optional<Relaxation> relaxation = regime.getRelaxation() == null
                ? fitted.flatMap(WrittenRegime::relaxation)
                : Optional.of(regime.getRelaxation()).map(r -> from(r, () -> new Relaxation(
                        drift(r.getLrs()), drift(r.getHrs()), r.getReferenceTime() == null ? 1 : siRequired(r.getReferenceTime()),
                        r.getActivationEnergy() == null ? 0 : electronvolts(siRequired(r.getActivationEnergy())),
                        r.getReferenceTemperature() == null ? Condition.ROOM_KELVIN : siRequired(r.getReferenceTemperature()))));
        Optional<ReadDisturb> disturb = Optional.ofNullable(regime.getDisturb()).map(d -> from(d,
                () -> new ReadDisturb(siRequired(d.getProbability()), d.getTowards() != DeviceState.HRS)));
        Optional<Wear> wear = Optional.ofNullable(regime.getWear()).map(w -> from(w, () -> new Wear(drift(w.getLrs()), drift(w.getHrs()),
                w.getReferenceCycles() == 0 ? 1 : w.getReferenceCycles(),
                w.getFailureSpread() == null ? 0 : siRequired(w.getFailureSpread()),
                w.getFailsTo() == DeviceState.LRS)));
        return new Aging(relaxation, disturb, wear);
    }

    /** A drift per decade: the median's change as a ratio (−4 % = −0.04) becomes the runtime's percentage. */
    private StateDrift drift(Drift drift) {
        present(drift, "drift");
        return from(drift, () -> new StateDrift(
                BigDecimal.valueOf(siRequired(drift.getMedian())).movePointRight(2).doubleValue(), siRequired(drift.getSigma())));
    }

    /** Joules to electronvolts, rounded to 12 significant digits so that 1.1 eV reads back as 1.1. */
    private static double electronvolts(double joules) {
        return BigDecimal.valueOf(joules / Relaxation.JOULES_PER_ELECTRONVOLT).round(new MathContext(12)).doubleValue();
    }

    private LogNormal translate(org.bnn.dsl.bnn.LogNormal distribution) {
        present(distribution, "distribution");
        return from(distribution, () -> new LogNormal(siRequired(distribution.getMedian()), siRequired(distribution.getSigma())));
    }

    /** A SET or RESET pulse; its energy is {@code NaN} (V*I*t) when not written. */
    public Pulse translate(org.bnn.dsl.bnn.Pulse pulse) {
        present(pulse, "pulse");
        return from(pulse, () -> new Pulse(siRequired(pulse.getVoltage()), siRequired(pulse.getCurrent()), siRequired(pulse.getWidth()),
                pulse.getEnergy() == null ? Double.NaN : siRequired(pulse.getEnergy())));
    }

    /** A quantity in SI units; an absent one is an incomplete model. */
    private static double siRequired(Quantity quantity) {
        if (quantity == null) {
            throw new IncompleteModelException("a quantity is missing");
        }
        return QuantityDimensions.si(quantity);
    }

    private static double siOrZero(Quantity quantity) {
        return quantity == null ? 0.0 : QuantityDimensions.si(quantity);
    }

    private static OptionalDouble si(Quantity quantity) {
        return quantity == null ? OptionalDouble.empty() : OptionalDouble.of(QuantityDimensions.si(quantity));
    }

    public NetworkSpec translate(Network network) {
        present(network, "network");
        NetworkSpec.Builder builder = NetworkSpec.builder(named(network.getName()), translate(network.getInput()));
        for (Layer layer : network.getLayers()) {
            named(layer.getName());
            builder.weights(weightValues(layer));
            from(layer, () -> add(builder, layer));
        }
        return from(network, builder::build);
    }

    /**
     * The values of a layer's weights: its own {@code weights binary|ternary}, else its network's,
     * else binary. A pool layer has no weights; what it says is the validator's to report.
     *
     * @throws IncompleteModelException when a clause that decides has no value ({@code weights} alone)
     */
    public static WeightValues weightValues(Layer layer) {
        WeightValuesClause own = layer.getWeightValues();
        if (own != null) {
            return weightValues(own);
        }
        return layer.eContainer() instanceof Network network ? weightValues(network) : WeightValues.BINARY;
    }

    /**
     * The values of a network's layers that say none themselves: binary unless it says {@code weights ternary}.
     *
     * @throws IncompleteModelException when its clause has no value
     */
    public static WeightValues weightValues(Network network) {
        return network.getWeightValues() == null ? WeightValues.BINARY : weightValues(network.getWeightValues());
    }

    /** The runtime's values of a clause (exhaustive: a value the grammar gains does not compile until it is mapped here). */
    private static WeightValues weightValues(WeightValuesClause clause) {
        if (!written(clause, BnnPackage.Literals.WEIGHT_VALUES_CLAUSE__VALUES)) {
            throw new IncompleteModelException("the weight values are missing");
        }
        return switch (clause.getValues()) {
            case BINARY -> WeightValues.BINARY;
            case TERNARY -> WeightValues.TERNARY;
        };
    }

    private static NetworkSpec.Builder add(NetworkSpec.Builder builder, Layer layer) {
        if (layer instanceof DenseLayer dense) {
            return builder.dense(dense.getName(), dense.getUnits());
        } else if (layer instanceof ConvLayer conv) {
            return builder.conv(conv.getName(), conv.getUnits(), conv.getKernel(), conv.getStride() == 0 ? 1 : conv.getStride(),
                    padding(conv));
        } else if (layer instanceof PoolLayer pool) {
            return builder.pool(pool.getName(), pool.getKind() == org.bnn.dsl.bnn.PoolKind.MAX ? PoolKind.MAX : PoolKind.AVG,
                    pool.getSize(), pool.getStride() == 0 ? pool.getSize() : pool.getStride());
        } else if (layer instanceof OutputLayer output) {
            return builder.output(output.getName(), output.getUnits());
        }
        return builder;
    }

    public InputSpec translate(Input input) {
        present(input, "input");
        List<Integer> dims = input.getShape();
        Shape shape = from(input, () -> switch (dims.size()) {
            case 1 -> Shape.flat(dims.get(0));
            case 2 -> new Shape(dims.get(0), dims.get(1), 1);
            case 3 -> new Shape(dims.get(0), dims.get(1), dims.get(2));
            default -> throw new IncompleteModelException("an input has " + dims.size() + " dimensions");
        });
        return from(input, () -> new InputSpec(named(input.getName()), shape, encoding(input.getEncoding())));
    }

    private static InputEncoding encoding(org.bnn.dsl.bnn.InputEncoding encoding) {
        if (encoding instanceof BitSerial serial) {
            return from(serial, () -> new InputEncoding.BitSerial(serial.getBits()));
        }
        if (encoding instanceof Binarize binarize) {
            return from(binarize, () -> new InputEncoding.Binarize(binarize.getThreshold()));
        }
        return new InputEncoding.Binarize(0.5); // default: +1 iff the pixel is at least half scale
    }

    private static Padding padding(ConvLayer conv) {
        if (conv.getPadding() == 0) {
            return Padding.VALID;
        }
        double value = conv.getPaddingValue();
        if (value != 1 && value != -1) {
            throw new SpecViolation("Padding", "value", SpecViolation.Problem.OUT_OF_RANGE, "Padding.value must be -1 or +1, got " + value);
        }
        return new Padding(conv.getPadding(), (int) value);
    }

    /**
     * The tile's cell technology. The one place where the language's cell kind and code are mapped
     * to the runtime's model, by the names the grammar writes ("2T2R", "secded(72,64)").
     */
    public CellTechnology translateCell(Tile tile) {
        present(tile, "tile");
        return from(tile, () -> {
            Optional<ReadReference> reference = tile.isReferenceBest()
                    ? Optional.of(new ReadReference.Best())
                    : tile.getReference() == null
                            ? Optional.empty()
                            : Optional.of(new ReadReference.Fixed(siRequired(tile.getReference())));
            Optional<String> code = tile.isHasEcc() ? Optional.of(tile.getEcc().getLiteral()) : Optional.empty();
            return CellTechnology.of(tile.getCell().getLiteral(), reference, code, si(tile.getEccDecodeEnergy()));
        });
    }

    /** A name the parser read: a syntax error can leave it out. */
    private static String named(String name) {
        if (name == null || name.isEmpty()) {
            throw new IncompleteModelException("a name is missing");
        }
        return name;
    }

    /** A part the grammar requires, which a syntax error can leave out. */
    private static <T> T present(T part, String what) {
        if (part == null) {
            throw new IncompleteModelException("the " + what + " is missing");
        }
        return part;
    }

    private static String resolved(String text, String what) {
        if (text == null) {
            throw new IncompleteModelException("missing " + what);
        }
        return text;
    }

    private static <T extends org.eclipse.emf.ecore.EObject> T resolved(T target, String what) {
        if (target == null || target.eIsProxy()) {
            throw new IncompleteModelException("unresolved " + what);
        }
        return target;
    }

    /**
     * A spec record rejected a value of {@code element} ({@link #violation()}); the message is the
     * record's. An {@link IllegalArgumentException}, like the violation it carries.
     */
    public static final class RejectedElementException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final transient EObject element;

        RejectedElementException(EObject element, SpecViolation violation) {
            super(violation.getMessage(), violation);
            this.element = element;
        }

        /** The element whose translation built the rejecting record. */
        public EObject element() {
            return element;
        }

        public SpecViolation violation() {
            return (SpecViolation) getCause();
        }
    }

    /** The model cannot be translated yet; the validator reports why. */
    public static final class IncompleteModelException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IncompleteModelException(String message) {
            super(message);
        }
    }
}
