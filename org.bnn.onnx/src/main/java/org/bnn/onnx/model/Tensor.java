package org.bnn.onnx.model;

import java.util.Arrays;

/**
 * A constant tensor of an ONNX graph (an initializer, a Constant node or a folded subgraph): its shape
 * and its values as doubles, which hold every float32, int32 and boolean exactly and every int64 a
 * shape or index needs. Row-major (C order), as ONNX stores tensors.
 */
public record Tensor(long[] shape, double[] values) {
    public Tensor {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size + " values, not " + values.length);
        }
    }

    public static Tensor scalar(double value) {
        return new Tensor(new long[0], new double[] {value});
    }

    public static Tensor vector(double... values) {
        return new Tensor(new long[] {values.length}, values);
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return values.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    /** The single value of a one-element tensor (a scalar or a shape like [1] or [1, 1]). */
    public double scalarValue(String what) {
        if (values.length != 1) {
            throw new OnnxFormatException(what + " must be a single value, got shape " + Arrays.toString(shape));
        }
        return values[0];
    }

    /** The values as longs (shapes, axes, pads). */
    public long[] longs() {
        long[] result = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (long) values[i];
        }
        return result;
    }

    /** True if every value is v. */
    public boolean all(double v) {
        for (double x : values) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    /** The same values under another shape of the same size. */
    public Tensor reshaped(long... newShape) {
        return new Tensor(newShape, values);
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
