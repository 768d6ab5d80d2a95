package org.bnn.runtime.tests.engine;

import java.util.Arrays;
import java.util.List;

import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;

/**
 * A naive floating-point evaluation of a binarized network, written from docs/architecture.md §3 without any
 * engine code: ±1 weights as numbers, the input centred (2q − S, kept in integer units so sums are
 * exact), conv by index arithmetic with the padding value ±1, batch norm γ(ā − μ)/σ + β with
 * sign(0) = +1, max pool as the max of ±1 values, average pool as the mean of the window's
 * pre-activations before batch norm, the output affine g·ā + h with g = γ/σ, h = β − γμ/σ.
 */
final class FloatReference {
    /** The output layer's pre-activations a_k (integer units), scores and prediction. */
    record Result(long[] preActivations, double[] scores, int prediction) {
    }

    private FloatReference() {
    }

    /** Evaluates real inputs in [0, 1]; {@code flips[l]} (or null) inverts weights of layer with weights l. */
    static Result run(NetworkSpec spec, NetworkParameters parameters, double[] input, long[][] flips) {
        double scale = 1;
        double[] values = new double[input.length];
        InputEncoding encoding = spec.input().encoding();
        for (int i = 0; i < input.length; i++) {
            if (encoding instanceof InputEncoding.BitSerial serial) {
                scale = (1 << serial.bits()) - 1;
                double q = Math.floor(input[i] * scale + 0.5);
                values[i] = 2 * q - scale;
            } else {
                values[i] = input[i] >= ((InputEncoding.Binarize) encoding).threshold() ? 1 : -1;
            }
        }
        List<LayerGeometry> geometry = spec.geometry();
        int weightLayer = 0;
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry layer = geometry.get(i);
            LayerSpec kind = layer.layer();
            if (kind instanceof LayerSpec.Pool pool) {
                if (pool.kind() == PoolKind.MAX) {
                    values = maxPool(layer, values);
                }
                continue;
            }
            LayerParameters given = parameters.layer(kind.name()).orElseThrow();
            long[] flipped = flips == null ? new long[0] : flips[weightLayer];
            double[][] w = given.ternary() ? ternary(given, flipped) : signs(given.weights(), flipped);
            double[][] a = kind instanceof LayerSpec.Conv conv ? conv(layer, conv, w, values, scale) : new double[][] {dense(w, values)};
            BatchNorm bn = given.batchNorm();
            if (kind instanceof LayerSpec.Output) {
                return output(a[0], scale, bn);
            }
            if (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool next && next.kind() == PoolKind.AVG) {
                values = averagePoolThenSign(geometry.get(i + 1), a, scale, bn);
            } else {
                values = new double[a.length * w.length];
                for (int p = 0; p < a.length; p++) {
                    for (int k = 0; k < w.length; k++) {
                        values[p * w.length + k] = sign(bn, k, a[p][k] / scale);
                    }
                }
            }
            scale = 1;
            weightLayer++;
        }
        throw new IllegalStateException("no output layer");
    }

    static double[][] signs(WeightMatrix weights, long[] flips) {
        double[][] w = new double[weights.rows()][weights.fanIn()];
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < w[k].length; j++) {
                w[k][j] = weights.bit(k, j) ? 1 : -1;
            }
        }
        for (long position : flips) {
            int k = (int) (position / weights.fanIn());
            int j = (int) (position % weights.fanIn());
            w[k][j] = -w[k][j];
        }
        return w;
    }

    /**
     * Ternary weights −1, 0, +1 from the signs and the nonzero mask; {@code flips} invert planes of the
     * engine's two-plane form (docs/architecture.md §3): a weight w is (s + s')/2 with (s, s') = (w, w)
     * for ±1 and (+1, −1) for 0, plane p of weight (k, j) at position k·2N + p·N + j.
     */
    static double[][] ternary(LayerParameters given, long[] flips) {
        WeightMatrix signs = given.weights();
        int n = signs.fanIn();
        double[][][] planes = new double[2][signs.rows()][n];
        for (int k = 0; k < signs.rows(); k++) {
            for (int j = 0; j < n; j++) {
                double sign = signs.bit(k, j) ? 1 : -1;
                boolean nonzero = given.nonzero().bit(k, j);
                planes[0][k][j] = nonzero ? sign : 1;
                planes[1][k][j] = nonzero ? sign : -1;
            }
        }
        for (long position : flips) {
            int k = (int) (position / (2L * n));
            int rest = (int) (position % (2L * n));
            planes[rest / n][k][rest % n] *= -1;
        }
        double[][] w = new double[signs.rows()][n];
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < n; j++) {
                w[k][j] = (planes[0][k][j] + planes[1][k][j]) / 2;
            }
        }
        return w;
    }

    private static double[] dense(double[][] w, double[] x) {
        double[] a = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            for (int j = 0; j < x.length; j++) {
                a[k] += w[k][j] * x[j];
            }
        }
        return a;
    }

    private static double[][] conv(LayerGeometry layer, LayerSpec.Conv conv, double[][] w, double[] x, double scale) {
        Shape in = layer.input();
        Shape out = layer.output();
        int k = conv.kernel();
        double[][] a = new double[out.height() * out.width()][w.length];
        for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
                for (int n = 0; n < w.length; n++) {
                    double sum = 0;
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            int iy = oy * conv.stride() + dy - conv.padding().amount();
                            int ix = ox * conv.stride() + dx - conv.padding().amount();
                            for (int c = 0; c < in.channels(); c++) {
                                boolean inside = iy >= 0 && ix >= 0 && iy < in.height() && ix < in.width();
                                double v = inside ? x[(iy * in.width() + ix) * in.channels() + c] : conv.padding().value() * scale;
                                sum += w[n][(dy * k + dx) * in.channels() + c] * v;
                            }
                        }
                    }
                    a[oy * out.width() + ox][n] = sum;
                }
            }
        }
        return a;
    }

    private static double[] maxPool(LayerGeometry layer, double[] x) {
        LayerSpec.Pool pool = (LayerSpec.Pool) layer.layer();
        Shape in = layer.input();
        Shape out = layer.output();
        double[] y = new double[(int) out.size()];
        Arrays.fill(y, Double.NEGATIVE_INFINITY);
        for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
                for (int c = 0; c < out.channels(); c++) {
                    for (int dy = 0; dy < pool.size(); dy++) {
                        for (int dx = 0; dx < pool.size(); dx++) {
                            int i = ((oy * pool.stride() + dy) * in.width() + ox * pool.stride() + dx) * in.channels() + c;
                            int o = (oy * out.width() + ox) * out.channels() + c;
                            y[o] = Math.max(y[o], x[i]);
                        }
                    }
                }
            }
        }
        return y;
    }

    private static double[] averagePoolThenSign(LayerGeometry layer, double[][] a, double scale, BatchNorm bn) {
        LayerSpec.Pool pool = (LayerSpec.Pool) layer.layer();
        Shape in = layer.input();
        Shape out = layer.output();
        int window = pool.size() * pool.size();
        double[] y = new double[(int) out.size()];
        for (int oy = 0; oy < out.height(); oy++) {
            for (int ox = 0; ox < out.width(); ox++) {
                for (int c = 0; c < out.channels(); c++) {
                    double sum = 0;
                    for (int dy = 0; dy < pool.size(); dy++) {
                        for (int dx = 0; dx < pool.size(); dx++) {
                            sum += a[(oy * pool.stride() + dy) * in.width() + ox * pool.stride() + dx][c];
                        }
                    }
                    y[(oy * out.width() + ox) * out.channels() + c] = sign(bn, c, sum / (window * scale));
                }
            }
        }
        return y;
    }

    private static Result output(double[] a, double scale, BatchNorm bn) {
        long[] preActivations = new long[a.length];
        double[] scores = new double[a.length];
        int best = 0;
        for (int k = 0; k < a.length; k++) {
            preActivations[k] = (long) a[k];
            double sigma = Math.sqrt(bn.variance()[k] + bn.epsilon());
            double g = bn.gamma()[k] / sigma;
            double h = bn.beta()[k] - bn.gamma()[k] * bn.mean()[k] / sigma;
            scores[k] = g * (a[k] / scale) + h;
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return new Result(preActivations, scores, best);
    }

    /** Batch norm then sign, sign(0) = +1, as a trainer computes it in double precision. */
    static double sign(BatchNorm bn, int k, double preActivation) {
        return sign(bn.gamma()[k], bn.beta()[k], bn.mean()[k], bn.variance()[k], bn.epsilon(), preActivation);
    }

    static double sign(double gamma, double beta, double mean, double variance, double epsilon, double preActivation) {
        double sigma = Math.sqrt(variance + epsilon);
        double normalised = gamma * (preActivation - mean) / sigma + beta;
        return normalised >= 0 ? 1 : -1;
    }
}
