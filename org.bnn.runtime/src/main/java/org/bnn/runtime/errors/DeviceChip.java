package org.bnn.runtime.errors;

import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.ReadFlips;

/**
 * One chip instance with a network programmed into it under {@link DeviceErrors}: the static
 * margins of every layer, computed once (one pass over all weights), from which its per-chip
 * pattern and the per-read patterns of any inference follow. Immutable and thread-safe; a pure
 * function of (errors, network weights, seed, trial).
 */
public final class DeviceChip {
    private final long seed;
    private final int trial;
    private final long[] chipLayerKeys;
    private final LayerReads[] margins;
    private final SenseAmpOffsets offsets;
    private volatile long[][] perChipFlips;

    private DeviceChip(long seed, int trial, long[] chipLayerKeys, LayerReads[] margins, SenseAmpOffsets offsets) {
        this.seed = seed;
        this.trial = trial;
        this.chipLayerKeys = chipLayerKeys;
        this.margins = margins;
        this.offsets = offsets;
    }

    /** Programs {@code network} into chip instance {@code trial} of {@code seed}. */
    static DeviceChip program(DeviceErrors errors, BinaryNetwork network, long seed, int trial) {
        if (network.weightLayerCount() != errors.layers()) {
            throw new IllegalArgumentException("device errors are given for " + errors.layers() + " layers, the network "
                    + network.spec().name() + " has " + network.weightLayerCount() + " layers with weights");
        }
        MarginSampler sampler = errors.marginSampler();
        TernaryMarginSampler ternarySampler = errors.ternary().isEmpty() ? null : errors.ternaryMarginSampler();
        long[] keys = new long[errors.layers()];
        LayerReads[] margins = new LayerReads[errors.layers()];
        long chipTiles = DeviceKeys.chipTiles(seed, trial);
        for (int layer = 0; layer < margins.length; layer++) {
            keys[layer] = DeviceKeys.chipLayer(seed, trial, layer);
            if (network.weightLayer(layer).ternary() != errors.ternary().contains(layer)) {
                throw new IllegalArgumentException(
                        "device errors are given for " + (errors.ternary().contains(layer) ? "ternary" : "binary")
                                + " weights in layer " + network.weightLayer(layer).geometry().layer().name() + ", but network "
                                + network.spec().name()
                                + " has " + (network.weightLayer(layer).ternary() ? "ternary" : "binary") + " weights there");
            }
            if (!errors.erring(layer)) {
                margins[layer] = LayerMargins.NONE;
            } else if (errors.ternary().contains(layer)) {
                margins[layer] = errors.tiles().isEmpty()
                        ? ternarySampler.sample(network.weights(layer), keys[layer])
                        : ternarySampler.sample(network.weights(layer), chipTiles, layer, errors.tiles().get(layer));
            } else if (errors.tiles().isEmpty()) { // automatic placement: devices keyed by layer
                margins[layer] = sampler.sample(network.weights(layer), keys[layer]);
            } else { // explicit placement: devices keyed by physical tile
                margins[layer] = sampler.sample(network.weights(layer), chipTiles, layer, errors.tiles().get(layer));
            }
        }
        return new DeviceChip(seed, trial, keys, margins, new SenseAmpOffsets(errors.senseAmp()));
    }

    /** The static margins of binary layer {@code layer} (counting layers with weights). */
    public LayerMargins margins(int layer) {
        if (margins[layer] instanceof LayerMargins binary) {
            return binary;
        }
        throw new IllegalArgumentException("layer " + layer + " holds ternary weights: ask ternaryMargins(" + layer + ")");
    }

    /** The static reads of ternary layer {@code layer} (counting layers with weights). */
    public TernaryLayerMargins ternaryMargins(int layer) {
        if (margins[layer] instanceof TernaryLayerMargins ternary) {
            return ternary;
        }
        throw new IllegalArgumentException("layer " + layer + " holds binary weights: ask margins(" + layer + ")");
    }

    /** Number of layers with weights. */
    public int layers() {
        return margins.length;
    }

    /**
     * The static pattern of this chip, per layer, ascending: the weights misread at any noise and
     * the fragile ones misread in the one read whose noise a per-chip pattern freezes. A copy.
     */
    public long[][] perChipFlips() {
        long[][] flips = perChipFlips;
        if (flips == null) {
            flips = new long[margins.length][];
            for (int layer = 0; layer < margins.length; layer++) {
                flips[layer] = margins[layer].misreadIn(DeviceKeys.frozenRead(chipLayerKeys[layer]), offsets);
            }
            perChipFlips = flips;
        }
        long[][] copy = new long[flips.length][];
        for (int layer = 0; layer < flips.length; layer++) {
            copy[layer] = flips[layer].clone();
        }
        return copy;
    }

    /** The weights read inverted in each read of inference {@code input}: fresh noise per read, static part fixed. */
    public ReadFlips reads(long input) {
        long[] inferenceLayerKeys = new long[margins.length];
        for (int layer = 0; layer < margins.length; layer++) {
            inferenceLayerKeys[layer] = DeviceKeys.inferenceLayer(seed, trial, input, layer);
        }
        return (layer, read) -> margins[layer].misreadIn(DeviceKeys.read(inferenceLayerKeys[layer], read), offsets);
    }
}
