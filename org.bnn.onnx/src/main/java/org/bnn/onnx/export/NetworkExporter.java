package org.bnn.onnx.export;

import java.util.Arrays;
import java.util.List;

import org.bnn.onnx.model.Attributes;
import org.bnn.onnx.model.Tensor;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.LayerParameters;
import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.engine.OutputAffine;
import org.bnn.runtime.engine.Thresholds;
import org.bnn.runtime.engine.WeightLayer;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerGeometry;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Writes a network as standard ONNX (opset 13) that computes what the simulator computes, bit for bit
 * (docs/import.md, "Export"): the input is quantised as the simulator's encoder does (in double
 * precision), every dot product is a float32 Conv or MatMul of ±1 (or 0) weights with integer-valued
 * inputs, exact below 2^24, every hidden neuron compares that integer with its folded threshold
 * (the simulator's own, so batch norms and ties agree), and the classifier applies the periphery's
 * affine in double precision. Outputs: {@code scores} (double, N × classes) and {@code prediction}
 * (int64 argmax, lowest index on ties).
 */
public final class NetworkExporter {
    /** Float32 holds every integer up to 2^24: a layer's largest dot product must stay below. */
    private static final long EXACT_FLOAT_INTEGERS = 1L << 24;

    private final GraphWriter out;
    private final NetworkSpec spec;
    private final NetworkParameters parameters;
    private final BinaryNetwork network;

    private NetworkExporter(GraphProto.Builder graph, NetworkSpec spec, NetworkParameters parameters) {
        this.out = new GraphWriter(graph);
        this.spec = spec;
        this.parameters = parameters;
        this.network = BinaryNetwork.create(spec, parameters);
    }

    /**
     * The ONNX model of {@code spec} with {@code parameters}.
     *
     * @throws IllegalArgumentException if a dot product could exceed float32's exact integers
     */
    public static ModelProto export(NetworkSpec spec, NetworkParameters parameters, String producerVersion) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName(spec.name());
        new NetworkExporter(graph, spec, parameters).write(graph);
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("bnn export").setProducerVersion(producerVersion)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph)
                .setDocString("Network " + spec.name() + " exported by bnn export: input pixels in [0, 1] (N, C, H, W); outputs the"
                        + " class scores (double) and the predicted class; computes what the simulator computes, bit for bit.")
                .build();
    }

    private void write(GraphProto.Builder graph) {
        Shape in = spec.input().shape();
        boolean flat = in.height() == 1 && in.width() == 1; // a flat input is (N, D)
        graph.addInput(flat
                ? valueInfo("pixels", TensorProto.DataType.FLOAT, -1, in.channels())
                : valueInfo("pixels", TensorProto.DataType.FLOAT, -1, in.channels(), in.height(), in.width()));
        String x = encodeInput("pixels");
        List<LayerGeometry> geometry = spec.geometry();
        int weightLayer = 0;
        for (int i = 0; i < geometry.size(); i++) {
            LayerGeometry g = geometry.get(i);
            LayerSpec layer = g.layer();
            if (layer instanceof LayerSpec.Pool pool) {
                if (pool.kind() == PoolKind.MAX) {
                    x = out.node("MaxPool", pool.name(), List.of(x), Attributes.ints("kernel_shape", pool.size(), pool.size()),
                            Attributes.ints("strides", pool.stride(), pool.stride()));
                }
                continue; // an average pool is part of the conv before it
            }
            WeightLayer stage = network.weightLayer(weightLayer++);
            LayerParameters given = parameters.layer(layer.name()).orElseThrow();
            int window = 1;
            if (i + 1 < geometry.size() && geometry.get(i + 1).layer() instanceof LayerSpec.Pool pool && pool.kind() == PoolKind.AVG) {
                window = pool.size() * pool.size();
            }
            checkExact(g, stage, window);
            String a;
            if (layer instanceof LayerSpec.Conv conv) {
                a = conv(conv, g, given, x, stage.inputScale());
            } else {
                if (!flat) {
                    // The simulator flattens H, W, C: transpose NCHW to NHWC first, then flatten.
                    x = out.node("Transpose", layer.name(), List.of(x), Attributes.ints("perm", 0, 2, 3, 1));
                    x = out.node("Flatten", layer.name(), List.of(x), Attributes.integer("axis", 1));
                    flat = true;
                }
                a = out.node("MatMul", layer.name(), List.of(x, out.floats(layer.name() + "_weights", denseWeights(given))));
            }
            if (window > 1) {
                a = windowSum((LayerSpec.Pool) geometry.get(i + 1).layer(), g.fanOut(), a);
            }
            if (layer instanceof LayerSpec.Output) {
                scores(graph, stage.affine().orElseThrow(), a, layer.name());
                return;
            }
            x = threshold(stage, g, window, a, flat, layer.name());
        }
    }

    /** Input pixels in [0, 1] to the centred integers the first layer reads: 2q − S, or ±1 when binarized. */
    private String encodeInput(String pixels) {
        String x = out.node("Cast", "input", List.of(pixels), Attributes.integer("to", TensorProto.DataType.DOUBLE_VALUE));
        String signs;
        if (spec.input().encoding() instanceof InputEncoding.Binarize b) {
            String cond = out.node("GreaterOrEqual", "input", List.of(x, out.doubles("input_threshold", Tensor.scalar(b.threshold()))));
            signs = out.node("Where", "input",
                    List.of(cond, out.doubles("plus_one", Tensor.scalar(1)), out.doubles("minus_one", Tensor.scalar(-1))));
        } else {
            double levels = (1L << ((InputEncoding.BitSerial) spec.input().encoding()).bits()) - 1;
            // q = floor(x·S + ½) in double precision, as the simulator's encoder computes it; then 2q − S.
            String scaled = out.node("Mul", "input", List.of(x, out.doubles("levels", Tensor.scalar(levels))));
            String q = out.node("Floor", "input",
                    List.of(out.node("Add", "input", List.of(scaled, out.doubles("half", Tensor.scalar(0.5))))));
            signs = out.node("Sub", "input", List.of(out.node("Mul", "input", List.of(q, out.doubles("two", Tensor.scalar(2)))),
                    out.doubles("levels", Tensor.scalar(levels))));
        }
        return out.node("Cast", "input", List.of(signs), Attributes.integer("to", TensorProto.DataType.FLOAT_VALUE));
    }

    private String conv(LayerSpec.Conv conv, LayerGeometry g, LayerParameters given, String x, long inputScale) {
        String padded = x;
        int pad = conv.padding().amount();
        if (pad > 0) {
            // The simulator's border holds ±1 in every input plane: ±S in the centred scale of a bit-serial input.
            padded = out.node("Pad", conv.name(), List.of(x, out.longs(conv.name() + "_pads", 0, 0, pad, pad, 0, 0, pad, pad),
                    out.floats(conv.name() + "_pad_value", Tensor.scalar((double) conv.padding().value() * inputScale))));
        }
        int k = conv.kernel();
        int in = g.input().channels();
        WeightMatrix w = given.weights();
        double[] oihw = new double[conv.channels() * in * k * k];
        for (int o = 0; o < conv.channels(); o++) {
            for (int c = 0; c < in; c++) {
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        oihw[((o * in + c) * k + dy) * k + dx] = weight(given, w, o, (dy * k + dx) * in + c);
                    }
                }
            }
        }
        String weights = out.floats(conv.name() + "_weights", new Tensor(new long[] {conv.channels(), in, k, k}, oihw));
        return out.node("Conv", conv.name(), List.of(padded, weights), Attributes.ints("kernel_shape", k, k),
                Attributes.ints("strides", conv.stride(), conv.stride()));
    }

    /** (in, out) weights for x @ W. */
    private static Tensor denseWeights(LayerParameters given) {
        WeightMatrix w = given.weights();
        double[] inOut = new double[w.fanIn() * w.rows()];
        for (int r = 0; r < w.rows(); r++) {
            for (int j = 0; j < w.fanIn(); j++) {
                inOut[j * w.rows() + r] = weight(given, w, r, j);
            }
        }
        return new Tensor(new long[] {w.fanIn(), w.rows()}, inOut);
    }

    private static double weight(LayerParameters given, WeightMatrix w, int row, int j) {
        if (given.ternary() && !given.nonzero().bit(row, j)) {
            return 0;
        }
        return w.bit(row, j) ? 1 : -1;
    }

    /** The sum of each channel over an average pool's window: a grouped conv of ones, exact on integers. */
    private String windowSum(LayerSpec.Pool pool, int channels, String a) {
        int m = pool.size();
        double[] ones = new double[channels * m * m];
        Arrays.fill(ones, 1);
        return out.node("Conv", pool.name(),
                List.of(a, out.floats(pool.name() + "_ones", new Tensor(new long[] {channels, 1, m, m}, ones))),
                Attributes.ints("kernel_shape", m, m), Attributes.ints("strides", pool.stride(), pool.stride()),
                Attributes.integer("group", channels));
    }

    /**
     * The hidden layer's ±1 output from its integer pre-activation A (Σ w·x over the fan-in, summed over an
     * average pool's window): with the simulator's count V = (c·N + f·A)/2 (c = f·S·window, f = 2 for
     * ternary rows), V ≥ t ⇔ A ≥ (2t − c·N)/f, and V ≤ t ⇔ A ≤ (2t − c·N)/f. Written as d·A ≥ d·T with
     * d = ±1 per neuron, all in exact integers.
     */
    private String threshold(WeightLayer stage, LayerGeometry g, int window, String a, boolean flat, String name) {
        Thresholds t = stage.thresholds().orElseThrow();
        long f = stage.weights().fanIn() / g.fanIn();
        long c = f * stage.inputScale() * window;
        int neurons = t.neurons();
        double[] direction = new double[neurons];
        double[] bound = new double[neurons];
        for (int k = 0; k < neurons; k++) {
            long twice = 2 * t.threshold(k) - c * g.fanIn();
            direction[k] = t.atLeast(k) ? 1 : -1;
            // Thresholds beyond the reachable range are clamped: the comparison is the same, and float32 stays exact.
            double limit = Math.max(-EXACT_FLOAT_INTEGERS / 2.0, Math.min(EXACT_FLOAT_INTEGERS / 2.0, (double) twice / f));
            bound[k] = direction[k] * limit;
        }
        long[] shape = flat ? new long[] {neurons} : new long[] {neurons, 1, 1};
        String signed = out.node("Mul", name, List.of(a, out.floats(name + "_direction", new Tensor(shape, direction))));
        String fires = out.node("GreaterOrEqual", name, List.of(signed, out.floats(name + "_threshold", new Tensor(shape, bound))));
        return out.node("Where", name,
                List.of(fires, out.floats("plus_one", Tensor.scalar(1)), out.floats("minus_one", Tensor.scalar(-1))));
    }

    /** s_k = g_k·(a_k/S) + h_k in double precision, then the argmax (the first maximum, as the simulator's). */
    private void scores(GraphProto.Builder graph, OutputAffine affine, String a, String name) {
        int classes = affine.classes();
        double[] gain = new double[classes];
        double[] offset = new double[classes];
        for (int k = 0; k < classes; k++) {
            gain[k] = affine.gain(k);
            offset[k] = affine.offset(k);
        }
        long scale = network.weightLayer(network.weightLayerCount() - 1).inputScale();
        String x = out.node("Cast", name, List.of(a), Attributes.integer("to", TensorProto.DataType.DOUBLE_VALUE));
        if (scale != 1) {
            x = out.node("Div", name, List.of(x, out.doubles(name + "_scale", Tensor.scalar(scale))));
        }
        x = out.node("Mul", name, List.of(x, out.doubles(name + "_gain", Tensor.vector(gain))));
        out.nodeTo("Add", "scores", name, List.of(x, out.doubles(name + "_offset", Tensor.vector(offset))));
        out.nodeTo("ArgMax", "prediction", name, List.of("scores"), Attributes.integer("axis", 1), Attributes.integer("keepdims", 0));
        graph.addOutput(valueInfo("scores", TensorProto.DataType.DOUBLE, -1, classes));
        graph.addOutput(valueInfo("prediction", TensorProto.DataType.INT64, -1));
    }

    /** Refuses a layer whose dot products float32 could not hold exactly. */
    private static void checkExact(LayerGeometry g, WeightLayer stage, int window) {
        long largest = (long) g.fanIn() * stage.inputScale() * window;
        if (largest >= EXACT_FLOAT_INTEGERS) {
            throw new IllegalArgumentException("layer " + g.layer().name() + ": its dot products reach " + largest
                    + ", beyond float32's exact integers (2^24 = 16,777,216); the export cannot compute them exactly");
        }
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
