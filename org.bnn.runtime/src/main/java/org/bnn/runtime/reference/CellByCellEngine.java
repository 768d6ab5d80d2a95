package org.bnn.runtime.reference;

import java.util.Arrays;

import org.bnn.runtime.engine.BinaryDenseLayer;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.OutputLayer;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.TileSpec;

/**
 * The slow reference: walks the hardware cell by cell. Each layer is folded onto R × C tiles; for
 * every tile, every word line (row) is selected in turn, every column's sense amplifier reads its
 * cell (stored weight, inverted where the error pattern says so) and outputs XNOR with the input
 * bit, the tile's popcount sums the row, and the digital periphery adds the partial popcounts of
 * a neuron's column chunks before the threshold. It consumes the same error patterns as the fast
 * engine, which must agree with it bit for bit.
 */
public final class CellByCellEngine {
    private final BinaryNetwork network;
    private final TileSpec tile;

    public CellByCellEngine(BinaryNetwork network, TileSpec tile) {
        this.network = network;
        this.tile = tile;
    }

    /** Class scores of one input with the weights at {@code flips[layer]} read inverted. */
    public int[] scores(long[] input, long[][] flips) {
        long[] activations = input;
        for (int l = 0; l < network.hiddenLayers().size(); l++) {
            BinaryDenseLayer layer = network.hiddenLayers().get(l);
            int[] p = matchCounts(layer.weights(), activations, flips[l]);
            long[] next = new long[PackedBits.words(layer.fanOut())];
            for (int k = 0; k < p.length; k++) {
                PackedBits.set(next, k, layer.fires(k, p[k]));
            }
            activations = next;
        }
        OutputLayer output = network.outputLayer();
        int[] p = matchCounts(output.weights(), activations, flips[network.layerCount() - 1]);
        int[] scores = new int[p.length];
        for (int k = 0; k < p.length; k++) {
            scores[k] = 2 * p[k] - output.fanIn();
        }
        return scores;
    }

    /** Predicted class, lowest index on ties. */
    public int predict(long[] input, long[][] flips) {
        return OutputLayer.argmax(scores(input, flips));
    }

    private int[] matchCounts(WeightMatrix weights, long[] input, long[] flippedPositions) {
        long[] flips = flippedPositions.clone();
        Arrays.sort(flips);
        int neurons = weights.rows();
        int fanIn = weights.fanIn();
        int[] total = new int[neurons];
        for (int rowChunk = 0; rowChunk * tile.rows() < neurons; rowChunk++) {
            for (int columnChunk = 0; columnChunk * tile.columns() < fanIn; columnChunk++) {
                // One tile: its word lines are selected one after another.
                for (int row = 0; row < tile.rows(); row++) {
                    int neuron = rowChunk * tile.rows() + row;
                    if (neuron >= neurons) {
                        break;
                    }
                    int partialPopcount = 0;
                    for (int column = 0; column < tile.columns(); column++) {
                        int j = columnChunk * tile.columns() + column;
                        if (j >= fanIn) {
                            break; // unused columns are gated, not sensed
                        }
                        boolean stored = weights.bit(neuron, j);
                        boolean read = Arrays.binarySearch(flips, (long) neuron * fanIn + j) >= 0 ? !stored : stored;
                        boolean inputBit = PackedBits.get(input, j);
                        boolean senseAmplifierOutput = inputBit == read; // XNOR inside the PCSA
                        if (senseAmplifierOutput) {
                            partialPopcount++;
                        }
                    }
                    total[neuron] += partialPopcount; // digital partial-sum adder
                }
            }
        }
        return total;
    }
}
