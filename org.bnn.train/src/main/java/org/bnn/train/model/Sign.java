package org.bnn.train.model;

/**
 * The binary activation: +1 iff z ≥ 0 (sign(0) = +1, as the simulator). Backward is the
 * straight-through estimator of BinaryNet: the gradient passes where |z| ≤ 1 and is cancelled elsewhere.
 */
final class Sign extends ValueWise {
    private float[] input;

    Sign(int width) {
        super(width);
    }

    @Override
    float[] forward(float[] in, int batch, Mode mode) {
        input = in;
        float[] out = new float[batch * width];
        for (int i = 0; i < out.length; i++) {
            out[i] = in[i] >= 0 ? 1f : -1f;
        }
        return out;
    }

    @Override
    float[] backward(float[] outputGradient, int batch, boolean needInput) {
        float[] gradient = new float[batch * width];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = Math.abs(input[i]) <= 1f ? outputGradient[i] : 0f;
        }
        return gradient;
    }
}
