package org.bnn.runtime.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of binary dense layers ending in an {@link OutputLayer}. Inputs are packed ±1 vectors.
 * Layers are numbered 0..{@link #layerCount()}−1, the output layer last. Instances are immutable
 * and can be shared between threads; per-thread state lives in a {@link Scratch}.
 */
public final class BinaryNetwork {
    private final List<BinaryDenseLayer> hidden;
    private final OutputLayer output;
    private final int widest;

    public BinaryNetwork(List<BinaryDenseLayer> hidden, OutputLayer output) {
        this.hidden = List.copyOf(hidden);
        this.output = output;
        int width = this.hidden.isEmpty() ? output.fanIn() : this.hidden.get(0).fanIn();
        int widest = width;
        for (BinaryDenseLayer layer : this.hidden) {
            if (layer.fanIn() != width) {
                throw new IllegalArgumentException("layer fan-in " + layer.fanIn() + " does not match the previous width " + width);
            }
            width = layer.fanOut();
            widest = Math.max(widest, width);
        }
        if (output.fanIn() != width) {
            throw new IllegalArgumentException("output fan-in " + output.fanIn() + " does not match the previous width " + width);
        }
        this.widest = widest;
    }

    public int inputSize() {
        return hidden.isEmpty() ? output.fanIn() : hidden.get(0).fanIn();
    }

    public int classes() {
        return output.classes();
    }

    /** Hidden layers plus the output layer. */
    public int layerCount() {
        return hidden.size() + 1;
    }

    public List<BinaryDenseLayer> hiddenLayers() {
        return hidden;
    }

    public OutputLayer outputLayer() {
        return output;
    }

    /** The stored weights of layer {@code layer} (the output layer is the last). */
    public WeightMatrix weights(int layer) {
        return layer == hidden.size() ? output.weights() : hidden.get(layer).weights();
    }

    /**
     * The network with the weights at the given logical positions inverted, per layer
     * ({@code flips[layer]}, sorted or not, each position once): a chip instance with static errors.
     */
    public BinaryNetwork withWeightFlips(long[][] flips) {
        checkLayers(flips);
        List<BinaryDenseLayer> flipped = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            flipped.add(flips[l].length == 0 ? hidden.get(l) : hidden.get(l).withWeights(hidden.get(l).weights().withFlips(flips[l])));
        }
        long[] outputFlips = flips[hidden.size()];
        return new BinaryNetwork(flipped, outputFlips.length == 0 ? output : output.withWeights(output.weights().withFlips(outputFlips)));
    }

    /** Class scores a_k of one packed input. */
    public int[] scores(long[] input) {
        int[] scores = new int[classes()];
        newScratch().scores(input, null, scores);
        return scores;
    }

    /** Predicted class of one packed input. */
    public int predict(long[] input) {
        return OutputLayer.argmax(scores(input));
    }

    /** Per-thread working memory, with private weight copies for per-inference errors. */
    public Scratch newScratch() {
        return new Scratch();
    }

    private void checkLayers(long[][] flips) {
        if (flips.length != layerCount()) {
            throw new IllegalArgumentException("need flips for " + layerCount() + " layers, got " + flips.length);
        }
    }

    /** Buffers and private weights of one worker; not thread-safe, cheap to reuse. */
    public final class Scratch {
        private final long[] a = new long[PackedBits.words(widest)];
        private final long[] b = new long[PackedBits.words(widest)];
        private final int[] scores = new int[output.classes()];
        private WeightMatrix[] privateWeights;

        private Scratch() {
        }

        /** Predicted class of one input, with no errors. */
        public int predict(long[] input) {
            scores(input, null, scores);
            return OutputLayer.argmax(scores);
        }

        /**
         * Predicted class of one input with the given weights inverted for this inference only
         * (flips[layer], each position once). The flips are applied to private copies and undone.
         */
        public int predictWithFlips(long[] input, long[][] flips) {
            checkLayers(flips);
            scores(input, flips, scores);
            return OutputLayer.argmax(scores);
        }

        /** The scores of the last prediction. */
        public int[] lastScores() {
            return scores.clone();
        }

        void scores(long[] input, long[][] flips, int[] out) {
            if (flips != null && privateWeights == null) {
                privateWeights = new WeightMatrix[layerCount()];
                for (int l = 0; l < layerCount(); l++) {
                    privateWeights[l] = weights(l).mutableCopy();
                }
            }
            long[] current = input;
            long[] next = a;
            for (int l = 0; l < hidden.size(); l++) {
                hidden.get(l).forward(stored(l, flips), current, next);
                current = next;
                next = next == a ? b : a;
            }
            output.scores(stored(hidden.size(), flips), current, out);
            if (flips != null) {
                for (int l = 0; l < layerCount(); l++) {
                    privateWeights[l].flipInPlace(flips[l]); // undo
                }
            }
        }

        private WeightMatrix stored(int layer, long[][] flips) {
            if (flips == null) {
                return weights(layer);
            }
            privateWeights[layer].flipInPlace(flips[layer]);
            return privateWeights[layer];
        }
    }
}
