package org.bnn.runtime.tests.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.ZipFile;

import org.bnn.runtime.testing.NpzFiles;
import org.bnn.runtime.weights.NpyArray;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.runtime.weights.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A weight file whose bytes were damaged is refused, as NumPy refuses it, with one line naming the
 * file and the member: a wrong CRC-32 in stored, deflated and zip64 members, metadata members
 * included; and values a loaded file must not hold (NaN, ±Inf, negative variance, other types).
 */
class NpzIntegrityTest {
    @TempDir
    Path dir;

    private Path valid(String name, boolean stored) throws IOException {
        return NpzFiles.write(dir.resolve(name), stored, NpzFiles.layer("d", 3, 9));
    }

    private static String mismatch(Path file, String member, long stored, long computed) {
        return String.format(Locale.ROOT, "%s: member %s: CRC-32 mismatch (stored 0x%08x, computed 0x%08x)", file, member, stored,
                computed);
    }

    private static void assertRefused(Path file, String message) {
        WeightsException e = assertThrows(WeightsException.class, () -> WeightsFile.read(file));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "stored={0}")
    @ValueSource(booleans = {true, false})
    void aFlippedCrcFieldIsAMismatch(boolean stored) throws IOException {
        Path file = valid("crc.npz", stored);
        long crc = NpzFiles.crc(NpzFiles.layer("d", 3, 9).get("d/weights"));
        long flipped = NpzFiles.flipStoredCrc(file, "d/weights.npy");
        assertEquals(crc ^ 1, flipped);
        assertRefused(file, mismatch(file, "d/weights.npy", flipped, crc));
    }

    /** One bit of a weight flipped in a stored member: the data still parses, only the CRC tells. */
    @Test
    void aCorruptByteInAStoredMemberIsAMismatch() throws IOException {
        Path file = valid("bit.npz", true);
        byte[] weights = NpzFiles.layer("d", 3, 9).get("d/weights");
        NpzFiles.flipByteOf(file, weights, weights.length - 1);
        byte[] corrupted = weights.clone();
        corrupted[corrupted.length - 1] ^= 1;
        assertRefused(file, mismatch(file, "d/weights.npy", NpzFiles.crc(weights), NpzFiles.crc(corrupted)));
    }

    /** Deflated data that no longer inflates (a reserved block type) is corrupt. */
    @Test
    void garbledDeflatedDataIsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(valid("deflated.npz", false));
        bytes[NpzFiles.dataOffset(bytes, "d/var.npy")] = (byte) 0xFF; // BTYPE 11
        Path file = Files.write(dir.resolve("garbled.npz"), bytes);
        assertRefused(file, file + ": member d/var.npy: the compressed data is corrupt");
    }

    /** Deflated data that still inflates, to other bytes: only the CRC tells. */
    @Test
    void aCorruptByteInADeflatedMemberIsAMismatch() throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>(NpzFiles.layer("d", 3, 9));
        members.put("d/var", NpzFiles.npy(NpyArray.ofDoubles(new double[] {1.5, 2.5, 3.5}, 3)));
        byte[] bytes = Files.readAllBytes(NpzFiles.write(dir.resolve("deflated.npz"), false, members));
        int data = NpzFiles.dataOffset(bytes, "d/var.npy");
        bytes[data + 3] ^= 0x40;
        Path file = Files.write(dir.resolve("damaged.npz"), bytes);
        Inflater inflater = new Inflater(true);
        inflater.setInput(bytes, data, bytes.length - data);
        byte[] inflated = new byte[4096];
        int length = inflater.inflate(inflated);
        assertTrue(inflater.finished(), "the damaged stream still inflates");
        assertNotEquals(NpzFiles.crc(members.get("d/var")), NpzFiles.crc(Arrays.copyOf(inflated, length)));
        assertRefused(file, mismatch(file, "d/var.npy", NpzFiles.crc(members.get("d/var")), NpzFiles.crc(Arrays.copyOf(inflated, length))));
    }

    /** The member np.savez writes with zip64 extra fields (force_zip64): a file NumPy wrote, one bit of a variance flipped. */
    @Test
    void aCorruptByteInAZip64MemberWrittenByNumpyIsAMismatch() throws IOException {
        Path file = dir.resolve("numpy-written.npz");
        try (InputStream in = getClass().getResourceAsStream("/weights/numpy-written.npz")) {
            Files.copy(in, file);
        }
        byte[] variance;
        long stored;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            variance = zip.getInputStream(zip.getEntry("out/var.npy")).readAllBytes();
            stored = zip.getEntry("out/var.npy").getCrc();
        }
        assertEquals(stored, NpzFiles.crc(variance));
        NpzFiles.flipByteOf(file, variance, variance.length - 2);
        byte[] corrupted = variance.clone();
        corrupted[corrupted.length - 2] ^= 1;
        assertRefused(file, mismatch(file, "out/var.npy", stored, NpzFiles.crc(corrupted)));
    }

    /** Members the weight file does not use (metadata, without a '/') are checked too. */
    @Test
    void aCorruptMetadataMemberIsAMismatch() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>(NpzFiles.layer("d", 3, 9));
        byte[] note = NpzFiles.npy(NpyArray.scalar(7L));
        members.put("format", note);
        Path file = NpzFiles.write(dir.resolve("meta.npz"), true, members);
        long flipped = NpzFiles.flipStoredCrc(file, "format.npy");
        assertRefused(file, mismatch(file, "format.npy", flipped, NpzFiles.crc(note)));
    }

    @Test
    void aTruncatedArchiveIsNotAnNpzFile() throws IOException {
        byte[] whole = Files.readAllBytes(valid("whole.npz", false));
        Path file = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, whole.length - 30));
        assertRefused(file, file + " is not a NumPy .npz file (not a zip archive, or one whose directory is damaged or cut off)");
    }

    @Test
    void nanInAVarianceIsRefused() throws IOException {
        assertRefused(withMember("d/var", NpzFiles.vectorWith(3, 1, Double.NaN)),
                dir.resolve("f.npz") + " entry d/var holds NaN at index 1: batch-norm values must be finite");
    }

    @Test
    void infinityInGammaIsRefused() throws IOException {
        assertRefused(withMember("d/gamma", NpzFiles.vectorWith(3, 2, Double.NEGATIVE_INFINITY)),
                dir.resolve("f.npz") + " entry d/gamma holds -Infinity at index 2: batch-norm values must be finite");
    }

    @Test
    void aNegativeVarianceIsRefused() throws IOException {
        assertRefused(withMember("d/var", NpzFiles.vectorWith(3, 0, -0.5)),
                dir.resolve("f.npz") + " entry d/var holds -0.5 at index 0: a variance cannot be negative");
    }

    @Test
    void aZeroVarianceWithoutEpsilonIsRefused() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>(NpzFiles.layer("d", 3, 9));
        members.put("d/var", NpzFiles.vectorWith(3, 2, 0));
        members.put("d/eps", NpzFiles.npy(NpyArray.scalar(0.0)));
        Path file = NpzFiles.write(dir.resolve("f.npz"), false, members);
        assertRefused(file, file + " entry d/var holds 0 at index 2 and d/eps is 0: the batch norm would divide by √(var + eps) = 0");
    }

    @Test
    void aNegativeEpsilonIsRefused() throws IOException {
        assertRefused(withMember("d/eps", NpzFiles.npy(NpyArray.scalar(-1e-5))),
                dir.resolve("f.npz") + " entry d/eps must be one number ≥ 0, got -1.0E-5");
    }

    @Test
    void anUnsupportedTypeIsRefused() throws IOException {
        assertRefused(withMember("d/var", NpzFiles.npy("<f2", "(3,)", new byte[6])),
                dir.resolve("f.npz") + " entry d/var: element type '<f2' is not supported (little-endian u1, i1, b1, i4, i8, f4, f8 are)");
        assertRefused(withMember("d/var", NpzFiles.npy(">f8", "(3,)", new byte[24])),
                dir.resolve("f.npz") + " entry d/var: element type '>f8' is not supported (little-endian u1, i1, b1, i4, i8, f4, f8 are)");
    }

    @Test
    void floatWeightsAreRefused() throws IOException {
        assertRefused(withMember("d/weights", NpzFiles.npy("<f8", "(3, 2)", new byte[48])),
                dir.resolve("f.npz") + " entry d/weights must be uint8 (rows, ceil(fan_in/8)) packed bits, got <f8 (3, 2)");
    }

    private Path withMember(String name, byte[] npy) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>(NpzFiles.layer("d", 3, 9));
        members.put(name, npy);
        return NpzFiles.write(dir.resolve("f.npz"), false, members);
    }
}
