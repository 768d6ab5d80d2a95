package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.experiment.OutputFolderException;
import org.bnn.runtime.experiment.ReplaceableWeights;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training replaces the weights of its own network, and no other file. */
class ReplaceableWeightsTest {
    private static final NetworkSpec SMALL = NetworkSpec.builder("Small", "x", 16).dense("h", 8).output("o", 3).build();
    private static final NetworkSpec OTHER = NetworkSpec.builder("Other", "x", 16).dense("h", 12).output("o", 3).build();

    @TempDir
    Path dir;

    @Test
    void absentFileOrWeightsOfTheSameNetworkMayBeReplaced() {
        Path weights = dir.resolve("w.npz");
        assertDoesNotThrow(() -> ReplaceableWeights.require(weights, SMALL));
        WeightsFile.write(weights, RandomNetworks.parameters(SMALL, 1));
        assertDoesNotThrow(() -> ReplaceableWeights.require(weights, SMALL));
    }

    @Test
    void anotherNetworksWeightsAreKept() throws Exception {
        Path weights = dir.resolve("w.npz");
        WeightsFile.write(weights, RandomNetworks.parameters(OTHER, 1));
        byte[] before = Files.readAllBytes(weights);
        OutputFolderException refused = assertThrows(OutputFolderException.class, () -> ReplaceableWeights.require(weights, SMALL));
        assertTrue(refused.getMessage().startsWith("weights file " + weights + " already exists and is not weights of network Small ("),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("training would replace it: move it or choose another save file"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(weights));
    }

    @Test
    void aFileThatIsNotWeightsOrAFolderIsKept() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.npz"), "my notes", StandardCharsets.UTF_8);
        assertThrows(OutputFolderException.class, () -> ReplaceableWeights.require(notes, SMALL));
        Path folder = Files.createDirectories(dir.resolve("folder.npz"));
        OutputFolderException refused = assertThrows(OutputFolderException.class, () -> ReplaceableWeights.require(folder, SMALL));
        assertTrue(refused.getMessage().endsWith("is a folder, not a file"), refused.getMessage());
    }
}
