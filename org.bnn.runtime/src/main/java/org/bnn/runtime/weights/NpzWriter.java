package org.bnn.runtime.weights;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} file, one deflated {@code <name>.npy} entry per array (what
 * {@code np.savez_compressed} writes; {@code np.load} reads it). Entry times are fixed, so the same
 * arrays always give the same bytes.
 */
public final class NpzWriter implements AutoCloseable {
    /** 1980-01-01, the earliest time a zip entry can carry. */
    private static final long FIXED_TIME = 315532800000L;
    private final Path file;
    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    private NpzWriter(Path file, ZipOutputStream zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Creates (or replaces) {@code file}. */
    public static NpzWriter create(Path file) {
        try {
            return new NpzWriter(file, new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file))));
        } catch (IOException e) {
            throw new WeightsException(file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Adds array {@code name} (entry {@code name.npy}); names must be unique. */
    public NpzWriter add(String name, NpyArray array) {
        if (!names.add(name)) {
            throw new IllegalArgumentException(file + ": entry " + name + " is written twice");
        }
        ZipEntry entry = new ZipEntry(name + ".npy");
        entry.setTime(FIXED_TIME);
        try {
            zip.putNextEntry(entry);
            Npy.write(zip, array);
            zip.closeEntry();
        } catch (IOException e) {
            throw new WeightsException(file + " entry " + name + " cannot be written: " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new WeightsException(file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
