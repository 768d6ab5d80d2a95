package org.bnn.onnx.imports;

import java.util.Map;

import org.bnn.onnx.model.OnnxNode;

/** The fewest inputs each operator an import reads needs (ONNX operator definitions); fewer is refused by name. */
final class Arity {
    private static final Map<String, Integer> FEWEST = Map.ofEntries(Map.entry("Constant", 0), Map.entry("Conv", 2), Map.entry("Gemm", 2),
            Map.entry("MatMul", 2), Map.entry("Add", 2), Map.entry("Sub", 2), Map.entry("Mul", 2), Map.entry("Div", 2),
            Map.entry("GreaterOrEqual", 2), Map.entry("Greater", 2), Map.entry("Less", 2), Map.entry("LessOrEqual", 2),
            Map.entry("Equal", 2),
            Map.entry("Where", 3), Map.entry("Reshape", 2), Map.entry("Slice", 3), Map.entry("BatchNormalization", 5),
            Map.entry("BipolarQuant", 2), Map.entry("MultiThreshold", 2));

    private Arity() {
    }

    static void check(OnnxNode node, int inputs) {
        int fewest = FEWEST.getOrDefault(node.op(), 1);
        if (inputs < fewest) {
            throw node.error("has " + inputs + " input" + (inputs == 1 ? "" : "s") + "; " + node.op() + " needs at least " + fewest);
        }
    }
}
