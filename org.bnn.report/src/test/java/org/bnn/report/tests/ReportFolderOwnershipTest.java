package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bnn.report.ExperimentReport;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.OutputFolderException;
import org.bnn.runtime.experiment.OutputLocation;
import org.bnn.runtime.experiment.OwnedFolder;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool writes reports only into folders it owns (new, empty, or carrying its marker) and, at
 * write time, only inside the description's project or an allowed root, whatever validated it.
 */
class ReportFolderOwnershipTest {
    private static final MappingSpec MAPPING = new MappingSpec("M",
            NetworkSpec.builder("N", "x", 64).dense("h", 32).output("o", 10).build(),
            new ChipSpec("C", 16, new TileSpec("T", 32, 32, new CellTechnology.TwoTransistorTwoResistor())));

    @TempDir
    Path dir;

    private static ExperimentSpec experiment(String reportFolder, SweepSpec sweep) {
        return new ExperimentSpec("E", MAPPING, new InputSource.Random(20), ErrorSpec.weightLevel(Resampling.PER_CHIP), sweep, 2, 3,
                Optional.empty(),
                Optional.of(new ReportSpec(reportFolder, Set.of(ReportSpec.ReportFormat.CSV, ReportSpec.ReportFormat.MD))));
    }

    private static List<SweepPoint> run(ExperimentSpec spec) {
        ExperimentInputs data = ExperimentInputs.load(spec, Path.of(""));
        return new ExperimentRunner(1).run(spec, data.network(), data.inputs(), data.labels());
    }

    @Test
    void aNewFolderGetsTheMarkerAndCanBeWrittenAgain() throws Exception {
        Path folder = dir.resolve("new/report");
        new ReportWriter(ReportFormat.ALL).write(SmallReport.small(), folder);
        assertEquals(OwnedFolder.MARKER_TEXT, Files.readString(folder.resolve(OwnedFolder.MARKER)));
        List<Path> again = new ReportWriter(ReportFormat.ALL).write(SmallReport.small(), folder);
        assertFalse(again.isEmpty());
    }

    @Test
    void aFolderWithSomeoneElsesFilesIsRefusedAndLeftAlone() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(folder.resolve("report.md"), "my own notes");
        OutputFolderException refused = assertThrows(OutputFolderException.class,
                () -> new ReportWriter(EnumSet.of(ReportFormat.MD)).write(SmallReport.small(), folder));
        assertEquals("report folder " + folder + " already holds files that bnn did not write (it has no .bnn-report); "
                + "empty it or choose another folder", refused.getMessage());
        assertEquals("my own notes", Files.readString(folder.resolve("report.md")));
        assertFalse(Files.exists(folder.resolve(OwnedFolder.MARKER)));
        ExperimentSpec regimes = experiment("r", new SweepSpec.Layers(0.01));
        assertThrows(OutputFolderException.class, () -> SweepReport.write(folder, "bnn test", regimes, run(regimes)));
        assertEquals(List.of(folder.resolve("report.md")), Files.list(folder).toList());
    }

    @Test
    void anEmptyFolderIsTaken() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("empty"));
        new ReportWriter(EnumSet.of(ReportFormat.CSV)).write(SmallReport.small(), folder);
        assertTrue(Files.isRegularFile(folder.resolve(OwnedFolder.MARKER)));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAOneLineError() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        OutputFolderException refused = assertThrows(OutputFolderException.class,
                () -> new ReportWriter(EnumSet.of(ReportFormat.CSV)).write(SmallReport.small(), file));
        assertEquals("report folder " + file + " is a file, not a folder", refused.getMessage());
        OutputFolderException below = assertThrows(OutputFolderException.class,
                () -> new ReportWriter(EnumSet.of(ReportFormat.CSV)).write(SmallReport.small(), file.resolve("sub")));
        assertEquals("report folder " + file.resolve("sub") + " cannot be created: " + file + " is a file", below.getMessage());
    }

    @Test
    void writingInTheProjectRefusesAFolderOutsideEvenWithoutTheValidator() throws Exception {
        Path base = Files.createDirectories(dir.resolve("downloads/model"));
        String escaped = "escaped-" + dir.getFileName(); // next to the temporary folder: unique, and removed if the check fails
        ExperimentSpec escaping = experiment("../../../" + escaped, new SweepSpec.Ber(List.of(0.0)));
        try {
            OutputFolderException refused = assertThrows(OutputFolderException.class,
                    () -> ExperimentReport.writeInProject(escaping, run(escaping), base));
            assertTrue(refused.getMessage().startsWith("report folder " + dir.getParent().toRealPath().resolve(escaped)
                    + " lies outside the project " + base.toRealPath()), refused.getMessage());
            assertFalse(Files.exists(dir.getParent().resolve(escaped)));
        } finally {
            deleteTree(dir.getParent().resolve(escaped));
        }

        ExperimentSpec inside = experiment("reports/e", new SweepSpec.Ber(List.of(0.0)));
        List<Path> written = ExperimentReport.writeInProject(inside, run(inside), base);
        Path expected = base.toRealPath().resolve("reports/e");
        assertTrue(written.stream().allMatch(file -> file.startsWith(expected)), written.toString());
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void anExtraRootFromThePropertyIsAllowedAtWriteTime() throws Exception {
        Path base = Files.createDirectories(dir.resolve("project"));
        Path sibling = Files.createDirectories(dir.resolve("sibling"));
        ExperimentSpec spec = experiment("../sibling/e", new SweepSpec.Ber(List.of(0.0)));
        assertThrows(OutputFolderException.class, () -> OutputLocation.checked(base, "../sibling/e", "report folder"));
        System.setProperty(OutputLocation.ROOTS_PROPERTY, sibling.toString());
        try {
            ExperimentReport.writeInProject(spec, run(spec), base);
        } finally {
            System.clearProperty(OutputLocation.ROOTS_PROPERTY);
        }
        assertTrue(Files.isRegularFile(sibling.resolve("e/report.md")));
    }
}
