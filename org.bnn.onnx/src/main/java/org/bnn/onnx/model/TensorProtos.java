package org.bnn.onnx.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;

import com.google.protobuf.ByteString;

/** Converts ONNX {@code TensorProto}s to {@link Tensor}s and back (raw little-endian data or typed fields). */
public final class TensorProtos {
    private TensorProtos() {
    }

    /** The values of {@code proto}; {@code where} names it in errors. */
    public static Tensor read(TensorProto proto, String where) {
        if (proto.getExternalDataCount() > 0 || proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxFormatException(where + ": tensor " + proto.getName()
                    + " keeps its data in an external file; save the model with its data inside (onnx.save(model, f, save_as_external_data=False))");
        }
        long[] shape = new long[proto.getDimsCount()];
        long size = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = proto.getDims(i);
            if (shape[i] < 0 || (shape[i] > 0 && size > Integer.MAX_VALUE / shape[i])) {
                throw new OnnxFormatException(
                        where + ": tensor " + proto.getName() + " has an invalid or too large shape " + proto.getDimsList());
            }
            size *= shape[i];
        }
        int n = (int) size;
        DataType type = DataType.forNumber(proto.getDataType());
        if (type == null) {
            throw new OnnxFormatException(where + ": tensor " + proto.getName() + " has unknown data type " + proto.getDataType());
        }
        double[] values = proto.getRawData().isEmpty()
                ? typed(proto, type, n, where)
                : raw(proto.getRawData(), type, n, where, proto.getName());
        return new Tensor(shape, values);
    }

    private static double[] raw(ByteString data, DataType type, int n, String where, String name) {
        int width = width(type, where, name);
        if ((long) n * width != data.size()) {
            throw new OnnxFormatException(where + ": tensor " + name + " holds " + data.size() + " bytes, its shape and type need "
                    + (long) n * width);
        }
        ByteBuffer b = data.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case FLOAT -> b.getFloat();
                case DOUBLE -> b.getDouble();
                case INT64, UINT64 -> b.getLong();
                case INT32 -> b.getInt();
                case UINT32 -> Integer.toUnsignedLong(b.getInt());
                case INT16 -> b.getShort();
                case UINT16 -> Short.toUnsignedInt(b.getShort());
                case INT8 -> b.get();
                case UINT8, BOOL -> Byte.toUnsignedInt(b.get());
                default -> throw unsupported(type, where, name);
            };
        }
        return v;
    }

    private static double[] typed(TensorProto p, DataType type, int n, String where) {
        int count = switch (type) {
            case FLOAT -> p.getFloatDataCount();
            case DOUBLE -> p.getDoubleDataCount();
            case INT64 -> p.getInt64DataCount();
            case UINT32, UINT64 -> p.getUint64DataCount();
            case INT32, INT16, UINT16, INT8, UINT8, BOOL -> p.getInt32DataCount();
            default -> throw unsupported(type, where, p.getName());
        };
        if (count != n) {
            throw new OnnxFormatException(where + ": tensor " + p.getName() + " holds " + count + " values, its shape needs " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case FLOAT -> p.getFloatData(i);
                case DOUBLE -> p.getDoubleData(i);
                case INT64 -> p.getInt64Data(i);
                case UINT32, UINT64 -> p.getUint64Data(i);
                default -> p.getInt32Data(i);
            };
        }
        return v;
    }

    private static int width(DataType type, String where, String name) {
        return switch (type) {
            case DOUBLE, INT64, UINT64 -> 8;
            case FLOAT, INT32, UINT32 -> 4;
            case INT16, UINT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
            default -> throw unsupported(type, where, name);
        };
    }

    private static OnnxFormatException unsupported(DataType type, String where, String name) {
        return new OnnxFormatException(where + ": tensor " + name + " is of type " + type
                + "; constants of the supported graphs are float, double, integer or boolean");
    }

    /** A float32 tensor proto (weights and thresholds of an exported model). */
    public static TensorProto floats(String name, Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.values()) {
            b.putFloat((float) v);
        }
        return proto(name, t, DataType.FLOAT, b);
    }

    /** A float64 tensor proto (the output layer's affine, applied in double precision as the simulator does). */
    public static TensorProto doubles(String name, Tensor t) {
        ByteBuffer b = ByteBuffer.allocate(t.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : t.values()) {
            b.putDouble(v);
        }
        return proto(name, t, DataType.DOUBLE, b);
    }

    /** An int64 tensor proto (shapes, pads, axes). */
    public static TensorProto longs(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        double[] asDoubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            b.putLong(values[i]);
            asDoubles[i] = values[i];
        }
        return proto(name, Tensor.vector(asDoubles), DataType.INT64, b);
    }

    private static TensorProto proto(String name, Tensor t, DataType type, ByteBuffer data) {
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : t.shape()) {
            p.addDims(d);
        }
        return p.setRawData(ByteString.copyFrom(data.array())).build();
    }
}
