package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bnn.cli.testing.CliRun;

/** The command line as a user sees it: output text and exit codes. */
class BnnCliTest {
    @TempDir
    Path dir;

    @Test
    void checkPrintsFileLineColumnDiagnosticsAndExitsOne() throws Exception {
        Path broken = dir.resolve("broken.bnn");
        Files.writeString(broken, """
                tile T { cells 0 rows x 32 columns 2T2R }
                chip C { tiles 4 of Nowhere }
                """);
        CliRun run = bnn("check", broken.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("broken.bnn:1:16: error: The rows must be positive, got 0 [org.bnn.dsl.nonPositiveSize]"), run.out());
        assertTrue(run.out().contains("broken.bnn:2:21: error: Couldn't resolve reference to Tile 'Nowhere'."), run.out());
        assertTrue(run.err().contains("2 errors, 0 warnings in 1 file"), run.err());
    }

    @Test
    void checkOfAValidFileExitsZero() {
        CliRun run = bnn("check", TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals("", run.out());
    }

    @Test
    void infosArePrintedOnRequest() {
        CliRun run = bnn("check", "--info", TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(
                run.out().contains(
                        "quickstart.bnn:18:13: info: Layer out fills 31 % of the cells of its 32 tiles [org.bnn.dsl.lowTileUtilization]"),
                run.out());
    }

    @Test
    void missingFileIsAUsageFailureNotAStackTrace() {
        CliRun run = bnn("check", dir.resolve("nope.bnn").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("bnn: ") && run.err().contains("nope.bnn: no such file"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void runPrintsTilesAndPredictions() {
        CliRun run = bnn("run", TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString(), "--batch", "4");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("tiles: 2880 of 4096"), run.out());
        assertTrue(run.out().matches("(?s).*predictions for 4 random inputs \\(seed 42\\): \\d \\d \\d \\d\\R.*"), run.out());
    }

    @Test
    void runRefusesAFileWithErrors() throws Exception {
        Path broken = dir.resolve("m.bnn");
        Files.writeString(broken, """
                tile T { cells 32 rows x 32 columns 2T2R }
                chip C { tiles 1 of T }
                network N { input x: 784  dense h: 1024  output o: dense 10 }
                mapping M { network N on C }
                """);
        CliRun run = bnn("run", broken.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("m.bnn:4:26: error: Network N needs 832 tiles"), run.out());
        assertTrue(!run.out().contains("predictions"), run.out());
    }

    @Test
    void errorsOfALibraryTheFileUsesAreShownAndStopTheRun() throws Exception {
        // The parser reads "mismatch %" as a guess; running on that guess would simulate
        // something other than what is written, so the library's errors count as the file's.
        Path lib = Files.createDirectories(dir.resolve("project/lib"));
        Files.writeString(lib.resolve("hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn")
                .replace("mismatch 2 % noise 1 %", "mismatch % noise 1 %"));
        Path model = Files.createDirectories(dir.resolve("project/study")).resolve("study.bnn");
        Files.writeString(model, """
                package study
                import presets.illustrative.*
                network N { input x: 64  dense h: 32  output o: dense 10 }
                mapping M { network N on Demo regime nominal }
                """);
        CliRun check = bnn("check", model.toString());
        assertEquals(1, check.exit(), check.all());
        assertTrue(check.out().matches("(?s).*lib/hw\\.bnn:\\d+:\\d+: error: a number is missing.*"), check.out());
        CliRun run = bnn("run", model.toString());
        assertEquals(1, run.exit(), run.all());
        assertTrue(!run.out().contains("predictions"), run.out());
        // An unused library's own warnings are not the file's business; only errors are shown.
        Files.writeString(lib.resolve("hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn"));
        assertEquals("", bnn("check", model.toString()).out());
    }

    @Test
    void errorsOfAFileSeveralRequestedFilesUseArePrintedAndCountedOnce() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn")
                .replace("mismatch 2 % noise 1 %", "mismatch % noise 1 %"));
        Path a = dir.resolve("a.bnn");
        Files.writeString(a, """
                package a
                import presets.illustrative.*
                network N { input x: 64  dense h: 32  output o: dense 10 }
                mapping M { network N on Demo regime nowhere }
                """);
        Path b = dir.resolve("b.bnn");
        Files.writeString(b, """
                package b
                import presets.illustrative.*
                import a.*
                mapping M { network N on Demo regime nominal }
                """);
        CliRun alone = bnn("check", a.toString());
        List<String> errors = alone.out().lines().toList();
        assertTrue(errors.stream().anyMatch(l -> l.contains("a.bnn:4:")) && errors.stream().anyMatch(l -> l.contains("lib/hw.bnn:")),
                "a's own error and the library's: " + alone.out());

        // Both use the library, b also uses a: every error once, in the turn of the first file that has it.
        CliRun both = bnn("check", a.toString(), b.toString());
        assertEquals(1, both.exit(), both.all());
        assertEquals(alone.out(), both.out());
        assertTrue(both.err().contains(errors.size() + " errors, 0 warnings in 2 files"), both.err());
    }

    @Test
    void aReportFolderThatMayNotBeWrittenIsRefusedBeforeTheSweepRuns() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("taken"));
        Path model = dir.resolve("sweep.bnn");
        Files.writeString(model, TestFiles.read("examples/quickstart/quickstart.bnn")
                .replace("    seed 42\n", "    seed 42\n    report \"taken\" csv\n"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        CliRun run = bnn("run", model.toString(), "--batch", "2");
        assertEquals(2, run.exit(), run.all());
        assertTrue(run.err().contains("report folder " + folder + " already holds files that bnn did not write"), run.err());
        assertTrue(!run.out().contains("BER       mean"), "the sweep did not run: " + run.out());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }

    @Test
    void importsResolveAcrossFilesOfTheSameFolder() throws Exception {
        Files.writeString(dir.resolve("hw.bnn"), """
                package lib.hw
                tile T { cells 64 rows x 64 columns 2T2R }
                chip Big { tiles 100 of T }
                """);
        Path model = dir.resolve("model.bnn");
        Files.writeString(model, """
                package app
                import lib.hw.*
                network N { input x: 128  output o: dense 10 }
                mapping M { network N on Big }
                """);
        CliRun run = bnn("run", model.toString(), "--batch", "2");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("tiles: 2 of 100"), run.out());
    }

    @Test
    void estimatePrintsTablesAndJson() throws Exception {
        String quickstart = TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString();
        CliRun text = bnn("estimate", quickstart);
        assertEquals(0, text.exit(), text.out() + text.err());
        assertTrue(text.out().contains("energy per inference: 151 nJ (sense 72.8 nJ, popcount 58.2 nJ, threshold 616 pJ, buffer 18.9 nJ)"),
                text.out());
        assertTrue(text.out().contains("not estimated (no unit energy given): partial sums per addition"), text.out());
        CliRun json = bnn("estimate", "--json", quickstart);
        assertEquals(0, json.exit(), json.err());
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(2880, tree.get(0).get("tilesNeeded").asLong());
        assertEquals(2_910_208, tree.get(0).get("events").get("senses").asLong());
        assertEquals(1.26e-6, tree.get(0).get("latencySeconds").asDouble(), 1e-12);
        assertEquals("nominal", tree.get(0).get("mapping").get("regime").asText());
        assertEquals(800, tree.get(0).get("layers").get(0).get("tiles").asLong());
        var fc2 = tree.get(0).get("layers").get(1);
        assertEquals(800, fc2.get("placedOn").get("first").asLong(), fc2.toString()); // auto: after fc1's 800 tiles
        assertEquals(800 + fc2.get("tiles").asLong() - 1, fc2.get("placedOn").get("last").asLong(), fc2.toString());
    }

    @Test
    void generateWritesJavaSources() {
        Path out = dir.resolve("gen");
        CliRun run = bnn("generate", TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn").toString(), "-o",
                out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(Files.isRegularFile(out.resolve("examples/quickstart/OnDemoSimulation.java")));
    }
}
