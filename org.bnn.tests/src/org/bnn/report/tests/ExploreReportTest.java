package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.bnn.report.ParetoReport;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ReportSpec.ReportFormat;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExplorationResult;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.explore.InProcessExecutor;
import org.bnn.runtime.explore.Sampling;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.testing.ExploreDesigns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exploration's report: the same bytes on one thread and on three; what its files hold. */
class ExploreReportTest {
    @TempDir
    Path dir;

    private static ExplorationResult run(ExploreSpec spec, int threads) {
        return Exploration.run(spec, Path.of("."), new InProcessExecutor(threads), ExperimentRunner.Progress.NONE);
    }

    @Test
    void theReportIsByteIdenticalWhateverTheThreadCount() throws Exception {
        ExploreSpec spec = ExploreDesigns.spec(new Sampling(Sampling.Kind.RANDOM, 9), List.of(), 64, Optional.empty());
        List<Path> one = ParetoReport.write(run(spec, 1), EnumSet.allOf(ReportFormat.class), dir.resolve("one"));
        List<Path> three = ParetoReport.write(run(spec, 3), EnumSet.allOf(ReportFormat.class), dir.resolve("three"));
        assertEquals(one.stream().map(Path::getFileName).toList(), three.stream().map(Path::getFileName).toList());
        // csv, json, md, then a PNG and an SVG per pair of the three objectives
        assertEquals(3 + 2 * 3, one.size(), one.toString());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(three.get(i)), one.get(i).getFileName().toString());
        }
    }

    @Test
    void theJsonHoldsTheResolvedExplorationTheSeedsAndEveryDesignsMapping() throws Exception {
        ExploreSpec spec = ExploreDesigns.spec();
        ExplorationResult result = run(spec, 2);
        ParetoReport.write(result, EnumSet.of(ReportFormat.JSON, ReportFormat.CSV), dir);
        String json = Files.readString(dir.resolve("pareto.json"));
        assertTrue(json.contains("\"chips\": [ " + result.chipSeeds().get(0) + ", "), json.substring(0, 2000));
        assertTrue(json.contains("\"shardInputs\": 128"), json.substring(0, 2000));
        int exploration = json.indexOf("\"exploration\": {");
        assertTrue(exploration > 0);
        // Every design carries its fully resolved mapping: 12 designs, 12 mappings, plus the exploration's own base mapping.
        assertEquals(12 + 1, json.split("\"placement\": \\{", -1).length - 1);
        assertEquals(spec, SpecJson.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("exploration").toString(),
                ExploreSpec.class), "the exploration reads back from the report");
        List<String> csv = Files.readAllLines(dir.resolve("pareto.csv"));
        assertEquals(13, csv.size());
        assertEquals(result.front().size(), csv.stream().filter(line -> line.endsWith(",true")).count());
    }
}
