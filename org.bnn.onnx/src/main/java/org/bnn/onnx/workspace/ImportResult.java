package org.bnn.onnx.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an import wrote.
 *
 * @param bnnFile the network, its mapping and experiment
 * @param weightsFile the weights and batch norms
 * @param network the network's name
 * @param layers how many layers it has
 * @param summary the layers in one line ({@code conv1 16x3x3, pool1 max 2, out 10})
 * @param notes what the import changed or assumed, one sentence each
 * @param writtenPresets the bundled presets file written beside the import when no lib/ presets were found
 */
public record ImportResult(Path bnnFile, Path weightsFile, String network, int layers, String summary, List<String> notes,
        Optional<Path> writtenPresets) {
}
