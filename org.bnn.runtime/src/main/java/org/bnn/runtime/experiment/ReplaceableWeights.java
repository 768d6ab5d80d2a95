package org.bnn.runtime.experiment;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;

/**
 * Whether a training may write its weights where a file already is. Training again replaces the
 * weights of the same network — that is what {@code save} asks for — but a file that is not
 * weights of this network (another network's weights, notes, anything a user put there) was not
 * written by this training and is never replaced.
 */
public final class ReplaceableWeights {
    private ReplaceableWeights() {
    }

    /**
     * @throws OutputFolderException if {@code file} exists and does not load as weights of {@code network}
     */
    public static void require(Path file, NetworkSpec network) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new OutputFolderException("weights file " + file + " is a folder, not a file");
        }
        try {
            BinaryNetwork.create(network, WeightsFile.read(file));
        } catch (WeightsException | IllegalArgumentException e) {
            throw new OutputFolderException("weights file " + file + " already exists and is not weights of network " + network.name()
                    + " (" + e.getMessage() + "); training would replace it: move it or choose another save file");
        }
    }
}
