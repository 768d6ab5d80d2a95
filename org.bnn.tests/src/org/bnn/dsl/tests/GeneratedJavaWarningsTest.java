package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated Java of the examples (the reviewed copies in org.bnn.tests/golden, kept equal to the
 * generator's output by GeneratorGoldenTest) compiled by Eclipse's own compiler with the warnings
 * a new Eclipse Java project shows: none, so a project with the BNN nature has a clean src-gen.
 */
class GeneratedJavaWarningsTest {

    @Test
    void eclipsesCompilerFindsNothingToWarnAbout(@TempDir Path sources) throws IOException {
        Path golden = TestFiles.repositoryRoot().resolve("org.bnn.tests/golden");
        List<String> files = new ArrayList<>();
        try (var stream = Files.walk(golden)) {
            for (Path file : stream.filter(p -> p.toString().endsWith(".java.txt")).toList()) {
                String name = golden.relativize(file).toString();
                Path java = sources.resolve(name.substring(0, name.length() - ".txt".length()));
                Files.createDirectories(java.getParent());
                Files.copy(file, java);
                files.add(java.toString());
            }
        }
        assertTrue(files.size() >= 10, "golden files: " + files);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // The defaults of a new Eclipse Java project, unused imports and raw types among them.
        String commandLine = String.join(" ", "-17", "-proceedOnError", "-d", "none", "-cp",
                quoted(existing(System.getProperty("java.class.path"))),
                "-warn:+unusedImport,+unusedLocal,+unusedPrivate,+raw,+unchecked,+deprecation",
                String.join(" ", files.stream().map(GeneratedJavaWarningsTest::quoted).toList()));
        boolean compiled = BatchCompiler.compile(commandLine, new PrintWriter(out), new PrintWriter(err), null);
        assertTrue(compiled, "ecj failed:\n" + err);
        assertEquals("", err.toString().trim(), "ecj warnings on the generated Java");
    }

    /** The entries of a class path that exist (ecj reports the others). */
    private static String existing(String classPath) {
        return String.join(File.pathSeparator,
                Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> Files.exists(Path.of(e))).toList());
    }

    private static String quoted(String argument) {
        return "\"" + argument + "\"";
    }
}
