package org.bnn.onnx.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.model.OnnxModels;
import org.bnn.onnx.testing.Fixtures;
import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Robustness: mutated models (bytes flipped or cut, and structural mutations of the graph: operator
 * types, inputs, attributes, tensor shapes and data, nodes dropped or duplicated) either import or
 * are refused with an {@link OnnxFormatException}; nothing else ever escapes the importer.
 */
class ImportFuzzTest {
    private static final int BYTE_MUTANTS = 120;
    private static final int GRAPH_MUTANTS = 400;
    private static final List<String> OPS = List.of("Conv", "Gemm", "MatMul", "Pad", "MaxPool", "AveragePool", "BatchNormalization",
            "Where",
            "GreaterOrEqual", "Sign", "BipolarQuant", "MultiThreshold", "Flatten", "Reshape", "Slice", "Concat", "Transpose", "Cast",
            "ConstantOfShape", "Shape", "Add", "Sub", "Mul", "Div", "Neg", "Unsqueeze", "Squeeze", "Constant", "Identity", "Softmax",
            "ArgMax");

    @Test
    void mutatedBytesAreImportedOrRefusedInOneLine() throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.qonnxModel());
        Random random = new Random(1);
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < BYTE_MUTANTS; i++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            ModelProto model;
            try {
                model = ModelProto.parseFrom(bytes);
            } catch (InvalidProtocolBufferException e) {
                continue; // OnnxModels.read reports this as one line, tested in OnnxCommandsTest
            }
            check(model, "byte mutant " + i, escaped);
        }
        assertEquals(List.of(), escaped);
    }

    @Test
    void mutatedGraphsAreImportedOrRefusedInOneLine() throws Exception {
        ModelProto original = OnnxModels.read(Fixtures.plainModel());
        Random random = new Random(2);
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < GRAPH_MUTANTS; i++) {
            ModelProto.Builder model = original.toBuilder();
            int mutations = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder("graph mutant " + i + ":");
            for (int m = 0; m < mutations; m++) {
                what.append(' ').append(mutate(model, random));
            }
            check(model.build(), what.toString(), escaped);
        }
        assertEquals(List.of(), escaped);
    }

    private static void check(ModelProto model, String what, List<String> escaped) {
        try {
            NetworkImporter.importModel(model, "fuzz.onnx", "Fuzz", 8);
        } catch (OnnxFormatException e) {
            if (e.getMessage().lines().count() != 1 || !e.getMessage().startsWith("fuzz.onnx")) {
                escaped.add(what + ": not one line naming the file: " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (escaped.size() < 10) {
                escaped.add(what + ": " + e);
            }
        }
    }

    private static String mutate(ModelProto.Builder model, Random r) {
        var graph = model.getGraphBuilder();
        int n = graph.getNodeCount();
        NodeProto.Builder node = graph.getNodeBuilder(r.nextInt(n));
        switch (r.nextInt(9)) {
            case 0 -> {
                node.setOpType(OPS.get(r.nextInt(OPS.size())));
                return "op " + node.getName() + "->" + node.getOpType();
            }
            case 1 -> {
                if (node.getInputCount() > 0) {
                    NodeProto other = graph.getNode(r.nextInt(n));
                    node.setInput(r.nextInt(node.getInputCount()), other.getOutput(0));
                }
                return "input of " + node.getName();
            }
            case 2 -> {
                if (node.getAttributeCount() > 0) {
                    int a = r.nextInt(node.getAttributeCount());
                    AttributeProto.Builder attribute = node.getAttributeBuilder(a);
                    if (attribute.getIntsCount() > 0) {
                        attribute.setInts(r.nextInt(attribute.getIntsCount()), r.nextInt(9) - 4);
                    }
                    attribute.setI(r.nextInt(9) - 4).setF(r.nextFloat() * 4 - 2);
                }
                return "attribute of " + node.getName();
            }
            case 3 -> {
                if (node.getInputCount() > 0) {
                    List<String> inputs = new ArrayList<>(node.getInputList());
                    inputs.remove(r.nextInt(inputs.size()));
                    node.clearInput().addAllInput(inputs);
                }
                return "input dropped from " + node.getName();
            }
            case 4 -> {
                graph.removeNode(r.nextInt(n));
                return "node dropped";
            }
            case 5 -> {
                graph.addNode(r.nextInt(n), graph.getNode(r.nextInt(n)));
                return "node duplicated";
            }
            default -> {
                if (graph.getInitializerCount() == 0) {
                    return "no initializer";
                }
                TensorProto.Builder t = graph.getInitializerBuilder(r.nextInt(graph.getInitializerCount()));
                if (r.nextBoolean() && t.getDimsCount() > 0) {
                    t.setDims(r.nextInt(t.getDimsCount()), r.nextInt(5) - 1);
                } else if (!t.getRawData().isEmpty()) {
                    byte[] raw = t.getRawData().toByteArray();
                    raw[r.nextInt(raw.length)] = (byte) r.nextInt(256);
                    t.setRawData(com.google.protobuf.ByteString.copyFrom(raw));
                }
                return "tensor " + t.getName();
            }
        }
    }
}
