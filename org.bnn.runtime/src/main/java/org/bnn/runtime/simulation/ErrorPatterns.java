package org.bnn.runtime.simulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.ecc.WordCode;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.CountErrors;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.engine.TernaryPlanes;
import org.bnn.runtime.engine.WeightLayer;
import org.bnn.runtime.errors.CodedRows;
import org.bnn.runtime.errors.DeviceChipCache;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.errors.PopcountDomain;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;

/**
 * Which stored weights each read sees inverted, in every trial and inference: weight-level errors
 * resampled per chip, per inference, or per read (docs/architecture.md, "Error injection"). Every pattern is keyed by
 * index through {@link ErrorKeys}, so it is the same in the fast engine, in the reference engine and
 * at any thread count.
 * <p>
 * <b>Per read.</b> Layer l is read R_l = positions × planes times per inference; its W_l weights
 * get a fresh pattern for every read. The patterns of all reads are one nested draw over R_l·W_l
 * positions under the per-inference key of the layer, read r owning positions r·W_l .. (r+1)·W_l − 1.
 * The sampler walks positions in order, so read r's pattern depends only on (key, r), one draw per
 * layer costs what its flips cost, and read 0 sees exactly the per-inference pattern: for a
 * one-plane dense layer (one read) per read is per inference, bit for bit.
 * <p>
 * <b>Device level</b> ({@link #of(DeviceErrors)}): each chip instance is programmed once
 * (resistances, stuck-at faults, amplifier mismatch; {@link DeviceErrors}), and a pattern is the set
 * of weights its PCSAs read inverted: the same static pattern for every read (per chip), or a fresh
 * noise at every sense (per read). Programmed chips are kept in a bounded cache, so the per-read
 * patterns of many inferences share one pass over the weights.
 * <p>
 * <b>Coded cells</b> ({@link #of(WeightErrors, Optional)} with a {@link WordCode}, the tiles of
 * 1T1R + SECDED(72,64)): the BERs are raw, per stored bit. Each pattern is drawn as above, but
 * over the stored bits of every layer (check and padding bits included, {@link CodedRows}) instead
 * of its weights, under the same keys, and every word is decoded as it is read: the pattern the
 * network sees is the weights still wrong after decoding. A per-chip pattern is decoded once, which
 * is what every row read of those static errors decodes to; per inference and per read, every read
 * decodes its own raw errors. The raw flips are nested across a BER sweep; the decoded ones need not
 * be (three raw errors in a word can be miscorrected into a fourth).
 * <p>
 * <b>Ternary weights</b> are stored as two planes ({@link TernaryPlanes}), and a pattern is a set of
 * plane bits read inverted, each with probability BER/2: a weight is then misread with probability
 * BER − BER²/4 (BER − BER²/2 for a 0, whose two inverted planes read 0 again), ±1 as 0 and 0 as ±1,
 * and ±1 as ∓1 only when both planes are (BER²/4).
 */
public final class ErrorPatterns {
    private static final long[] NONE = new long[0];

    private final WeightErrors errors;
    /** errors.berPerLayer(), copied once (the accessor copies). */
    private final double[] bers;
    private final boolean perRead;
    /** Per-inference errors of layers read once drawn as count changes ({@link PopcountDomain}). */
    private final boolean popcountDomain;
    /** The code of the stored words, or null: raw errors are then the weights' own. */
    private final WordCode code;
    /** Null at weight level. */
    private final DeviceErrors device;
    private final DeviceChipCache chips;
    /** The popcount-domain samplers of the last network asked for. */
    private volatile Samplers samplers;
    /** The coded layers of the last network asked for (with a code). */
    private volatile Coded coded;

    private ErrorPatterns(WeightErrors errors, boolean perRead, boolean popcountDomain, WordCode code) {
        this.errors = errors;
        this.bers = errors.berPerLayer();
        this.perRead = perRead;
        this.popcountDomain = popcountDomain;
        this.code = code;
        this.device = null;
        this.chips = null;
    }

    private ErrorPatterns(DeviceErrors device) {
        this.errors = device.averageWeightErrors();
        this.bers = errors.berPerLayer();
        this.perRead = device.resampling() == Resampling.PER_READ;
        this.popcountDomain = false;
        this.code = null;
        this.device = device;
        this.chips = DeviceChipCache.forThisMachine(device);
    }

    /** Patterns drawn per chip, per inference or per read, as {@code errors.resampling()} says. */
    public static ErrorPatterns of(WeightErrors errors) {
        return of(errors, Optional.empty());
    }

    /**
     * Patterns drawn per chip, per inference or per read, as {@code errors.resampling()} says; with a
     * {@code code}, the BERs are those of the stored bits, and every word is decoded as it is read
     * (see the class comment).
     */
    public static ErrorPatterns of(WeightErrors errors, Optional<WordCode> code) {
        if (errors == null || code == null) {
            throw new IllegalArgumentException("ErrorPatterns.of: errors and code are required (Optional.empty() for no code), got "
                    + errors + " and " + code);
        }
        return new ErrorPatterns(errors, errors.resampling() == Resampling.PER_READ, false, code.orElse(null));
    }

    /**
     * Per-inference weight errors, sampled in the popcount domain in the layers read once per
     * inference where a neuron expects at least {@link #COUNT_DRAWS_FROM} flips ({@link PopcountDomain}:
     * two binomial draws per neuron instead of one draw per flip; exact in distribution, not
     * bit-identical to the exact patterns, no common random numbers across a sweep), and as exact
     * patterns in the others (fewer flips than that cost less than the draws; layers read several
     * times need them).
     */
    public static ErrorPatterns popcountDomain(WeightErrors errors) {
        if (errors.resampling() != Resampling.PER_INFERENCE) {
            throw new IllegalArgumentException("the popcount-domain mode samples per-inference errors, got "
                    + errors.resampling().toString().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return new ErrorPatterns(errors, false, true, null);
    }

    /** The code whose words are decoded as they are read, if any: the BERs are then raw, per stored bit. */
    public Optional<WordCode> code() {
        return Optional.ofNullable(code);
    }

    /** True for per-inference errors sampled in the popcount domain ({@link #popcountDomain}). */
    public boolean isPopcountDomain() {
        return popcountDomain;
    }

    /** A fresh pattern for every read, at the BERs of {@code errors} (whatever its resampling setting). */
    public static ErrorPatterns perRead(WeightErrors errors) {
        return of(new WeightErrors(Resampling.PER_READ, errors.berPerLayer()));
    }

    /**
     * Device-level patterns, per chip or per read as {@code device.resampling()} says (per
     * inference is rejected when the {@link DeviceErrors} is made).
     */
    public static ErrorPatterns of(DeviceErrors device) {
        if (device == null) {
            throw new IllegalArgumentException("ErrorPatterns.of: device errors are required, got null");
        }
        return new ErrorPatterns(device);
    }

    /** Weight level or device level. */
    public ErrorLevel level() {
        return device == null ? ErrorLevel.WEIGHT : ErrorLevel.DEVICE;
    }

    /** The device model, at device level. */
    public Optional<DeviceErrors> device() {
        return Optional.ofNullable(device);
    }

    /**
     * The BERs per layer with weights: at weight level the model itself; at device level the average
     * BER of one read ({@link DeviceErrors#averageWeightErrors()}), for reports and checks only, the
     * patterns being drawn from the devices.
     */
    public WeightErrors errors() {
        return errors;
    }

    /** True if no weight can flip. */
    public boolean isNone() {
        return errors.isNone();
    }

    /** True for static errors, fixed per chip instance. */
    public boolean isPerChip() {
        return !perRead && errors.resampling() == Resampling.PER_CHIP;
    }

    /** True for a fresh pattern per read. */
    public boolean isPerRead() {
        return perRead;
    }

    /** The static flips of chip instance {@code trial}, per layer with weights (only for per-chip patterns). */
    public long[][] chip(BinaryNetwork network, long seed, int trial) {
        if (!isPerChip()) {
            throw new IllegalStateException("these patterns are not drawn per chip: " + this);
        }
        if (device != null) {
            return chips.chip(network, seed, trial).perChipFlips();
        }
        return drawn(network, ErrorKeys.chip(seed, trial));
    }

    /**
     * The share of all weights that chip instances 0 .. {@code trials} − 1 read inverted (after
     * decoding, with a code), counted on their per-chip patterns; empty unless the patterns are per chip.
     */
    public OptionalDouble chipBitErrorRate(BinaryNetwork network, long seed, int trials) {
        if (!isPerChip() || trials < 1) {
            return OptionalDouble.empty();
        }
        long weights = 0;
        for (WeightLayer layer : network.weightLayers()) {
            weights += layer.geometry().weights();
        }
        long wrong = 0;
        for (int trial = 0; trial < trials; trial++) {
            long[][] flips = isNone() ? new long[0][] : chip(network, seed, trial);
            for (int l = 0; l < flips.length; l++) {
                WeightLayer layer = network.weightLayer(l);
                wrong += layer.ternary() ? TernaryPlanes.misread(layer.weights(), layer.geometry().fanIn(), flips[l]) : flips[l].length;
            }
        }
        return OptionalDouble.of((double) wrong / ((double) weights * trials));
    }

    /**
     * The probability that one stored bit of layer l is read inverted: its BER, or for ternary
     * weights half of it per plane (see the class comment).
     */
    private double bitRate(BinaryNetwork network, int l) {
        return network.weightLayer(l).ternary() ? bers[l] / 2 : bers[l];
    }

    /** The weight-level pattern under a chip or inference key: the weights' own flips, or the stored bits' decoded. */
    private long[][] drawn(BinaryNetwork network, long key) {
        if (code == null) {
            checkLayers(network);
            long[][] flips = new long[bers.length][];
            for (int l = 0; l < flips.length; l++) {
                flips[l] = NestedFlips.positions(ErrorKeys.layer(key, l), network.weights(l).size(), bitRate(network, l));
            }
            return flips;
        }
        CodedRows[] layers = coded(network);
        long[] storedBits = new long[layers.length];
        for (int l = 0; l < layers.length; l++) {
            storedBits[l] = layers[l].storedBits();
        }
        long[][] raw = errors.flips(key, storedBits);
        for (int l = 0; l < raw.length; l++) {
            Arrays.sort(raw[l]);
            raw[l] = layers[l].decode(raw[l]);
        }
        return raw;
    }

    /** The coded layers of {@code network}, kept for the last network asked for. */
    private CodedRows[] coded(BinaryNetwork network) {
        Coded kept = coded;
        if (kept != null && kept.network() == network) {
            return kept.layers();
        }
        CodedRows[] layers = new CodedRows[network.weightLayerCount()];
        for (int l = 0; l < layers.length; l++) {
            if (network.weightLayer(l).ternary()) { // the language cannot say it: ternary weights need 2T2R cells, which have no code
                throw new IllegalArgumentException("layer " + network.weightLayer(l).geometry().layer().name()
                        + " has ternary weights: coded words (" + code.name() + ") hold binary weights only");
            }
            layers[l] = new CodedRows(code, network.weights(l));
        }
        coded = new Coded(network, layers);
        return layers;
    }

    private record Coded(BinaryNetwork network, CodedRows[] layers) {
    }

    /**
     * The flips of one inference, the same for all its reads (only for per-inference patterns); in the
     * popcount domain only those of the layers whose counts are not drawn ({@link #counts} has the others).
     */
    public long[][] inference(BinaryNetwork network, long seed, int trial, long input) {
        if (isPerChip() || perRead) {
            throw new IllegalStateException("these patterns are not drawn per inference: " + this);
        }
        long key = ErrorKeys.inference(seed, trial, input);
        if (!popcountDomain) {
            return drawn(network, key);
        }
        long[][] flips = new long[network.weightLayerCount()][];
        for (int l = 0; l < flips.length; l++) {
            flips[l] = drawsCounts(network, l)
                    ? NONE
                    : NestedFlips.positions(ErrorKeys.layer(key, l), network.weights(l).size(), bitRate(network, l));
        }
        return flips;
    }

    /**
     * Expected flips per neuron from which a layer's count changes are drawn in the popcount domain:
     * there two draws per neuron (≈ 30 ns here) cost less than the flips (≈ 5–10 ns each, measured
     * with PopcountDomainBenchmark).
     */
    static final double COUNT_DRAWS_FROM = 4;

    /** True if layer l's errors are drawn as count changes (popcount domain), false if as flips. */
    private boolean drawsCounts(BinaryNetwork network, int l) {
        double ber = bitRate(network, l);
        return popcountDomain && ber > 0 && network.weightLayer(l).reads() == 1
                && ber * network.weights(l).fanIn() >= COUNT_DRAWS_FROM;
    }

    /** The count errors of one inference in the layers whose counts are drawn (only in the popcount domain). */
    public CountErrors counts(BinaryNetwork network, long seed, int trial, long input) {
        if (!popcountDomain) {
            throw new IllegalStateException("these patterns are not drawn in the popcount domain: " + this);
        }
        long key = ErrorKeys.inference(seed, trial, input);
        PopcountDomain[] samplers = samplers(network);
        return (layer, differing, neurons) -> {
            if (samplers[layer] != null) {
                samplers[layer].addTo(differing, neurons, PopcountDomain.layerKey(key, layer));
            }
        };
    }

    /** The popcount-domain sampler of every layer whose counts are drawn (null for the others), kept for the last network. */
    private PopcountDomain[] samplers(BinaryNetwork network) {
        Samplers kept = samplers;
        if (kept != null && kept.network() == network) {
            return kept.perLayer();
        }
        PopcountDomain[] perLayer = new PopcountDomain[network.weightLayerCount()];
        for (int l = 0; l < perLayer.length; l++) {
            perLayer[l] = drawsCounts(network, l) ? PopcountDomain.of(network.weights(l).fanIn(), bitRate(network, l)) : null;
        }
        samplers = new Samplers(network, perLayer);
        return perLayer;
    }

    private record Samplers(BinaryNetwork network, PopcountDomain[] perLayer) {
    }

    /** The per-read flips of one inference (only for per-read patterns). */
    public ReadFlips reads(BinaryNetwork network, long seed, int trial, long input) {
        if (!perRead) {
            throw new IllegalStateException("these patterns are not drawn per read: " + this);
        }
        if (device != null) {
            return chips.chip(network, seed, trial).reads(input);
        }
        return new PerRead(network, ErrorKeys.inference(seed, trial, input));
    }

    /**
     * Whatever each read of one inference sees, in any mode but the popcount domain (which has no
     * flip pattern): what the reference engine consumes.
     */
    public ReadFlips seenBy(BinaryNetwork network, long seed, int trial, long input) {
        if (popcountDomain) {
            throw new IllegalStateException("popcount-domain errors change counts, not weights: no pattern to replay");
        }
        if (perRead) {
            return reads(network, seed, trial, input);
        }
        return ReadFlips.everyRead(isPerChip() ? chip(network, seed, trial) : inference(network, seed, trial, input));
    }

    private void checkLayers(BinaryNetwork network) {
        if (errors.layers() != network.weightLayerCount()) {
            throw new IllegalArgumentException(
                    "network has " + network.weightLayerCount() + " layers with weights but errors are given for "
                            + errors.layers());
        }
    }

    @Override
    public String toString() {
        if (device != null) {
            return "ErrorPatterns[device level, " + device + "]";
        }
        return "ErrorPatterns[" + (perRead ? "per read" : errors.resampling().toString().toLowerCase(Locale.ROOT).replace('_', ' '))
                + (popcountDomain ? ", popcount domain" : "") + (code == null ? "" : ", " + code.name() + " decoded, raw") + ", ber "
                + Arrays.toString(errors.berPerLayer()) + "]";
    }

    /**
     * The per-read patterns of one inference, drawn lazily one layer at a time; with a code, over the
     * stored bits of every read, each read's raw errors decoded on their own.
     */
    private final class PerRead implements ReadFlips {
        private final BinaryNetwork network;
        private final long inferenceKey;
        private final long[][] flips;
        private final int[][] readStarts;
        /** With a code, the network's coded layers; else null. */
        private final CodedRows[] coded;

        PerRead(BinaryNetwork network, long inferenceKey) {
            checkLayers(network);
            this.network = network;
            this.inferenceKey = inferenceKey;
            this.flips = new long[network.weightLayerCount()][];
            this.readStarts = new int[network.weightLayerCount()][];
            this.coded = code == null ? null : coded(network);
        }

        @Override
        public long[] positions(int layer, int read) {
            long weights = coded == null ? network.weights(layer).size() : coded[layer].storedBits();
            if (flips[layer] == null) {
                draw(layer, weights);
            }
            int from = readStarts[layer][read];
            int to = readStarts[layer][read + 1];
            if (from == to) {
                return NONE;
            }
            long[] positions = Arrays.copyOfRange(flips[layer], from, to);
            long origin = read * weights;
            for (int i = 0; i < positions.length; i++) {
                positions[i] -= origin;
            }
            return coded == null ? positions : coded[layer].decode(positions);
        }

        private void draw(int layer, long weights) {
            int reads = network.weightLayer(layer).reads();
            long[] all = NestedFlips.sortedPositions(ErrorKeys.layer(inferenceKey, layer), reads * weights, bitRate(network, layer));
            int[] starts = new int[reads + 1];
            int i = 0;
            for (int r = 0; r < reads; r++) {
                starts[r] = i;
                long end = (r + 1) * weights;
                while (i < all.length && all[i] < end) {
                    i++;
                }
            }
            starts[reads] = all.length;
            flips[layer] = all;
            readStarts[layer] = starts;
        }
    }
}
