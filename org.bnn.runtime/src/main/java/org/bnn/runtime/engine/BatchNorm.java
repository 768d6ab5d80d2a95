package org.bnn.runtime.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Inference-time batch norm of one layer's neurons, as a trainer exports it: per neuron k the
 * scale γ_k, shift β_k, running mean μ_k and running variance var_k, and one ε for the layer.
 * With σ_k = √(var_k + ε) a neuron's normalised value is γ_k·(ā − μ_k)/σ_k + β_k, where ā is its
 * pre-activation in the network's [−1, 1] scale (see {@link LayerParameters}). A hidden neuron
 * outputs +1 iff that value is ≥ 0 (sign(0) = +1); the output layer keeps it as the class score.
 */
public record BatchNorm(double[] gamma, double[] beta, double[] mean, double[] variance, double epsilon) implements Serializable {
    public BatchNorm {
        gamma = finite("gamma", gamma);
        beta = finite("beta", beta);
        mean = finite("mean", mean);
        variance = finite("variance", variance);
        int neurons = gamma.length;
        sameLength("beta", beta, neurons);
        sameLength("mean", mean, neurons);
        sameLength("variance", variance, neurons);
        if (!(epsilon >= 0.0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("BatchNorm.epsilon must be finite and non-negative, got " + epsilon);
        }
        for (int k = 0; k < neurons; k++) {
            if (variance[k] < 0.0) {
                throw new IllegalArgumentException("BatchNorm.variance[" + k + "] must be non-negative, got " + variance[k]);
            }
            double sigma = Math.sqrt(variance[k] + epsilon);
            if (!(sigma > 0.0 && sigma < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("BatchNorm.variance[" + k + "] + epsilon must be positive and finite, got "
                        + variance[k] + " + " + epsilon);
            }
        }
    }

    /** γ = 1, β = 0, μ = 0, var = 1, ε = 0: the plain sign activation (or the raw score ā). */
    public static BatchNorm identity(int neurons) {
        double[] ones = new double[neurons];
        Arrays.fill(ones, 1.0);
        double[] zeros = new double[neurons];
        return new BatchNorm(ones, zeros, zeros, ones, 0.0);
    }

    /** Number of neurons. */
    public int neurons() {
        return gamma.length;
    }

    /** σ_k = √(var_k + ε). */
    public double sigma(int k) {
        return Math.sqrt(variance[k] + epsilon);
    }

    /**
     * The normalised value γ_k·(ā − μ_k)/σ_k + β_k, evaluated in double precision in exactly this
     * order; the threshold fold reproduces its sign bit for bit.
     */
    public double normalise(int k, double preActivation) {
        return gamma[k] * (preActivation - mean[k]) / sigma(k) + beta[k];
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    double gamma(int k) {
        return gamma[k];
    }

    double beta(int k) {
        return beta[k];
    }

    double mean(int k) {
        return mean[k];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatchNorm b && Arrays.equals(b.gamma, gamma) && Arrays.equals(b.beta, beta)
                && Arrays.equals(b.mean, mean) && Arrays.equals(b.variance, variance)
                && Double.compare(b.epsilon, epsilon) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(gamma), Arrays.hashCode(beta), Arrays.hashCode(mean),
            Arrays.hashCode(variance), Double.hashCode(epsilon)});
    }

    @Override
    public String toString() {
        return "BatchNorm[" + gamma.length + " neurons, epsilon " + epsilon + "]";
    }

    private static double[] finite(String field, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("BatchNorm." + field + " is required, got null");
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("BatchNorm." + field + "[" + k + "] must be finite, got " + values[k]);
            }
        }
        return values.clone();
    }

    private static void sameLength(String field, double[] values, int neurons) {
        if (values.length != neurons) {
            throw new IllegalArgumentException("BatchNorm." + field + " has " + values.length + " values, gamma has " + neurons);
        }
    }
}
