package org.bnn.runtime.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;

import org.bnn.runtime.engine.WeightMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A flipped logical position k·fanIn + j inverts weight (k, j) and nothing else, for fan-ins that are
 * and are not powers of two (the engine finds k by a multiplication with a precomputed reciprocal,
 * which must equal the division for every position).
 */
class WeightFlipPositionTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 63, 64, 65, 100, 784, 1000, 1023, 1024, 1025, 4099, 65537})
    void aPositionInvertsExactlyItsWeight(int fanIn) {
        int rows = (int) Math.max(2, Math.min(4096, (1 << 22) / fanIn));
        SplittableRandom random = new SplittableRandom(fanIn);
        double[] signs = new double[fanIn * rows];
        for (int i = 0; i < signs.length; i++) {
            signs[i] = random.nextBoolean() ? 1 : -1;
        }
        WeightMatrix weights = WeightMatrix.fromSigns(fanIn, rows, signs);
        long size = weights.size();
        long[] positions = new long[200];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i < 4 ? new long[] {0, fanIn - 1, size - fanIn, size - 1}[i] : random.nextLong(size);
        }
        long[] before = weights.packedRows();
        for (long position : positions) {
            int k = (int) (position / fanIn);
            int j = (int) (position % fanIn);
            WeightMatrix flipped = weights.withFlips(new long[] {position});
            assertNotEquals(weights.bit(k, j), flipped.bit(k, j), () -> "position " + position);
            long[] after = flipped.packedRows();
            int differentBits = 0;
            for (int w = 0; w < after.length; w++) {
                differentBits += Long.bitCount(after[w] ^ before[w]);
            }
            assertEquals(1, differentBits, () -> "position " + position);
        }
    }
}
