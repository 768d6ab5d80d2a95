package org.bnn.onnx.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.onnx.proto.OnnxMl.ModelProto;

import com.google.protobuf.InvalidProtocolBufferException;

/** Reads and writes {@code .onnx} files through the official schema's generated protobuf classes. */
public final class OnnxModels {
    /** Larger models would not be BNNs this simulator runs in memory; protobuf itself stops at 2 GiB. */
    private static final long MAX_BYTES = 1L << 30;

    private OnnxModels() {
    }

    /**
     * The model in {@code file}.
     *
     * @throws OnnxFormatException naming the file if it is missing, unreadable, not an ONNX model, or has no graph
     */
    public static ModelProto read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new OnnxFormatException(file + ": " + (Files.isDirectory(file) ? "is a folder; name the .onnx file" : "no such file"));
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new OnnxFormatException(file + ": " + Files.size(file) + " bytes, more than the 1 GiB an import reads");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OnnxFormatException(file + ": cannot be read: " + e.getMessage());
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatException(file + ": not an ONNX model (the protobuf does not parse: " + e.getMessage() + ")");
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new OnnxFormatException(file + ": not an ONNX model with a graph (no nodes)");
        }
        return model;
    }

    /** Writes {@code model} to {@code file}. */
    public static void write(ModelProto model, Path file) throws IOException {
        Files.write(file, model.toByteArray());
    }
}
