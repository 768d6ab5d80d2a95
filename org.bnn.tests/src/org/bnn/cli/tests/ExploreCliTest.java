package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bnn.cli.testing.CliRun;

/** {@code bnn run} and {@code bnn check} of explorations: the front printed and written; mistakes as one-line errors, exit 1. */
class ExploreCliTest {
    private static final String NETWORK = """
            package lab
            import presets.illustrative.*
            network Small {
                input x: 4 x 4 bitserial 4 bits
                dense fc: 24
                output out: dense 4
            }
            mapping OnDemo {
                network Small on Demo
                regime nominal
            }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void presets() throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn"));
    }

    private Path file(String explore) throws Exception {
        return Files.writeString(dir.resolve("e.bnn"), NETWORK + explore);
    }

    @Test
    void runPrintsTheFrontAndWritesTheReportTheSameTwice() throws Exception {
        Path model = file("""
                explore Cells {
                    run OnDemo on random 300 inputs
                    vary regime { strong, ultra_low }
                    vary cells { 2T2R, 1T1R reference best }
                    vary tile { 32 x 32, 64 x 64 }
                    objectives accuracy, programming
                    require tiles <= chip
                    trials 2
                    seed 5
                    report "reports/cells" csv json md svg
                }
                """);
        CliRun run = bnn("run", model.toString(), "--batch", "1");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("Exploration Cells: 8 designs (0 infeasible, 8 meeting every constraint), "
                + "4 simulations x 2 chips x 300 inputs; Pareto front of accuracy, programming"), run.out());
        Path report = dir.resolve("reports/cells");
        List<String> csv = Files.readAllLines(report.resolve("pareto.csv"));
        assertEquals(9, csv.size(), "a header and one row per design: " + csv);
        assertTrue(csv.get(0).startsWith("design,regime,cells,tile,infeasible,tiles,"), csv.get(0));
        assertTrue(Files.readString(report.resolve("pareto-accuracy-vs-programming.svg")).startsWith("<?xml"));
        assertTrue(Files.readString(report.resolve("pareto.md")).contains("## Pareto front"));
        byte[] json = Files.readAllBytes(report.resolve("pareto.json"));
        assertEquals(0, bnn("run", model.toString(), "--batch", "1").exit());
        assertArrayEquals(json, Files.readAllBytes(report.resolve("pareto.json")), "the same bytes on a second run");
    }

    /** An empty axis stops the run before anything runs or is written, with the file, line and problem. */
    @Test
    void anInvalidExplorationIsAnErrorAndWritesNothing() throws Exception {
        Path model = file("""
                explore Broken {
                    run OnDemo on random 30 inputs
                    vary tile { }
                    objectives energy
                    seed 1
                    report "reports/broken"
                }
                """);
        CliRun run = bnn("run", model.toString());
        assertEquals(1, run.exit(), run.all());
        int line = NETWORK.split("\n").length + 3;
        assertTrue(run.out().contains("e.bnn:" + line + ":5: error: The axis 'tile' lists no value"), run.all());
        assertFalse(Files.exists(dir.resolve("reports/broken")), "nothing written");
    }

    /**
     * Spark is an optional module: without it on the class path (as here), {@code --spark} says where it comes from,
     * before anything runs; and {@code --spark} on a file without an exploration says there is nothing for it to run.
     */
    @Test
    void sparkWithoutItsModuleOrWithoutAnExplorationIsOneLineAndRunsNothing() throws Exception {
        Path model = file("""
                explore Regimes {
                    run OnDemo on random 30 inputs
                    vary regime { strong, ultra_low }
                    objectives accuracy, energy
                    seed 1
                    report "reports/regimes"
                }
                """);
        CliRun run = bnn("run", model.toString(), "--spark", "local[2]");
        assertEquals(2, run.exit(), run.all());
        assertEquals("bnn: --spark needs the Spark module (org.bnn.spark) on the class path; the ./bnn script puts it there when"
                + " --spark is given (docs/scale-out.md)", run.err().strip());
        assertEquals("", run.out(), "nothing ran");
        assertFalse(Files.exists(dir.resolve("reports/regimes")), "nothing written");
        Path mappingOnly = Files.writeString(dir.resolve("m.bnn"), NETWORK.replace("package lab", "package lab2"));
        CliRun nothingToExplore = bnn("run", mappingOnly.toString(), "--spark", "local[2]");
        assertEquals(2, nothingToExplore.exit(), nothingToExplore.all());
        assertEquals("bnn: --spark runs explorations, and " + mappingOnly + " declares none", nothingToExplore.err().strip());
    }

    @Test
    void checkReportsContradictoryConstraintsAndAxesTheMappingDoesNotHave() throws Exception {
        Path model = file("""
                explore Contradiction {
                    run OnDemo on random 30 inputs
                    vary replicate nothing { 1, 2 }
                    vary input bits { 2, 4 }
                    objectives accuracy
                    require accuracy >= 99 %
                    require accuracy <= 90 %
                    seed 1
                }
                """);
        CliRun run = bnn("check", model.toString());
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("Contradictory constraints: 'accuracy <= 0.9' contradicts 'accuracy >= 0.99'"), run.all());
        assertTrue(run.out().contains("Couldn't resolve reference to Layer 'nothing'"), run.all());
    }
}
