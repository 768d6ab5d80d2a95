package org.bnn.onnx.imports;

import java.util.List;
import java.util.Map;

import org.bnn.runtime.engine.NetworkParameters;
import org.bnn.runtime.spec.NetworkSpec;

/**
 * A network read from an ONNX model: its description, its weights and batch norms (the simulator's
 * layout, docs/weights.md), the ONNX node each layer came from, and notes for the user (tie rules,
 * ignored softmax) to print with it.
 */
public record ImportedNetwork(NetworkSpec spec, NetworkParameters parameters, Map<String, String> sources, List<String> notes) {
    public ImportedNetwork {
        sources = Map.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
