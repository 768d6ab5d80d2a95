package org.bnn.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bnn.runtime.experiment.OwnedFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bnn.cli.testing.CliRun;

/** {@code --output-root DIR}: the only way for {@code bnn run} to write a report outside the model's project. */
class OutputRootOptionTest {
    private static final String MODEL = """
            tile T { cells 32 rows x 32 columns 2T2R }
            chip C { tiles 8 of T }
            network N {
                input x: 6 x 6
                dense h: 32
                output out: dense 10
            }
            mapping M { network N on C }
            experiment E {
                run M on random 10 inputs
                sweep ber { 0, 1e-2 }
                trials 2
                seed 3
                report "REPORT" csv md
            }
            """;

    @TempDir
    Path dir;

    private Path model(String report) throws Exception {
        Path file = dir.resolve("project/model.bnn");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MODEL.replace("REPORT", report));
        return file;
    }

    @Test
    void aReportOutsideTheProjectRunsOnlyWithTheFolderAllowed() throws Exception {
        Path sibling = Files.createDirectories(dir.resolve("sibling"));
        Path model = model("../sibling/e");
        CliRun refused = CliRun.bnn("run", model.toString());
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("error: report folder " + sibling.toRealPath().resolve("e") + " lies outside the project "
                + dir.resolve("project").toRealPath()) && refused.out().contains("[org.bnn.dsl.outputOutsideProject]"), refused.out());
        assertFalse(Files.exists(sibling.resolve("e")));

        CliRun allowed = CliRun.bnn("run", "--output-root", sibling.toString(), model.toString());
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(Files.isRegularFile(sibling.resolve("e/report.md")));
        assertTrue(Files.isRegularFile(sibling.resolve("e").resolve(OwnedFolder.MARKER)));

        CliRun again = CliRun.bnn("run", model.toString());
        assertEquals(1, again.exit(), "the option holds for its own command only: " + again.out());
    }

    @Test
    void aFolderThatDoesNotExistIsAUsageError() throws Exception {
        CliRun run = CliRun.bnn("run", "--output-root", dir.resolve("nowhere").toString(), model("r").toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().startsWith("bnn: --output-root " + dir.resolve("nowhere") + ": no such folder (see bnn run --help)"),
                run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void trainTakesTheOptionToo() {
        CliRun help = CliRun.bnn("train", "--help");
        assertTrue(help.out().contains("--output-root=DIR"), help.out());
    }

    @Test
    void aFolderOfSomeoneElsesFilesIsNotOverwritten() throws Exception {
        Path model = model("notes");
        Files.createDirectories(model.resolveSibling("notes"));
        Files.writeString(model.resolveSibling("notes/report.md"), "mine");
        CliRun run = CliRun.bnn("run", model.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("report folder " + model.resolveSibling("notes") + " already holds files that bnn did not write"),
                run.err());
        assertEquals("mine", Files.readString(model.resolveSibling("notes/report.md")));
    }
}
