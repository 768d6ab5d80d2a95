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
        assertArrayEquals(values, array.values());
        assertEquals(3, array.items());
        assertEquals((200 + 11 * 5) & 0xFF, array.unsigned(5));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] whole = IdxFiles.idx(new int[] {4, 2, 2}, new byte[16]);
        Path file = IdxFiles.write(dir.resolve("short"), Arrays.copyOf(whole, whole.length - 3), false);
        assertMessage(file, 3, "is truncated");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path whole = IdxFiles.write(dir.resolve("whole.gz"), IdxFiles.idx(new int[] {100}, new byte[100]), true);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, 1));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
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
        assertMessage(file, 1, "has bytes past the 2 values");
    }

    @Test
    void missingFile() {
        assertMessage(dir.resolve("nothing-here"), 1, "does not exist");
    }

    private static void assertMessage(Path file, int dimensions, String expected) {
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, dimensions));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line");
    }
}
