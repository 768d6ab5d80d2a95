package org.bnn.train.model;

import java.util.List;

import org.bnn.runtime.engine.BatchNorm;

/**
 * Batch norm per channel of a layer's pre-activations, on the [−1, 1] scale ā = a / divisor (the
 * divisor is S for a bit-serial first layer, times the window for an average pool): z = γ·(ā − μ)/σ + β.
 * Training normalises with the batch's statistics (over images and positions) and keeps running
 * averages; evaluation uses the running statistics through {@link BatchNorm#normalise} in double
 * precision on the exact integer a, which is what the simulator's threshold fold reproduces bit for
 * bit. A hidden layer's evaluation therefore outputs the sign directly (±1), never a rounded z.
 */
final class BatchNormalization extends ValueWise {
    static final double EPSILON = 1e-4;
    private static final float MOMENTUM = 0.1f;
    private final String layer;
    private final int channels;
    private final double divisor;
    private final Parameter gamma;
    private final Parameter beta;
    private final float[] runningMean;
    private final float[] runningVariance;
    private float[] normalised;
    private float[] inverseSigma;
    private BatchNorm evaluation;
    /** When positive, the running statistics become the plain average of the batches seen since (this counts them, from 1). */
    private int averaging;

    BatchNormalization(String layer, int channels, int width, double divisor) {
        super(width);
        this.layer = layer;
        this.channels = channels;
        this.divisor = divisor;
        this.gamma = new Parameter(layer + "/gamma", channels, false);
        this.beta = new Parameter(layer + "/beta", channels, false);
        this.runningMean = new float[channels];
        this.runningVariance = new float[channels];
        java.util.Arrays.fill(gamma.value(), 1f);
        java.util.Arrays.fill(runningVariance, 1f);
    }

    String layer() {
        return layer;
    }

    double divisor() {
        return divisor;
    }

    float[] runningMean() {
        return runningMean;
    }

    float[] runningVariance() {
        return runningVariance;
    }

    /** The batch norm as exported: γ, β, running mean and variance, ε, in double. */
    BatchNorm export() {
        return new BatchNorm(widen(gamma.value()), widen(beta.value()), widen(runningMean), widen(runningVariance), EPSILON);
    }

    /** Called before an evaluation pass: freezes the exported statistics. */
    void beginEvaluation() {
        evaluation = export();
    }

    /** Starts (true) or ends (false) averaging the statistics of the following training batches with equal weights. */
    void average(boolean on) {
        averaging = on ? 1 : 0;
    }

    @Override
    float[] forward(float[] input, int batch, Mode mode) {
        return mode == Mode.TRAIN ? train(input, batch) : evaluate(input, batch);
    }

    private float[] evaluate(float[] input, int batch) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                out[i + c] = evaluation.normalise(c, input[i + c] / divisor) >= 0 ? 1f : -1f;
            }
        }
        return out;
    }

    private float[] train(float[] input, int batch) {
        int count = batch * (width / channels);
        double[] sum = new double[channels];
        double[] squares = new double[channels];
        float scale = (float) (1 / divisor);
        for (int i = 0; i < input.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                sum[c] += input[i + c] * scale;
            }
        }
        float[] mean = new float[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = (float) (sum[c] / count);
        }
        for (int i = 0; i < input.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                double d = input[i + c] * scale - mean[c];
                squares[c] += d * d;
            }
        }
        inverseSigma = new float[channels];
        float momentum = averaging > 0 ? 1f / averaging++ : MOMENTUM;
        for (int c = 0; c < channels; c++) {
            double variance = squares[c] / count;
            inverseSigma[c] = (float) (1 / Math.sqrt(variance + EPSILON));
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * mean[c];
            float unbiased = (float) (count > 1 ? variance * count / (count - 1) : variance);
            runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * unbiased;
        }
        normalised = new float[input.length];
        float[] out = new float[input.length];
        float[] g = gamma.value();
        float[] b = beta.value();
        for (int i = 0; i < input.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                normalised[i + c] = (input[i + c] * scale - mean[c]) * inverseSigma[c];
                out[i + c] = g[c] * normalised[i + c] + b[c];
            }
        }
        return out;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        int count = batch * (width / channels);
        double[] sumGradient = new double[channels];
        double[] sumGradientNormalised = new double[channels];
        for (int i = 0; i < outputGradient.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                sumGradient[c] += outputGradient[i + c];
                sumGradientNormalised[c] += outputGradient[i + c] * normalised[i + c];
            }
        }
        float[] gGamma = gamma.gradient();
        float[] gBeta = beta.gradient();
        float[] g = gamma.value();
        for (int c = 0; c < channels; c++) {
            gGamma[c] += (float) sumGradientNormalised[c];
            gBeta[c] += (float) sumGradient[c];
        }
        float[] inputGradient = new float[outputGradient.length];
        float scale = (float) (1 / divisor);
        for (int i = 0; i < inputGradient.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                // dā = γ/(σ·n)·(n·dz − Σdz − x̂·Σ(dz·x̂)), then da = dā / divisor.
                double d = count * outputGradient[i + c] - sumGradient[c] - normalised[i + c] * sumGradientNormalised[c];
                inputGradient[i + c] = (float) (g[c] * inverseSigma[c] / count * d) * scale;
            }
        }
        return inputGradient;
    }

    @Override
    List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    Parameter gamma() {
        return gamma;
    }

    Parameter beta() {
        return beta;
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
