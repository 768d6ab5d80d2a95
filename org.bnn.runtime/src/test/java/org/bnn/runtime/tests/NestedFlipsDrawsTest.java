package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.bnn.runtime.errors.NestedFlips;
import org.bnn.runtime.random.Binomial;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact draws of {@link NestedFlips}, recomputed naively from its description: K =
 * Binomial.inverse(u, n, p) with u the first uniform of the key's stream "count", and the flips the
 * first K distinct values ⌊b·n / 2⁶³⌋ of the 63-bit draws b of the stream "position", found with
 * a {@link LinkedHashSet}. Both ways of finding repeats (bitmap up to 2²⁴ positions, hash set
 * beyond) must give them, including at the boundary and with repeats among the draws.
 */
class NestedFlipsDrawsTest {
    private static final long COUNT_STREAM = ascii("count");
    private static final long POSITION_STREAM = ascii("position");

    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({
        "1000, 0.3", // many repeats among the draws
        "16777216, 1e-3", // 2^24: the largest bitmap
        "16777217, 2e-3", // one more: the hash set, about 30 repeats among 33,000 draws
        "3000000000, 1e-4" // 300,000 flips in the hash set
    })
    void flipsAreTheFirstDistinctDrawsOfTheKeyedSequence(long n, double p) {
        long key = 4242;
        long[] expected = naivePositions(key, n, p);
        assertTrue(expected.length > 0.9 * n * p, "count " + expected.length);
        assertArrayEquals(expected, NestedFlips.positions(key, n, p));
    }

    @Test
    void noPositionsNoFlips() {
        assertEquals(0, NestedFlips.positions(3, 0, 0.5).length);
        assertEquals(0, NestedFlips.positions(3, 0, 1.0).length);
    }

    /**
     * More (n, p) pairs than the count tables kept (512), so that tables are dropped and built anew
     * during the test, whatever ran before it: every count is still the binomial inversion.
     */
    @Test
    void countsStayExactWhenTheKeptTablesAreRenewed() {
        for (int i = 0; i < 700; i++) {
            double p = 0.01 + i * 1e-4;
            long n = 200 + i % 7;
            long key = KeyedRandom.key(17, i);
            assertEquals(naiveCount(key, n, p), NestedFlips.positions(key, n, p).length, "n = " + n + ", p = " + p);
        }
    }

    private static long[] naivePositions(long key, long n, double p) {
        long count = naiveCount(key, n, p);
        long stream = KeyedRandom.stream(KeyedRandom.key(key, POSITION_STREAM));
        BigInteger size = BigInteger.valueOf(n);
        Set<Long> distinct = new LinkedHashSet<>();
        for (long draw = 0; distinct.size() < count; draw++) {
            BigInteger bits = BigInteger.valueOf(KeyedRandom.bitsAt(stream, draw) >>> 1);
            distinct.add(bits.multiply(size).shiftRight(63).longValueExact());
        }
        return distinct.stream().mapToLong(Long::longValue).toArray();
    }

    private static long naiveCount(long key, long n, double p) {
        return Binomial.inverse(KeyedRandom.uniform(KeyedRandom.key(key, COUNT_STREAM), 0), n, p);
    }

    /** A stream name as the big-endian number of its ASCII letters (at most 8). */
    private static long ascii(String name) {
        return new BigInteger(1, name.getBytes(StandardCharsets.US_ASCII)).longValueExact();
    }
}
