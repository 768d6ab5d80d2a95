package org.bnn.train.optim;

import java.util.List;

import org.bnn.train.kernel.Workers;
import org.bnn.train.model.Parameter;

/**
 * Adam (Kingma and Ba, 2015) with β1 = 0.9, β2 = 0.999, ε = 1e-8, in single precision, element by
 * element in fixed chunks (so the result does not depend on the threads), followed by BinaryNet's
 * clipping of latent weights to [−1, 1]. Gradients are cleared after the step.
 */
public final class Adam {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final int CHUNK = 1 << 16;
    private final Workers workers;
    private long steps;

    public Adam(Workers workers, long steps) {
        this.workers = workers;
        this.steps = steps;
    }

    /** Steps taken so far (part of a checkpoint: the bias correction depends on it). */
    public long steps() {
        return steps;
    }

    public void step(List<Parameter> parameters, double learningRate) {
        steps++;
        float correction1 = (float) (1 - Math.pow(BETA1, steps));
        float correction2 = (float) (1 - Math.pow(BETA2, steps));
        float rate = (float) learningRate;
        for (Parameter p : parameters) {
            float[] value = p.value();
            float[] gradient = p.gradient();
            float[] m = p.firstMoment();
            float[] v = p.secondMoment();
            boolean clip = p.clipped();
            workers.forChunks(value.length, CHUNK, (from, to) -> {
                for (int i = from; i < to; i++) {
                    float g = gradient[i];
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                    float update = rate * (m[i] / correction1) / ((float) Math.sqrt(v[i] / correction2) + EPSILON);
                    float next = value[i] - update;
                    value[i] = clip ? Math.max(-1f, Math.min(1f, next)) : next;
                    gradient[i] = 0f;
                }
            });
        }
    }
}
