package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bnn.cli.BnnCli;
import org.bnn.dsl.tests.TestFiles;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.runtime.experiment.OwnedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same report gives the same bytes in every file (no time stamps, fixed ids, fixed order):
 * written twice in one JVM, and run from a .bnn file by {@code bnn run} in two separate JVMs that
 * differ in everything a run must not depend on.
 */
class ReportDeterminismTest {

    /**
     * A BER, a regime and a layer sweep of a small network on the illustrative presets, and a regime
     * sweep comparing 2T2R, 1T1R and 1T1R + SECDED mappings of it; every format.
     */
    private static final String STUDY = """
            package determinism
            import presets.illustrative.*

            network Small {
                input x: 12 x 12
                dense h: 64
                output out: dense 10
            }

            mapping OnDemo {
                network Small on Demo
                regime nominal
            }

            experiment Ber {
                run OnDemo on random 40 inputs
                errors weight-level resample per-chip
                sweep ber { 0, 1e-2, 1e-1 }
                trials 3
                seed 5
                report "reports/ber" csv json md png svg
            }

            experiment Regimes {
                run OnDemo on random 40 inputs
                errors device-level resample per-chip
                sweep regime { strong, ultra_low }
                trials 2
                seed 6
                report "reports/regimes" csv json md png svg
            }

            mapping On1T1R {
                network Small on Demo1T1R
                regime nominal
            }

            mapping OnSecded {
                network Small on DemoSecded
                regime nominal
            }

            experiment Cells {
                run OnDemo, On1T1R, OnSecded on random 40 inputs
                errors weight-level resample per-chip
                sweep regime { nominal, very_low }
                trials 2
                seed 8
                report "reports/cells" csv json md png svg
            }

            experiment Layers {
                run OnDemo on random 40 inputs
                errors weight-level resample per-chip
                sweep layers at ber 1e-1
                trials 2
                seed 7
                report "reports/layers" csv json md
            }
            """;

    @Test
    void twoWritesAreByteIdentical(@TempDir Path folder) throws Exception {
        List<Path> first = new ReportWriter(ReportFormat.ALL).write(SmallReport.realistic(), folder.resolve("first"));
        List<Path> second = new ReportWriter(ReportFormat.ALL).write(SmallReport.realistic(), folder.resolve("second"));
        assertEquals(10, first.size());
        assertEquals(first.stream().map(Path::getFileName).toList(), second.stream().map(Path::getFileName).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).getFileName().toString());
        }
    }

    /** Tick labels such as 0.5 nJ are not written with the default locale's decimal comma. */
    @Test
    void plotsDoNotDependOnTheDefaultLocale(@TempDir Path folder) throws Exception {
        Locale before = Locale.getDefault();
        List<Path> english;
        List<Path> german;
        try {
            Locale.setDefault(Locale.US);
            english = new ReportWriter(EnumSet.of(ReportFormat.SVG)).write(SmallReport.small(), folder.resolve("en"));
            Locale.setDefault(Locale.GERMANY);
            german = new ReportWriter(EnumSet.of(ReportFormat.SVG)).write(SmallReport.small(), folder.resolve("de"));
        } finally {
            Locale.setDefault(before);
        }
        String energy = Files.readString(english.get(1));
        assertTrue(energy.contains(">0.5</text>"), "the energy axis has a tick at 0.5 nJ: " + energy);
        for (int i = 0; i < english.size(); i++) {
            assertEquals(Files.readString(english.get(i)), Files.readString(german.get(i)), english.get(i).getFileName().toString());
        }
    }

    /**
     * Every file of the report folders, compared byte for byte between two JVMs: one processor and
     * an English locale in UTC, against two processors, a German locale (decimal comma) and another
     * time zone, default charset and line separator (Windows'). Set and hash orders change between JVMs by themselves.
     */
    @Test
    void twoJvmsWithDifferentThreadCountsWriteIdenticalFolders(@TempDir Path dir) throws Exception {
        Path one = study(dir.resolve("one"));
        Path two = study(dir.resolve("two"));
        run(one, "-XX:ActiveProcessorCount=1", "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8");
        run(two, "-XX:ActiveProcessorCount=2", "-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Asia/Kolkata",
                "-Dfile.encoding=ISO-8859-1", "-Dline.separator=\r\n");
        List<Path> files = files(one.resolve("reports"));
        assertEquals(files, files(two.resolve("reports")), "the same files");
        for (String expected : List.of("ber/report.json", "ber/accuracy-vs-ber.png", "ber/accuracy-vs-ber.svg", "regimes/regimes.csv",
                "regimes/sweep.json", "layers/sweep.md", "cells/comparison.csv", "cells/comparison.png", "cells/comparison.svg",
                "ber/" + OwnedFolder.MARKER)) {
            assertTrue(files.contains(Path.of(expected)), expected + " in " + files);
        }
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(one.resolve("reports").resolve(file)),
                    Files.readAllBytes(two.resolve("reports").resolve(file)),
                    file.toString());
        }
        String json = Files.readString(one.resolve("reports/ber/report.json"));
        assertTrue(json.contains("\"formats\": [ \"CSV\", \"JSON\", \"MD\", \"PNG\", \"SVG\" ]"), "formats in declaration order: " + json);
    }

    /** A project folder with the illustrative presets in lib/ and the study in study/. */
    private static Path study(Path project) throws IOException {
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/illustrative-hw.bnn"), TestFiles.read("examples/lib/illustrative-hw.bnn"));
        Files.createDirectories(project.resolve("study"));
        Files.writeString(project.resolve("study/study.bnn"), STUDY);
        return project.resolve("study");
    }

    /** {@code bnn run study.bnn} in a JVM of its own, on this test's class path. */
    private static void run(Path study, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), BnnCli.class.getName(), "run",
                study.resolve("study.bnn").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(study.resolve("run.log").toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bnn run ended");
        assertEquals(0, process.exitValue(), () -> "bnn run: " + read(study.resolve("run.log")));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
