package org.bnn.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for the tests (unsigned bytes, raw or gzipped). */
public final class IdxFiles {
    private IdxFiles() {
    }

    public static byte[] idx(int[] dimensions, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x0800 | dimensions.length);
        for (int d : dimensions) {
            out.writeInt(d);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** Writes the four files of one MNIST-layout split with {@code count} images of h × w. */
    public static void writeSplit(Path folder, String prefix, int count, int height, int width, long seed, boolean gzip)
            throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        byte[] pixels = new byte[count * height * width];
        byte[] labels = new byte[count];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        String suffix = gzip ? ".gz" : "";
        write(folder.resolve(prefix + "-images-idx3-ubyte" + suffix), idx(new int[] {count, height, width}, pixels), gzip);
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), idx(new int[] {count}, labels), gzip);
    }
}
