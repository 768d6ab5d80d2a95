package org.bnn.train.model;

import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.engine.Argmax;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.OutputAffine;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.WeightValues;
import org.bnn.train.kernel.MatrixKernel;

/**
 * The float network the trainer runs for a {@link NetworkSpec}, block by block in the simulator's
 * canonical order (docs/architecture.md §3):
 * <pre>
 *   dense:   x·W_bᵀ → batch norm → sign
 *   conv:    unfold → x·W_bᵀ → [average pool (window sums)] → batch norm → [max pools] → sign
 *   output:  x·W_bᵀ → batch norm = class scores (softmax cross-entropy in training)
 * </pre>
 * Max pools sit before the sign, which gives the same forward values (see {@link MaxPool}).
 * Layers whose spec says {@link WeightValues#TERNARY} quantise their weights to −1, 0, +1
 * ({@link TernaryWeights}), the others to ±1 ({@link BinaryWeights}).
 * Evaluation ({@link #predict}) runs the exported network: quantised latent weights, running
 * statistics in double precision on the exact integer pre-activations, and the output layer's
 * {@link OutputAffine} with the runtime's {@link Argmax} — the simulator's predictions, ties included.
 */
public final class BinaryNet {
    private final NetworkSpec spec;
    private final InputScaling input;
    private final List<Block> blocks = new ArrayList<>();
    private final List<LatentWeights> weights = new ArrayList<>();
    private final List<BatchNormalization> norms = new ArrayList<>();
    private final BatchNormalization outputNorm;
    private final int firstLinear;
    /** True while the quantised weights and batch norms are those of the exported network (no training step since). */
    private boolean evaluationReady;

    /** A network with Glorot-uniform latent weights drawn from {@code seed}. */
    public BinaryNet(NetworkSpec spec, long seed, MatrixKernel kernel) {
        this.spec = spec;
        this.input = new InputScaling(spec.input().encoding(), spec.inputSize());
        List<LayerGeometry> geometry = spec.geometry();
        int first = -1;
        BatchNormalization last = null;
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry g = geometry.get(i);
            LayerSpec layer = g.layer();
            if (layer instanceof LayerSpec.Pool pool) { // a max pool after a sign, e.g. after another pool
                blocks.add(new MaxPool(windows(g, pool)));
                continue;
            }
            long scale = weights.isEmpty() ? input.scale() : 1;
            long key = KeyedRandom.key(seed, weights.size());
            LatentWeights w = layer.values() == WeightValues.TERNARY
                    ? new TernaryWeights(layer.name(), g.fanOut(), g.fanIn(), scale == 1, key)
                    : new BinaryWeights(layer.name(), g.fanOut(), g.fanIn(), scale == 1, key);
            weights.add(w);
            if (layer instanceof LayerSpec.Conv conv) {
                blocks.add(new Unfold(conv, g.input(), g.output(), scale));
            }
            if (first < 0) {
                first = blocks.size();
            }
            blocks.add(new BinaryLinear(w, kernel));
            double divisor = scale;
            int width = (int) g.output().size();
            if (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool pool && pool.kind() == PoolKind.AVG) {
                Windows windows = windows(geometry.get(++i), pool);
                blocks.add(new AveragePool(windows));
                divisor *= windows.window();
                width = windows.outputWidth();
            }
            BatchNormalization norm = new BatchNormalization(layer.name(), g.fanOut(), width, divisor);
            norms.add(norm);
            blocks.add(norm);
            last = norm;
            if (layer instanceof LayerSpec.Output) {
                continue;
            }
            while (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool pool && pool.kind() == PoolKind.MAX) {
                Windows windows = windows(geometry.get(++i), pool);
                blocks.add(new MaxPool(windows));
                width = windows.outputWidth();
            }
            blocks.add(new Sign(width));
        }
        this.outputNorm = last;
        this.firstLinear = first;
    }

    private static Windows windows(LayerGeometry pool, LayerSpec.Pool spec) {
        return new Windows(pool.input(), pool.output(), spec.size(), spec.stride());
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** How data set bytes become the first layer's input. */
    public InputScaling inputScaling() {
        return input;
    }

    /** Every trained tensor: latent weights, γ and β, in a fixed order. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Block block : blocks) {
            all.addAll(block.parameters());
        }
        return all;
    }

    /** Running means and variances per layer with weights, in order (for checkpoints). */
    public List<float[]> runningStatistics() {
        List<float[]> all = new ArrayList<>();
        for (BatchNormalization norm : norms) {
            all.add(norm.runningMean());
            all.add(norm.runningVariance());
        }
        return all;
    }

    /**
     * Sets the quantised weights of the next training pass: the signs of the latent weights (ternary
     * layers: −1, 0, +1 by their threshold), read with bit-error rate {@code ber} (error-aware
     * training: binary weights inverted with that probability, each plane of a ternary weight with
     * half of it), drawn from {@code key} per layer.
     */
    public void prepareWeights(double ber, long key) {
        evaluationReady = false;
        for (int l = 0; l < weights.size(); l++) {
            weights.get(l).prepare(ber, KeyedRandom.key(key, l));
        }
    }

    /** Training forward pass (batch statistics): class scores, batch × classes; call {@link #prepareWeights} first. */
    public float[] forward(float[] x, int batch) {
        float[] current = x;
        for (Block block : blocks) {
            current = block.forward(current, batch, Mode.TRAIN);
        }
        return current;
    }

    /**
     * Replaces the running batch-norm statistics by their plain average over the given batches of
     * scaled inputs (forward passes only, no flips, nothing trained). The running averages of training
     * weight the last few dozen batches, which can leave the thresholds of a conv layer (one threshold
     * for all positions) noticeably off; averaging many batches of the final weights is steadier.
     */
    public void recalibrate(java.util.List<float[]> batches, int batch) {
        prepareWeights(0, 0);
        for (BatchNormalization norm : norms) {
            norm.average(true);
        }
        for (float[] x : batches) {
            forward(x, batch);
        }
        for (BatchNormalization norm : norms) {
            norm.average(false);
        }
        evaluationReady = false;
    }

    /** Backward pass from the gradient of the scores; adds to every parameter's gradient. */
    public void backward(float[] scoreGradient, int batch) {
        float[] gradient = scoreGradient;
        for (int b = blocks.size() - 1; b >= firstLinear; b--) {
            gradient = blocks.get(b).backward(gradient, batch, b > firstLinear);
        }
    }

    /**
     * Predicted classes of the exported network (no flips, running statistics) for {@code batch}
     * scaled inputs: what {@code BinaryNetwork.create(spec, export())} predicts.
     */
    public int[] predict(float[] x, int batch) {
        if (!evaluationReady) {
            prepareWeights(0, 0);
            for (BatchNormalization norm : norms) {
                norm.beginEvaluation();
            }
            evaluationReady = true;
        }
        float[] current = x;
        for (Block block : blocks) {
            if (block == outputNorm) {
                break;
            }
            current = block.forward(current, batch, Mode.EVAL);
        }
        OutputAffine affine = OutputAffine.of(outputNorm.export(), (long) outputNorm.divisor());
        int classes = affine.classes();
        int[] predictions = new int[batch];
        double[] scores = new double[classes];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < classes; k++) {
                scores[k] = affine.score(k, (long) current[b * classes + k]);
            }
            predictions[b] = Argmax.index(scores);
        }
        return predictions;
    }

    /**
     * The trained parameters: signs of the latent weights (with the nonzero mask |w| &gt; Δ for ternary
     * layers) and the batch norms with running statistics.
     */
    public NetworkParameters export() {
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l < weights.size(); l++) {
            layers.add(weights.get(l).export(norms.get(l).export()));
        }
        return new NetworkParameters(layers);
    }
}
