package org.bnn.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.testing.CifarFiles;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training block on cifar10("dir"): the trainer reads the binary files and saves weights that the simulator reads. */
class CifarTrainingTest {
    @TempDir
    Path dir;

    @Test
    void aTrainingOnCifar10SavesWeightsWhoseAccuracyTheSimulatorConfirms() throws Exception {
        Path data = dir.resolve("data");
        CifarFiles.writeAll(data, 8, 21);
        Path file = dir.resolve("t.bnn");
        Files.writeString(file, """
                package t
                network Tiny {
                    input pixels: 32 x 32 x 3 bitserial 8 bits
                    conv c1: 8 kernel 3 padding 1 value -1
                    pool p1: max 4
                    output out: dense 10
                }
                training T { network Tiny on cifar10("data") train epochs 1 batch 8 seed 3 save "tiny.npz" }
                """);
        BnnWorkspace workspace = BnnWorkspace.load(List.of(file));
        assertEquals(List.of(), workspace.diagnostics(file));
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(workspace.generate(file));
        Class<?> training = compiled.load("t.TTraining");
        double accuracy = (double) training.getMethod("run", Path.class).invoke(null, dir);

        NetworkSpec tiny = (NetworkSpec) training.getMethod("network").invoke(null);
        assertEquals("32x32x3", tiny.input().shape().toString());
        BinaryNetwork network = BinaryNetwork.create(tiny, WeightsFile.read(dir.resolve("tiny.npz")));
        Dataset test = Datasets.cifar10(data, Split.TEST);
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += network.predict(network.encode(test.image(i))) == test.label(i) ? 1 : 0;
        }
        assertEquals(8, test.size());
        assertEquals(correct / 8.0, accuracy, "the training's reported accuracy is the simulator's on the 8 test images");
        assertTrue(Files.exists(dir.resolve("tiny.npz.checkpoint")));
    }
}
