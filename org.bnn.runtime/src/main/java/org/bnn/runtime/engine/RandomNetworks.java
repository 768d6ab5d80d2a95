package org.bnn.runtime.engine;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * Seeded random networks and inputs, for trying a mapping before trained weights exist. Each
 * weight bit is a pure function of (seed, layer index, bit position).
 */
public final class RandomNetworks {
    private static final long INPUT_STREAM = -1;

    private RandomNetworks() {
    }

    /** A network of {@code spec}'s shape with uniformly random ±1 weights and sign activations. */
    public static BinaryNetwork create(NetworkSpec spec, long seed) {
        List<BinaryDenseLayer> hidden = new ArrayList<>();
        OutputLayer output = null;
        for (LayerGeometry layer : spec.geometry()) {
            if (layer.layer() instanceof LayerSpec.Conv || layer.layer() instanceof LayerSpec.Pool) {
                throw new IllegalArgumentException("layer " + layer.layer().name()
                        + ": the engine simulates dense networks only so far; conv and pool layers can be estimated, not run");
            }
            WeightMatrix weights = new WeightMatrix(layer.fanIn(), layer.fanOut(),
                    randomRows(KeyedRandom.key(seed, layer.index()), layer.fanIn(), layer.fanOut()));
            if (layer.layer() instanceof LayerSpec.Output) {
                output = new OutputLayer(weights);
            } else {
                hidden.add(BinaryDenseLayer.withSignActivation(weights));
            }
        }
        return new BinaryNetwork(hidden, output);
    }

    /** {@code count} packed random ±1 inputs of {@code size} values. */
    public static long[][] inputs(int size, int count, long seed) {
        long key = KeyedRandom.key(seed, INPUT_STREAM);
        long[][] inputs = new long[count][];
        for (int n = 0; n < count; n++) {
            inputs[n] = randomRows(KeyedRandom.key(key, n), size, 1);
        }
        return inputs;
    }

    private static long[] randomRows(long key, int bits, int rows) {
        int wordsPerRow = PackedBits.words(bits);
        int padding = wordsPerRow * Long.SIZE - bits;
        long lastWordMask = padding == 0 ? -1L : -1L >>> padding;
        long[] packed = new long[wordsPerRow * rows];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = KeyedRandom.bits(key, i);
            if (i % wordsPerRow == wordsPerRow - 1) {
                packed[i] &= lastWordMask;
            }
        }
        return packed;
    }
}
