package org.bnn.runtime.weights;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code .npy} format (NumPy NEP 1): magic {@code \x93NUMPY}, major and minor version, the
 * header length (uint16 in version 1, uint32 in versions 2 and 3), the header dict, then the data.
 * Reads versions 1 to 3, writes version 1.
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Longer headers are not weight files; refusing them keeps a corrupt length from allocating gigabytes. */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {
    }

    /** Reads the header only; {@code where} names file and entry in errors. */
    public static NpyHeader readHeader(InputStream in, String where) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        try {
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new WeightsException(where + " is not a NumPy .npy array (no \\x93NUMPY magic)");
            }
            int major = data.readUnsignedByte();
            data.readUnsignedByte();
            long length;
            if (major == 1) {
                length = data.readUnsignedByte() | data.readUnsignedByte() << 8;
            } else if (major == 2 || major == 3) {
                length = (data.readUnsignedByte() | data.readUnsignedByte() << 8 | data.readUnsignedByte() << 16)
                        | (long) data.readUnsignedByte() << 24;
            } else {
                throw new WeightsException(where + ": NPY format version " + major + " is not supported (1 to 3 are)");
            }
            if (length > MAX_HEADER) {
                throw new WeightsException(where + ": NPY header length " + length + " is implausible (corrupt file?)");
            }
            byte[] dict = new byte[(int) length];
            data.readFully(dict);
            return NpyHeader.parse(new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), where);
        } catch (EOFException e) {
            throw new WeightsException(where + ": the NPY header is truncated");
        }
    }

    /** Reads a whole array. */
    public static NpyArray read(InputStream in, String where) throws IOException {
        NpyHeader header = readHeader(in, where);
        long bytes = header.dataBytes();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new WeightsException(where + ": array " + header + " is too large (" + bytes + " bytes)");
        }
        byte[] data = new byte[(int) bytes];
        try {
            new DataInputStream(in).readFully(data);
        } catch (EOFException e) {
            throw new WeightsException(where + ": the data is truncated (" + header + " needs " + bytes + " bytes)");
        }
        return new NpyArray(header, data);
    }

    /** Writes an array in NPY version 1.0. */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(array.header().encode());
        out.write(array.bytes());
    }
}
