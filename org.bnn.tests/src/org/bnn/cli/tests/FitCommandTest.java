package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bnn.cli.testing.CliRun;

/** {@code bnn fit}: the report and device block of measured resistances, and its exit codes. */
class FitCommandTest {
    private static final Path CELLS = TestFiles.repositoryRoot().resolve("examples/reliability/cells.csv");

    @TempDir
    Path dir;

    @Test
    void fitsTheShippedMeasurementsAndPrintsAValidDeviceBlock() throws Exception {
        CliRun run = bnn("fit", CELLS.toString());
        assertEquals(0, run.exit(), run.all());
        assertEquals("", run.err());
        String out = run.out();
        assertTrue(out.contains("cells.csv: 600 measurements in 12 groups; 95 % confidence intervals"), out);
        assertTrue(out.contains("nominal  lrs    1        50  7.759 kOhm  [7.202 kOhm, 8.361 kOhm]  0.2599  [0.2193, 0.3272]"), out);
        assertTrue(out.contains("Aging over time, t0 = 1 s (the earliest time in the file):"), out);
        assertTrue(out.contains("nominal  lrs    3      +1.99 % +- 1.09 %"), out);
        assertTrue(out.contains("device Measured {\n    regime nominal {\n"), out);
        assertTrue(out.contains("        lrs lognormal(median 7.759 kOhm, sigma 0.2599)\n"), out);
        // the fitted drift as the language's relaxation, after the endurance where the grammar has it:
        // ln median -11.64 % per decade (the report's slope) is a median x (1 - 10.99 %) per decade
        assertTrue(out.contains("        endurance 1e7\n        // Relaxation fitted over 3 times after programming;"), out);
        assertTrue(out.contains("""
                        relaxation {
                            lrs median +5.41 % sigma +0.0159 per decade
                            hrs median -10.99 % sigma +0.0402 per decade
                            from 1 s
                        }
                    }
                }
                """), out);

        Path block = dir.resolve("device.bnn");
        CliRun written = bnn("fit", CELLS.toString(), "-o", block.toString(), "--name", "HfO2Fit");
        assertEquals(0, written.exit(), written.all());
        assertTrue(written.out().endsWith("device HfO2Fit written to " + block + "\n"), written.out());
        assertFalse(written.out().contains("regime nominal {"), "the block goes to the file: " + written.out());
        assertTrue(Files.readString(block).contains("device HfO2Fit {"));
        assertEquals(2, Files.readString(block).split("relaxation \\{", -1).length - 1, "a relaxation block per regime");
        CliRun check = bnn("check", block.toString());
        assertEquals(0, check.exit(), check.all());
        assertEquals("", check.out());
    }

    /** Names the language reserves get its escape, so that the block still parses. */
    @Test
    void keywordNamesAreEscaped() throws Exception {
        StringBuilder csv = new StringBuilder("regime,state,ohms\n");
        for (int i = 0; i < 20; i++) {
            csv.append("test,lrs,").append(8000 + 10 * i).append('\n').append("test,hrs,").append(180000 + 1000 * i).append('\n');
        }
        Path measurements = dir.resolve("m.csv");
        Files.writeString(measurements, csv);
        Path block = dir.resolve("device.bnn");
        CliRun run = bnn("fit", measurements.toString(), "-o", block.toString(), "--name", "device");
        assertEquals(0, run.exit(), run.all());
        String text = Files.readString(block);
        assertTrue(text.contains("device ^device {\n    regime ^test {\n"), text);
        CliRun check = bnn("check", block.toString());
        assertEquals(0, check.exit(), check.all());
    }

    @Test
    void aMalformedCsvIsOneLineNamingFileAndLineAndExitsOne() throws Exception {
        Path measurements = dir.resolve("bad.csv");
        Files.writeString(measurements, "# resistances of die 4\nstate,ohms\nlrs,8000\nlrs,-12\n");
        CliRun run = bnn("fit", measurements.toString());
        assertEquals(1, run.exit(), run.all());
        assertEquals(measurements + ":4: ohms must be positive, got -12\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void usageMistakesExitTwoWithoutAStackTrace() {
        CliRun missingArgument = bnn("fit");
        assertEquals(2, missingArgument.exit());
        assertEquals("bnn: Missing required parameter: 'CSV' (see bnn fit --help)\n", missingArgument.err());
        CliRun badName = bnn("fit", CELLS.toString(), "--name", "9lives");
        assertEquals(2, badName.exit());
        assertTrue(badName.err().startsWith("bnn: --name 9lives: not a name"), badName.err());
        assertEquals("", badName.out());
        CliRun missingFile = bnn("fit", dir.resolve("nope.csv").toString());
        assertEquals(2, missingFile.exit());
        assertEquals("bnn: " + dir.resolve("nope.csv") + ": no such file\n", missingFile.err());
        assertFalse(missingFile.all().contains("\tat "), missingFile.all());
    }
}
