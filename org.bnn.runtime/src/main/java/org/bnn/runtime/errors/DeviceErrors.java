package org.bnn.runtime.errors;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileRange;
import org.bnn.runtime.spec.TileSpec;

/**
 * Device-level errors (docs/architecture.md, "Error injection"): every weight is a 2T2R cell programmed under
 * {@code regime}, with stuck-at faults, read by the PCSA of its tile column with a static mismatch
 * and a per-sense noise. A misread is again a weight read inverted, so the patterns plug into the
 * flip-pattern machinery and both engines stay bit-identical. In the {@link TernaryLayers ternary
 * layers} a cell holds −1, 0 or +1 and a misread inverts one or both of the weight's plane bits
 * ({@link TernaryLayerMargins}).
 * <ul>
 * <li>{@link Resampling#PER_CHIP}: resistances, faults and mismatch drawn once per chip instance,
 * and the noise of one read frozen with them, so that a weight's misread probability is that of one
 * read ({@link BitErrorRates#twoTwoR(RegimeSpec, SenseAmpSpec, StuckAt)}; for a ternary layer the
 * confusions of {@link org.bnn.runtime.device.TernaryReads}), and the mean accuracy
 * equals the per-read one for dense layers (each weight read once per inference).</li>
 * <li>{@link Resampling#PER_READ}: the same static part, and a fresh noise at every sense: once per
 * inference for dense layers, once per output position and input plane for convolutions.</li>
 * <li>{@link Resampling#PER_INFERENCE} is rejected ({@link ErrorLevel#requireSupported}).</li>
 * </ul>
 *
 * @param regime          the programming regime of every cell
 * @param senseAmp        the PCSA offsets (mismatch per amplifier, noise per sense)
 * @param stuckAt         stuck-at fault probabilities per device
 * @param folding         the tile geometry, which decides which amplifier reads which weight
 * @param resampling      PER_CHIP or PER_READ
 * @param layers          number of layers with weights of the network the errors are for
 * @param errorFreeLayers indices (among layers with weights) read without any error, e.g. a first layer kept digital
 * @param tiles           the physical tiles of each layer with weights under an explicit placement, whose devices
 *                        are then keyed by tile; empty for automatic placement, whose devices are keyed by layer
 *                        ({@link DeviceKeys})
 * @param ternary         the layers whose cells hold ternary weights, and their zero threshold
 */
public record DeviceErrors(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding,
        Resampling resampling, int layers, Set<Integer> errorFreeLayers, List<TileRange> tiles, TernaryLayers ternary) {
    public DeviceErrors {
        Checks.present("DeviceErrors", "regime", regime);
        Checks.present("DeviceErrors", "senseAmp", senseAmp);
        Checks.present("DeviceErrors", "stuckAt", stuckAt);
        Checks.present("DeviceErrors", "folding", folding);
        ErrorLevel.DEVICE.requireSupported(Checks.present("DeviceErrors", "resampling", resampling));
        Checks.positive("DeviceErrors", "layers", layers);
        Checks.present("DeviceErrors", "errorFreeLayers", errorFreeLayers);
        for (Integer layer : errorFreeLayers) {
            if (layer == null || layer < 0 || layer >= layers) {
                throw new IllegalArgumentException("DeviceErrors.errorFreeLayers must hold layer indices in [0, " + layers
                        + "), got " + layer);
            }
        }
        errorFreeLayers = Set.copyOf(errorFreeLayers);
        tiles = List.copyOf(Checks.present("DeviceErrors", "tiles", tiles));
        if (!tiles.isEmpty() && tiles.size() != layers) {
            throw new IllegalArgumentException("DeviceErrors.tiles must give a range for each of the " + layers
                    + " layers (or none, for automatic placement), got " + tiles.size());
        }
        Checks.present("DeviceErrors", "ternary", ternary);
        if (!ternary.isEmpty() && ternary.weightsPerLayer().size() != layers) {
            throw new IllegalArgumentException("DeviceErrors.ternary must count the weights of each of the " + layers
                    + " layers, got " + ternary.weightsPerLayer().size());
        }
    }

    /** Errors of binary weights only, placed as {@code tiles} says (empty for automatic placement). */
    public DeviceErrors(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding, Resampling resampling,
            int layers, Set<Integer> errorFreeLayers, List<TileRange> tiles) {
        this(regime, senseAmp, stuckAt, folding, resampling, layers, errorFreeLayers, tiles, TernaryLayers.NONE);
    }

    /** Errors of an automatically placed network, with the given layers read error-free. */
    public DeviceErrors(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding, Resampling resampling,
            int layers, Set<Integer> errorFreeLayers) {
        this(regime, senseAmp, stuckAt, folding, resampling, layers, errorFreeLayers, List.of());
    }

    /** Errors in every one of {@code layers} layers. */
    public DeviceErrors(RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt, TileFolding folding, Resampling resampling,
            int layers) {
        this(regime, senseAmp, stuckAt, folding, resampling, layers, Set.of());
    }

    /**
     * The device-level errors of a mapping: its regime, the device's stuck-at faults, the tile's
     * sense amplifiers and folding, and under an explicit placement each layer's tiles (whose
     * devices it then meets), and the layers with ternary weights. Rejects, naming the field, what
     * the model cannot represent: no regime, no device or sense amplifier on the tile, 1T1R cells,
     * replicated layers (each copy would be a different set of cells read at different positions).
     */
    public static DeviceErrors forMapping(MappingSpec mapping, Resampling resampling) {
        Checks.present("DeviceErrors.forMapping", "mapping", mapping);
        String regimeName = mapping.regime().orElseThrow(() -> new IllegalArgumentException("MappingSpec(" + mapping.name()
                + ").regime is required for device-level errors, got none"));
        for (LayerGeometry layer : mapping.network().weightLayers()) {
            int copies = mapping.replicationOf(layer.layer().name());
            if (copies != 1) {
                throw new IllegalArgumentException("MappingSpec(" + mapping.name() + ").replication of " + layer.layer().name()
                        + " must be 1 for device-level errors (each copy holds other cells; not modelled), got " + copies);
            }
        }
        DeviceErrors errors = forTile(mapping.chip().tile(), regimeName, resampling, mapping.network().weightLayers().size())
                .withTernaryLayers(ternaryLayers(mapping));
        if (!errors.ternary().isEmpty() && mapping.chip().tile().spareColumns() > 0) {
            throw new IllegalArgumentException("TileSpec(" + mapping.chip().tile().name() + ").spareColumns: the repair by spare "
                    + "columns is modelled for binary weights; network " + mapping.network().name() + " has ternary ones");
        }
        if (mapping.placement().auto()) {
            return errors;
        }
        List<TileRange> tiles = mapping.network().weightLayers().stream().map(layer -> mapping.rangeOf(layer.layer().name())).toList();
        return new DeviceErrors(errors.regime, errors.senseAmp, errors.stuckAt, errors.folding, resampling, errors.layers,
                errors.errorFreeLayers, tiles, errors.ternary);
    }

    /** The layers of {@code mapping} held by ternary cells ({@link MappingSpec#cell}), none if all are binary. */
    private static TernaryLayers ternaryLayers(MappingSpec mapping) {
        // one tile kind, so the same cells hold every ternary layer
        return mapping.network().weightLayers().stream().map(layer -> mapping.cell(layer.layer()))
                .filter(cells -> cells.ternaryZeroThreshold().isPresent()).findFirst()
                .map(cells -> TernaryLayers.of(mapping.network(), cells)).orElse(TernaryLayers.NONE);
    }

    /** The errors of {@code layers} layers on tiles like {@code tile}, programmed under its device's regime {@code regimeName}. */
    public static DeviceErrors forTile(TileSpec tile, String regimeName, Resampling resampling, int layers) {
        Checks.present("DeviceErrors.forTile", "tile", tile);
        String where = "TileSpec(" + tile.name() + ")";
        if (!tile.cell().supportsDeviceLevelErrors()) {
            throw new IllegalArgumentException(where + ".cell must be 2T2R for device-level errors (a PCSA reading a "
                    + "complementary pair), got " + tile.cell().label());
        }
        DeviceSpec device = tile.device().orElseThrow(() -> new IllegalArgumentException(where
                + ".device is required for device-level errors, got none"));
        SenseAmpSpec senseAmp = tile.sense().orElseThrow(() -> new IllegalArgumentException(where
                + ".sense is required for device-level errors (its offsets decide every misread), got none"));
        return new DeviceErrors(device.regime(regimeName), senseAmp, device.stuckAt(), TileFolding.of(tile), resampling, layers);
    }

    /** The same chips programmed under another regime (a point of a regime sweep). */
    public DeviceErrors withRegime(RegimeSpec other) {
        return new DeviceErrors(other, senseAmp, stuckAt, folding, resampling, layers, errorFreeLayers, tiles, ternary);
    }

    /**
     * The same chips read under another {@code regime} and {@code stuckAt} faults, the zero threshold of
     * ternary layers fixed for {@code programmed}: the chips of {@code programmed} aged to a condition
     * ({@link org.bnn.runtime.aging.Aging#at}). Device keys do not involve any of these, so the chips
     * are the same at every condition: nested over time where the model drifts one way.
     */
    public DeviceErrors aged(RegimeSpec programmed, RegimeSpec regimeThen, StuckAt stuckAtThen) {
        return new DeviceErrors(regimeThen, senseAmp, stuckAtThen, folding, resampling, layers, errorFreeLayers, tiles,
                ternary.referencesSetFor(programmed));
    }

    /** The same errors resampled otherwise. */
    public DeviceErrors withResampling(Resampling other) {
        return new DeviceErrors(regime, senseAmp, stuckAt, folding, other, layers, errorFreeLayers, tiles, ternary);
    }

    /** The same errors with the given layers (indices among layers with weights) read error-free. */
    public DeviceErrors withErrorFreeLayers(Set<Integer> layerIndices) {
        return new DeviceErrors(regime, senseAmp, stuckAt, folding, resampling, layers, layerIndices, tiles, ternary);
    }

    /** The same errors with {@code layersHoldingTernary} holding ternary weights (a network's must match when it is programmed). */
    public DeviceErrors withTernaryLayers(TernaryLayers layersHoldingTernary) {
        return new DeviceErrors(regime, senseAmp, stuckAt, folding, resampling, layers, errorFreeLayers, tiles, layersHoldingTernary);
    }

    /** Whether layer {@code layer} has device errors at all. */
    public boolean erring(int layer) {
        return !errorFreeLayers.contains(layer);
    }

    /**
     * The probability that one read of one weight is wrong, averaged over chips and reads
     * (BitErrorRates.twoTwoR). With ternary layers, the share of weights misread over the erring
     * layers (over all layers if none errs), each layer at its cells' rate ({@link #averageWeightErrors}).
     */
    public double averageBitErrorRate() {
        if (ternary.isEmpty()) {
            return BitErrorRates.twoTwoR(regime, senseAmp, stuckAt);
        }
        double[] rates = layerRates();
        boolean anyErring = errorFreeLayers.size() < layers;
        double misread = 0;
        double weights = 0;
        for (int l = 0; l < layers; l++) {
            if (erring(l) || !anyErring) {
                misread += rates[l] * ternary.weights(l);
                weights += ternary.weights(l);
            }
        }
        return misread / weights;
    }

    /**
     * Weight-level errors with the same average BER in every erring layer (0 in the others) and
     * the same resampling: what the device model averages to, and the weight-level point of a
     * regime sweep. A ternary layer's is the probability that a read of one of its weights is
     * wrong, −1, 0, +1 equally likely ({@link TernaryLayers#weightErrorRate}).
     */
    public WeightErrors averageWeightErrors() {
        double[] bers;
        if (ternary.isEmpty()) {
            bers = new double[layers];
            Arrays.fill(bers, averageBitErrorRate());
        } else {
            bers = layerRates();
        }
        for (int layer : errorFreeLayers) {
            bers[layer] = 0.0;
        }
        return new WeightErrors(resampling, bers);
    }

    /** Each layer's average rate of a wrong read, by the cells that hold it. */
    private double[] layerRates() {
        double binary = BitErrorRates.twoTwoR(regime, senseAmp, stuckAt);
        double ternaryRate = ternary.weightErrorRate(regime, senseAmp, stuckAt);
        double[] rates = new double[layers];
        for (int l = 0; l < layers; l++) {
            rates[l] = ternary.contains(l) ? ternaryRate : binary;
        }
        return rates;
    }

    /** The sampler of the static margins under this regime, sense amplifier, faults and folding. */
    public MarginSampler marginSampler() {
        return new MarginSampler(regime, senseAmp, stuckAt, folding);
    }

    /** The sampler of the static reads of ternary layers, against their cells' zero threshold under this regime. */
    TernaryMarginSampler ternaryMarginSampler() {
        return new TernaryMarginSampler(regime, senseAmp, stuckAt, folding, ternary.lnZeroThreshold(regime));
    }

    /** Chip instance {@code trial} of {@code seed} with {@code network} programmed into it. */
    public DeviceChip program(BinaryNetwork network, long seed, int trial) {
        return DeviceChip.program(this, network, seed, trial);
    }

    @Override
    public String toString() {
        return "DeviceErrors[regime " + regime.name() + ", mismatch " + senseAmp.mismatchSigma() + ", noise "
                + senseAmp.noiseSigma() + ", stuck-at LRS " + stuckAt.stuckAtLrsProbability() + " HRS "
                + stuckAt.stuckAtHrsProbability() + ", tiles " + folding.rows() + "x" + folding.columns()
                + (folding.spareColumns() > 0 ? " + " + folding.spareColumns() + " spare columns" : "") + ", " + resampling
                + (errorFreeLayers.isEmpty() ? "" : ", error-free layers " + new TreeSet<>(errorFreeLayers))
                + (tiles.isEmpty() ? "" : ", on tiles " + tiles.stream().map(TileRange::span).toList())
                + (ternary.isEmpty() ? "" : ", " + ternary) + "]";
    }
}
