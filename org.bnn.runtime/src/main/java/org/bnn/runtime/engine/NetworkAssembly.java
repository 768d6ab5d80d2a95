package org.bnn.runtime.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.WeightValues;

/**
 * Builds the fast engine's stages from a spec and its parameters: checks every layer's parameters
 * against the spec's geometry, folds batch norm into thresholds (with the bit-serial input scale
 * and a following average pool's window) or into the output affine, and fuses average pools into
 * the conv before them.
 */
final class NetworkAssembly {
    /** Bit indices of activations, patches and padded maps must stay within an int. */
    private static final long MAX_BITS = Integer.MAX_VALUE - Long.SIZE;

    private NetworkAssembly() {
    }

    static BinaryNetwork assemble(NetworkSpec spec, NetworkParameters parameters) {
        List<LayerGeometry> geometry = spec.geometry();
        InputEncoder encoder = new InputEncoder(spec.input().encoding(), spec.inputSize());
        checkBits(spec.input().name(), "input planes", (long) encoder.words() * Long.SIZE);
        List<Stage> stages = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int weightLayer = 0;
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry layer = geometry.get(i);
            LayerSpec layerSpec = layer.layer();
            checkBits(layerSpec.name(), "output", layer.output().size());
            if (layerSpec instanceof LayerSpec.Pool pool) {
                if (pool.kind() == PoolKind.MAX) {
                    stages.add(new MaxPool(layer));
                }
                continue; // an average pool is evaluated by the conv it follows
            }
            String name = layerSpec.name();
            LayerParameters given = parameters.layer(name)
                    .orElseThrow(() -> new IllegalArgumentException("parameters of layer " + name + " are missing"));
            used.add(name);
            checkShape(layer, given.weights());
            WeightMatrix stored = stored(layerSpec, given);
            // A ternary layer is read as a binary one of twice the fan-in whose counts are twice the
            // ternary ones (TernaryPlanes): its thresholds fold them at twice the count scale (the
            // output layer halves its pre-activations instead).
            long planeScale = stored.fanIn() / layer.fanIn();
            long inputScale = weightLayer == 0 ? encoder.scale() : 1;
            checkBits(name, "positions x planes", layer.positions() * layer.planes());
            if (layerSpec instanceof LayerSpec.Output) {
                stages.add(WeightLayer.output(weightLayer, layer, stored, inputScale, OutputAffine.of(given.batchNorm(), inputScale)));
            } else {
                PoolWindows averagePool = averagePoolAfter(geometry, i);
                long countScale = planeScale * inputScale * (averagePool == null ? 1 : averagePool.window());
                Thresholds thresholds;
                try {
                    thresholds = ThresholdFold.fold(given.batchNorm(), layer.fanIn(), countScale);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layer " + name + ": " + e.getMessage(), e);
                }
                Unrolling unrolling = null;
                if (layerSpec instanceof LayerSpec.Conv conv) {
                    unrolling = new Unrolling(conv, layer.input(), layer.output());
                    checkBits(name, "padded input maps", (long) layer.planes() * unrolling.paddedWords() * Long.SIZE);
                }
                if (averagePool != null) {
                    checkBits(name, "pre-activations kept for the average pool", layer.positions() * layer.fanOut());
                }
                stages.add(WeightLayer.hidden(weightLayer, layer, stored, unrolling, inputScale, thresholds, averagePool));
            }
            weightLayer++;
        }
        for (LayerParameters given : parameters.layers()) {
            if (!used.contains(given.layer())) {
                throw new IllegalArgumentException("parameters are given for layer " + given.layer() + ", but network "
                        + spec.name() + " has no layer with weights of that name");
            }
        }
        return new BinaryNetwork(spec, encoder, stages);
    }

    private static PoolWindows averagePoolAfter(List<LayerGeometry> geometry, int i) {
        if (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool pool && pool.kind() == PoolKind.AVG) {
            return new PoolWindows(geometry.get(i + 1));
        }
        return null;
    }

    /** The rows the engine reads: the binary weights themselves, or a ternary layer's two planes ({@link TernaryPlanes}). */
    private static WeightMatrix stored(LayerSpec layer, LayerParameters given) {
        boolean ternary = layer.values() == WeightValues.TERNARY;
        if (ternary != given.ternary()) {
            throw new IllegalArgumentException("layer " + layer.name() + " has " + layer.values().word() + " weights in the network, but "
                    + (given.ternary() ? "ternary" : "binary") + " parameters (" + (given.ternary() ? "with" : "without")
                    + " a nonzero mask)");
        }
        return ternary ? TernaryPlanes.encode(given.weights(), given.nonzero()) : given.weights();
    }

    private static void checkShape(LayerGeometry layer, WeightMatrix weights) {
        if (weights.rows() != layer.fanOut() || weights.fanIn() != layer.fanIn()) {
            throw new IllegalArgumentException("layer " + layer.layer().name() + ": weights are " + weights.rows() + " x "
                    + weights.fanIn() + " (neurons x fan-in), the network needs " + layer.fanOut() + " x " + layer.fanIn());
        }
    }

    private static void checkBits(String layer, String what, long bits) {
        if (bits > MAX_BITS) {
            throw new IllegalArgumentException("layer " + layer + ": " + what + " of " + bits + " bits exceed the engine's limit of "
                    + MAX_BITS);
        }
    }
}
