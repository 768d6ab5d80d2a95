package org.bnn.runtime.reference;

import java.util.Arrays;
import java.util.List;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.OutputAffine;
import org.bnn.runtime.engine.PackedBits;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.engine.Thresholds;
import org.bnn.runtime.engine.WeightLayer;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.TileSpec;

/**
 * The slow reference: walks the hardware cell by cell, with activations as plain boolean arrays and
 * index arithmetic written out, sharing no code path with the fast engine beyond the network's
 * parameters. Each layer with weights is folded onto R × C tiles; for every output position and
 * input plane (one read), for every tile, every word line (row) is selected in turn, every used
 * column's sense amplifier reads its cell (stored weight, inverted where that read's error pattern
 * says so) and outputs XNOR with the input bit, the tile's popcount sums the row, and the digital
 * periphery shift-adds the partial popcounts of a neuron's column chunks and planes. Then the
 * threshold (per position, or per average-pool window), the max pool (OR of the window's bits) or
 * the output affine and argmax. Events are counted in an {@link EventLedger} as they happen:
 * <ul>
 * <li>a sense and a popcount input bit per cell read; a row cycle per word line selected;</li>
 * <li>a partial-sum addition whenever a partial popcount (or, for an average pool, a position's
 * pre-activation) joins a running sum;</li>
 * <li>a threshold compare per neuron output (per class score entering the argmax);</li>
 * <li>a buffer bit access per input bit a tile reads for one read (padding included), per output
 * bit written, and per bit a max pool reads.</li>
 * </ul>
 * It consumes the same error patterns as the fast engine, which must agree with it bit for bit.
 * <p>
 * A ternary cell is read in one sense too: the amplifier outputs +1 where the weight read equals the
 * input, −1 where it is its opposite, 0 where it is 0, and the periphery counts an output t as 1 + t
 * (so a row's count is N + Σ w·x, as the engine's). The weight read is (s + s')/2 of its two stored
 * planes (each inverted where the read's error pattern says so), written out here from the layout
 * {@code TernaryPlanes} documents.
 */
public final class CellByCellEngine {
    private final BinaryNetwork network;
    private final TileSpec tile;

    public CellByCellEngine(BinaryNetwork network, TileSpec tile) {
        this.network = network;
        this.tile = tile;
    }

    /** Class scores of one encoded input with the weights at {@code flips[layer]} read inverted. */
    public double[] scores(long[] input, long[][] flips) {
        return walk(input, ReadFlips.everyRead(flips)).scores();
    }

    /** Predicted class, lowest index on ties. */
    public int predict(long[] input, long[][] flips) {
        return walk(input, ReadFlips.everyRead(flips)).prediction();
    }

    /** Walks one inference of an encoded input, every read seeing the flips {@code flips} names. */
    public Walk walk(long[] input, ReadFlips flips) {
        List<LayerGeometry> geometry = network.spec().geometry();
        EventLedger ledger = new EventLedger(geometry);
        boolean[][] activations = unpack(input);
        int weightLayer = 0;
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry layer = geometry.get(i);
            if (layer.layer() instanceof LayerSpec.Pool pool) {
                if (pool.kind() == PoolKind.MAX) {
                    activations = new boolean[][] {maxPool(layer, activations[0], ledger.tally(i))};
                }
                continue; // an average pool was done with the conv before it
            }
            WeightLayer weights = network.weightLayer(weightLayer);
            long[][] counts = readArray(layer, weights, activations, flips, ledger.tally(i));
            if (layer.layer() instanceof LayerSpec.Output) {
                return output(layer, weights, counts[0], ledger, ledger.tally(i));
            }
            Thresholds thresholds = weights.thresholds().orElseThrow();
            if (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool next && next.kind() == PoolKind.AVG) {
                activations = new boolean[][] {averagePool(geometry.get(i + 1), thresholds, counts, ledger.tally(i + 1))};
            } else {
                activations = new boolean[][] {threshold(thresholds, counts, ledger.tally(i))};
            }
            weightLayer++;
        }
        throw new IllegalStateException("network " + network.spec().name() + " has no output layer");
    }

    /** Counts V[position][neuron] = Σ_plane 2^plane · (matches of the neuron's row with that plane's fan-in vector). */
    private long[][] readArray(LayerGeometry layer, WeightLayer weightLayer, boolean[][] input, ReadFlips flips,
            EventLedger.Tally tally) {
        WeightMatrix weights = weightLayer.weights();
        boolean ternary = weightLayer.ternary();
        int fanIn = layer.fanIn();
        int neurons = layer.fanOut();
        int positions = (int) layer.positions();
        int planes = layer.planes();
        long[][] counts = new long[positions][neurons];
        for (int position = 0; position < positions; position++) {
            boolean[] started = new boolean[neurons];
            for (int plane = 0; plane < planes; plane++) {
                long[] flipped = flips.positions(weightLayer.index(), position * planes + plane).clone();
                Arrays.sort(flipped);
                boolean[] x = fanInVector(layer, input[plane], position);
                for (int rowChunk = 0; rowChunk * tile.rows() < neurons; rowChunk++) {
                    for (int columnChunk = 0; columnChunk * tile.columns() < fanIn; columnChunk++) {
                        // One tile: it latches its columns' input bits, then selects its word lines one after another.
                        int columns = Math.min(tile.columns(), fanIn - columnChunk * tile.columns());
                        int rows = Math.min(tile.rows(), neurons - rowChunk * tile.rows());
                        tally.bufferBitAccesses += columns;
                        for (int row = 0; row < rows; row++) {
                            int neuron = rowChunk * tile.rows() + row;
                            tally.rowCycles++;
                            int partialPopcount = 0;
                            for (int column = 0; column < columns; column++) { // unused columns are gated, not sensed
                                int j = columnChunk * tile.columns() + column;
                                int read = ternary
                                        ? ternaryRead(weights, flipped, neuron, j, fanIn)
                                        : binaryRead(weights, flipped, neuron, j, fanIn);
                                int senseAmplifierOutput = x[j] ? read : -read; // XNOR inside the PCSA (0 for a weight 0)
                                tally.senses++;
                                tally.popcountInputBits++;
                                partialPopcount += ternary ? 1 + senseAmplifierOutput : (1 + senseAmplifierOutput) / 2;
                            }
                            // Digital periphery: shift by the plane, add to the neuron's running sum.
                            counts[position][neuron] += (long) partialPopcount << plane;
                            if (started[neuron]) {
                                tally.partialSumAdditions++;
                            }
                            started[neuron] = true;
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** Binary weight (neuron, j) as read, ±1: the stored bit at neuron·N + j, inverted if flipped. */
    private static int binaryRead(WeightMatrix weights, long[] flipped, int neuron, int j, int fanIn) {
        return storedBit(weights, flipped, neuron, j, (long) neuron * fanIn + j) ? 1 : -1;
    }

    /** Ternary weight (neuron, j) as read: (s + s')/2 of its planes, bits j and N + j of the stored row of 2N. */
    private static int ternaryRead(WeightMatrix weights, long[] flipped, int neuron, int j, int fanIn) {
        long row = (long) neuron * 2 * fanIn;
        int s = storedBit(weights, flipped, neuron, j, row + j) ? 1 : -1;
        int sPrime = storedBit(weights, flipped, neuron, fanIn + j, row + fanIn + j) ? 1 : -1;
        return (s + sPrime) / 2;
    }

    /** Bit (neuron, column) of the stored rows, inverted if its logical position is among the sorted flips. */
    private static boolean storedBit(WeightMatrix weights, long[] flipped, int neuron, int column, long position) {
        boolean stored = weights.bit(neuron, column);
        return Arrays.binarySearch(flipped, position) >= 0 ? !stored : stored;
    }

    /** The fan-in vector of one position: the input itself, or a conv's receptive field with padding. */
    private static boolean[] fanInVector(LayerGeometry layer, boolean[] input, int position) {
        if (!(layer.layer() instanceof LayerSpec.Conv conv)) {
            return input;
        }
        Shape in = layer.input();
        int k = conv.kernel();
        int pad = conv.padding().amount();
        int oy = position / layer.output().width();
        int ox = position % layer.output().width();
        boolean[] x = new boolean[layer.fanIn()];
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                for (int c = 0; c < in.channels(); c++) {
                    int iy = oy * conv.stride() - pad + dy;
                    int ix = ox * conv.stride() - pad + dx;
                    boolean inside = iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
                    x[(dy * k + dx) * in.channels() + c] = inside
                            ? input[(iy * in.width() + ix) * in.channels() + c]
                            : conv.padding().value() > 0;
                }
            }
        }
        return x;
    }

    /** One compare and one buffer write per neuron and position; the output is HWC. */
    private static boolean[] threshold(Thresholds thresholds, long[][] counts, EventLedger.Tally tally) {
        int neurons = thresholds.neurons();
        boolean[] out = new boolean[counts.length * neurons];
        for (int position = 0; position < counts.length; position++) {
            for (int k = 0; k < neurons; k++) {
                tally.thresholdCompares++;
                out[position * neurons + k] = thresholds.fires(k, counts[position][k]);
                tally.bufferBitAccesses++;
            }
        }
        return out;
    }

    /** Sums each window's counts (the thresholds fold the window size), then compares and writes one bit per channel. */
    private static boolean[] averagePool(LayerGeometry pool, Thresholds thresholds, long[][] counts, EventLedger.Tally tally) {
        LayerSpec.Pool spec = (LayerSpec.Pool) pool.layer();
        int channels = pool.output().channels();
        int width = pool.output().width();
        int positions = pool.output().height() * width;
        boolean[] out = new boolean[positions * channels];
        for (int q = 0; q < positions; q++) {
            for (int c = 0; c < channels; c++) {
                long sum = 0;
                boolean first = true;
                for (int dy = 0; dy < spec.size(); dy++) {
                    for (int dx = 0; dx < spec.size(); dx++) {
                        int iy = q / width * spec.stride() + dy;
                        int ix = q % width * spec.stride() + dx;
                        sum += counts[iy * pool.input().width() + ix][c];
                        if (!first) {
                            tally.partialSumAdditions++;
                        }
                        first = false;
                    }
                }
                tally.thresholdCompares++;
                out[q * channels + c] = thresholds.fires(c, sum);
                tally.bufferBitAccesses++;
            }
        }
        return out;
    }

    /** Reads each window's bits from the buffer, ORs them and writes the result, per channel. */
    private static boolean[] maxPool(LayerGeometry pool, boolean[] input, EventLedger.Tally tally) {
        LayerSpec.Pool spec = (LayerSpec.Pool) pool.layer();
        Shape in = pool.input();
        int channels = in.channels();
        int width = pool.output().width();
        int positions = pool.output().height() * width;
        boolean[] out = new boolean[positions * channels];
        for (int q = 0; q < positions; q++) {
            for (int c = 0; c < channels; c++) {
                boolean any = false;
                for (int dy = 0; dy < spec.size(); dy++) {
                    for (int dx = 0; dx < spec.size(); dx++) {
                        int iy = q / width * spec.stride() + dy;
                        int ix = q % width * spec.stride() + dx;
                        any |= input[(iy * in.width() + ix) * channels + c];
                        tally.bufferBitAccesses++;
                    }
                }
                out[q * channels + c] = any;
                tally.bufferBitAccesses++;
            }
        }
        return out;
    }

    /** a_k = 2V_k − S·N, the affine in the periphery, and the argmax with one compare per class score. */
    private Walk output(LayerGeometry layer, WeightLayer weights, long[] counts, EventLedger ledger, EventLedger.Tally tally) {
        OutputAffine affine = weights.affine().orElseThrow();
        int classes = counts.length;
        long[] preActivations = new long[classes];
        double[] scores = new double[classes];
        int best = -1;
        for (int k = 0; k < classes; k++) {
            // A binary count is (S·N + a)/2, a ternary one S·N + a (see the class comment).
            long range = weights.inputScale() * layer.fanIn();
            preActivations[k] = weights.ternary() ? counts[k] - range : 2 * counts[k] - range;
            scores[k] = affine.score(k, preActivations[k]);
            tally.thresholdCompares++;
            if (best < 0 || scores[k] > scores[best]) {
                best = k;
            }
        }
        return new Walk(preActivations, scores, best, ledger);
    }

    /** The input planes as booleans, [plane][value]. */
    private boolean[][] unpack(long[] input) {
        if (input.length != network.inputWords()) {
            throw new IllegalArgumentException("an encoded input has " + network.inputWords() + " words, got " + input.length);
        }
        int size = network.inputSize();
        int planeBits = PackedBits.words(size) * Long.SIZE;
        boolean[][] planes = new boolean[network.inputPlanes()][size];
        for (int b = 0; b < planes.length; b++) {
            for (int i = 0; i < size; i++) {
                planes[b][i] = PackedBits.get(input, b * planeBits + i);
            }
        }
        return planes;
    }
}
