package org.bnn.runtime.engine;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.WeightValues;

/**
 * Seeded random networks and inputs, for trying a mapping before trained weights exist. Each
 * weight bit is a pure function of (seed, layer index, bit position); each input bit of
 * (seed, input index, bit position).
 */
public final class RandomNetworks {
    private static final long INPUT_STREAM = -1;
    private static final long REAL_INPUT_STREAM = -2;
    /** Ternary layer l's nonzero mask comes from stream NONZERO_STREAM − l (distinct from the input streams). */
    private static final long NONZERO_STREAM = -3;

    private RandomNetworks() {
    }

    /** A network of {@code spec}'s shape, any layer kinds, with uniformly random ±1 weights and sign activations. */
    public static BinaryNetwork create(NetworkSpec spec, long seed) {
        return BinaryNetwork.create(spec, parameters(spec, seed));
    }

    /**
     * Uniformly random ±1 weights for every layer with weights, and identity batch norm; a ternary
     * layer's weights are 0 with probability ¼ (its nonzero mask is the OR of two random bits), else
     * ±1 alike.
     */
    public static NetworkParameters parameters(NetworkSpec spec, long seed) {
        List<LayerParameters> layers = new ArrayList<>();
        for (LayerGeometry layer : spec.weightLayers()) {
            WeightMatrix weights = randomMatrix(KeyedRandom.key(seed, layer.index()), layer);
            String name = layer.layer().name();
            if (layer.layer().values() == WeightValues.TERNARY) {
                long maskKey = KeyedRandom.key(seed, NONZERO_STREAM - layer.index());
                long[] a = randomMatrix(KeyedRandom.key(maskKey, 0), layer).packedRows();
                long[] b = randomMatrix(KeyedRandom.key(maskKey, 1), layer).packedRows();
                for (int i = 0; i < a.length; i++) {
                    a[i] |= b[i];
                }
                WeightMatrix nonzero = new WeightMatrix(layer.fanIn(), layer.fanOut(), a);
                layers.add(new LayerParameters(name, weights, nonzero, BatchNorm.identity(layer.fanOut())));
            } else {
                layers.add(LayerParameters.signOnly(name, weights));
            }
        }
        return new NetworkParameters(layers);
    }

    private static WeightMatrix randomMatrix(long key, LayerGeometry layer) {
        return new WeightMatrix(layer.fanIn(), layer.fanOut(), randomRows(key, layer.fanIn(), layer.fanOut()));
    }

    /** {@code count} packed random ±1 vectors of {@code size} values (one-plane inputs). */
    public static long[][] inputs(int size, int count, long seed) {
        return inputs(size, 1, count, seed);
    }

    /**
     * {@code count} random encoded inputs of {@code network}: every bit of every plane uniform, i.e.
     * uniform levels for bit-serial input. For one plane the same as {@link #inputs(int, int, long)}.
     */
    public static long[][] inputs(BinaryNetwork network, int count, long seed) {
        return inputs(network.inputSize(), network.inputPlanes(), count, seed);
    }

    /** {@code count} real inputs of {@code size} values, uniform in [0, 1). */
    public static double[][] realInputs(int size, int count, long seed) {
        long key = KeyedRandom.key(seed, REAL_INPUT_STREAM);
        double[][] inputs = new double[count][size];
        for (int n = 0; n < count; n++) {
            long inputKey = KeyedRandom.key(key, n);
            for (int i = 0; i < size; i++) {
                inputs[n][i] = KeyedRandom.uniform(inputKey, i);
            }
        }
        return inputs;
    }

    private static long[][] inputs(int size, int planes, int count, long seed) {
        long key = KeyedRandom.key(seed, INPUT_STREAM);
        long[][] inputs = new long[count][];
        for (int n = 0; n < count; n++) {
            inputs[n] = randomRows(KeyedRandom.key(key, n), size, planes);
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
