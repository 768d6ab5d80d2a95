package org.bnn.onnx.export;

import java.util.List;

import org.bnn.onnx.model.Tensor;
import org.bnn.onnx.model.TensorProtos;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/** Appends nodes and constants to an ONNX graph under names made unique by a counter. */
final class GraphWriter {
    private final GraphProto.Builder graph;
    private int counter;

    GraphWriter(GraphProto.Builder graph) {
        this.graph = graph;
    }

    private String fresh(String base) {
        return base + "_" + counter++;
    }

    /** A float32 constant. */
    String floats(String base, Tensor t) {
        String name = fresh(base);
        graph.addInitializer(TensorProtos.floats(name, t));
        return name;
    }

    /** A float64 constant. */
    String doubles(String base, Tensor t) {
        String name = fresh(base);
        graph.addInitializer(TensorProtos.doubles(name, t));
        return name;
    }

    /** An int64 vector constant. */
    String longs(String base, long... values) {
        String name = fresh(base);
        graph.addInitializer(TensorProtos.longs(name, values));
        return name;
    }

    /** A node with one output named after {@code base}; returns the output's name. */
    String node(String op, String base, List<String> inputs, AttributeProto... attributes) {
        return nodeTo(op, fresh(base), base, inputs, attributes);
    }

    /** A node writing the graph's output {@code output}. */
    String nodeTo(String op, String output, String base, List<String> inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(fresh(base + "/" + op)).addAllInput(inputs).addOutput(output);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }
}
