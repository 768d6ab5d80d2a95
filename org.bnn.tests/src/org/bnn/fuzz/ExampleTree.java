package org.bnn.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bnn.cli.workspace.BnnWorkspace;
import org.bnn.dsl.tests.TestFiles;

/**
 * A private copy of the repository's examples folder, where fuzzed files are put in place of (or
 * next to) the examples so that their imports of {@code lib/} and their weights files resolve as
 * they do for a user. The repository itself is never written.
 */
final class ExampleTree {
    /** Where structurally generated models and corpus cases without a folder of their own are put. */
    static final String GENERATED_FOLDER = "examples/fuzz";

    private static ExampleTree shared;

    private final Path root;
    private final Map<String, byte[]> seeds = new LinkedHashMap<>();

    private ExampleTree(Path root) {
        this.root = root;
    }

    /** The one copy of this JVM, made on first use and deleted at exit. */
    static synchronized ExampleTree shared() {
        if (shared == null) {
            try {
                Path root = Files.createTempDirectory("bnn-fuzz");
                shared = new ExampleTree(root);
                shared.copyExamples(TestFiles.repositoryRoot());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void copyExamples(Path repository) throws IOException {
        Path examples = repository.resolve("examples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(examples)) {
            // Build output and fetched data are not part of the examples.
            files = walk.filter(Files::isRegularFile).filter(p -> !examples.relativize(p).toString().matches("(.*/)?(target|reports)/.*"))
                    .sorted().toList();
        }
        for (Path file : files) {
            String relative = repository.relativize(file).toString();
            Path copy = root.resolve(relative);
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
            if (relative.endsWith(".bnn")) {
                seeds.put(relative, Files.readAllBytes(file));
            }
        }
        Files.createDirectories(root.resolve(GENERATED_FOLDER));
    }

    /** Every example .bnn file by path relative to the repository, with its bytes. */
    Map<String, byte[]> seeds() {
        return seeds;
    }

    /** The place of a file in the copy. */
    Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /** The other .bnn files the CLI loads with {@code file} ({@link BnnWorkspace#contextOf}), within the copy. */
    List<Path> context(Path file) {
        Path copy = root.toAbsolutePath().normalize(); // as contextOf gives its paths
        return BnnWorkspace.contextOf(file).stream().filter(other -> other.startsWith(copy)).toList();
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: the folder is in the temporary directory anyway.
        }
    }
}
