package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StandardNormal;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.engine.ReadFlips;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceChip;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.LayerMargins;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-read device errors: static margins fixed per chip, noise drawn per sense, sampled only for
 * the fragile cells. Checked against a noise drawn for every sense of every cell (exact equality),
 * and the flip count over many reads against the per-read model with the margins fixed.
 */
class PerReadNoiseTest {
    private static final long SEED = 515;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("very-low, preset PCSA", Presets.VERY_LOW, Presets.SENSE_AMP, StuckAt.NONE),
                Arguments.of("ultra-low, noisy PCSA", Presets.ULTRA_LOW, Presets.NOISY_SENSE_AMP, StuckAt.NONE),
                Arguments.of("low, noisy PCSA, stuck 10 %/10 %", Presets.LOW, Presets.NOISY_SENSE_AMP, new StuckAt(0.1, 0.1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fragileCutOffChangesNothing(String label, RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt) {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 8);
        DeviceErrors errors = new DeviceErrors(regime, senseAmp, stuckAt, new TileFolding(7, 20), Resampling.PER_READ,
                network.weightLayerCount());
        ErrorPatterns patterns = ErrorPatterns.of(errors);
        long compared = 0;
        long fragile = 0;
        for (int trial = 0; trial < 2; trial++) {
            DeviceChip chip = errors.program(network, SEED, trial);
            for (int input = 0; input < 3; input++) {
                ReadFlips reads = patterns.reads(network, SEED, trial, input);
                for (int layer = 0; layer < network.weightLayerCount(); layer++) {
                    long chipKey = DeviceKeys.chipLayer(SEED, trial, layer);
                    long inferenceKey = DeviceKeys.inferenceLayer(SEED, trial, input, layer);
                    for (int read = 0; read < 5; read++) { // dense layers use read 0 only; the model does not care
                        long[] expected = BruteForceChip.misreads(errors, network.weights(layer), chipKey,
                                DeviceKeys.read(inferenceKey, read));
                        String where = "trial " + trial + " input " + input + " layer " + layer + " read " + read;
                        assertArrayEquals(expected, reads.positions(layer, read), where);
                        assertArrayEquals(expected, chip.reads(input).positions(layer, read), where);
                        compared += expected.length;
                    }
                    fragile += chip.margins(layer).fragileCells();
                }
            }
        }
        System.out.printf("%s: %d misreads identical to a noise per sense (%d fragile cells)%n", label, compared, fragile);
        assertTrue(compared > 0 && fragile > 0, "the case must exercise misreads and fragile cells");
    }

    static Stream<Arguments> rateCases() {
        return Stream.of(
                Arguments.of("very-low, preset PCSA", Presets.VERY_LOW, Presets.SENSE_AMP, 200),
                Arguments.of("nominal, noise 10 %", Presets.NOMINAL, new SenseAmpSpec(0.02, 0.1, 0, 0), 200),
                Arguments.of("ultra-low, noisy PCSA", Presets.ULTRA_LOW, Presets.NOISY_SENSE_AMP, 20));
    }

    /** Margins fixed, noise varying: each cell is misread with probability Φ(∓(Δ + m)/σ_noise), independently per read. */
    @ParameterizedTest(name = "{0}, {3} reads")
    @MethodSource("rateCases")
    void flipRateOverManyReadsMatchesTheFixedMarginModel(String label, RegimeSpec regime, SenseAmpSpec senseAmp, int reads) {
        WeightMatrix layer = TestNetworks.randomWeights(1024, 1024, 31);
        DeviceErrors errors = new DeviceErrors(regime, senseAmp, StuckAt.NONE, new TileFolding(32, 32), Resampling.PER_READ, 1);
        long chipKey = DeviceKeys.chipLayer(SEED, 0, 0);
        LayerMargins margins = errors.marginSampler().sample(layer, chipKey);
        double sigma = senseAmp.noiseSigma();
        double expectedPerRead = margins.misreadAtAnyNoise().length;
        double variancePerRead = 0;
        for (int i = 0; i < margins.fragileCells(); i++) {
            double margin = margins.fragileBitLineDifference(i) + margins.fragileMismatch(i);
            double p = StandardNormal.cdf((margins.fragileWeight(i) ? -margin : margin) / sigma);
            expectedPerRead += p;
            variancePerRead += p * (1 - p);
        }
        SenseAmpOffsets offsets = new SenseAmpOffsets(senseAmp);
        long inferenceKey = DeviceKeys.inferenceLayer(SEED, 0, 0, 0);
        long misreads = 0;
        for (int read = 0; read < reads; read++) {
            misreads += margins.misreadIn(DeviceKeys.read(inferenceKey, read), offsets).length;
        }
        double mean = reads * expectedPerRead;
        double sd = Math.sqrt(reads * variancePerRead);
        double deviation = (misreads - mean) / sd;
        String figures = String.format("%s (noise %.2f): %d misreads in %d reads of %d cells, expected %.1f ± %.1f (%d static, "
                + "%d fragile), %+.2f sd; per-read BER %.4e", label, sigma, misreads, reads, layer.size(), mean, sd,
                margins.misreadAtAnyNoise().length, margins.fragileCells(), deviation, misreads / (double) reads / layer.size());
        System.out.println(figures);
        assertTrue(Math.abs(deviation) <= 3, figures);
    }

    @Test
    void everyReadHasTheStaticMisreadsAndConvPositionsGetFreshNoise() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.convMaxPool(), 2);
        DeviceErrors errors = new DeviceErrors(Presets.VERY_LOW, Presets.NOISY_SENSE_AMP, StuckAt.NONE, new TileFolding(7, 20),
                Resampling.PER_READ, network.weightLayerCount());
        DeviceChip chip = errors.program(network, SEED, 0);
        ReadFlips reads = chip.reads(0);
        int conv = 0;
        long[] always = chip.margins(conv).misreadAtAnyNoise();
        long[] first = reads.positions(conv, 0);
        long[] second = reads.positions(conv, 1);
        for (long[] read : new long[][] {first, second}) {
            for (long position : always) {
                assertTrue(Arrays.binarySearch(read, position) >= 0, "static misread " + position + " missing from a read");
            }
        }
        assertFalse(Arrays.equals(first, second), "two output positions of a conv are two reads with their own noise");
        assertArrayEquals(first, chip.reads(0).positions(conv, 0), "a read is a pure function of its keys");
    }
}
