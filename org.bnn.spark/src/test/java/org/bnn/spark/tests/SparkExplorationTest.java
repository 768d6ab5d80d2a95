package org.bnn.spark.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bnn.cli.testing.CliRun;
import org.bnn.report.ParetoReport;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExecutorFailure;
import org.bnn.runtime.explore.ExplorationJob;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.InProcessExecutor;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.explore.SimulationTask;
import org.bnn.runtime.testing.ExploreDesigns;
import org.bnn.spark.SparkExecutor;
import org.bnn.spark.SparkMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explorations on embedded Spark ({@code local[2]}: two executor threads, the job serialized and broadcast as on a
 * cluster) give the in-process results, and the same report bytes. The standalone cluster with two worker JVMs, and
 * a worker killed mid-run, is scripts/spark-cluster.sh (docs/scale-out.md).
 */
class SparkExplorationTest {
    private static final Path ROOT = Path.of(System.getProperty("bnn.repository.root", "..")).toAbsolutePath().normalize();
    private static final Set<ReportSpec.ReportFormat> EVERY_FORMAT = Set.of(ReportSpec.ReportFormat.values());

    @TempDir
    Path dir;

    private static SparkExecutor local2() {
        return new SparkExecutor(SparkMaster.parse("local[2]", Optional.empty()));
    }

    /** Random inputs and weights: 12 designs, 6 simulations × 3 chips × 3 shards, every report format. */
    @Test
    void theResultsAndEveryReportByteAreTheSameOnSparkAsOnOneThread() throws IOException {
        ExploreSpec spec = ExploreDesigns.spec(Sampling.GRID, List.of(), 128, Optional.empty());
        ExplorationResult here = Exploration.run(spec, ROOT, new InProcessExecutor(1), ExperimentRunner.Progress.NONE);
        List<Integer> told = new ArrayList<>();
        ExplorationResult there;
        try (SparkExecutor spark = local2()) {
            there = Exploration.run(spec, ROOT, spark, (done, total, what) -> told.add(done));
        }
        assertEquals(here, there);
        assertFalse(told.isEmpty(), "progress told while Spark ran");
        assertEquals(6 * 3 * 3, told.get(told.size() - 1), "the last progress is every task");
        assertSameFiles(ParetoReport.write(here, EVERY_FORMAT, dir.resolve("here")), dir.resolve("here"),
                ParetoReport.write(there, EVERY_FORMAT, dir.resolve("there")), dir.resolve("there"));
    }

    /**
     * The MNIST example through the command line ({@code bnn run --spark local[2]}), cut to 300 test images and 2
     * chips: trained weights and labelled data travel; the written report is byte-identical to the in-process one.
     */
    @Test
    void theMnistExampleRunThroughTheCommandLineWritesTheSameReportOnSpark() throws IOException {
        Path here = example("here");
        Path there = example("there");
        CliRun inProcess = bnn("run", here.toString());
        assertEquals(0, inProcess.exit(), inProcess.all());
        CliRun onSpark = bnn("run", there.toString(), "--spark", "local[2]");
        assertEquals(0, onSpark.exit(), onSpark.all());
        assertEquals(inProcess.out().replace(here.getParent().toString(), "DIR"),
                onSpark.out().replace(there.getParent().toString(), "DIR"),
                "the same front printed");
        Path reports = Path.of("reports/explore");
        assertSameFiles(files(here.resolveSibling(reports)), here.resolveSibling(reports), files(there.resolveSibling(reports)),
                there.resolveSibling(reports));
        assertTrue(onSpark.err().contains("30/30"), "progress shown (15 simulations x 2 chips): " + onSpark.err());
    }

    /** A task that fails on every try is one line naming Spark's reason, not a stack trace, and no result. */
    @Test
    void aTaskThatFailsIsAnExecutorFailureNamingTheCause() {
        ExploreSpec spec = ExploreDesigns.spec();
        ExplorationJob job = ExplorationJob.load(spec, Exploration.plan(spec).simulations(), ROOT);
        try (SparkExecutor spark = local2()) {
            ExecutorFailure failure = assertThrows(ExecutorFailure.class,
                    () -> spark.execute(job, List.of(new SimulationTask(0, 0, 0), new SimulationTask(0, 0, 99)),
                            ExperimentRunner.Progress.NONE));
            assertTrue(failure.getMessage().startsWith("the Spark job failed: "), failure.getMessage());
            assertTrue(failure.getMessage().contains("lies outside the job"), failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"), "one line");
        }
    }

    /** An unreachable master stops the command before anything runs: exit 2, one line, no report folder. */
    @Test
    void aMasterOutOfReachIsOneLineAndWritesNothing() throws IOException {
        Path file = example("unreachable");
        CliRun run = bnn("run", file.toString(), "--spark", "spark://127.0.0.1:1");
        assertEquals(2, run.exit(), run.all());
        assertEquals("bnn: --spark spark://127.0.0.1:1: cannot reach the Spark master at 127.0.0.1:1 (Connection refused)",
                run.err().strip());
        assertFalse(Files.exists(file.resolveSibling("reports")), "nothing written");
        assertEquals("", run.out(), "no mapping simulated either");
    }

    /**
     * examples/explore/explore.bnn in its own folder, reading the repository's MNIST and weights, on 300 test images and
     * 2 chips.
     */
    private Path example(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("explore"));
        Files.createDirectories(dir.resolve(name).resolve("lib"));
        Files.copy(ROOT.resolve("examples/lib/illustrative-hw.bnn"), dir.resolve(name).resolve("lib/illustrative-hw.bnn"));
        String text = Files.readString(ROOT.resolve("examples/explore/explore.bnn"));
        String adapted = text.replace("\"../mnist/weights/", "\"" + slashes(ROOT.resolve("examples/mnist/weights")) + "/")
                .replace("mnist(\"../../data/mnist\") test limit 2000",
                        "mnist(\"" + slashes(ROOT.resolve("data/mnist")) + "\") test limit 300")
                .replace("trials 5", "trials 2");
        assertTrue(adapted.contains("limit 300") && adapted.contains("trials 2") && !adapted.contains("\"../"), adapted);
        return Files.writeString(folder.resolve("explore.bnn"), adapted);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void assertSameFiles(List<Path> here, Path hereFolder, List<Path> there, Path thereFolder) throws IOException {
        assertEquals(here.stream().map(hereFolder::relativize).sorted().toList(),
                there.stream().map(thereFolder::relativize).sorted().toList());
        assertTrue(here.size() >= 5, "csv, json, md and plots: " + here);
        for (Path file : here) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(thereFolder.resolve(hereFolder.relativize(file))),
                    file.toString());
        }
    }
}
