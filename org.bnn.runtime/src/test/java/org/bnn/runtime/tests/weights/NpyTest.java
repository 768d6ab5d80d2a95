package org.bnn.runtime.tests.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bnn.runtime.weights.Npy;
import org.bnn.runtime.weights.NpyArray;
import org.bnn.runtime.weights.NpyHeader;
import org.bnn.runtime.weights.NpyType;
import org.bnn.runtime.weights.WeightsException;
import org.junit.jupiter.api.Test;

/** The .npy codec: every supported type round trip, headers NumPy writes (v1, v2), and what is refused. */
class NpyTest {

    @Test
    void roundTripOfEveryFactory() throws IOException {
        NpyArray[] arrays = {NpyArray.ofDoubles(new double[] {1.5, -2, 1e300, 0}, 2, 2), NpyArray.ofFloats(new float[] {1.5f, -3f}, 2),
            NpyArray.ofLongs(new long[] {Long.MIN_VALUE, 7, -1}, 3), NpyArray.ofUnsignedBytes(new byte[] {(byte) 255, 1}, 1, 2),
            NpyArray.scalar(42L), NpyArray.scalar(0.25)};
        for (NpyArray array : arrays) {
            byte[] bytes = write(array);
            assertEquals(0, bytes.length - array.bytes().length & 63, "header padded to 64 bytes");
            NpyArray read = Npy.read(new ByteArrayInputStream(bytes), "test");
            assertEquals(array, read);
        }
        assertArrayEquals(new double[] {1.5, -3}, arrays[1].toDoubles());
        assertArrayEquals(new long[] {255, 1}, arrays[3].toLongs());
        assertArrayEquals(new long[] {}, arrays[4].header().shape());
        assertEquals("()", arrays[4].header().shapeText());
        assertEquals("(3,)", arrays[2].header().shapeText());
    }

    /** The header exactly as NumPy 1.x/2.x writes it for np.save(np.zeros((2, 3), np.int32)). */
    @Test
    void headerAsNumpyWritesIt() throws IOException {
        byte[] bytes = write(new NpyArray(new NpyHeader(NpyType.INT32, new long[] {2, 3}), new byte[24]));
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertEquals('\n', header.charAt(117));
    }

    @Test
    void readsVersion2AndOtherTypes() throws IOException {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-5).putInt(70000).array();
        NpyArray read = Npy.read(new ByteArrayInputStream(raw(2, "{'descr':'<i4','fortran_order':False,'shape':(2L,)}", data)), "t");
        assertArrayEquals(new long[] {-5, 70000}, read.toLongs());
        NpyArray bytes = Npy.read(new ByteArrayInputStream(raw(1, "{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }",
                new byte[] {-1, 3})), "t");
        assertArrayEquals(new double[] {-1, 3}, bytes.toDoubles());
    }

    @Test
    void refusesFortranOrder() {
        assertRefused(raw(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", new byte[8]), "Fortran order");
    }

    @Test
    void refusesBigEndian() {
        assertRefused(raw(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]), "'>f8' is not supported");
    }

    @Test
    void refusesStructuredTypes() {
        assertRefused(raw(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]),
                "lacks descr, fortran_order or shape");
    }

    @Test
    void refusesTruncatedData() {
        assertRefused(raw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new byte[16]), "data is truncated");
    }

    @Test
    void refusesWrongMagic() {
        byte[] bytes = raw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        bytes[1] = 'X';
        assertRefused(bytes, "not a NumPy .npy array");
    }

    @Test
    void refusesTruncatedHeader() {
        byte[] bytes = raw(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertRefused(Arrays.copyOf(bytes, 20), "header is truncated");
    }

    private static void assertRefused(byte[] bytes, String expected) {
        WeightsException e = assertThrows(WeightsException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "f.npz entry x"));
        assertTrue(e.getMessage().startsWith("f.npz entry x") && e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] write(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, array);
        return out.toByteArray();
    }

    /** An .npy file by hand: magic, version, little-endian header length (2 or 4 bytes), dict, data. */
    private static byte[] raw(int major, String dict, byte[] data) {
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.putShort((short) text.length);
        } else {
            out.putInt(text.length);
        }
        return out.put(text).put(data).array();
    }
}
