package org.bnn.runtime.tests.ecc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.bnn.runtime.ecc.Codeword;
import org.bnn.runtime.ecc.DecodeStatus;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.ecc.WordCode;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.CodedRows;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.random.KeyedRandom;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.tests.engine.TestSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weight-level errors on 1T1R + SECDED(72,64) tiles: raw errors drawn per stored bit (check and
 * padding bits included) and decoded by the real decoder, word by word, as each row is read
 * ({@link CodedRows}, {@link ErrorPatterns#of(WeightErrors, Optional)}).
 */
class DecodedWeightErrorsTest {
    private static final WordCode SECDED = Secded7264.WORD_CODE;
    private static final int WORD = Codeword.BITS;

    /** 3 rows of 100 weights: two words per row, the second with 36 weights and 28 padding bits. */
    private static WeightMatrix weights() {
        long[] packed = new long[6];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = KeyedRandom.bits(99, i);
            if (i % 2 == 1) {
                packed[i] &= (1L << 36) - 1; // padding bits are 0
            }
        }
        return new WeightMatrix(100, 3, packed);
    }

    /** Stored position of bit {@code bit} of word {@code word} of row {@code row} (two words per row). */
    private static long stored(int row, int word, int bit) {
        return (row * 2L + word) * WORD + bit;
    }

    @Test
    void oneErrorPerWordIsCorrected() {
        CodedRows rows = new CodedRows(SECDED, weights());
        assertEquals(2 * WORD, rows.storedBitsPerRow());
        assertEquals(3 * 2 * WORD, rows.storedBits());
        assertEquals(6, rows.words());
        for (int bit = 0; bit < WORD; bit++) { // every data, check and padding bit of a word
            assertArrayEquals(new long[0], rows.decode(new long[] {stored(1, 0, bit)}), "bit " + bit + " of word 0");
            assertArrayEquals(new long[0], rows.decode(new long[] {stored(2, 1, bit)}), "bit " + bit + " of word 1");
        }
        // One error in each of several words: each word is decoded on its own.
        assertArrayEquals(new long[0], rows.decode(new long[] {stored(0, 0, 3), stored(0, 1, 70), stored(1, 1, 5), stored(2, 0, 63)}));
        assertArrayEquals(new long[0], rows.decode(new long[0]));
    }

    /**
     * Two errors in a word are detected, not corrected: the decoder flags the word uncorrectable and
     * leaves its data as read, and the simulator uses them so (there is no second read). The data
     * bits among the two stay wrong; a check or padding bit reaches no weight.
     */
    @Test
    void twoErrorsInAWordAreDetectedAndLeftAsRead() {
        WeightMatrix weights = weights();
        CodedRows rows = new CodedRows(SECDED, weights);
        long[] packed = weights.packedRows();
        // What the decoder itself says about the word of row 1, word 0 with data bits 3 and 9 inverted.
        Codeword read = Secded7264.encode(packed[2]).flip(3).flip(9);
        assertEquals(DecodeStatus.UNCORRECTABLE, Secded7264.decode(read).status());
        assertEquals(packed[2] ^ (1L << 3 | 1L << 9), Secded7264.decode(read).data());
        // Row 1, weights 3 and 9: logical positions 100 + 3 and 100 + 9.
        assertArrayEquals(new long[] {103, 109}, rows.decode(new long[] {stored(1, 0, 3), stored(1, 0, 9)}));
        // A data bit and a check bit: the data bit stays wrong.
        assertArrayEquals(new long[] {103}, rows.decode(new long[] {stored(1, 0, 3), stored(1, 0, 70)}));
        // Two check bits: the data are right.
        assertArrayEquals(new long[0], rows.decode(new long[] {stored(1, 0, 64), stored(1, 0, 71)}));
        // Second word of row 2: weight 64 + 5 stays wrong, the padding bit 64 + 40 is no weight.
        assertArrayEquals(new long[] {200 + 69}, rows.decode(new long[] {stored(2, 1, 5), stored(2, 1, 40)}));
        assertArrayEquals(new long[0], rows.decode(new long[] {stored(2, 1, 40), stored(2, 1, 50)}));
        // A double error in one word next to a single one in another: only the double remains.
        assertArrayEquals(new long[] {3, 9}, rows.decode(new long[] {stored(0, 0, 3), stored(0, 0, 9), stored(0, 1, 2)}));
    }

    /** Three or more errors: whatever the real decoder makes of them, miscorrection included. */
    @Test
    void threeOrMoreErrorsAreWhatTheDecoderMakesOfThem() {
        WeightMatrix weights = weights();
        CodedRows rows = new CodedRows(SECDED, weights);
        long data = weights.packedRows()[0];
        int miscorrected = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int[] bits = KeyedRandom.bits(5, trial) % 2 == 0 ? distinct(trial, 3) : distinct(trial, 4);
            Codeword read = Secded7264.encode(data);
            long[] raw = new long[bits.length];
            for (int i = 0; i < bits.length; i++) {
                read = read.flip(bits[i]);
                raw[i] = stored(0, 0, bits[i]);
            }
            Arrays.sort(raw);
            long wrong = Secded7264.decode(read).data() ^ data;
            long[] expected = new long[64];
            int n = 0;
            for (int j = 0; j < 64; j++) {
                if ((wrong >>> j & 1) != 0) {
                    expected[n++] = j;
                }
            }
            assertArrayEquals(Arrays.copyOf(expected, n), rows.decode(raw), "bits " + Arrays.toString(bits));
            long flippedData = Arrays.stream(bits).filter(b -> b < 64).mapToLong(b -> 1L << b).reduce(0, (a, b) -> a | b);
            miscorrected += (wrong & ~flippedData) != 0 ? 1 : 0;
        }
        assertTrue(miscorrected > 100, "three errors are often miscorrected into a fourth: " + miscorrected);
    }

    private static int[] distinct(int trial, int count) {
        return java.util.stream.LongStream.iterate(0, i -> i + 1)
                .mapToInt(i -> (int) Long.remainderUnsigned(KeyedRandom.bits(trial, i), WORD))
                .distinct().limit(count).toArray();
    }

    @Test
    void rejectsPositionsOutOfOrderOrRange() {
        CodedRows rows = new CodedRows(SECDED, weights());
        assertThrows(IllegalArgumentException.class, () -> rows.decode(new long[] {5, 3}));
        assertThrows(IllegalArgumentException.class, () -> rows.decode(new long[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> rows.decode(new long[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> rows.decode(new long[] {6 * WORD}));
    }

    /** A network of 1024 + 64 neurons of fan-in 1024: 16 whole words per row, no padding. */
    private static BinaryNetwork wholeWords() {
        return RandomNetworks.create(NetworkSpec.builder("Coded", "in", 1024).dense("fc", 1024).output("out", 64).build(), 3);
    }

    /**
     * The measured residual BER of the simulator's per-chip patterns agrees with Secded7264's analytic
     * residual p·[1 − (1−p)^71] within 3 standard errors. Residual errors come in words (two or more
     * at a time), so the standard error is estimated from the per-word counts, not from a binomial
     * of bits. At these raw BERs three errors in a word, which the approximation leaves out, are too
     * rare to move the rate by one standard error (ResidualBitErrorRateTest bounds them at higher rates).
     */
    @ParameterizedTest(name = "raw BER {0}")
    @ValueSource(doubles = {1e-4, 1e-3, 3e-3})
    void measuredResidualMatchesTheAnalyticWithinThreeSigma(double raw) {
        BinaryNetwork network = wholeWords();
        long weights = Arrays.stream(Simulation.weightsPerLayer(network)).sum();
        double analytic = Secded7264.residualBitErrorRate(raw);
        int trials = (int) Math.ceil(400 / (analytic * weights)); // ≥ 400 residual errors expected
        ErrorPatterns patterns = ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_CHIP, raw, 2), Optional.of(SECDED));
        double sum = 0;
        double squares = 0;
        for (int trial = 0; trial < trials; trial++) {
            for (long[] layer : patterns.chip(network, 17, trial)) {
                // Per word (64 weights, whole words): count the residual errors of each word with any.
                for (int i = 0; i < layer.length;) {
                    long word = layer[i] / 64;
                    int count = 0;
                    for (; i < layer.length && layer[i] / 64 == word; i++) {
                        count++;
                    }
                    sum += count;
                    squares += (double) count * count;
                }
            }
        }
        double words = (double) weights / 64 * trials;
        double perWord = sum / words;
        double se = Math.sqrt((squares / words - perWord * perWord) / words) / 64;
        double measured = perWord / 64;
        assertEquals(measured, patterns.chipBitErrorRate(network, 17, trials).getAsDouble(), 1e-15);
        String figures = String.format("raw %.0e: %d chips, %.0f residual errors, measured %.4e ± %.1e, analytic %.4e", raw, trials, sum,
                measured, se, analytic);
        System.out.println(figures);
        assertTrue(Math.abs(measured - analytic) <= 3 * se, figures);
        assertTrue(sum >= 300, figures);
    }

    /** Without a code the weights see the raw rate; with one, far fewer errors at the same raw rate. */
    @Test
    void theCodeRemovesMostErrorsAndNoCodeChangesNothing() {
        BinaryNetwork network = wholeWords();
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_CHIP, 1e-3, 2);
        ErrorPatterns plain = ErrorPatterns.of(errors);
        ErrorPatterns alsoPlain = ErrorPatterns.of(errors, Optional.empty());
        for (int trial = 0; trial < 3; trial++) {
            long[][] a = plain.chip(network, 4, trial);
            long[][] b = alsoPlain.chip(network, 4, trial);
            for (int l = 0; l < a.length; l++) {
                assertArrayEquals(a[l], b[l], "no code is the weight-level model itself");
            }
        }
        double plainRate = plain.chipBitErrorRate(network, 4, 3).getAsDouble();
        double codedRate = ErrorPatterns.of(errors, Optional.of(SECDED)).chipBitErrorRate(network, 4, 3).getAsDouble();
        assertEquals(1e-3, plainRate, 5 * Math.sqrt(1e-3 / (3 * 1024 * 1088)));
        assertTrue(codedRate < plainRate / 5, codedRate + " vs " + plainRate);
        assertFalse(ErrorPatterns.of(WeightErrors.uniform(Resampling.PER_INFERENCE, 1e-3, 2), Optional.of(SECDED))
                .chipBitErrorRate(network, 4, 3).isPresent(), "only per-chip patterns are counted");
        assertTrue(ErrorPatterns.of(errors, Optional.of(SECDED)).toString().contains("secded(72,64) decoded"));
    }

    /** Keyed randomness: the same seed gives bit-identical predictions at any thread count, in every resampling. */
    @Test
    void identicalAtOneAndManyThreadsInEveryResampling() {
        for (NetworkSpec spec : new NetworkSpec[] {TestSpecs.dense(), TestSpecs.convMaxPool()}) {
            BinaryNetwork network = RandomNetworks.create(spec, 6);
            long[][] inputs = RandomNetworks.inputs(network, 150, 5);
            int layers = network.weightLayerCount();
            for (Resampling resampling : Resampling.values()) {
                ErrorPatterns patterns = ErrorPatterns.of(WeightErrors.uniform(resampling, 0.02, layers), Optional.of(SECDED));
                SimulationResult one = new Simulation(1).run(network, inputs, patterns, 3, 11);
                SimulationResult three = new Simulation(3).run(network, inputs, patterns, 3, 11);
                SimulationResult again = new Simulation(2).run(network, inputs,
                        ErrorPatterns.of(WeightErrors.uniform(resampling, 0.02, layers), Optional.of(SECDED)), 3, 11);
                for (int trial = 0; trial < 3; trial++) {
                    assertArrayEquals(one.predictions()[trial], three.predictions()[trial], patterns + " trial " + trial);
                    assertArrayEquals(one.predictions()[trial], again.predictions()[trial], patterns + " trial " + trial);
                    assertArrayEquals(one.tied()[trial], three.tied()[trial], patterns + " trial " + trial);
                }
            }
        }
    }

    /**
     * Per read, every read decodes its own raw errors; a layer read once sees the per-inference
     * pattern, and reads of a conv layer differ.
     */
    @Test
    void perReadDecodesEveryRead() {
        BinaryNetwork network = RandomNetworks.create(TestSpecs.convMaxPool(), 1);
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, 0.02, network.weightLayerCount());
        ErrorPatterns perInference = ErrorPatterns.of(errors, Optional.of(SECDED));
        ErrorPatterns perRead = ErrorPatterns.of(new WeightErrors(Resampling.PER_READ, errors.berPerLayer()), Optional.of(SECDED));
        ReadFlips reads = perRead.reads(network, 5, 1, 2);
        long[][] inference = perInference.inference(network, 5, 1, 2);
        int differing = 0;
        for (int layer = 0; layer < network.weightLayerCount(); layer++) {
            CodedRows rows = new CodedRows(SECDED, network.weights(layer));
            long size = network.weights(layer).size();
            if (network.weightLayer(layer).reads() == 1) {
                assertArrayEquals(inference[layer], reads.positions(layer, 0), "read 0 of layer " + layer);
            }
            for (int read = 0; read < network.weightLayer(layer).reads(); read++) {
                long[] positions = reads.positions(layer, read);
                assertTrue(Arrays.stream(positions).allMatch(p -> p >= 0 && p < size));
                for (int i = 1; i < positions.length; i++) {
                    assertTrue(positions[i] > positions[i - 1]);
                }
                if (read > 0 && !Arrays.equals(positions, reads.positions(layer, read - 1))) {
                    differing++;
                }
            }
            assertTrue(rows.storedBits() > size);
        }
        assertTrue(differing > 0, "reads of a conv layer see fresh errors");
    }

    @Test
    void thePopcountDomainTakesNoCode() {
        WeightErrors errors = WeightErrors.uniform(Resampling.PER_INFERENCE, 0.02, 2);
        assertFalse(ErrorPatterns.popcountDomain(errors).code().isPresent());
        assertEquals(Optional.of(SECDED), ErrorPatterns.of(errors, Optional.of(SECDED)).code());
    }
}
