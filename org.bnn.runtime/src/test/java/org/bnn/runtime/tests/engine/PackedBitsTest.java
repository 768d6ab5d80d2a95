package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.PackedBits;
import org.junit.jupiter.api.Test;

/** The bit-range operations that gather conv patches and pooling windows, against bit-by-bit loops. */
class PackedBitsTest {

    @Test
    void rangeOperationsAgreeWithBitByBitLoops() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 5000; trial++) {
            long[] source = random.longs(6).toArray();
            long[] target = random.longs(6).toArray();
            int length = random.nextInt(200);
            int from = random.nextInt(384 - length + 1);
            int to = random.nextInt(384 - length + 1);
            long[] copied = target.clone();
            long[] ored = target.clone();
            long[] filled = target.clone();
            boolean value = random.nextBoolean();
            PackedBits.copy(source, from, copied, to, length);
            PackedBits.or(source, from, ored, to, length);
            PackedBits.fill(filled, to, length, value);
            long[] expectedCopy = target.clone();
            long[] expectedOr = target.clone();
            long[] expectedFill = target.clone();
            for (int i = 0; i < length; i++) {
                boolean bit = PackedBits.get(source, from + i);
                PackedBits.set(expectedCopy, to + i, bit);
                PackedBits.set(expectedOr, to + i, bit || PackedBits.get(target, to + i));
                PackedBits.set(expectedFill, to + i, value);
            }
            assertArrayEquals(expectedCopy, copied, "copy " + from + " -> " + to + " length " + length);
            assertArrayEquals(expectedOr, ored, "or " + from + " -> " + to + " length " + length);
            assertArrayEquals(expectedFill, filled, "fill " + to + " length " + length);
            if (length >= 1 && length <= 64) {
                long expected = 0;
                for (int i = 0; i < length; i++) {
                    expected |= (PackedBits.get(source, from + i) ? 1L : 0L) << i;
                }
                assertEquals(expected, PackedBits.read(source, from, length));
            }
        }
    }
}
