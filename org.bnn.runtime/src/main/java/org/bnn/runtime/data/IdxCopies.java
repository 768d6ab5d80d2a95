package org.bnn.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IDX file of a data-set folder, present as {@code name}, as {@code name.gz}, or as both. When
 * both exist, <b>{@code name} (the raw file) is read</b>, and {@code name.gz} is ignored: the raw
 * one is what a user who unpacked the archive by hand last touched. What a file holds is decided by
 * its bytes, not by its name (see {@link IdxReader}), so the copies are compared by their decoded
 * content: two copies that differ are worth a warning, since one of them is stale.
 */
public final class IdxCopies {
    private static final String GZ = ".gz";

    private IdxCopies() {
    }

    /** The file read for {@code name} in {@code folder}: the raw one if present, else the {@code .gz} one, else none. */
    public static Optional<Path> chosen(Path folder, String name) {
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(raw)) {
            return Optional.of(raw);
        }
        Path gzip = folder.resolve(name + GZ);
        return Files.isRegularFile(gzip) ? Optional.of(gzip) : Optional.empty();
    }

    /** Both copies of one IDX file. */
    public record Both(Path raw, Path gzip) {
    }

    /** The two copies of {@code name}, raw and {@code .gz}, when both are present. */
    public static Optional<Both> both(Path folder, String name) {
        Path raw = folder.resolve(name);
        Path gzip = folder.resolve(name + GZ);
        return Files.isRegularFile(raw) && Files.isRegularFile(gzip) ? Optional.of(new Both(raw, gzip)) : Optional.empty();
    }

    /**
     * A one-line warning if both copies of {@code name} are present and their decoded contents
     * differ (a copy that cannot be decoded differs), else empty. Reads both files to the first
     * difference.
     */
    public static Optional<String> conflict(Path folder, String name) {
        Optional<Both> copies = both(folder, name);
        if (copies.isEmpty() || sameContent(copies.get().raw(), copies.get().gzip())) {
            return Optional.empty();
        }
        return Optional.of(folder + " holds both " + name + " and " + name + GZ + ", with different content; " + name
                + " is read and " + name + GZ + " is ignored (delete the stale copy)");
    }

    private static boolean sameContent(Path a, Path b) {
        try (InputStream left = IdxReader.decoded(a); InputStream right = IdxReader.decoded(b)) {
            byte[] l = new byte[1 << 16];
            byte[] r = new byte[1 << 16];
            while (true) {
                int n = left.readNBytes(l, 0, l.length);
                int m = right.readNBytes(r, 0, r.length);
                if (n != m || !Arrays.equals(l, 0, n, r, 0, m)) {
                    return false;
                }
                if (n == 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // a copy that cannot be decoded does not hold what the other holds
        }
    }
}
