package org.bnn.onnx.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bnn.onnx.testing.Fixtures;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.LayerSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch-trained Fashion-MNIST BNN, exported as plain ONNX and as QONNX (examples/import), imports
 * to the network it is and simulates to PyTorch's own predictions on all 10,000 test images.
 */
class FashionFixtureImportTest {

    @Test
    void thePlainExportImportsAsTheTrainedNetwork() {
        ImportedNetwork imported = NetworkImporter.importFile(Fixtures.plainModel(), "FashionBnn", 8);
        assertEquals(new InputEncoding.BitSerial(8), imported.spec().input().encoding());
        assertEquals(List.of(new LayerSpec.Conv("conv1", 16, 3, 1, new Padding(1, -1)), new LayerSpec.Pool("pool1", PoolKind.MAX, 2, 2),
                new LayerSpec.Conv("conv2", 32, 3, 1, new Padding(1, -1)), new LayerSpec.Pool("pool2", PoolKind.MAX, 2, 2),
                new LayerSpec.Dense("fc1", 64), new LayerSpec.Output("out", 10)), imported.spec().layers());
    }

    @Test
    void theQonnxExportCarriesTheSameWeightsAndBatchNorms() {
        ImportedNetwork plain = NetworkImporter.importFile(Fixtures.plainModel(), "FashionBnn", 8);
        ImportedNetwork qonnx = NetworkImporter.importFile(Fixtures.qonnxModel(), "FashionBnn", 8);
        assertEquals(plain.spec(), qonnx.spec());
        assertEquals(plain.parameters(), qonnx.parameters());
    }

    @Test
    void theImportedNetworkPredictsWhatPyTorchPredictsOnEveryTestImage() throws Exception {
        int[] expected = Fixtures.pytorchPredictions();
        Dataset test = Fixtures.fashionTest();
        assertEquals(10_000, expected.length);
        assertEquals(test.size(), expected.length);
        for (var model : List.of(Fixtures.plainModel(), Fixtures.qonnxModel())) {
            ImportedNetwork imported = NetworkImporter.importFile(model, "FashionBnn", 8);
            BinaryNetwork network = BinaryNetwork.create(imported.spec(), imported.parameters());
            List<Integer> mismatches = new ArrayList<>();
            int correct = 0;
            for (int i = 0; i < test.size(); i++) {
                int predicted = network.predict(network.encode(test.image(i)));
                if (predicted != expected[i]) {
                    mismatches.add(i);
                }
                correct += predicted == test.label(i) ? 1 : 0;
            }
            assertEquals(List.of(), mismatches, model.getFileName() + ": images where the simulator and PyTorch disagree");
            int pytorchCorrect = 0;
            for (int i = 0; i < test.size(); i++) {
                pytorchCorrect += expected[i] == test.label(i) ? 1 : 0;
            }
            assertEquals(pytorchCorrect, correct, "accuracy to the last image");
        }
    }
}
