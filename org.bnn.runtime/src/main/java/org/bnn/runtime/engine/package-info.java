/**
 * The bit-packed simulation engine and the trained parameters it runs on.
 * <p>
 * <b>What it computes</b> (docs/architecture.md §3): dense, conv and output layers as XNOR + popcount over
 * {@code long} words; bit-serial input planes shift-added into the first layer's count; batch norm
 * folded into one integer threshold and direction per neuron ({@link org.bnn.runtime.engine.ThresholdFold});
 * max pool as the OR of bits; average pool as the window sum of counts against thresholds that
 * fold the window size; the output layer's per-class affine and argmax, lowest index on ties.
 * Built by {@link org.bnn.runtime.engine.BinaryNetwork#create} from a
 * {@link org.bnn.runtime.spec.NetworkSpec} and {@link org.bnn.runtime.engine.NetworkParameters}, or
 * with random weights by {@link org.bnn.runtime.engine.RandomNetworks}.
 * <p>
 * <b>Layouts, and why.</b>
 * <ul>
 * <li>Activations are packed HWC, value (y, x, c) at bit (y·W + x)·C + c. A conv's fan-in vector
 * at one output position is then k runs of k·C_in contiguous bits (one per kernel row), copied
 * word-wise into a patch (im2col for one position), so convolutions run on the same kernel as
 * dense layers; the patch is built once per position and reused by all C_out rows, which keeps the
 * cost near the bare XNOR-popcount loop as soon as C_out is more than a few. Padding is done once
 * per layer into a bordered copy of the map, so patches never test bounds. A conv's output
 * position p, channel k is bit p·C_out + k: HWC again, with no transposition.</li>
 * <li>Weights are one packed row per neuron ({@link org.bnn.runtime.engine.WeightMatrix}), fan-in
 * index j = (dy·k + dx)·C_in + c for a conv: the row is exactly the patch order, and the logical
 * position k·N + j of a weight is its index for error patterns in every layer kind.</li>
 * <li>Encoded inputs are B planes one after another, each padded to whole words, so plane b is a
 * plain packed vector at a word offset.</li>
 * </ul>
 * Errors: static (per-chip) flips are applied to a copy of the weights; per-inference flips to a
 * worker's private copy and undone afterwards; per-read flips around each read (one read = one
 * position and plane of a layer). All cost time in proportion to the number of flips.
 */
package org.bnn.runtime.engine;
