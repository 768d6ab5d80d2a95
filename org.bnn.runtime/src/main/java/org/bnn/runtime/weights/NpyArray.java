package org.bnn.runtime.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One NumPy array: a {@link NpyHeader} (type, shape, C order) and its elements as little-endian
 * bytes. Factories build the arrays a weight file holds; accessors convert the elements to Java
 * values whatever the stored type, so a file written by NumPy with float32 batch norm or int32
 * counts reads the same as one with float64 and int64.
 */
public final class NpyArray {
    private final NpyHeader header;
    private final byte[] data;

    /** An array of {@code header}'s type and shape over {@code data} (copied; length must match). */
    public NpyArray(NpyHeader header, byte[] data) {
        if (data.length != header.dataBytes()) {
            throw new IllegalArgumentException("an NPY array " + header + " needs " + header.dataBytes() + " bytes, got " + data.length);
        }
        this.header = header;
        this.data = data.clone();
    }

    /** Unsigned bytes of the given shape (e.g. bit-packed weights). */
    public static NpyArray ofUnsignedBytes(byte[] values, long... shape) {
        return new NpyArray(new NpyHeader(NpyType.UINT8, shape), values);
    }

    /** float64 values of the given shape. */
    public static NpyArray ofDoubles(double[] values, long... shape) {
        ByteBuffer buffer = buffer(values.length * 8L);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return new NpyArray(new NpyHeader(NpyType.FLOAT64, shape), buffer.array());
    }

    /** float32 values of the given shape. */
    public static NpyArray ofFloats(float[] values, long... shape) {
        ByteBuffer buffer = buffer(values.length * 4L);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return new NpyArray(new NpyHeader(NpyType.FLOAT32, shape), buffer.array());
    }

    /** int64 values of the given shape. */
    public static NpyArray ofLongs(long[] values, long... shape) {
        ByteBuffer buffer = buffer(values.length * 8L);
        for (long v : values) {
            buffer.putLong(v);
        }
        return new NpyArray(new NpyHeader(NpyType.INT64, shape), buffer.array());
    }

    /** An int64 scalar (shape ()). */
    public static NpyArray scalar(long value) {
        return ofLongs(new long[] {value});
    }

    /** A float64 scalar (shape ()). */
    public static NpyArray scalar(double value) {
        return ofDoubles(new double[] {value});
    }

    public NpyHeader header() {
        return header;
    }

    public NpyType type() {
        return header.type();
    }

    public long[] shape() {
        return header.shape();
    }

    /** Number of elements. */
    public int size() {
        return (int) header.elements();
    }

    /** The elements as stored: little-endian bytes in C order (a copy). */
    public byte[] bytes() {
        return data.clone();
    }

    /** The elements as doubles (every supported type converts exactly, except int64 beyond 2^53). */
    public double[] toDoubles() {
        if (!type().isFloat()) {
            return java.util.Arrays.stream(toLongs()).asDoubleStream().toArray();
        }
        double[] values = new double[size()];
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            values[i] = type() == NpyType.FLOAT32 ? in.getFloat() : in.getDouble();
        }
        return values;
    }

    /** The elements as integers; null if the type is floating point. */
    public long[] toLongs() {
        if (type().isFloat()) {
            return null;
        }
        long[] values = new long[size()];
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (type()) {
                case BOOL, UINT8 -> in.get() & 0xFF;
                case INT8 -> in.get();
                case INT32 -> in.getInt();
                default -> in.getLong();
            };
        }
        return values;
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray a && a.header.equals(header) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray " + header;
    }
}
