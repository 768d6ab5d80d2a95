package org.bnn.runtime.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format: magic 0x0000 TT DD, DD big-endian int32 dimensions, then the
 * values), raw or gzip-compressed, recognised by the gzip magic bytes 1f 8b whatever the file name
 * (a gzipped file without {@code .gz} reads, and so does a raw one named {@code .gz}). Only
 * unsigned-byte values (TT = 0x08) are supported, which is what image and label files hold. Every
 * damage (truncation, bytes past the announced values, a corrupt gzip stream) is a one-line
 * {@link DataException} naming the file.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int MAX_DIMENSIONS = 4;

    private IdxReader() {
    }

    /** Reads {@code file}, checking that it holds {@code expectedDimensions} dimensions (any count if 0). */
    public static IdxArray read(Path file, int expectedDimensions) {
        try (InputStream in = decoded(file)) {
            return read(file, in, expectedDimensions);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new DataException(file + " cannot be read (permission denied)");
        } catch (EOFException e) {
            throw new DataException(file + " is a truncated gzip file (its compressed data ends early)");
        } catch (ZipException e) {
            throw new DataException(file + " is a corrupt gzip file (its compressed data does not decompress)");
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code file} as the IDX reader sees them: decompressed if it starts with the gzip magic. */
    static InputStream decoded(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int magic = in.read() << 8 | in.read();
            in.reset();
            return magic == GZIP_MAGIC ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static IdxArray read(Path file, InputStream in, int expectedDimensions) throws IOException {
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new DataException(file + " is truncated: " + magicBytes.length + " bytes, shorter than an IDX header");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
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
        ByteBuffer dimensionBytes = ByteBuffer.wrap(in.readNBytes(4 * dimensionCount));
        if (dimensionBytes.remaining() < 4 * dimensionCount) {
            throw new DataException(file + " is truncated inside its IDX header (" + dimensionCount + " dimensions announced)");
        }
        int[] dimensions = new int[dimensionCount];
        StringJoiner announced = new StringJoiner(" x ");
        long size = 1;
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = dimensionBytes.getInt();
            if (dimensions[d] < 1) {
                throw new DataException(file + " has dimension " + d + " of size " + dimensions[d]);
            }
            announced.add(Integer.toString(dimensions[d]));
            size *= dimensions[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataException(file + " announces " + size + "+ values, more than one array can hold");
            }
        }
        // readNBytes grows its buffer as data arrives: a header announcing more than the file holds allocates no more than the file.
        byte[] values = in.readNBytes((int) size);
        String header = "its header announces " + announced + (dimensionCount > 1 ? " = " + size : "") + " values";
        if (values.length < size) {
            throw new DataException(file + " is truncated: " + header + ", the file holds " + values.length);
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DataException(file + " is longer than " + header + ": " + extra + " bytes more");
        }
        return new IdxArray(dimensions, values);
    }
}
