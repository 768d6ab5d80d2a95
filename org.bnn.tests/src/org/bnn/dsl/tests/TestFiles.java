package org.bnn.dsl.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of files of the repository that tests read. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Text of a file of the repository, by path relative to the root. */
    public static String read(String relativePath) {
        try {
            return Files.readString(repositoryRoot().resolve(relativePath));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The repository root, from the build (surefire) or found upwards from the working directory. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("bnn.repository.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/quickstart"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
