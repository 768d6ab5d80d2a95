package org.bnn.train.model;

/**
 * A trained tensor with its gradient and its optimiser state (Adam's first and second moments),
 * flat. Latent weights are clipped to [−1, 1] after every step (BinaryNet): beyond that their sign
 * could not flip back within a few steps, and the straight-through gradient would be cancelled anyway.
 */
public final class Parameter {
    private final String name;
    private final float[] value;
    private final float[] gradient;
    private final float[] firstMoment;
    private final float[] secondMoment;
    private final boolean clipped;

    Parameter(String name, int size, boolean clipped) {
        this.name = name;
        this.value = new float[size];
        this.gradient = new float[size];
        this.firstMoment = new float[size];
        this.secondMoment = new float[size];
        this.clipped = clipped;
    }

    /** "layer/field", the name in checkpoints. */
    public String name() {
        return name;
    }

    /** The values themselves (not a copy: the optimiser updates them in place). */
    public float[] value() {
        return value;
    }

    public float[] gradient() {
        return gradient;
    }

    public float[] firstMoment() {
        return firstMoment;
    }

    public float[] secondMoment() {
        return secondMoment;
    }

    /** True for latent weights (binary or ternary), which stay in [−1, 1]. */
    public boolean clipped() {
        return clipped;
    }

    public int size() {
        return value.length;
    }
}
