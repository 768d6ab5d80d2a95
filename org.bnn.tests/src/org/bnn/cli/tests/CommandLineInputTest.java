package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.bnn.cli.testing.CliRun;

/**
 * Mistakes on the command line and files that are not .bnn descriptions: each is one line on
 * stderr that names the file or option and the problem, with exit code 2 (README, "Exit codes"),
 * never an internal error or a Java exception.
 */
class CommandLineInputTest {
    @TempDir
    static Path dir;

    private static Path model;

    @BeforeEach
    void copyOfTheQuickstartModel() throws Exception {
        Path folder = dir.resolve("quickstart");
        Files.createDirectories(folder);
        model = Files.copy(TestFiles.repositoryRoot().resolve("examples/quickstart/quickstart.bnn"), folder.resolve("quickstart.bnn"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Stream<Arguments> mistakes() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a model\n");
        Path upper = Files.writeString(dir.resolve("MODEL.BNN"), "package p\n");
        Path latin1 = Files.write(dir.resolve("latin1.bnn"), "package p\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        return Stream.of(
                Arguments.of(new String[] {"check", notes.toString()}, "notes.txt: not a .bnn file (the language's files end in .bnn)"),
                Arguments.of(new String[] {"check", upper.toString()}, "MODEL.BNN: not a .bnn file (the extension is .bnn in lower case"),
                Arguments.of(new String[] {"check", dir.toString()}, ": is a folder; name the .bnn file to use"),
                Arguments.of(new String[] {"check", "/dev/null"}, "/dev/null: not a regular file"),
                Arguments.of(new String[] {"check", dir.resolve("absent.bnn").toString()}, "absent.bnn: no such file"),
                Arguments.of(new String[] {"format", latin1.toString()}, "latin1.bnn:2: not UTF-8 text (byte 16)"),
                Arguments.of(new String[] {"run", "--batch", "-5", "MODEL"}, "--batch must be between 1 and 100000 random inputs, got -5"),
                Arguments.of(new String[] {"run", "--batch", "2147483647", "MODEL"},
                        "--batch must be between 1 and 100000 random inputs, got 2147483647"),
                Arguments.of(new String[] {"run", "--batch", "many", "MODEL"}, "'many' is not an int (see bnn run --help)"),
                Arguments.of(new String[] {"run", "--seed", "99999999999999999999", "MODEL"}, "is not a long (see bnn run --help)"),
                Arguments.of(new String[] {"check", "--strict", "MODEL"}, "Unknown option: '--strict' (see bnn check --help)"),
                Arguments.of(new String[] {"simulate", "MODEL"},
                        "unknown command 'simulate'; the commands are check, estimate, export, fit, format, generate, import, run, train, help (see bnn --help)"),
                Arguments.of(new String[] {"run"}, "Missing required parameter: 'FILE' (see bnn run --help)"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistakeIsOneLineWithExitCodeTwo(String[] args, String expected) {
        String[] resolved = Stream.of(args).map(a -> a.equals("MODEL") ? model.toString() : a).toArray(String[]::new);
        CliRun run = bnn(resolved);
        assertEquals(2, run.exit(), run.all());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("bnn: ") && run.err().contains(expected), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("internal error") || run.err().contains("Exception"), run.err());
    }

    @Test
    void theBatchBoundIsInclusive() {
        // Options are parsed (and checked) before --help is honoured, so this tests the bound alone.
        assertEquals(0, bnn("run", "--batch", "100000", "--help").exit());
        assertEquals(0, bnn("run", "--batch", "1", "--help").exit());
        assertEquals(2, bnn("run", "--batch", "100001", "--help").exit());
        assertEquals(2, bnn("run", "--batch", "0", "--help").exit());
    }

    @Test
    void formatLeavesAFileThatIsNotUtf8Untouched() throws Exception {
        byte[] bytes = "package p\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("keep.bnn"), bytes);
        assertEquals(2, bnn("format", file.toString()).exit());
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)), "the original bytes are kept");
    }
}
