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
import java.util.Arrays;
import java.util.stream.Collectors;
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
        return decoding(file, in -> {
            int[] dimensions = header(file, in, expectedDimensions);
            long size = size(dimensions);
            // readNBytes grows its buffer as data arrives: a header announcing more than the file holds allocates no more than the file.
            byte[] values = in.readNBytes((int) size);
            checkLength(file, dimensions, values.length + in.transferTo(OutputStream.nullOutputStream()));
            return new IdxArray(dimensions, values);
        });
    }

    /**
     * Checks {@code file} as {@link #read} does, streaming through its values without keeping them
     * (a validator's check of a 50 MB file): its dimensions, or the same {@link DataException}.
     */
    public static int[] check(Path file, int expectedDimensions) {
        return decoding(file, in -> {
            int[] dimensions = header(file, in, expectedDimensions);
            checkLength(file, dimensions, in.transferTo(OutputStream.nullOutputStream()));
            return dimensions;
        });
    }

    private interface Reading<T> {
        T from(InputStream in) throws IOException;
    }

    private static <T> T decoding(Path file, Reading<T> reading) {
        try (InputStream in = decoded(file)) {
            return reading.from(in);
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

    /** Reads the magic and the dimensions, leaving {@code in} at the first value. */
    private static int[] header(Path file, InputStream in, int expectedDimensions) throws IOException {
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
            throw new DataException(
                    file + " holds IDX value type 0x" + Integer.toHexString(type) + "; only unsigned bytes (0x08) are supported");
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
        long size = 1;
        for (int d = 0; d < dimensionCount; d++) {
            dimensions[d] = dimensionBytes.getInt();
            if (dimensions[d] < 1) {
                throw new DataException(file + " has dimension " + d + " of size " + dimensions[d]);
            }
            size *= dimensions[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataException(file + " announces " + size + "+ values, more than one array can hold");
            }
        }
        return dimensions;
    }

    private static long size(int[] dimensions) {
        return Arrays.stream(dimensions).asLongStream().reduce(1, Math::multiplyExact);
    }

    /** The file must hold exactly the values its header announces: {@code values} is how many it holds. */
    private static void checkLength(Path file, int[] dimensions, long values) {
        long size = size(dimensions);
        if (values == size) {
            return;
        }
        String announced = Arrays.stream(dimensions).mapToObj(Integer::toString).collect(Collectors.joining(" x "))
                + (dimensions.length > 1 ? " = " + size : "");
        throw new DataException(values < size
                ? file + " is truncated: its header announces " + announced + " values, the file holds " + values
                : file + " is longer than its header announces " + announced + " values: " + (values - size) + " bytes more");
    }
}
