package org.bnn.runtime.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A report folder the tool owns: it carries a marker file, and the tool writes only into a folder
 * that is new, empty or marked, so it never replaces files it did not write. The marker holds one
 * fixed line (no time, no version), so two runs still give byte-identical folders.
 */
public final class OwnedFolder {
    /** The marker file's name. */
    public static final String MARKER = ".bnn-report";

    /** The marker file's content. */
    public static final String MARKER_TEXT = "Written by bnn, which replaces the files of this folder on every run.\n";

    private OwnedFolder() {
    }

    /**
     * Makes {@code folder} the tool's: creates it with its marker, marks it if it is empty, or
     * checks the marker of an existing one.
     *
     * @return {@code folder}
     * @throws OutputFolderException if it is a file, cannot be created, or holds files without the marker
     */
    public static Path claim(Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new OutputFolderException("report folder " + folder + " is a file, not a folder");
        }
        Path marker = folder.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            return folder;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new OutputFolderException("report folder " + folder + " already holds files that bnn did not write (it has no "
                            + MARKER + "); empty it or choose another folder");
                }
            }
        }
        for (Path above = folder.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                if (!Files.isDirectory(above)) {
                    throw new OutputFolderException("report folder " + folder + " cannot be created: " + above + " is a file");
                }
                break;
            }
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(marker, MARKER_TEXT, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new OutputFolderException("report folder " + folder + " cannot be written: no permission for " + e.getFile());
        } catch (FileSystemException e) {
            throw new OutputFolderException("report folder " + folder + " cannot be written: " + e.getReason());
        }
        return folder;
    }
}
