package org.bnn.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bnn.onnx.testing.Fixtures;
import org.bnn.onnx.testing.OnnxRuntimeRunner;
import org.bnn.onnx.imports.ImportedNetwork;
import org.bnn.onnx.imports.NetworkImporter;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.engine.BinaryNetwork;
import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.ModelProto;

/** The imported Fashion-MNIST BNN, exported again, runs in onnxruntime to the simulator's predictions on every test image. */
class FashionFixtureExportTest {

    @Test
    void onnxruntimePredictsWhatTheSimulatorPredictsOnEveryTestImage() throws Exception {
        ImportedNetwork imported = NetworkImporter.importFile(Fixtures.plainModel(), "FashionBnn", 8);
        ModelProto exported = NetworkExporter.export(imported.spec(), imported.parameters(), "test");
        Dataset test = Fixtures.fashionTest();
        int[] onnx = OnnxRuntimeRunner.predictions(exported, test, false);
        BinaryNetwork network = BinaryNetwork.create(imported.spec(), imported.parameters());
        List<Integer> mismatches = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (network.predict(network.encode(test.image(i))) != onnx[i]) {
                mismatches.add(i);
            }
        }
        assertEquals(List.of(), mismatches, "images where onnxruntime and the simulator disagree");
    }
}
