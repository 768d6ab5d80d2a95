package org.bnn.runtime.experiment;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a description may write: report folders and trained weights stay inside the description's
 * project, or inside a folder the user allowed explicitly. A file downloaded with a
 * {@code report "../../.."} line must not make a run create folders or replace files elsewhere.
 * <p>
 * The project of a description is the nearest folder, from the description's own folder upwards,
 * that holds a {@code lib/} folder of .bnn files (the shared preset library, which the tool loads
 * from there too), else the description's own folder. Paths are compared after resolving {@code ..} and
 * symbolic links (of the part of the path that exists), so neither leads out of the project.
 * <p>
 * Extra roots come from the system property {@value #ROOTS_PROPERTY} (folders separated by the
 * platform's path separator), which {@code bnn run --output-root DIR} sets and a generated class
 * started on its own may be given with {@code -D}.
 */
public final class OutputLocation {
    /** The system property listing the folders outside a project that may be written into. */
    public static final String ROOTS_PROPERTY = "bnn.outputRoots";

    /** The folder whose presence marks a project's top (examples/lib is shared by the examples). */
    public static final String LIBRARY = "lib";

    private OutputLocation() {
    }

    /** The project of a description whose folder is {@code descriptionFolder}. */
    public static Path projectRoot(Path descriptionFolder) {
        Path folder = real(descriptionFolder.toAbsolutePath());
        for (Path enclosing = folder; enclosing != null; enclosing = enclosing.getParent()) {
            if (holdsDescriptions(enclosing.resolve(LIBRARY))) {
                return enclosing;
            }
        }
        return folder;
    }

    /** Whether {@code folder} holds .bnn files: a system's own /lib or ~/lib must not make a project of / or ~. */
    private static boolean holdsDescriptions(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".bnn"));
        } catch (IOException e) {
            return false; // unreadable: not a library the tool could load either
        }
    }

    /**
     * The absolute place {@code written} (as in a .bnn file) names when resolved against
     * {@code base}: {@code ..} and symbolic links resolved where the path exists.
     *
     * @throws InvalidPathException if {@code written} is not a path on this system
     */
    public static Path resolve(Path base, String written) {
        return real(base.toAbsolutePath().resolve(Path.of(written)));
    }

    /** The extra roots named by the system property {@value #ROOTS_PROPERTY}, resolved; empty when it is not set. */
    public static List<Path> rootsFromProperty() {
        String value = System.getProperty(ROOTS_PROPERTY, "");
        List<Path> roots = new ArrayList<>();
        for (String root : value.split(File.pathSeparator)) {
            if (!root.isBlank()) {
                try {
                    roots.add(real(Path.of(root.strip()).toAbsolutePath()));
                } catch (InvalidPathException e) {
                    // Not a folder on this system, so nothing lies inside it.
                }
            }
        }
        return roots;
    }

    /** Where a path written in a description leads from its folder, and whether a run may write there: see {@link #place}. */
    public sealed interface Place {
    }

    /** Inside the project or an allowed root: {@code target} may be written. */
    public record Allowed(Path target) implements Place {
    }

    /** A place a run may not write. */
    public sealed interface Refused extends Place {
        /** Why, in one line for the user. */
        String message();
    }

    /** Elsewhere: the message names the target and the project it lies outside of. */
    public record Outside(Path target, Path project, String message) implements Refused {
    }

    /** The text is not a path on this system (a NUL character, say). */
    public record NotAPath(String message) implements Refused {
    }

    /**
     * Where {@code written} leads from {@code base}: {@link Allowed} inside the project of
     * {@code base} or inside one of {@code extraRoots}, else why not.
     *
     * @param what what is written there, for the message (e.g. "report folder")
     */
    public static Place place(Path base, String written, String what, Collection<Path> extraRoots) {
        Path target;
        try {
            target = resolve(base, written);
        } catch (InvalidPathException e) {
            return new NotAPath(what + " \"" + written + "\" is not a path on this system: " + e.getReason());
        }
        Path project = projectRoot(base);
        if (target.startsWith(project) || extraRoots.stream().map(root -> real(root.toAbsolutePath())).anyMatch(target::startsWith)) {
            return new Allowed(target);
        }
        return new Outside(target, project, what + " " + target + " lies outside the project " + project
                + " (the nearest folder above the .bnn file with a "
                + LIBRARY
                + "/ folder of .bnn files, else the file's own folder); write inside it, or allow the folder with --output-root DIR (bnn run, bnn train)");
    }

    /**
     * The place {@code written} names, if it may be written: inside the project of {@code base} or
     * below a root of {@link #rootsFromProperty()}.
     *
     * @throws OutputFolderException if it lies elsewhere or is not a path
     */
    public static Path checked(Path base, String written, String what) {
        return checked(base, written, what, rootsFromProperty());
    }

    /** As {@link #checked(Path, String, String)}, with explicit extra roots. */
    public static Path checked(Path base, String written, String what, Collection<Path> extraRoots) {
        Place place = place(base, written, what, extraRoots);
        if (place instanceof Refused refused) {
            throw new OutputFolderException(refused.message());
        }
        return ((Allowed) place).target();
    }

    /**
     * {@code path} made absolute, with its longest existing part replaced by its real path (links
     * and {@code ..} resolved by the file system) and the rest normalized: what does not exist yet
     * cannot be a link.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath();
        for (int kept = absolute.getNameCount(); kept >= 0; kept--) {
            Path existing = kept == 0 ? absolute.getRoot() : absolute.getRoot().resolve(absolute.subpath(0, kept));
            if (existing != null && Files.exists(existing)) {
                try {
                    Path rest = kept == absolute.getNameCount() ? Path.of("") : absolute.subpath(kept, absolute.getNameCount());
                    return existing.toRealPath().resolve(rest).normalize();
                } catch (IOException e) {
                    break; // unreadable on the way: compare the path as written
                }
            }
        }
        return absolute.normalize();
    }
}
