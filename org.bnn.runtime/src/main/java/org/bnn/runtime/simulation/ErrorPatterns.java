package org.bnn.runtime.simulation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.errors.DeviceChipCache;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.ErrorKeys;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;

/**
 * Which stored weights each read sees inverted, in every trial and inference: weight-level errors
 * resampled per chip, per inference, or per read (DESIGN §4 "Errors"). Every pattern is keyed by
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
 */
public final class ErrorPatterns {
    private static final long[] NONE = new long[0];

    private final WeightErrors errors;
    private final boolean perRead;
    /** Null at weight level. */
    private final DeviceErrors device;
    private final DeviceChipCache chips;

    private ErrorPatterns(WeightErrors errors, boolean perRead) {
        this.errors = errors;
        this.perRead = perRead;
        this.device = null;
        this.chips = null;
    }

    private ErrorPatterns(DeviceErrors device) {
        this.errors = device.averageWeightErrors();
        this.perRead = device.resampling() == Resampling.PER_READ;
        this.device = device;
        this.chips = DeviceChipCache.forThisMachine(device);
    }

    /** Patterns drawn per chip, per inference or per read, as {@code errors.resampling()} says. */
    public static ErrorPatterns of(WeightErrors errors) {
        return new ErrorPatterns(errors, errors.resampling() == Resampling.PER_READ);
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
        return errors.flips(ErrorKeys.chip(seed, trial), Simulation.weightsPerLayer(network));
    }

    /** The flips of one inference, the same for all its reads (only for per-inference patterns). */
    public long[][] inference(BinaryNetwork network, long seed, int trial, long input) {
        if (isPerChip() || perRead) {
            throw new IllegalStateException("these patterns are not drawn per inference: " + this);
        }
        return errors.flips(ErrorKeys.inference(seed, trial, input), Simulation.weightsPerLayer(network));
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

    /** Whatever each read of one inference sees, in any mode: what the reference engine consumes. */
    public ReadFlips seenBy(BinaryNetwork network, long seed, int trial, long input) {
        if (perRead) {
            return reads(network, seed, trial, input);
        }
        return ReadFlips.everyRead(isPerChip() ? chip(network, seed, trial) : inference(network, seed, trial, input));
    }

    @Override
    public String toString() {
        if (device != null) {
            return "ErrorPatterns[device level, " + device + "]";
        }
        return "ErrorPatterns[" + (perRead ? "per read" : errors.resampling().toString().toLowerCase(Locale.ROOT).replace('_', ' ')) + ", ber "
                + Arrays.toString(errors.berPerLayer()) + "]";
    }

    /** The per-read patterns of one inference, drawn lazily one layer at a time. */
    private final class PerRead implements ReadFlips {
        private final BinaryNetwork network;
        private final long inferenceKey;
        private final long[][] flips;
        private final int[][] readStarts;

        PerRead(BinaryNetwork network, long inferenceKey) {
            if (errors.layers() != network.weightLayerCount()) {
                throw new IllegalArgumentException("errors are given for " + errors.layers() + " layers, the network has "
                        + network.weightLayerCount() + " layers with weights");
            }
            this.network = network;
            this.inferenceKey = inferenceKey;
            this.flips = new long[network.weightLayerCount()][];
            this.readStarts = new int[network.weightLayerCount()][];
        }

        @Override
        public long[] positions(int layer, int read) {
            long weights = network.weights(layer).size();
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
            return positions;
        }

        private void draw(int layer, long weights) {
            int reads = network.weightLayer(layer).reads();
            long[] all = NestedFlips.sortedPositions(ErrorKeys.layer(inferenceKey, layer), reads * weights, errors.berPerLayer()[layer]);
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
