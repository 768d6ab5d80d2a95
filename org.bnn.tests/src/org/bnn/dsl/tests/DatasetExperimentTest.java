package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.cli.workspace.Diagnostic;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.testing.IdxFiles;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * From a .bnn file to a report: an experiment on a dataset split with trained weights is
 * checked and generated as the command line does it, compiled in memory and run; its accuracy is the one computed here directly with the
 * runtime's engine, and its report holds the experiment it ran.
 */
class DatasetExperimentTest {
    private static final String DESCRIPTION = """
            package lab.digits

            tile T {
                cells 32 rows x 32 columns 2T2R
                sense pcsa { energy 25 fJ per sense delay 2 ns }
                popcount energy 20 fJ per input bit
            }

            chip C {
                tiles 100 of T
                clock 100 MHz
            }

            network Digits {
                input pixels: 28 x 28
                dense fc1: 32
                output out: dense 10
                weights "w.npz"
            }

            mapping OnC {
                network Digits on C
            }

            experiment Mnist {
                run OnC on mnist("data") test limit 20
                sweep ber { 0, 0.1 }
                trials 2
                seed 5
                report "out" csv json md png
            }
            """;

    /** The network of the description, built without the language. */
    private static final NetworkSpec DIGITS = NetworkSpec.builder("Digits", "pixels", 28, 28).dense("fc1", 32).output("out", 10).build();

    private static final int IMAGES = 30;
    private static final int LIMIT = 20;
    /** Of the first LIMIT images, this many are labelled as the error-free network predicts them. */
    private static final int AGREEING = 15;

    @TempDir
    Path dir;

    @Test
    void theGeneratedExperimentMeasuresTheAccuracyOfTheTrainedWeightsOnTheSplitAndReportsIt() throws Exception {
        Path weights = dir.resolve("w.npz");
        WeightsFile.write(weights, RandomNetworks.parameters(DIGITS, 11));
        double expected = writeTestSplit(Files.createDirectories(dir.resolve("data")),
                BinaryNetwork.create(DIGITS, WeightsFile.read(weights)));
        assertEquals((double) AGREEING / LIMIT, expected, "the labels were written so");

        // The command line's way: load the file from disk, check it, generate Java from it.
        Path file = dir.resolve("digits.bnn");
        Files.writeString(file, DESCRIPTION);
        BnnWorkspace workspace = BnnWorkspace.load(List.of(file));
        assertEquals(List.of(), workspace.diagnostics(file).stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).toList(),
                "weights and data are where the description says, of the right shapes");
        InMemoryJavaCompiler.Result compiled = new InMemoryJavaCompiler().compile(workspace.generate(file));
        assertEquals(List.of(), compiled.warnings());
        Class<?> experiment = compiled.load("lab.digits.MnistExperiment");
        ExperimentSpec spec = (ExperimentSpec) experiment.getMethod("experiment").invoke(null);
        assertEquals(new InputSource.Dataset("mnist", "data", Split.TEST, LIMIT), spec.inputs());
        assertEquals(new SweepSpec.Ber(List.of(0.0, 0.1)), spec.sweep());
        assertEquals(Optional.of("w.npz"), spec.weights());
        assertEquals(DIGITS, spec.mapping().network());

        String[] output = new String[1];
        @SuppressWarnings("unchecked")
        List<SweepPoint> points = (List<SweepPoint>) printed(output, () -> experiment.getMethod("run", Path.class).invoke(null, dir));

        assertEquals(List.of("0", "0.1"), points.stream().map(SweepPoint::label).toList());
        assertArrayEquals(new double[] {expected, expected}, points.get(0).accuracy().orElseThrow().perTrial(),
                "at BER 0 every trial is the error-free network on the first " + LIMIT + " images");
        assertArrayEquals(new double[] {1, 1}, points.get(0).agreement().perTrial());
        assertTrue(points.get(1).agreement().mean() < 1, "a BER of 0.1 changes predictions: " + points.get(1));

        Path out = dir.resolve("out");
        for (String name : List.of("accuracy-vs-ber.csv", "accuracy-vs-ber.png", "report.json", "report.md", "energy-per-inference.png")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
            assertTrue(output[0].contains("report: " + out.resolve(name)), output[0]);
        }
        JsonNode description = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("description");
        assertEquals(spec, SpecJson.read(description.toString(), ExperimentSpec.class), "the report holds the resolved experiment");
        assertEquals("data", description.at("/inputs/folder").asText());
        assertEquals(LIMIT, description.at("/inputs/limit").asInt());
        assertEquals("w.npz", description.at("/weights").asText());
        List<String> csv = Files.readAllLines(out.resolve("accuracy-vs-ber.csv"));
        assertEquals("series,ber,mean,std,ci95_half_width,trials", csv.get(0));
        String[] first = csv.get(1).split(",");
        assertEquals(List.of("Digits", 0.0, expected, "2"), List.of(first[0], Double.parseDouble(first[1]), Double.parseDouble(first[2]),
                first[5]), "the CSV's BER-0 row: " + csv.get(1));
    }

    /**
     * Writes an MNIST-layout test split of IMAGES random 28 x 28 images. Of the first LIMIT, AGREEING
     * are labelled with {@code network}'s prediction and the rest with another class; the images
     * past the limit agree too, so reading them would change the accuracy.
     *
     * @return the accuracy of {@code network} on the first LIMIT images, counted here
     */
    private static double writeTestSplit(Path folder, BinaryNetwork network) throws Exception {
        IdxFiles.writeSplit(folder, "t10k", IMAGES, 28, 28, 5, false);
        Dataset images = Datasets.mnist(folder, Split.TEST);
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            int predicted = network.predict(network.encode(images.image(i)));
            labels[i] = (byte) (i < AGREEING || i >= LIMIT ? predicted : (predicted + 1) % 10);
        }
        IdxFiles.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxFiles.idx(new int[] {IMAGES}, labels), false);
        Dataset labelled = Datasets.mnist(folder, Split.TEST, LIMIT);
        int correct = 0;
        for (int i = 0; i < labelled.size(); i++) {
            correct += network.predict(network.encode(labelled.image(i))) == labelled.label(i) ? 1 : 0;
        }
        return (double) correct / labelled.size();
    }

    private interface Call {
        Object call() throws Exception;
    }

    /** Runs {@code call} with System.out captured into {@code output[0]}. */
    private static Object printed(String[] output, Call call) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return call.call();
        } finally {
            System.setOut(original);
            output[0] = buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
