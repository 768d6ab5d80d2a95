package org.bnn.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bnn.runtime.weights.Npy;
import org.bnn.runtime.weights.NpyArray;

/**
 * Writes small {@code .npz} files member by member for the tests, stored or deflated, with members
 * the runtime's writer would never produce (other element types, NaN), and damages them in place.
 */
public final class NpzFiles {
    private NpzFiles() {
    }

    /** The {@code .npy} bytes of an array. */
    public static byte[] npy(NpyArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Npy.write(out, array);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** {@code .npy} bytes with any descr and shape text, e.g. {@code npy("<f2", "(3,)", data)}. */
    public static byte[] npy(String descr, String shape, byte[] data) {
        byte[] dict = ("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }")
                .getBytes(StandardCharsets.ISO_8859_1);
        int total = (10 + dict.length + 1 + 63) / 64 * 64;
        ByteBuffer header = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (total - 10)).put(dict);
        while (header.position() < total - 1) {
            header.put((byte) ' ');
        }
        return header.put((byte) '\n').put(data).array();
    }

    /** The members of one valid layer with batch norm: all-minus-one weights, γ = 1, β = 0, μ = 0, var = 1, ε = 1e-5. */
    public static Map<String, byte[]> layer(String layer, int rows, int fanIn) {
        double[] ones = new double[rows];
        Arrays.fill(ones, 1.0);
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put(layer + "/weights", npy(NpyArray.ofUnsignedBytes(new byte[rows * ((fanIn + 7) / 8)], rows, (fanIn + 7) / 8)));
        members.put(layer + "/fan_in", npy(NpyArray.scalar((long) fanIn)));
        members.put(layer + "/gamma", npy(NpyArray.ofDoubles(ones, rows)));
        members.put(layer + "/beta", npy(NpyArray.ofDoubles(new double[rows], rows)));
        members.put(layer + "/mean", npy(NpyArray.ofDoubles(new double[rows], rows)));
        members.put(layer + "/var", npy(NpyArray.ofDoubles(ones, rows)));
        members.put(layer + "/eps", npy(NpyArray.scalar(1e-5)));
        return members;
    }

    /** A float64 vector whose value {@code index} is {@code value}, the others 1. */
    public static byte[] vectorWith(int rows, int index, double value) {
        double[] values = new double[rows];
        Arrays.fill(values, 1.0);
        values[index] = value;
        return npy(NpyArray.ofDoubles(values, rows));
    }

    /** Writes {@code members} (names without {@code .npy}) as a zip, stored or deflated like np.savez / np.savez_compressed. */
    public static Path write(Path file, boolean stored, Map<String, byte[]> members) throws IOException {
        try (OutputStream bytes = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                ZipEntry entry = new ZipEntry(member.getKey() + ".npy");
                if (stored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(member.getValue().length);
                    entry.setCompressedSize(member.getValue().length);
                    entry.setCrc(crc(member.getValue()));
                }
                zip.putNextEntry(entry);
                zip.write(member.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    public static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Flips the low bit of the CRC-32 the central directory stores for {@code member}; returns the new stored value. */
    public static long flipStoredCrc(Path file, String member) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] name = member.getBytes(StandardCharsets.UTF_8);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 + name.length <= bytes.length; at++) {
            if (zip.getInt(at) == 0x02014b50 && zip.getShort(at + 28) == name.length
                    && Arrays.equals(bytes, at + 46, at + 46 + name.length, name, 0, name.length)) {
                bytes[at + 16] ^= 1;
                Files.write(file, bytes);
                return zip.getInt(at + 16) & 0xFFFFFFFFL;
            }
        }
        throw new AssertionError("no central directory header for " + member + " in " + file);
    }

    /** Flips the low bit of byte {@code offset} of the first occurrence of {@code content} in the file (a stored member's bytes). */
    public static void flipByteOf(Path file, byte[] content, int offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int at = 0; at + content.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + content.length, content, 0, content.length)) {
                bytes[at + offset] ^= 1;
                Files.write(file, bytes);
                return;
            }
        }
        throw new AssertionError("the content is not stored verbatim in " + file);
    }

    /** Offset of the data of {@code member} in a zip's bytes: after its local header, name and extra field. */
    public static int dataOffset(byte[] zip, String member) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = member.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 30 + name.length <= zip.length; at++) {
            if (buffer.getInt(at) == 0x04034b50 && Arrays.equals(zip, at + 30, at + 30 + name.length, name, 0, name.length)) {
                return at + 30 + buffer.getShort(at + 26) + buffer.getShort(at + 28);
            }
        }
        throw new AssertionError("no local header for " + member);
    }
}
