package org.bnn.onnx.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.model.OnnxModels;
import org.bnn.onnx.model.OnnxNode;
import org.bnn.onnx.model.Tensor;
import org.bnn.onnx.model.TensorProtos;
import org.bnn.runtime.spec.Shape;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/**
 * Reads a sequential binarized network from an ONNX model (docs/import.md): plain ONNX as PyTorch
 * exports it (Pad, Conv, Gemm/MatMul, BatchNormalization, Sign or GreaterOrEqual+Where, MaxPool,
 * AveragePool, Flatten/Reshape) and QONNX (BipolarQuant, FINN's MultiThreshold). Constant subgraphs
 * (the sign of a latent weight, computed pads) are evaluated first. Anything else is refused with one
 * line naming the node, its op type and what is supported.
 */
public final class NetworkImporter {
    /** What an import accepts, for the error on any other operator. */
    static final String SUPPORTED = "Pad, Conv, Gemm, MatMul, Add (bias), BatchNormalization, Sign, GreaterOrEqual+Where, BipolarQuant,"
            + " MultiThreshold, MaxPool, AveragePool, Flatten, Reshape, Identity, Dropout, Softmax, LogSoftmax, ArgMax";

    private final String file;
    private final int inputBits;
    private final Map<String, Value> values = new HashMap<>();
    private Chain chain;

    private NetworkImporter(String file, int inputBits) {
        this.file = file;
        this.inputBits = inputBits;
    }

    /**
     * The network in {@code file}, named {@code networkName}; a real-valued input is read bit-serially
     * with {@code inputBits} bits.
     *
     * @throws OnnxFormatException with one line naming the file, node and problem
     */
    public static ImportedNetwork importFile(Path file, String networkName, int inputBits) {
        ModelProto model = OnnxModels.read(file);
        return new NetworkImporter(String.valueOf(file), inputBits).read(model.getGraph(), networkName);
    }

    /** The network of an already parsed model ({@code file} only names it in errors). */
    public static ImportedNetwork importModel(ModelProto model, String file, String networkName, int inputBits) {
        return new NetworkImporter(file, inputBits).read(model.getGraph(), networkName);
    }

    private ImportedNetwork read(GraphProto graph, String networkName) {
        for (TensorProto init : graph.getInitializerList()) {
            values.put(init.getName(), new Value.Const(TensorProtos.read(init, file)));
        }
        ValueInfoProto input = dataInput(graph);
        chain = startChain(input);
        values.put(input.getName(), new Value.Activations(chain.step()));
        if (graph.getOutputCount() != 1) {
            throw new OnnxFormatException(
                    file + ": the graph has " + graph.getOutputCount() + " outputs; an import reads one (the scores)");
        }
        String output = graph.getOutput(0).getName();
        Set<String> live = liveNodes(graph, output);
        boolean tail = false;
        for (NodeProto proto : graph.getNodeList()) {
            if (proto.getOutputCount() == 0 || !live.contains(proto.getOutput(0))) {
                continue;
            }
            OnnxNode node = new OnnxNode(proto, file);
            try {
                tail = step(node, tail);
            } catch (IndexOutOfBoundsException | IllegalArgumentException | ArithmeticException | NegativeArraySizeException
                    | ClassCastException e) {
                // Malformed constants or shapes (an index out of range, a negative size, a batch norm with a negative ε)
                // found by the runtime's own checks: still one line that names the node.
                throw node.error("is malformed: " + e.getMessage());
            }
        }
        Value out = values.get(output);
        if (!(out instanceof Value.Activations a) || a.step() != chain.step()) {
            throw new OnnxFormatException(file + ": the graph's output " + output + " is not the network's last activations");
        }
        try {
            return chain.finish(file, networkName);
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(file + ": the network it describes is not one the simulator runs: " + e.getMessage());
        }
    }

    /** Evaluates one node; returns whether the scores are complete (a Softmax, LogSoftmax or ArgMax came). */
    private boolean step(OnnxNode node, boolean tail) {
        List<Value> in = inputs(node);
        Arity.check(node, in.size());
        if (in.stream().allMatch(v -> v == null || v instanceof Value.Const) && ConstantFolding.OPS.contains(node.op())) {
            List<Tensor> tensors = in.stream().map(v -> v == null ? null : ((Value.Const) v).tensor()).toList();
            values.put(node.output(), new Value.Const(ConstantFolding.evaluate(node, new ArrayList<>(tensors))));
            return tail;
        }
        if (tail) {
            if (!List.of("Softmax", "LogSoftmax", "ArgMax", "Identity").contains(node.op())) {
                throw node.error("comes after the classifier's scores; only Softmax, LogSoftmax or ArgMax may follow them");
            }
            values.put(node.output(), in.get(0));
            return true;
        }
        Value result = apply(node, in);
        if (result == null) { // Softmax, LogSoftmax or ArgMax: the scores are complete
            values.put(node.output(), in.get(0));
            return true;
        }
        values.put(node.output(), result);
        return false;
    }

    private ValueInfoProto dataInput(GraphProto graph) {
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        List<ValueInfoProto> data = graph.getInputList().stream().filter(i -> !initializers.contains(i.getName())).toList();
        if (data.size() != 1) {
            throw new OnnxFormatException(file + ": the graph has " + data.size() + " data inputs; an import reads one (the images)");
        }
        return data.get(0);
    }

    private Chain startChain(ValueInfoProto input) {
        String where = file + ": input " + input.getName();
        if (!input.getType().hasTensorType() || !input.getType().getTensorType().hasShape()) {
            throw new OnnxFormatException(where + " has no tensor shape; export with a fixed input shape (N, C, H, W) or (N, D)");
        }
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        long[] d = new long[dims.size()];
        for (int i = 1; i < d.length; i++) {
            if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() < 1) {
                throw new OnnxFormatException(
                        where + " has an unknown size in dimension " + i + "; only the batch dimension may be symbolic");
            }
            d[i] = dims.get(i).getDimValue();
        }
        String name = inputName(input.getName());
        return switch (d.length) {
            case 4 -> new Chain(name, new Shape((int) d[2], (int) d[3], (int) d[1]), false, inputBits);
            case 2 -> new Chain(name, Shape.flat((int) d[1]), true, inputBits);
            default ->
                throw new OnnxFormatException(where + " has rank " + d.length + "; an import reads (N, C, H, W) images or (N, D) vectors");
        };
    }

    /** The input's name if it is a .bnn name, else "pixels". */
    private static String inputName(String onnxName) {
        return onnxName.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") ? onnxName : "pixels";
    }

    /** Output names of the nodes the graph's output depends on (dead nodes are never read). */
    private static Set<String> liveNodes(GraphProto graph, String output) {
        Map<String, NodeProto> producers = new HashMap<>();
        graph.getNodeList().forEach(n -> n.getOutputList().forEach(o -> producers.put(o, n)));
        Set<String> live = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(output));
        while (!todo.isEmpty()) {
            NodeProto n = producers.get(todo.remove(todo.size() - 1));
            if (n != null && live.add(n.getOutput(0))) {
                todo.addAll(n.getInputList());
            }
        }
        return live;
    }

    private List<Value> inputs(OnnxNode node) {
        List<Value> in = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            Optional<String> name = node.input(i);
            if (name.isEmpty()) {
                in.add(null);
                continue;
            }
            Value v = values.get(name.get());
            if (v == null) {
                throw node.error("reads " + name.get()
                        + ", which no earlier node, initializer or input defines (nodes must be in topological order)");
            }
            in.add(v);
        }
        return in;
    }

    /** Applies one node that involves the activations; null for a final Softmax, LogSoftmax or ArgMax. */
    private Value apply(OnnxNode node, List<Value> in) {
        for (Value v : in) {
            if (v instanceof Value.Activations a && a.step() != chain.step()) {
                throw node.error(
                        "reads activations that another node already transformed; the simulator runs sequential networks (no branches or skip connections)");
            }
        }
        return switch (node.op()) {
            case "Identity", "Dropout" -> in.get(0);
            case "Shape" -> new Value.ActivationShape();
            case "ConstantOfShape" -> new Value.Fill(node.tensor("value").map(t -> t.scalarValue(node.where() + " value")).orElse(0.0));
            case "Neg" -> in.get(0) instanceof Value.Fill f ? new Value.Fill(-f.value()) : unsupported(node, "negates the activations");
            case "Cast" -> in.get(0) instanceof Value.Fill ? in.get(0) : unsupported(node, "casts the activations");
            case "Pad" -> pad(node, in);
            case "Conv" -> conv(node, in);
            case "Gemm" -> gemm(node, in);
            case "MatMul" -> matMul(node, in);
            case "Add", "Sub" -> bias(node, in);
            case "BatchNormalization" -> batchNorm(node, in);
            case "Sign" -> sign(node, in.get(0), 0, false, "Sign");
            case "BipolarQuant" -> bipolarQuant(node, in);
            case "GreaterOrEqual", "Greater" -> compare(node, in);
            case "Where" -> where(node, in);
            case "MultiThreshold" -> multiThreshold(node, in);
            case "MaxPool" -> pool(node, in, true);
            case "AveragePool" -> pool(node, in, false);
            case "Flatten" -> flatten(node, in);
            case "Reshape" -> reshape(node, in);
            case "Softmax", "LogSoftmax", "ArgMax" -> finalScores(node);
            case "Relu", "PRelu", "LeakyRelu", "HardTanh", "Clip", "Tanh", "Sigmoid" -> unsupported(node,
                    "is a real-valued activation; a binarized network's activations are signs (Sign, BipolarQuant or Where(x >= 0, 1, -1))");
            default -> unsupported(node, "is not supported");
        };
    }

    private <T> T unsupported(OnnxNode node, String problem) {
        throw node.error(problem + "; an import reads " + SUPPORTED);
    }

    private Value.Activations activations(OnnxNode node, Value v, String role) {
        if (v instanceof Value.Activations a) {
            return a;
        }
        throw node.error("needs the activations as its " + role + ", got a constant");
    }

    private Tensor constant(OnnxNode node, Value v, String role) {
        if (v instanceof Value.Const c) {
            return c.tensor();
        }
        throw node.error("needs a constant " + role + " (an initializer or a Constant), got one computed from the input");
    }

    private Value.Activations next() {
        return new Value.Activations(chain.step());
    }

    private Value pad(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        String mode = node.text("mode", "constant");
        if (!mode.equals("constant")) {
            throw node.error("pads in mode " + mode + "; a binarized network pads with a constant -1 or +1");
        }
        long[] pads = in.size() > 1 && in.get(1) != null ? constant(node, in.get(1), "pads").longs() : node.integers("pads");
        double value = in.size() > 2 && in.get(2) != null
                ? constant(node, in.get(2), "constant value").scalarValue(node.where() + " constant value")
                : node.real("value", 0);
        if (in.size() > 3 && in.get(3) != null) {
            throw node.error("pads selected axes; give pads for all four (N, C, H, W) axes");
        }
        if (pads.length != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0
                || pads[2] != pads[3] || pads[2] != pads[6] || pads[2] != pads[7] || pads[2] < 1) {
            throw node.error(
                    "pads " + Arrays.toString(pads) + "; the simulator pads H and W by the same amount on every side (and not N or C)");
        }
        chain.pad(node, (int) pads[2], value);
        return next();
    }

    private Value conv(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        Tensor w = constant(node, in.get(1), "weight");
        if (w.rank() != 4 || w.dim(2) != w.dim(3)) {
            throw node.error("has weights of shape " + w.shapeText() + "; the simulator's kernels are square (O, C, k, k)");
        }
        if (node.integer("group", 1) != 1) {
            throw node.error("is a grouped convolution (group=" + node.integer("group", 1)
                    + "); the simulator's convolutions read all input channels");
        }
        for (long d : node.integers("dilations", 1, 1)) {
            if (d != 1) {
                throw node.error("is dilated; the simulator's convolutions are not");
            }
        }
        long[] strides = node.integers("strides", 1, 1);
        if (strides.length != 2 || strides[0] != strides[1]) {
            throw node.error("has strides " + Arrays.toString(strides) + "; the simulator's strides are equal in H and W");
        }
        String autoPad = node.text("auto_pad", "NOTSET");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            throw node.error("pads automatically (" + autoPad + ") with 0; pad with -1 or +1 in a Pad node instead");
        }
        long zeroPads = Arrays.stream(node.integers("pads", 0, 0, 0, 0)).max().orElse(0);
        chain.conv(node, w.values(), (int) w.dim(0), (int) w.dim(1), (int) w.dim(2), (int) strides[0], (int) zeroPads);
        if (in.size() > 2 && in.get(2) != null) {
            chain.bias(node, constant(node, in.get(2), "bias").values());
        }
        return next();
    }

    private Value gemm(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "A");
        if (node.integer("transA", 0) != 0 || node.real("alpha", 1) != 1) {
            throw node.error("transposes or scales the activations (transA, alpha); export a plain x @ W^T");
        }
        Tensor w = constant(node, in.get(1), "weight");
        if (w.rank() != 2) {
            throw node.error("has weights of shape " + w.shapeText() + "; a dense layer's are 2-D");
        }
        Tensor rows = node.integer("transB", 0) != 0 ? w : ConstantFolding.transpose(w, new long[] {1, 0});
        chain.dense(node, rows.values(), (int) rows.dim(0), (int) rows.dim(1));
        if (in.size() > 2 && in.get(2) != null) {
            if (node.real("beta", 1) != 1) {
                throw node.error("scales its bias (beta); export beta = 1");
            }
            chain.bias(node, constant(node, in.get(2), "bias").values());
        }
        return next();
    }

    private Value matMul(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "first input (x @ W)");
        Tensor w = constant(node, in.get(1), "weight");
        if (w.rank() != 2) {
            throw node.error("has weights of shape " + w.shapeText() + "; a dense layer's are 2-D (in, out)");
        }
        Tensor rows = ConstantFolding.transpose(w, new long[] {1, 0});
        chain.dense(node, rows.values(), (int) rows.dim(0), (int) rows.dim(1));
        return next();
    }

    private Value bias(OnnxNode node, List<Value> in) {
        boolean activationsFirst = in.get(0) instanceof Value.Activations;
        activations(node, activationsFirst ? in.get(0) : in.get(1), "input");
        if (node.op().equals("Sub") && !activationsFirst) {
            throw node.error("subtracts the activations from a constant; only x - b (a bias) is supported");
        }
        Tensor b = constant(node, activationsFirst ? in.get(1) : in.get(0), "bias");
        double[] values = channelValues(node, b);
        if (node.op().equals("Sub")) {
            values = Arrays.stream(values).map(v -> -v).toArray();
        }
        chain.bias(node, values);
        return next();
    }

    /** A per-channel constant as C values: (C) or (1, C) after a dense layer, (C, 1, 1) or (1, C, 1, 1) after a conv, or one value. */
    private double[] channelValues(OnnxNode node, Tensor t) {
        int c = chain.channels();
        if (t.size() == 1) {
            double[] all = new double[c];
            Arrays.fill(all, t.values()[0]);
            return all;
        }
        long[] s = t.shape();
        boolean perChannel = chain.isFlat()
                ? (s.length == 1 || (s.length == 2 && s[0] == 1))
                : (s.length == 3 && s[1] == 1 && s[2] == 1) || (s.length == 4 && s[0] == 1 && s[2] == 1 && s[3] == 1);
        if (!perChannel) {
            throw node.error("adds a constant of shape " + t.shapeText() + "; a bias has one value per channel"
                    + (chain.isFlat() ? " (C) or (1, C)" : " (C, 1, 1) or (1, C, 1, 1)"));
        }
        return t.values();
    }

    private Value batchNorm(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        if (node.integer("training_mode", 0) != 0) {
            throw node.error("is in training mode; export the model in eval() mode (running statistics)");
        }
        chain.batchNorm(node, constant(node, in.get(1), "scale").values(), constant(node, in.get(2), "bias").values(),
                constant(node, in.get(3), "mean").values(), constant(node, in.get(4), "variance").values(), node.real("epsilon", 1e-5));
        return next();
    }

    private Value sign(OnnxNode node, Value x, double threshold, boolean strict, String how) {
        activations(node, x, "input");
        if (strict) {
            chain.note("a sign written x > t (" + how
                    + ") makes x = t a -1; the simulator's sign makes it +1: an exact tie reads differently");
        }
        if (how.equals("Sign")) {
            chain.note(
                    "ONNX's Sign(0) is 0, the simulator's sign(0) is +1: an exact zero pre-activation (rare with a real-valued batch norm) reads differently");
        }
        if (chain.kind() == Chain.Kind.REAL) {
            chain.binarizeInput(node, threshold);
        } else {
            chain.sign(node, threshold);
        }
        return next();
    }

    private Value bipolarQuant(OnnxNode node, List<Value> in) {
        double scale = constant(node, in.get(1), "scale").scalarValue(node.where() + " scale");
        if (scale != 1) {
            throw node.error("scales its ±1 output by " + scale + "; an import reads BipolarQuant with scale 1 on activations");
        }
        return sign(node, in.get(0), 0, false, "BipolarQuant");
    }

    private Value compare(OnnxNode node, List<Value> in) {
        Value.Activations a = activations(node, in.get(0), "first input (x >= t)");
        double t = constant(node, in.get(1), "threshold").scalarValue(node.where() + " threshold");
        return new Value.Comparison(a, t, node.op().equals("Greater"));
    }

    private Value where(OnnxNode node, List<Value> in) {
        if (!(in.get(0) instanceof Value.Comparison c) || scalar(in.get(1)) != 1 || scalar(in.get(2)) != -1) {
            throw node.error("is not a sign; an import reads Where(x >= t, 1, -1) of the activations");
        }
        return sign(node, c.of(), c.threshold(), c.strict(), node.op());
    }

    private static double scalar(Value v) {
        if (v instanceof Value.Fill f) {
            return f.value();
        }
        if (v instanceof Value.Const c && c.tensor().size() >= 1 && c.tensor().all(c.tensor().values()[0])) {
            return c.tensor().values()[0];
        }
        return Double.NaN;
    }

    private Value multiThreshold(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        Tensor t = constant(node, in.get(1), "thresholds");
        if (t.rank() != 2 || t.dim(1) != 1) {
            throw node.error("has thresholds of shape " + t.shapeText() + "; a binarized layer has one threshold per channel (C, 1)");
        }
        if (node.real("out_scale", 1) != 2 || node.real("out_bias", 0) != -1) {
            throw node.error("outputs " + node.real("out_bias", 0) + " + " + node.real("out_scale", 1)
                    + " * [x >= t]; a sign needs out_scale 2 and out_bias -1");
        }
        String layout = node.text("data_layout", "NCHW");
        if (!layout.equals("NCHW") && !layout.equals("NC")) {
            throw node.error("has data layout " + layout + "; an import reads NCHW");
        }
        chain.thresholds(node, t.values());
        return next();
    }

    private Value pool(OnnxNode node, List<Value> in, boolean max) {
        activations(node, in.get(0), "data");
        long[] kernel = node.integers("kernel_shape");
        if (kernel.length != 2 || kernel[0] != kernel[1]) {
            throw node.error("has window " + Arrays.toString(kernel) + "; the simulator's pools are square");
        }
        long[] strides = node.integers("strides", 1, 1);
        if (strides.length != 2 || strides[0] != strides[1]) {
            throw node.error("has strides " + Arrays.toString(strides) + "; the simulator's strides are equal in H and W");
        }
        if (Arrays.stream(node.integers("pads", 0, 0, 0, 0)).anyMatch(p -> p != 0) || node.integer("ceil_mode", 0) != 0
                || Arrays.stream(node.integers("dilations", 1, 1)).anyMatch(d -> d != 1)
                || !node.text("auto_pad", "NOTSET").equals("NOTSET") && !node.text("auto_pad", "NOTSET").equals("VALID")) {
            throw node.error("pads, dilates or rounds its windows up; the simulator's pools are unpadded with floor rounding");
        }
        if (max) {
            chain.maxPool(node, (int) kernel[0], (int) strides[0]);
        } else {
            chain.averagePool(node, (int) kernel[0], (int) strides[0]);
        }
        return next();
    }

    private Value flatten(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        if (node.integer("axis", 1) != 1) {
            throw node.error("flattens from axis " + node.integer("axis", 1) + "; an import reads Flatten(axis=1)");
        }
        chain.flatten(node);
        return next();
    }

    private Value reshape(OnnxNode node, List<Value> in) {
        activations(node, in.get(0), "data");
        long[] shape = constant(node, in.get(1), "shape").longs();
        boolean toVector = shape.length == 2 && (shape[1] == -1 || shape[1] == chain.features());
        if (!toVector) {
            throw node.error("reshapes to " + Arrays.toString(shape) + "; an import reads only a flatten to (N, -1)");
        }
        chain.flatten(node);
        return next();
    }

    private Value finalScores(OnnxNode node) {
        if (node.op().equals("ArgMax") && node.integer("select_last_index", 0) != 0) {
            throw node.error("picks the last maximum; the simulator predicts the lowest index on ties");
        }
        long axis = node.integer("axis", node.op().equals("ArgMax") ? 0 : -1);
        if (axis != 1 && axis != -1) {
            throw node.error("works on axis " + axis + "; the classes are axis 1");
        }
        chain.note(node.op() + " after the scores is left out: the simulator predicts the argmax of the scores, which it does not change");
        return null;
    }
}
