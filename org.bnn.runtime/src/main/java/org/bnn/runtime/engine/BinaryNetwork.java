package org.bnn.runtime.engine;

import java.util.List;

/**
 * A chain of binary dense layers ending in an {@link OutputLayer}. Inputs are packed ±1 vectors.
 * Instances are immutable and can be shared between threads; the work buffers live per call.
 */
public final class BinaryNetwork {
    private final List<BinaryDenseLayer> hidden;
    private final OutputLayer output;
    private final int inputSize;
    private final int widest;

    public BinaryNetwork(List<BinaryDenseLayer> hidden, OutputLayer output) {
        this.hidden = List.copyOf(hidden);
        this.output = output;
        int width = hidden.isEmpty() ? output.fanIn() : hidden.get(0).fanIn();
        this.inputSize = width;
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
        return inputSize;
    }

    public int classes() {
        return output.classes();
    }

    public List<BinaryDenseLayer> hiddenLayers() {
        return hidden;
    }

    public OutputLayer outputLayer() {
        return output;
    }

    /** Class scores a_k of one packed input. */
    public int[] scores(long[] input) {
        long[] current = input;
        long[] next = new long[PackedBits.words(widest)];
        long[] spare = new long[next.length];
        for (BinaryDenseLayer layer : hidden) {
            layer.forward(current, next);
            current = next;
            next = spare;
            spare = current;
        }
        int[] scores = new int[output.classes()];
        output.scores(current, scores);
        return scores;
    }

    /** Predicted class of one packed input. */
    public int predict(long[] input) {
        return OutputLayer.argmax(scores(input));
    }
}
