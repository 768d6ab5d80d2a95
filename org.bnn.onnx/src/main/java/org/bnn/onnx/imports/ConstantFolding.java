package org.bnn.onnx.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.bnn.onnx.model.OnnxNode;
import org.bnn.onnx.model.Tensor;

/**
 * Evaluates the nodes of a graph whose inputs are all constant: what PyTorch's exporter leaves unfolded
 * around a BNN (the sign of a latent weight, the pads of {@code F.pad} computed by
 * ConstantOfShape/Concat/Reshape/Slice/Transpose/Cast, transposed weights). Shapes and values follow
 * the ONNX operator definitions, with numpy broadcasting.
 */
final class ConstantFolding {
    /** Operators this class evaluates on constant inputs. */
    static final Set<String> OPS = Set.of("Constant", "Identity", "Cast", "Reshape", "Transpose", "Concat", "Slice", "Unsqueeze",
            "Squeeze", "ConstantOfShape", "Neg", "Abs", "Sign", "Not", "GreaterOrEqual", "Greater", "Less", "LessOrEqual", "Equal", "Where",
            "Shape", "Mul", "Add", "Sub", "Div", "Flatten", "BipolarQuant");

    private ConstantFolding() {
    }

    /** The value of {@code node} (one output) given its constant inputs (null for an omitted optional input). */
    static Tensor evaluate(OnnxNode node, List<Tensor> in) {
        return switch (node.op()) {
            case "Constant" -> node.tensor("value").orElseGet(() -> constantAttribute(node));
            case "Identity" -> in.get(0);
            case "Cast" -> cast(node, in.get(0));
            case "Reshape" -> reshape(node, in.get(0), in.get(1).longs());
            case "Flatten" -> flatten(node, in.get(0));
            case "Transpose" -> transpose(in.get(0), node.integers("perm"));
            case "Concat" -> concat(node, in);
            case "Slice" -> slice(node, in);
            case "Unsqueeze" -> unsqueeze(node, in.get(0), in.size() > 1 && in.get(1) != null ? in.get(1).longs() : node.integers("axes"));
            case "Squeeze" -> squeeze(node, in.get(0), in.size() > 1 && in.get(1) != null ? in.get(1).longs() : node.integers("axes"));
            case "ConstantOfShape" -> constantOfShape(node, in.get(0));
            case "Shape" -> shapeOf(in.get(0));
            case "Neg" -> map(in.get(0), v -> -v);
            case "Abs" -> map(in.get(0), Math::abs);
            case "Sign" -> map(in.get(0), Math::signum);
            case "Not" -> map(in.get(0), v -> v == 0 ? 1 : 0);
            case "BipolarQuant" -> broadcast(node, in.get(0), in.get(1), (x, s) -> (x >= 0 ? 1 : -1) * s);
            case "GreaterOrEqual" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a >= b ? 1 : 0);
            case "Greater" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a > b ? 1 : 0);
            case "LessOrEqual" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a <= b ? 1 : 0);
            case "Less" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a < b ? 1 : 0);
            case "Equal" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a == b ? 1 : 0);
            case "Mul" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a * b);
            case "Add" -> broadcast(node, in.get(0), in.get(1), Double::sum);
            case "Sub" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a - b);
            case "Div" -> broadcast(node, in.get(0), in.get(1), (a, b) -> a / b);
            case "Where" -> where(node, in.get(0), in.get(1), in.get(2));
            default -> throw node.error("cannot be evaluated on constants");
        };
    }

    private static Tensor constantAttribute(OnnxNode node) {
        if (node.has("value_float")) {
            return Tensor.scalar(node.real("value_float", 0));
        }
        if (node.has("value_int")) {
            return Tensor.scalar(node.integer("value_int", 0));
        }
        if (node.has("value_ints")) {
            return Tensor.vector(Arrays.stream(node.integers("value_ints")).asDoubleStream().toArray());
        }
        throw node.error("a Constant needs a value, value_float, value_int or value_ints attribute");
    }

    private static Tensor cast(OnnxNode node, Tensor x) {
        int to = (int) node.integer("to", 1);
        DoubleUnaryOperator f = switch (to) {
            case 1 -> v -> (float) v; // FLOAT
            case 11 -> v -> v; // DOUBLE
            case 9 -> v -> v != 0 ? 1 : 0; // BOOL
            case 2, 3, 4, 5, 6, 7, 12, 13 -> v -> (double) (long) v; // integers truncate toward zero
            default -> throw node.error("casts to type " + to + "; constants are cast to float, double, integers or bool");
        };
        return map(x, f);
    }

    private static Tensor map(Tensor x, DoubleUnaryOperator f) {
        double[] v = new double[x.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(x.values()[i]);
        }
        return new Tensor(x.shape(), v);
    }

    private static Tensor reshape(OnnxNode node, Tensor x, long[] target) {
        long[] shape = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0) {
                if (i >= x.rank()) {
                    throw node.error("reshape keeps dimension " + i + " of a rank-" + x.rank() + " tensor");
                }
                shape[i] = x.dim(i);
            }
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw node.error("reshape to " + Arrays.toString(target) + " has two -1 dimensions");
                }
                unknown = i;
            } else {
                known *= shape[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw node.error("cannot reshape " + x.shapeText() + " to " + Arrays.toString(target));
            }
            shape[unknown] = x.size() / known;
        }
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != x.size()) {
            throw node.error("cannot reshape " + x.shapeText() + " to " + Arrays.toString(target));
        }
        return x.reshaped(shape);
    }

    private static Tensor flatten(OnnxNode node, Tensor x) {
        int axis = (int) normalAxis(node, node.integer("axis", 1), x.rank() + 1);
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= x.dim(i);
        }
        return x.reshaped(outer, outer == 0 ? 0 : x.size() / outer);
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= shape[i];
        }
        return s;
    }

    static Tensor transpose(Tensor x, long[] perm) {
        int rank = x.rank();
        long[] p = perm.length == 0 ? reversed(rank) : perm;
        long[] in = strides(x.shape());
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = x.dim((int) p[i]);
        }
        double[] v = new double[x.size()];
        long[] index = new long[rank];
        for (int o = 0; o < v.length; o++) {
            long offset = 0;
            for (int i = 0; i < rank; i++) {
                offset += index[i] * in[(int) p[i]];
            }
            v[o] = x.values()[(int) offset];
            for (int i = rank - 1; i >= 0 && ++index[i] == shape[i]; i--) {
                index[i] = 0;
            }
        }
        return new Tensor(shape, v);
    }

    private static long[] reversed(int rank) {
        long[] p = new long[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = rank - 1 - i;
        }
        return p;
    }

    private static Tensor concat(OnnxNode node, List<Tensor> in) {
        Tensor first = in.get(0);
        int axis = (int) normalAxis(node, node.integer("axis", 0), first.rank());
        long[] shape = first.shape().clone();
        shape[axis] = 0;
        for (Tensor t : in) {
            if (t.rank() != first.rank()) {
                throw node.error("concatenates tensors of different ranks");
            }
            shape[axis] += t.dim(axis);
        }
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        int at = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor t : in) {
                int block = (int) (t.size() / Math.max(1, outer));
                System.arraycopy(t.values(), (int) o * block, v, at, block);
                at += block;
            }
        }
        return new Tensor(shape, v);
    }

    private static Tensor slice(OnnxNode node, List<Tensor> in) {
        Tensor x = in.get(0);
        long[] starts = in.get(1).longs();
        long[] ends = in.get(2).longs();
        long[] axes = in.size() > 3 && in.get(3) != null ? in.get(3).longs() : range(starts.length);
        long[] steps = in.size() > 4 && in.get(4) != null ? in.get(4).longs() : filled(starts.length, 1);
        int rank = x.rank();
        long[] first = new long[rank];
        long[] step = filled(rank, 1);
        long[] shape = x.shape().clone();
        for (int i = 0; i < axes.length; i++) {
            int a = (int) normalAxis(node, axes[i], rank);
            long d = x.dim(a);
            long s = steps[i];
            if (s == 0) {
                throw node.error("slices with step 0");
            }
            long start = clampIndex(starts[i], d, s);
            long end = clampIndex(ends[i], d, s);
            first[a] = start;
            step[a] = s;
            shape[a] = s > 0 ? Math.max(0, (end - start + s - 1) / s) : Math.max(0, (start - end - s - 1) / -s);
        }
        long[] in_strides = strides(x.shape());
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        long[] index = new long[rank];
        for (int o = 0; o < v.length; o++) {
            long offset = 0;
            for (int i = 0; i < rank; i++) {
                offset += (first[i] + index[i] * step[i]) * in_strides[i];
            }
            v[o] = x.values()[(int) offset];
            for (int i = rank - 1; i >= 0 && ++index[i] == shape[i]; i--) {
                index[i] = 0;
            }
        }
        return new Tensor(shape, v);
    }

    /** ONNX Slice's clamping of a start or end index (negative counts from the end). */
    private static long clampIndex(long i, long d, long step) {
        long j = i < 0 ? i + d : i;
        return step > 0 ? Math.max(0, Math.min(d, j)) : Math.max(-1, Math.min(d - 1, j));
    }

    private static long[] range(int n) {
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static long[] filled(int n, long value) {
        long[] r = new long[n];
        Arrays.fill(r, value);
        return r;
    }

    private static Tensor unsqueeze(OnnxNode node, Tensor x, long[] axes) {
        int rank = x.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            inserted[(int) normalAxis(node, a, rank)] = true;
        }
        long[] shape = new long[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            shape[i] = inserted[i] ? 1 : x.dim(j++);
        }
        return x.reshaped(shape);
    }

    private static Tensor squeeze(OnnxNode node, Tensor x, long[] axes) {
        boolean[] removed = new boolean[x.rank()];
        for (int i = 0; i < x.rank(); i++) {
            removed[i] = axes.length == 0 && x.dim(i) == 1;
        }
        for (long a : axes) {
            int i = (int) normalAxis(node, a, x.rank());
            if (x.dim(i) != 1) {
                throw node.error("squeezes axis " + i + " of size " + x.dim(i));
            }
            removed[i] = true;
        }
        return x.reshaped(java.util.stream.IntStream.range(0, x.rank()).filter(i -> !removed[i]).mapToLong(x::dim).toArray());
    }

    private static Tensor constantOfShape(OnnxNode node, Tensor shape) {
        double value = node.tensor("value").map(t -> t.scalarValue(node.where() + " value")).orElse(0.0);
        long[] s = shape.longs();
        double[] v = new double[(int) Arrays.stream(s).reduce(1, (a, b) -> a * b)];
        Arrays.fill(v, value);
        return new Tensor(s, v);
    }

    private static Tensor shapeOf(Tensor x) {
        return Tensor.vector(Arrays.stream(x.shape()).asDoubleStream().toArray());
    }

    private static long normalAxis(OnnxNode node, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw node.error("axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    private static Tensor broadcast(OnnxNode node, Tensor a, Tensor b, DoubleBinaryOperator f) {
        long[] shape = broadcastShape(node, a.shape(), b.shape());
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        int[] ia = indexMap(a.shape(), shape);
        int[] ib = indexMap(b.shape(), shape);
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(a.values()[ia[i]], b.values()[ib[i]]);
        }
        return new Tensor(shape, v);
    }

    private static Tensor where(OnnxNode node, Tensor c, Tensor a, Tensor b) {
        long[] shape = broadcastShape(node, broadcastShape(node, c.shape(), a.shape()), b.shape());
        double[] v = new double[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        int[] ic = indexMap(c.shape(), shape);
        int[] ia = indexMap(a.shape(), shape);
        int[] ib = indexMap(b.shape(), shape);
        for (int i = 0; i < v.length; i++) {
            v[i] = c.values()[ic[i]] != 0 ? a.values()[ia[i]] : b.values()[ib[i]];
        }
        return new Tensor(shape, v);
    }

    /** Numpy broadcasting of two shapes. */
    static long[] broadcastShape(OnnxNode node, long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw node.error("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
            }
            shape[i] = da == 1 ? db : da;
        }
        return shape;
    }

    /** For each element of {@code out}, the index of the element of a tensor of shape {@code in} broadcast to it. */
    private static int[] indexMap(long[] in, long[] out) {
        int size = (int) Arrays.stream(out).reduce(1, (p, q) -> p * q);
        int[] map = new int[size];
        long[] inStrides = strides(in);
        int shift = out.length - in.length;
        long[] index = new long[out.length];
        for (int o = 0; o < size; o++) {
            long offset = 0;
            for (int i = 0; i < in.length; i++) {
                offset += (in[i] == 1 ? 0 : index[i + shift]) * inStrides[i];
            }
            map[o] = (int) offset;
            for (int i = out.length - 1; i >= 0 && ++index[i] == out[i]; i--) {
                index[i] = 0;
            }
        }
        return map;
    }
}
