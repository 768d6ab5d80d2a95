package org.bnn.install.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the BNN feature from the update-site zip into a plain Eclipse platform (p2 UI, no BNN
 * bundle) with p2's director, as Help → Install New Software → Archive does without the dialogs,
 * then restarts that Eclipse and opens a .bnn file: the BNN editor opens it and marks its bad tile.
 */
class InstallFromSiteZipTest {

    private static final long TIMEOUT_S = 300;

    @TempDir
    Path work;

    @Test
    void theSiteZipInstallsIntoAPlainEclipseWhoseBnnEditorThenOpensAFile() throws IOException, InterruptedException {
        Path eclipse = work.resolve("eclipse");
        copy(Path.of(System.getProperty("bnn.plainEclipse")), eclipse);
        assertEquals(List.of(), bnnBundles(eclipse), "the plain Eclipse has no BNN bundle");

        Path zip = Path.of(System.getProperty("bnn.siteZip")).toAbsolutePath();
        Process director = run(eclipse, work.resolve("director.log"), "-application", "org.eclipse.equinox.p2.director",
                "-repository", "jar:" + zip.toUri() + "!/", "-installIU", "org.bnn.feature.feature.group");
        assertEquals(0, director.exitValue(), () -> "director failed: " + read(work.resolve("director.log")));
        assertTrue(bnnBundles(eclipse).contains("org.bnn.dsl.ui"), () -> "installed: " + bnnBundles(eclipse));

        // Restarted with the probe in dropins/: the workbench opens a .bnn file.
        Path probe;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("bnn.probeFolder")))) {
            probe = jars.filter(p -> p.getFileName().toString().matches("org\\.bnn\\.install\\.probe-.*\\.jar")).findFirst().orElseThrow();
        }
        Path dropins = Files.createDirectories(eclipse.resolve("dropins"));
        Files.copy(probe, dropins.resolve(probe.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path result = work.resolve("probe.txt");
        Process restart = run(eclipse, work.resolve("restart.log"), "-data", work.resolve("ws").toString(), "-application",
                "org.bnn.install.probe.openBnnEditor", result.toString());
        assertEquals(0, restart.exitValue(), () -> "restart failed: " + read(work.resolve("restart.log")));
        List<String> seen = Files.readAllLines(result);
        assertEquals(List.of("editor=org.bnn.dsl.ui.editor", "marker=line 3: The rows must be positive, got 0"), seen,
                () -> read(work.resolve("restart.log")) + read(work.resolve("ws/.metadata/.log")));
        String log = read(work.resolve("ws/.metadata/.log"));
        assertTrue(!log.contains("!ENTRY org.bnn") && !log.contains("Exception"), "no error in the workspace log: " + log);
    }

    /** Runs the Eclipse in {@code eclipse} (its launcher jar, this JVM's java) with {@code args}; output to {@code log}. */
    private static Process run(Path eclipse, Path log, String... args) throws IOException, InterruptedException {
        Path launcher;
        try (Stream<Path> jars = Files.list(eclipse.resolve("plugins"))) {
            launcher = jars.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar")).findFirst()
                    .orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                launcher.toString(), "-nosplash", "-consoleLog"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(eclipse.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", args) + " did not finish in " + TIMEOUT_S + " s: " + read(log));
        }
        return process;
    }

    /** Symbolic names of the org.bnn bundles in {@code eclipse}'s plugins folder. */
    private static List<String> bnnBundles(Path eclipse) {
        try (Stream<Path> plugins = Files.list(eclipse.resolve("plugins"))) {
            return plugins.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("org.bnn.")).map(n -> n.replaceFirst("_.*", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? "\n--- " + file.getFileName() + "\n" + Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
