package org.bnn.onnx.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bnn.onnx.model.OnnxFormatException;
import org.bnn.onnx.testing.Fixtures;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.weights.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Keras HDF5 file saved by Larq (examples/import/larq: a 512-512-10 QuantDense MLP from the larq
 * repository) imports to the network it is and predicts what an independent NumPy forward pass over
 * the weights h5py reads predicts (expected_predictions.py), on 1,000 inputs.
 */
class LarqModelImportTest {
    @TempDir
    Path folder;

    private static Path model() {
        return Fixtures.root().resolve("examples/import/larq/larq_model.h5");
    }

    @Test
    void theLarqMlpImportsAsItsLayers() {
        ImportedNetwork imported = LarqModelImporter.importFile(model(), "LarqMlp", 8);
        assertEquals(new InputEncoding.BitSerial(8), imported.spec().input().encoding());
        assertEquals(512, imported.spec().inputSize());
        assertEquals(List.of(new LayerSpec.Dense("fc1", 512), new LayerSpec.Output("out", 10)), imported.spec().layers());
    }

    @Test
    void itPredictsWhatNumPyPredictsFromTheSameFile() throws Exception {
        ImportedNetwork imported = LarqModelImporter.importFile(model(), "LarqMlp", 8);
        BinaryNetwork network = BinaryNetwork.create(imported.spec(), imported.parameters());
        long[] expected;
        try (InputStream in = Files.newInputStream(Fixtures.root().resolve("examples/import/larq/larq-predictions.npy"))) {
            expected = Npy.read(in, "larq-predictions.npy").toLongs();
        }
        assertEquals(1000, expected.length);
        List<Integer> mismatches = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            double[] x = new double[512];
            for (int j = 0; j < 512; j++) {
                x[j] = ((7919L * i + 104729L * j + 13) % 256) / 255.0;
            }
            if (network.predict(network.encode(x)) != expected[i]) {
                mismatches.add(i);
            }
        }
        assertEquals(List.of(), mismatches, "inputs where the simulator and NumPy disagree");
    }

    @Test
    void aFileThatIsNotHdf5IsOneLine() throws Exception {
        Path notHdf5 = folder.resolve("model.h5");
        Files.writeString(notHdf5, "not an HDF5 file");
        String message = assertThrows(OnnxFormatException.class, () -> LarqModelImporter.importFile(notHdf5, "M", 8)).getMessage();
        assertTrue(message.startsWith(notHdf5 + ": not a readable HDF5 file ("), message);
        assertEquals(1, message.lines().count());
    }
}
