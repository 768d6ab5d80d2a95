package org.bnn.onnx.imports;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.model.OnnxNode;
import org.bnn.runtime.engine.BatchNorm;
import org.bnn.runtime.spec.Shape;

import ai.onnx.proto.OnnxMl.NodeProto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

/**
 * Reads a sequential binarized network from a Keras HDF5 file saved by Larq (docs/import.md, "Larq"):
 * the architecture from the file's {@code model_config} JSON, the weights from {@code model_weights},
 * through the pure-Java HDF5 reader jHDF. Larq expresses a layer's sign as the next layer's
 * {@code input_quantizer}; its sign quantizers (ste_sign, approx_sign, swish_sign) all give +1 at 0,
 * as the simulator does. The same {@link Chain} as the ONNX import checks every step.
 */
public final class LarqModelImporter {
    /** Larq quantizers that binarize with sign(0) = +1, by their string and class names. */
    private static final Set<String> SIGNS = Set.of("ste_sign", "approx_sign", "swish_sign", "SteSign", "ApproxSign", "SwishSign");
    /** What an import reads, for the error on any other layer. */
    static final String SUPPORTED = "InputLayer, Flatten, QuantDense, QuantConv2D, Dense, Conv2D (with ±1 weights), BatchNormalization,"
            + " MaxPooling2D, AveragePooling2D, Dropout, Activation (softmax or linear last)";

    private final String file;
    private Chain chain;

    private LarqModelImporter(String file) {
        this.file = file;
    }

    /**
     * The network in the Keras/Larq HDF5 file {@code file}, named {@code networkName}.
     *
     * @throws OnnxFormatException with one line naming the file, layer and problem
     */
    public static ImportedNetwork importFile(Path file, String networkName, int inputBits) {
        if (!Files.isRegularFile(file)) {
            throw new OnnxFormatException(file + ": " + (Files.isDirectory(file) ? "is a folder; name the .h5 file" : "no such file"));
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return new LarqModelImporter(String.valueOf(file)).read(hdf, networkName, inputBits);
        } catch (HdfException e) {
            throw new OnnxFormatException(file + ": not a readable HDF5 file (" + e.getMessage() + ")");
        }
    }

    private ImportedNetwork read(HdfFile hdf, String networkName, int inputBits) {
        JsonNode config = modelConfig(hdf);
        JsonNode layers = config.path("config").path("layers");
        if (!config.path("class_name").asText().equals("Sequential") || !layers.isArray() || layers.isEmpty()) {
            throw new OnnxFormatException(file + ": the model is a " + config.path("class_name").asText("?")
                    + "; an import reads Keras Sequential models (one chain of layers)");
        }
        Node weights = hdf.getChild("model_weights");
        if (!(weights instanceof Group weightGroups)) {
            throw new OnnxFormatException(file + ": has no model_weights group; save the model with model.save(\"model.h5\")");
        }
        for (int i = 0; i < layers.size(); i++) {
            JsonNode layer = layers.get(i);
            JsonNode c = layer.path("config");
            if (chain == null) {
                chain = startChain(layer, inputBits);
                if (layer.path("class_name").asText().equals("InputLayer")) {
                    continue;
                }
            }
            try {
                layer(layer.path("class_name").asText(), c, weightGroups, i == layers.size() - 1);
            } catch (IndexOutOfBoundsException | IllegalArgumentException | NullPointerException | ClassCastException | ArithmeticException
                    | NegativeArraySizeException | HdfException e) {
                // A configuration or weight that does not have the form Keras writes: one line naming the layer.
                throw node(layer.path("class_name").asText(), c).error("is malformed: " + e.getMessage());
            }
        }
        try {
            return chain.finish(file, networkName);
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(file + ": the network it describes is not one the simulator runs: " + e.getMessage());
        }
    }

    private JsonNode modelConfig(HdfFile hdf) {
        Attribute attribute = hdf.getAttribute("model_config");
        if (attribute == null) {
            throw new OnnxFormatException(file + ": has no model_config attribute; not a Keras model saved as HDF5");
        }
        Object data = attribute.getData();
        String json = data instanceof String s ? s : data instanceof String[] a && a.length == 1 ? a[0] : String.valueOf(data);
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new OnnxFormatException(file + ": its model_config is not JSON (" + e.getMessage() + ")");
        }
    }

    private Chain startChain(JsonNode layer, int inputBits) {
        JsonNode shape = layer.path("config").path("batch_input_shape");
        if (!shape.isArray() || shape.size() < 2) {
            throw new OnnxFormatException(file + ": the first layer states no batch_input_shape; build the model with an input shape");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < shape.size(); i++) {
            if (!shape.get(i).canConvertToInt() || shape.get(i).asInt() < 1) {
                throw new OnnxFormatException(file + ": input shape " + shape + " has an unknown size; only the batch may be unknown");
            }
            dims.add(shape.get(i).asInt());
        }
        String name = "pixels";
        if (dims.size() == 3) {
            return new Chain(name, new Shape(dims.get(0), dims.get(1), dims.get(2)), false, inputBits);
        }
        return new Chain(name, Shape.flat(dims.stream().reduce(1, (a, b) -> a * b)), true, inputBits);
    }

    private OnnxNode node(String className, JsonNode config) {
        String name = config.path("name").asText(className);
        return new OnnxNode(NodeProto.newBuilder().setName(name).setOpType(className).addOutput(name).build(), file);
    }

    private void layer(String className, JsonNode c, Group weights, boolean last) {
        OnnxNode node = node(className, c);
        switch (className) {
            case "Flatten" -> chain.flatten(node, false);
            case "Dropout" -> {
                // inference: nothing
            }
            case "QuantDense", "Dense" -> {
                inputQuantizer(node, c);
                float[][] kernel = matrix(node, weights, "kernel");
                int in = kernel.length;
                int out = kernel[0].length;
                double[] rows = new double[out * in];
                for (int j = 0; j < in; j++) {
                    for (int o = 0; o < out; o++) {
                        rows[o * in + j] = quantized(node, c, kernel[j][o]);
                    }
                }
                chain.dense(node, rows, out, in);
                bias(node, c, weights);
                activation(node, c, last);
            }
            case "QuantConv2D", "Conv2D" -> conv(node, c, weights, last);
            case "BatchNormalization" -> batchNorm(node, c, weights);
            case "MaxPooling2D", "AveragePooling2D" -> pool(node, c, className.startsWith("Max"));
            case "Activation" -> activation(node, c, last);
            default -> throw node.error("is not supported; an import reads " + SUPPORTED);
        }
    }

    /** A sign quantizer on the layer's input is the previous layer's sign (or a binarized input). */
    private void inputQuantizer(OnnxNode node, JsonNode c) {
        JsonNode q = c.path("input_quantizer");
        if (q.isMissingNode() || q.isNull()) {
            if (chain.kind() != Chain.Kind.REAL && chain.kind() != Chain.Kind.SIGNS) {
                throw node.error("reads real-valued activations (no input_quantizer); a binarized network's hidden layers read signs");
            }
            return;
        }
        requireSign(node, q, "input_quantizer");
        if (chain.kind() == Chain.Kind.REAL) {
            chain.binarizeInput(node, 0);
        } else if (chain.kind() != Chain.Kind.SIGNS) {
            chain.sign(node, 0);
        }
    }

    private void requireSign(OnnxNode node, JsonNode quantizer, String what) {
        String name = quantizer.isTextual() ? quantizer.asText() : quantizer.path("class_name").asText();
        if (!SIGNS.contains(name)) {
            throw node.error("has " + what + " " + name + "; an import reads the sign quantizers ste_sign, approx_sign and swish_sign");
        }
    }

    private double quantized(OnnxNode node, JsonNode c, float w) {
        JsonNode q = c.path("kernel_quantizer");
        if (q.isMissingNode() || q.isNull()) {
            return w; // the chain refuses weights that are not ±1
        }
        requireSign(node, q, "kernel_quantizer");
        return w >= 0 ? 1 : -1;
    }

    private void conv(OnnxNode node, JsonNode c, Group weights, boolean last) {
        inputQuantizer(node, c);
        if (!c.path("data_format").asText("channels_last").equals("channels_last")) {
            throw node.error("is channels_first; an import reads channels_last models");
        }
        Object kernel = dataset(node, weights, "kernel");
        int[] dims = dims(node, weights, "kernel");
        if (dims.length != 4 || dims[0] != dims[1]) {
            throw node.error(
                    "has a kernel of shape " + Arrays.toString(dims) + "; the simulator's kernels are square (k, k, C, O)");
        }
        int k = dims[0];
        int in = dims[2];
        int out = dims[3];
        float[] hwio = flat(kernel);
        double[] oihw = new double[hwio.length];
        for (int dy = 0; dy < k; dy++) {
            for (int dx = 0; dx < k; dx++) {
                for (int ci = 0; ci < in; ci++) {
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + ci) * k + dy) * k + dx] = quantized(node, c, hwio[((dy * k + dx) * in + ci) * out + o]);
                    }
                }
            }
        }
        JsonNode strides = c.path("strides");
        int stride = strides.isArray() ? strides.get(0).asInt(1) : 1;
        if (strides.isArray() && strides.get(1).asInt(1) != stride) {
            throw node.error("has strides " + strides + "; the simulator's strides are equal in H and W");
        }
        if (c.path("padding").asText("valid").equals("same")) {
            double value = c.path("pad_values").asDouble(0);
            if (stride != 1 || k % 2 == 0) {
                throw node.error("pads 'same' with stride " + stride + " and kernel " + k
                        + "; the simulator pads symmetrically (odd kernels, stride 1)");
            }
            chain.pad(node, (k - 1) / 2, value); // pad_values 0 is refused there: ±1 activations have no 0
        }
        chain.conv(node, oihw, out, in, k, stride, 0);
        bias(node, c, weights);
        activation(node, c, last);
    }

    private void bias(OnnxNode node, JsonNode c, Group weights) {
        if (c.path("use_bias").asBoolean(true)) {
            float[] b = flat(dataset(node, weights, "bias"));
            double[] values = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                values[i] = b[i];
            }
            chain.bias(node, values);
        }
    }

    private void activation(OnnxNode node, JsonNode c, boolean last) {
        String activation = c.path("activation").asText("linear");
        if (activation.equals("linear") || (last && activation.equals("softmax"))) {
            return;
        }
        throw node.error("has activation " + activation + "; a binarized layer's activation is the next layer's sign input_quantizer"
                + " (softmax only on the last layer)");
    }

    private void batchNorm(OnnxNode node, JsonNode c, Group weights) {
        int n = dims(node, weights, "moving_mean")[0];
        double[] gamma = c.path("scale").asBoolean(true) ? doubles(dataset(node, weights, "gamma")) : BatchNorm.identity(n).gamma();
        double[] beta = c.path("center").asBoolean(true) ? doubles(dataset(node, weights, "beta")) : new double[n];
        chain.batchNorm(node, gamma, beta, doubles(dataset(node, weights, "moving_mean")),
                doubles(dataset(node, weights, "moving_variance")),
                c.path("epsilon").asDouble(1e-3));
    }

    private void pool(OnnxNode node, JsonNode c, boolean max) {
        int size = c.path("pool_size").get(0).asInt();
        JsonNode strides = c.path("strides");
        int stride = strides.isArray() ? strides.get(0).asInt() : size;
        if (!c.path("padding").asText("valid").equals("valid")) {
            throw node.error("pads its windows; the simulator's pools are unpadded");
        }
        if (max) {
            chain.maxPool(node, size, stride);
        } else {
            chain.averagePool(node, size, stride);
        }
    }

    /** The layer's weight named {@code name} (kernel, bias, gamma, ...), found through the group's weight_names. */
    private Dataset weight(OnnxNode node, Group weights, String name) {
        Node group = weights.getChild(node.name());
        if (!(group instanceof Group layerGroup)) {
            throw node.error("has no weights in model_weights");
        }
        Attribute names = layerGroup.getAttribute("weight_names");
        if (names != null) {
            for (Object path : (Object[]) names.getData()) {
                String p = String.valueOf(path);
                String last = p.substring(p.lastIndexOf('/') + 1);
                if (last.equals(name + ":0") && layerGroup.getByPath(p) instanceof Dataset d) {
                    return d;
                }
            }
        }
        throw node.error("has no weight " + name + " in model_weights");
    }

    private Object dataset(OnnxNode node, Group weights, String name) {
        return weight(node, weights, name).getDataFlat();
    }

    private int[] dims(OnnxNode node, Group weights, String name) {
        return weight(node, weights, name).getDimensions();
    }

    private float[][] matrix(OnnxNode node, Group weights, String name) {
        int[] d = dims(node, weights, name);
        if (d.length != 2) {
            throw node.error("has a " + name + " of shape " + Arrays.toString(d) + "; a dense layer's is (in, out)");
        }
        float[] flat = flat(dataset(node, weights, name));
        float[][] m = new float[d[0]][d[1]];
        for (int i = 0; i < d[0]; i++) {
            System.arraycopy(flat, i * d[1], m[i], 0, d[1]);
        }
        return m;
    }

    private static float[] flat(Object data) {
        if (data instanceof float[] f) {
            return f;
        }
        int n = Array.getLength(data);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = ((Number) Array.get(data, i)).floatValue();
        }
        return f;
    }

    private static double[] doubles(Object data) {
        float[] f = flat(data);
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
