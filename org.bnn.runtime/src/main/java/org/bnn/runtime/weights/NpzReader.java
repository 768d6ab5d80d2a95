package org.bnn.runtime.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a NumPy {@code .npz} file (a zip of {@code <name>.npy} entries, stored or deflated, as
 * {@code np.savez} and {@code np.savez_compressed} write them). Arrays are named as NumPy names
 * them, without {@code .npy}. Headers can be read alone, so a shape check does not load the data.
 */
public final class NpzReader implements AutoCloseable {
    private static final String SUFFIX = ".npy";
    private final Path file;
    private final ZipFile zip;

    private NpzReader(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Opens {@code file}; a missing or non-zip file is a {@link WeightsException} naming it. */
    public static NpzReader open(Path file) {
        try {
            return new NpzReader(file, new ZipFile(file.toFile()));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new WeightsException(file + " does not exist");
        } catch (ZipException e) {
            throw new WeightsException(file + " is not a NumPy .npz file (not a zip archive: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new WeightsException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The array names, in the order of the archive. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (entry.getName().endsWith(SUFFIX)) {
                names.add(entry.getName().substring(0, entry.getName().length() - SUFFIX.length()));
            }
        }
        return names;
    }

    /** True if the file has an array of that name. */
    public boolean contains(String name) {
        return zip.getEntry(name + SUFFIX) != null;
    }

    /** The header of array {@code name}, without reading its data. */
    public NpyHeader header(String name) {
        try (InputStream in = entry(name)) {
            return Npy.readHeader(in, where(name));
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /** Array {@code name}. */
    public NpyArray array(String name) {
        try (InputStream in = entry(name)) {
            return Npy.read(in, where(name));
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /** "file entry name", the prefix of every message about that array. */
    public String where(String name) {
        return file + " entry " + name;
    }

    private InputStream entry(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name + SUFFIX);
        if (entry == null) {
            throw new WeightsException(file + " has no entry " + name);
        }
        return zip.getInputStream(entry);
    }

    private WeightsException failed(String name, IOException e) {
        return new WeightsException(where(name) + " cannot be read (corrupt archive?): " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new WeightsException(file + " cannot be closed: " + e.getMessage(), e);
        }
    }
}
