package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.cli.compile.InMemoryJavaCompiler;
import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.dsl.tests.TestFiles;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.testing.CifarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bnn.cli.testing.CliRun;

/**
 * examples/cifar10/cifar10.bnn: its estimate (tiles, energy, latency, reprogramming on the chip it
 * does not fit), and its commented experiment run by {@code bnn run} on synthetic files in the
 * CIFAR-10 binary format, with the example's seeded random weights.
 */
class CifarExampleTest {
    private static final String EXAMPLE = "examples/cifar10/cifar10.bnn";
    private static final int IMAGES = 10;
    private static final int AGREEING = 6;

    @TempDir
    Path dir;

    @Test
    void theEstimatePrintsTilesEnergyLatencyAndTheReprogrammingOfTheChipItDoesNotFit() {
        CliRun run = bnn("estimate", TestFiles.repositoryRoot().resolve(EXAMPLE).toString());
        assertEquals(0, run.exit(), run.all());
        String out = run.out();
        for (String expected : List.of("mapping OnDemo: network Cifar10Vgg on chip Demo (4096 tiles of T32",
                "  conv1              27      128       1024        4", "  conv6            4608      512         64     2304",
                "  fc1              8192      512          1     4096", "tiles: 8580 of 4096 (209.5 %) -- DOES NOT FIT",
                "reprogramming (per inference): 8580 tile writes, 3 per device", "mapping OnDemo9k: network Cifar10Vgg on chip Demo9k",
                "  conv1              27      128       1024       64", "tiles: 8640 of 9216 (93.8 %)\n",
                "latency: 69723 cycles = 697 us per inference")) {
            assertTrue(out.contains(expected), "«" + expected + "» in\n" + out);
        }
        assertEquals(2, out.split("energy per inference: 32.9 uJ", -1).length - 1, out);
        assertEquals(1, out.split("reprogramming \\(per inference\\)", -1).length - 1, "only OnDemo is reprogrammed: " + out);
    }

    /**
     * The example's experiment, uncommented, on a synthetic test split whose labels are the
     * error-free network's predictions for the first AGREEING images and another class for the
     * rest: {@code bnn run} measures exactly that accuracy at BER 0.
     */
    @Test
    void theCommentedExperimentRunsOnSyntheticCifarFiles() throws Exception {
        // The repository's layout: examples/lib, examples/cifar10 and data/cifar10 (the example's "../../data/cifar10").
        Files.createDirectories(dir.resolve("examples/lib"));
        Files.writeString(dir.resolve("examples/lib/hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn"));
        Path model = Files.createDirectories(dir.resolve("examples/cifar10")).resolve("cifar10.bnn");
        Files.writeString(model, uncommented(TestFiles.read(EXAMPLE)));
        Path data = dir.resolve("data/cifar10");
        CifarFiles.writeAll(data, IMAGES, 3);

        CliRun first = bnn("run", model.toString(), "--batch", "2");
        assertEquals(0, first.exit(), first.all());
        assertTrue(!first.out().contains("not found"), "the data is where the example looks for it: " + first.out());
        assertTrue(first.out().contains("experiment BerSweep"), first.out());
        assertTrue(first.out().matches("(?s).*predictions for 2 random inputs \\(seed 42\\): \\d \\d\\R.*"), first.out());

        // The network and seed the run used, from the generated experiment: label the images so that its accuracy is known.
        Path report = dir.resolve("examples/cifar10/reports/ber-sweep");
        ExperimentSpec spec = (ExperimentSpec) new InMemoryJavaCompiler().compile(BnnWorkspace.load(List.of(model)).generate(model))
                .load("examples.cifar10.BerSweepExperiment").getMethod("experiment").invoke(null);
        assertTrue(spec.weights().isEmpty(), "seeded random weights");
        BinaryNetwork network = RandomNetworks.create(spec.mapping().network(), spec.seed());
        Dataset test = Datasets.cifar10(data, Split.TEST);
        byte[] file = Files.readAllBytes(data.resolve("test_batch.bin"));
        for (int i = 0; i < IMAGES; i++) {
            int predicted = network.predict(network.encode(test.image(i)));
            file[i * CifarFiles.RECORD] = (byte) (i < AGREEING ? predicted : (predicted + 1) % 10);
        }
        Files.write(data.resolve("test_batch.bin"), file);

        CliRun second = bnn("run", model.toString(), "--batch", "2");
        assertEquals(0, second.exit(), second.all());
        List<String> csv = Files.readAllLines(report.resolve("accuracy-vs-ber.csv"));
        String[] clean = csv.get(1).split(",");
        assertEquals(List.of(0.0, (double) AGREEING / IMAGES, "5"),
                List.of(Double.parseDouble(clean[1]), Double.parseDouble(clean[2]), clean[5]),
                "BER 0, every trial the error-free chip: " + csv);
        assertTrue(second.out().contains("           0     60.00%      0.00%"), second.out());
    }

    /** The example with its experiment's comment marks removed. */
    private static String uncommented(String example) {
        int start = example.indexOf("// experiment BerSweep {");
        assertTrue(start > 0, "the example has the commented experiment");
        String experiment = example.substring(start).replaceAll("(?m)^// ?", "");
        return example.substring(0, start) + experiment;
    }
}
