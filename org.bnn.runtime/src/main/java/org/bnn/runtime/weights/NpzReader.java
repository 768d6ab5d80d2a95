package org.bnn.runtime.weights;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a NumPy {@code .npz} file (a zip of {@code <name>.npy} entries, stored or deflated, as
 * {@code np.savez} and {@code np.savez_compressed} write them). Arrays are named as NumPy names
 * them, without {@code .npy}. Headers can be read alone, so a shape check does not load the data.
 * Every member read whole is checked against the CRC-32 the archive stores ({@code java.util.zip}
 * checks it only in {@code ZipInputStream}, not in {@code ZipFile}); zip64 archives (NumPy's
 * {@code savez} writes zip64 entries) read like any other. Not thread-safe.
 */
public final class NpzReader implements AutoCloseable {
    private static final String SUFFIX = ".npy";
    /** Larger members are no weight arrays; refusing them keeps a zip bomb from filling the memory. */
    private static final int MAX_MEMBER = 1 << 30;
    private final Path file;
    private final ZipFile zip;
    /** Names of the members whose CRC-32 has been checked. */
    private final Set<String> verified = new HashSet<>();

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
            throw new WeightsException(
                    file + " is not a NumPy .npz file (not a zip archive, or one whose directory is damaged or cut off)");
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

    /** The header of array {@code name}, without reading its data (so without checking the member's CRC-32). */
    public NpyHeader header(String name) {
        ZipEntry entry = entry(name);
        try (InputStream in = zip.getInputStream(entry)) {
            return Npy.readHeader(in, where(name));
        } catch (IOException e) {
            throw failed(entry, e);
        }
    }

    /** Array {@code name}; its member's CRC-32 is checked before the bytes are interpreted. */
    public NpyArray array(String name) {
        ZipEntry entry = entry(name);
        try (CheckedInputStream in = checked(entry)) {
            byte[] bytes = in.readNBytes(MAX_MEMBER + 1);
            if (bytes.length > MAX_MEMBER) {
                throw new WeightsException(member(entry) + ": larger than " + (MAX_MEMBER >> 20) + " MiB, not a weight array");
            }
            checkCrc(entry, in);
            return Npy.read(new ByteArrayInputStream(bytes), where(name));
        } catch (IOException e) {
            throw failed(entry, e);
        }
    }

    /**
     * Checks the CRC-32 of every member that {@link #array} has not read, arrays or not: the zip
     * reader does not, and a flipped bit would otherwise become a wrong weight (NumPy refuses such
     * a file).
     */
    public void verifyChecksums() {
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!verified.contains(entry.getName())) {
                try (CheckedInputStream in = checked(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                    checkCrc(entry, in);
                } catch (IOException e) {
                    throw failed(entry, e);
                }
            }
        }
    }

    /** "file entry name", the prefix of every message about that array. */
    public String where(String name) {
        return file + " entry " + name;
    }

    private ZipEntry entry(String name) {
        ZipEntry entry = zip.getEntry(name + SUFFIX);
        if (entry == null) {
            throw new WeightsException(file + " has no entry " + name);
        }
        return entry;
    }

    private CheckedInputStream checked(ZipEntry entry) throws IOException {
        return new CheckedInputStream(zip.getInputStream(entry), new CRC32());
    }

    /** Call after reading the member to its end. */
    private void checkCrc(ZipEntry entry, CheckedInputStream in) {
        long stored = entry.getCrc();
        long computed = in.getChecksum().getValue();
        if (stored != computed) {
            throw new WeightsException(String.format(Locale.ROOT, "%s: CRC-32 mismatch (stored 0x%08x, computed 0x%08x)", member(entry),
                    stored, computed));
        }
        verified.add(entry.getName());
    }

    /** "file: member name.npy", the prefix of every message about the zip member rather than the array in it. */
    private String member(ZipEntry entry) {
        return file + ": member " + entry.getName();
    }

    /** The zip layer's own exception texts are not for the user: what went wrong is said in our words. */
    private WeightsException failed(ZipEntry entry, IOException e) {
        String problem = e instanceof EOFException
                ? "the compressed data ends early (truncated archive)"
                : e instanceof ZipException
                        ? "the compressed data is corrupt"
                        : "cannot be read (" + e.getMessage() + ")";
        return new WeightsException(member(entry) + ": " + problem, e);
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
