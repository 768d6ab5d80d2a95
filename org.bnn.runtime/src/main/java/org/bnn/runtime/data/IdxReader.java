package org.bnn.runtime.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format: magic 0x0000 TT DD, DD big-endian int32 dimensions, then the
 * values), raw or gzip-compressed (recognised by the gzip magic, whatever the file name). Only
 * unsigned-byte values (TT = 0x08) are supported, which is what image and label files hold.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int MAX_DIMENSIONS = 4;

    private IdxReader() {
    }

    /** Reads {@code file}, checking that it holds {@code expectedDimensions} dimensions (any count if 0). */
    public static IdxArray read(Path file, int expectedDimensions) {
        try (InputStream in = open(file)) {
            return read(file, new DataInputStream(in), expectedDimensions);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist");
        } catch (EOFException e) {
            throw new DataException(file + " is truncated (fewer bytes than its header announces)");
        } catch (ZipException e) {
            throw new DataException(file + " is a corrupt gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int magic = in.read() << 8 | in.read();
        in.reset();
        return magic == GZIP_MAGIC ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static IdxArray read(Path file, DataInputStream in, int expectedDimensions) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 16) != 0) {
            throw new DataException(file + " is not an IDX file (magic 0x" + Integer.toHexString(magic) + ", expected 0x0000TTDD)");
        }
        int type = magic >>> 8 & 0xFF;
        int dimensionCount = magic & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new DataException(file + " holds IDX value type 0x" + Integer.toHexString(type) + "; only unsigned bytes (0x08) are supported");
        }
        if (dimensionCount < 1 || dimensionCount > MAX_DIMENSIONS
                || expectedDimensions > 0 && dimensionCount != expectedDimensions) {
            throw new DataException(file + " has " + dimensionCount + " dimensions, expected "
                    + (expectedDimensions > 0 ? expectedDimensions : "1.." + MAX_DIMENSIONS));
        }
        int[] dimensions = new int[dimensionCount];
        long size = 1;
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = in.readInt();
            if (dimensions[d] < 1) {
                throw new DataException(file + " has dimension " + d + " of size " + dimensions[d]);
            }
            size *= dimensions[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataException(file + " announces " + size + "+ values, more than one array can hold");
            }
        }
        byte[] values = new byte[(int) size];
        in.readFully(values);
        if (in.read() != -1) {
            throw new DataException(file + " has bytes past the " + size + " values its header announces");
        }
        return new IdxArray(dimensions, values);
    }
}
