package org.bnn.runtime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes small files in the binary format of CIFAR-10 for the tests: 3,073-byte records of a label
 * byte, then the red, green and blue planes of a 32 × 32 image, each row by row.
 */
public final class CifarFiles {
    public static final int PLANE = 32 * 32;
    public static final int RECORD = 1 + 3 * PLANE;

    private CifarFiles() {
    }

    /** {@code count} records of seeded random pixels and labels 0..9. */
    public static byte[] records(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[count * RECORD];
        random.nextBytes(bytes);
        for (int i = 0; i < count; i++) {
            bytes[i * RECORD] = (byte) random.nextInt(10);
        }
        return bytes;
    }

    /** Writes the six files of both splits into {@code folder}: {@code perFile} records each, from {@code seed}. */
    public static void writeAll(Path folder, int perFile, long seed) throws IOException {
        Files.createDirectories(folder);
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"), records(perFile, seed + b));
        }
        Files.write(folder.resolve("test_batch.bin"), records(perFile, seed));
    }
}
