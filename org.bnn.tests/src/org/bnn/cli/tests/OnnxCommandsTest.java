package org.bnn.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.BnnWorkspace.DeclaredNetwork;
import org.bnn.dsl.tests.TestFiles;
import org.bnn.onnx.imports.ImportedNetwork;
import org.bnn.onnx.imports.NetworkImporter;
import org.bnn.onnx.model.OnnxModels;
import org.bnn.onnx.testing.Fixtures;
import org.bnn.onnx.testing.OnnxRuntimeRunner;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import org.bnn.cli.testing.CliRun;

/** {@code bnn import} and {@code bnn export} end to end (docs/import.md). */
class OnnxCommandsTest {
    @TempDir
    Path folder;

    @Test
    void importWritesAFormattedFileThatChecksAndWeightsThatLoad() throws Exception {
        CliRun run = CliRun.bnn("import", Fixtures.plainModel().toString(), "-o", folder.toString());
        assertEquals(0, run.exit(), run.all());
        Path bnn = folder.resolve("FashionBnn.bnn");
        assertTrue(run.out().contains("wrote " + bnn), run.out());
        assertEquals(0, CliRun.bnn("check", bnn.toString()).exit());
        assertEquals(0, CliRun.bnn("format", "--check", bnn.toString()).exit(), Files.readString(bnn));
        ImportedNetwork imported = NetworkImporter.importFile(Fixtures.plainModel(), "FashionBnn", 8);
        assertEquals(imported.parameters(), WeightsFile.read(folder.resolve("FashionBnn.npz")));
        BnnWorkspace workspace = BnnWorkspace.load(List.of(bnn));
        assertEquals(imported.spec(), workspace.networks(bnn).get(0).spec());
        assertEquals(1, workspace.mappings(bnn).size(), "a mapping onto the bundled presets' chip");
        assertTrue(Files.isRegularFile(folder.resolve("lib/illustrative-hw.bnn")),
                "the presets are written next to an import outside the repository");
    }

    @Test
    void importWithADatasetWritesAnExperimentThatRuns() throws Exception {
        String data = "mnist(\"" + TestFiles.repositoryRoot().resolve("no-such-data").toString().replace("\\", "/") + "\") test";
        CliRun run = CliRun.bnn("import", Fixtures.qonnxModel().toString(), "-o", folder.toString(), "--name", "Q", "--dataset", data);
        assertEquals(0, run.exit(), run.all());
        assertTrue(Files.readString(folder.resolve("Q.bnn")).contains("\nexperiment QBerSweep {\n    run QOnDemo on " + data));
    }

    @Test
    void aNetworkLargerThanTheChosenChipIsMappedWithReprogramming() throws Exception {
        Path lib = Files.createDirectories(folder.resolve("lib"));
        String presets = Files.readString(TestFiles.repositoryRoot().resolve("examples/lib/illustrative-hw.bnn"));
        Files.writeString(lib.resolve("presets.bnn"), presets + "\nchip Tiny {\n    tiles 8 of T32\n    clock 100 MHz\n}\n");
        Path models = Files.createDirectories(folder.resolve("models"));
        CliRun run = CliRun.bnn("import", Fixtures.plainModel().toString(), "-o", models.toString(), "--chip", "Tiny");
        assertEquals(0, run.exit(), run.all());
        String text = Files.readString(models.resolve("FashionBnn.bnn"));
        assertTrue(text.contains("import presets.illustrative.*\n"), text);
        assertTrue(text.contains("mapping FashionBnnOnTiny {\n    network FashionBnn on Tiny\n    allow reprogramming\n}"), text);
        assertTrue(Files.notExists(models.resolve("lib")), "the presets of the enclosing lib/ are used, not copied");
        CliRun unknown = CliRun.bnn("import", Fixtures.plainModel().toString(), "-o", models.toString(), "--chip", "Huge", "--force");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("--chip Huge: no such chip in the presets; they have [presets.illustrative.Demo,"),
                unknown.err());
    }

    @Test
    void importNeverOverwritesWithoutForce() throws Exception {
        Path bnn = folder.resolve("FashionBnn.bnn");
        Files.writeString(bnn, "// mine\n");
        CliRun run = CliRun.bnn("import", Fixtures.plainModel().toString(), "-o", folder.toString());
        assertEquals(2, run.exit(), run.all());
        assertEquals("bnn: " + bnn + ": exists; choose another --name or --output, or give --force\n", run.err());
        assertEquals("// mine\n", Files.readString(bnn));
        assertEquals(0, CliRun.bnn("import", Fixtures.plainModel().toString(), "-o", folder.toString(), "--force").exit());
    }

    @Test
    void aCorruptedModelIsOneLineAndExitCodeOne() throws Exception {
        Path broken = folder.resolve("broken.onnx");
        byte[] bytes = Files.readAllBytes(Fixtures.plainModel());
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.bnn("import", broken.toString(), "-o", folder.toString());
        assertEquals(1, run.exit(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(broken + ": not an ONNX model"), run.err());
        assertTrue(Files.notExists(folder.resolve("Broken.bnn")), "nothing is written");
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() throws Exception {
        ModelProto model = OnnxModels.read(Fixtures.plainModel());
        ModelProto.Builder changed = model.toBuilder();
        for (NodeProto.Builder node : changed.getGraphBuilder().getNodeBuilderList()) {
            if (node.getOpType().equals("MaxPool")) {
                node.setOpType("LpPool");
                break;
            }
        }
        Path lp = folder.resolve("lp.onnx");
        OnnxModels.write(changed.build(), lp);
        CliRun run = CliRun.bnn("import", lp.toString(), "-o", folder.toString());
        assertEquals(1, run.exit(), run.all());
        assertEquals(lp + ": node '/model/MaxPool' (LpPool): is not supported; an import reads Pad, Conv, Gemm, MatMul, Add (bias),"
                + " BatchNormalization, Sign, GreaterOrEqual+Where, BipolarQuant, MultiThreshold, MaxPool, AveragePool, Flatten, Reshape,"
                + " Identity, Dropout, Softmax, LogSoftmax, ArgMax\n", run.err());
    }

    @Test
    void theMnistNetworksExportToModelsThatOnnxRuntimeRunsLikeTheSimulatorOnEveryTestImage() throws Exception {
        Path mnist = TestFiles.repositoryRoot().resolve("examples/mnist/mnist.bnn");
        CliRun run = CliRun.bnn("export", mnist.toString(), "-o", folder.toString());
        assertEquals(0, run.exit(), run.all());
        Dataset test = Datasets.mnist(TestFiles.repositoryRoot().resolve(Datasets.MNIST_FOLDER), Split.TEST);
        assertSamePredictions(mnist, test, 3);
    }

    @Test
    void theFashionNetworksExportTernaryWeightsToo() throws Exception {
        Path fashion = TestFiles.repositoryRoot().resolve("examples/fashion-mnist/fashion.bnn");
        CliRun run = CliRun.bnn("export", fashion.toString(), "-o", folder.toString());
        assertEquals(0, run.exit(), run.all());
        assertSamePredictions(fashion, Fixtures.fashionTest().limit(2_000), 2);
    }

    private void assertSamePredictions(Path bnn, Dataset test, int networks) throws Exception {
        BnnWorkspace workspace = BnnWorkspace.load(List.of(bnn));
        List<DeclaredNetwork> declared = workspace.networks(bnn);
        assertEquals(networks, declared.size());
        for (DeclaredNetwork network : declared) {
            BinaryNetwork simulator = BinaryNetwork.create(network.spec(), WeightsFile.read(network.weights().orElseThrow()));
            ModelProto model = OnnxModels.read(folder.resolve(network.spec().name() + ".onnx"));
            int[] onnx = OnnxRuntimeRunner.predictions(model, test, false);
            List<Integer> mismatches = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                if (simulator.predict(simulator.encode(test.image(i))) != onnx[i]) {
                    mismatches.add(i);
                }
            }
            assertEquals(List.of(), mismatches, network.spec().name() + ": images where onnxruntime and the simulator disagree");
        }
    }
}
