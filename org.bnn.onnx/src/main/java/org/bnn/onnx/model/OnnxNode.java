package org.bnn.onnx.model;

import java.util.List;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/** One node of a graph with typed access to its attributes; {@link #where()} names it in error messages. */
public record OnnxNode(NodeProto proto, String file) {

    public String op() {
        return proto.getOpType();
    }

    public String name() {
        return proto.getName().isEmpty() ? proto.getOutput(0) : proto.getName();
    }

    public List<String> inputs() {
        return proto.getInputList();
    }

    /** Input {@code i}, or empty if it is absent or given as "" (an omitted optional input). */
    public Optional<String> input(int i) {
        return i < proto.getInputCount() && !proto.getInput(i).isEmpty() ? Optional.of(proto.getInput(i)) : Optional.empty();
    }

    public String output() {
        return proto.getOutput(0);
    }

    /** "file: node 'name' (Op)", the prefix of every error about this node. */
    public String where() {
        return file + ": node '" + name() + "' (" + op() + ")";
    }

    public OnnxFormatException error(String problem) {
        return new OnnxFormatException(where() + ": " + problem);
    }

    private Optional<AttributeProto> attribute(String name) {
        return proto.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    public boolean has(String name) {
        return attribute(name).isPresent();
    }

    public long integer(String name, long otherwise) {
        return attribute(name).map(AttributeProto::getI).orElse(otherwise);
    }

    public double real(String name, double otherwise) {
        return attribute(name).map(a -> (double) a.getF()).orElse(otherwise);
    }

    public String text(String name, String otherwise) {
        return attribute(name).map(a -> a.getS().toStringUtf8()).orElse(otherwise);
    }

    /** An integer list attribute, or {@code otherwise} if absent. */
    public long[] integers(String name, long... otherwise) {
        return attribute(name).map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray()).orElse(otherwise);
    }

    public Optional<Tensor> tensor(String name) {
        return attribute(name).filter(AttributeProto::hasT).map(a -> TensorProtos.read(a.getT(), where()));
    }

    /** The names of attributes this node sets, to refuse the ones an import does not understand. */
    public List<String> attributeNames() {
        return proto.getAttributeList().stream().map(AttributeProto::getName).toList();
    }
}
