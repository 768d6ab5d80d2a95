package org.bnn.runtime.tests.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bnn.runtime.data.DataException;
import org.bnn.runtime.data.IdxArray;
import org.bnn.runtime.data.IdxReader;
import org.bnn.runtime.testing.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IDX reader on small files written here: raw and gzipped, and every kind of damage. */
class IdxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsWhatWasWritten(boolean gzip) throws IOException {
        byte[] values = new byte[3 * 2 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (i * 11 + 200);
        }
        Path file = IdxFiles.write(dir.resolve("images"), IdxFiles.idx(new int[] {3, 2, 4}, values), gzip);
        IdxArray array = IdxReader.read(file, 3);
        assertArrayEquals(new int[] {3, 2, 4}, array.dimensions());
        assertArrayEquals(new int[] {3, 2, 4}, IdxReader.check(file, 3));
        assertArrayEquals(values, array.values());
        assertEquals(3, array.items());
        assertEquals((200 + 11 * 5) & 0xFF, array.unsigned(5));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] whole = IdxFiles.idx(new int[] {4, 2, 2}, new byte[16]);
        Path file = IdxFiles.write(dir.resolve("short"), Arrays.copyOf(whole, whole.length - 3), false);
        assertExactly(file, 3, file + " is truncated: its header announces 4 x 2 x 2 = 16 values, the file holds 13");
    }

    /** A header announcing far more than the file holds is reported, without allocating what it announces. */
    @Test
    void dimensionsBeyondTheFileLength() throws IOException {
        Path file = IdxFiles.write(dir.resolve("big"), IdxFiles.idx(new int[] {60000, 28, 28}, new byte[4]), false);
        assertExactly(file, 3, file + " is truncated: its header announces 60000 x 28 x 28 = 47040000 values, the file holds 4");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] whole = IdxFiles.idx(new int[] {4, 2, 2}, new byte[16]);
        Path inDimensions = IdxFiles.write(dir.resolve("dims"), Arrays.copyOf(whole, 9), false);
        assertExactly(inDimensions, 3, inDimensions + " is truncated inside its IDX header (3 dimensions announced)");
        Path inMagic = IdxFiles.write(dir.resolve("magic2"), Arrays.copyOf(whole, 2), true);
        assertExactly(inMagic, 3, inMagic + " is truncated: 2 bytes, shorter than an IDX header");
        Path empty = IdxFiles.write(dir.resolve("empty"), new byte[0], false);
        assertExactly(empty, 3, empty + " is truncated: 0 bytes, shorter than an IDX header");
    }

    /** What the file is follows from its bytes: a gzip file named without .gz reads (readsWhatWasWritten), and a raw one named .gz. */
    @Test
    void aRawFileNamedGzReads() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels-idx1-ubyte.gz"), IdxFiles.idx(new int[] {3}, new byte[] {7, 1, 2}), false);
        assertArrayEquals(new byte[] {7, 1, 2}, IdxReader.read(file, 1).values());
    }

    @Test
    void truncatedGzip() throws IOException {
        Path whole = IdxFiles.write(dir.resolve("whole.gz"), IdxFiles.idx(new int[] {100}, new byte[100]), true);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertExactly(file, 1, file + " is a truncated gzip file (its compressed data ends early)");
        Path noName = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, 2));
        assertExactly(noName, 1, noName + " is a truncated gzip file (its compressed data ends early)");
    }

    /** A garbled byte in the deflate stream (it no longer inflates) and one in the gzip trailer (its CRC-32). */
    @Test
    void garbledGzip() throws IOException {
        byte[] bytes = Files.readAllBytes(IdxFiles.write(dir.resolve("whole"), IdxFiles.idx(new int[] {100}, new byte[100]), true));
        byte[] garbled = bytes.clone();
        garbled[10] = (byte) 0xFF; // first byte of the deflate stream: block type 11, reserved
        Path stream = Files.write(dir.resolve("garbled"), garbled);
        assertExactly(stream, 1, stream + " is a corrupt gzip file (its compressed data does not decompress)");
        byte[] badCrc = bytes.clone();
        badCrc[bytes.length - 8] ^= 1;
        Path trailer = Files.write(dir.resolve("crc"), badCrc);
        assertExactly(trailer, 1, trailer + " is a corrupt gzip file (its compressed data does not decompress)");
    }

    @Test
    void wrongMagic() throws IOException {
        byte[] bytes = IdxFiles.idx(new int[] {2}, new byte[2]);
        bytes[0] = 0x12;
        assertMessage(IdxFiles.write(dir.resolve("magic"), bytes, false), 1, "is not an IDX file");
    }

    @Test
    void wrongValueType() throws IOException {
        byte[] bytes = IdxFiles.idx(new int[] {2}, new byte[2]);
        bytes[2] = 0x0D; // float
        assertMessage(IdxFiles.write(dir.resolve("float"), bytes, false), 1, "only unsigned bytes");
    }

    @Test
    void wrongDimensionCount() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.idx(new int[] {2, 2}, new byte[4]), false);
        assertMessage(file, 3, "has 2 dimensions, expected 3");
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] whole = IdxFiles.idx(new int[] {2}, new byte[2]);
        Path file = IdxFiles.write(dir.resolve("long"), Arrays.copyOf(whole, whole.length + 1), false);
        assertExactly(file, 1, file + " is longer than its header announces 2 values: 1 bytes more");
    }

    @Test
    void missingFile() {
        assertMessage(dir.resolve("nothing-here"), 1, "does not exist");
    }

    /** The reader and the validator's streaming check say the same. */
    private static void assertExactly(Path file, int dimensions, String expected) {
        assertEquals(expected, assertThrows(DataException.class, () -> IdxReader.read(file, dimensions)).getMessage());
        assertEquals(expected, assertThrows(DataException.class, () -> IdxReader.check(file, dimensions)).getMessage());
    }

    private static void assertMessage(Path file, int dimensions, String expected) {
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, dimensions));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }
}
