package org.bnn.onnx.imports;

import java.util.List;

import org.bnn.onnx.model.Tensor;
import org.bnn.onnx.model.TensorProtos;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/** Builds small ONNX graphs node by node, as the tests need them (the ops PyTorch and FINN export). */
final class TorchStyleModel {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private int counter;
    private String last;

    /** A model whose data input "x" has {@code dims} (the first, the batch, symbolic). */
    TorchStyleModel(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int i = 1; i < dims.length; i++) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i]));
        }
        graph.addInput(ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))));
        last = "x";
    }

    /** The output of the last node added (or "x"). */
    String last() {
        return last;
    }

    String constant(Tensor t) {
        String name = "c" + counter++;
        graph.addInitializer(TensorProtos.floats(name, t));
        return name;
    }

    String longs(long... values) {
        String name = "c" + counter++;
        graph.addInitializer(TensorProtos.longs(name, values));
        return name;
    }

    /** Adds a node reading {@code inputs}; its output becomes {@link #last()}. */
    String node(String op, List<String> inputs, AttributeProto... attributes) {
        return node(op, "", inputs, attributes);
    }

    /** Adds a node of another domain (QONNX, FINN). */
    String node(String op, String domain, List<String> inputs, AttributeProto... attributes) {
        String out = op.toLowerCase() + counter++;
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setDomain(domain).setName("/" + op + "_" + counter).addAllInput(inputs)
                .addOutput(out);
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        last = out;
        return out;
    }

    /** The sign PyTorch exports for torch.where(x >= t, 1, -1). */
    String sign(String x, double threshold) {
        String cond = node("GreaterOrEqual", List.of(x, constant(Tensor.scalar(threshold))));
        return node("Where", List.of(cond, constant(Tensor.scalar(1)), constant(Tensor.scalar(-1))));
    }

    ModelProto build(String output) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(output)
                .setType(
                        TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE))));
        return ModelProto.newBuilder().setIrVersion(7).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(graph)
                .build();
    }
}
