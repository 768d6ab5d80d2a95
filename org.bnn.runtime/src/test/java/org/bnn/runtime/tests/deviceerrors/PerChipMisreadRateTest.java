package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpOffsets;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.WeightMatrix;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.LayerMargins;
import org.bnn.runtime.errors.MarginSampler;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-chip misread rate over a large layer (2048 × 1024 weights on 32 × 32 tiles) against
 * BitErrorRates.twoTwoR(regime, sense, stuckAt): within 3 binomial standard deviations, with at
 * least 300 expected misreads (several chips where one is not enough). Cells sharing an amplifier
 * share its mismatch, which adds a little variance; at 2 % mismatch it is negligible (the
 * misread probability varies by a few % from amplifier to amplifier, over 65,536 amplifiers).
 */
class PerChipMisreadRateTest {
    private static final int FAN_IN = 2048;
    private static final int NEURONS = 1024;
    private static final double EXPECTED_MISREADS = 300;
    private static final WeightMatrix LAYER = TestNetworks.randomWeights(FAN_IN, NEURONS, 77);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nominal", Presets.NOMINAL, StuckAt.NONE),
                Arguments.of("low", Presets.LOW, StuckAt.NONE),
                Arguments.of("very-low", Presets.VERY_LOW, StuckAt.NONE),
                Arguments.of("ultra-low", Presets.ULTRA_LOW, StuckAt.NONE),
                Arguments.of("nominal, stuck 1e-4/1e-4", Presets.NOMINAL, new StuckAt(1e-4, 1e-4)),
                Arguments.of("very-low, stuck 1e-3/2e-3", Presets.VERY_LOW, new StuckAt(1e-3, 2e-3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void misreadRateMatchesTheAnalyticBer(String label, RegimeSpec regime, StuckAt stuckAt) {
        DeviceErrors errors = new DeviceErrors(regime, Presets.SENSE_AMP, stuckAt, new TileFolding(32, 32),
                Resampling.PER_CHIP, 1);
        double ber = BitErrorRates.twoTwoR(regime, Presets.SENSE_AMP, stuckAt);
        long cellsPerChip = LAYER.size();
        int chips = (int) Math.ceil(EXPECTED_MISREADS / (ber * cellsPerChip));
        MarginSampler sampler = errors.marginSampler();
        SenseAmpOffsets offsets = new SenseAmpOffsets(Presets.SENSE_AMP);
        long misreads = 0;
        for (int trial = 0; trial < chips; trial++) {
            long key = DeviceKeys.chipLayer(1, trial, 0);
            LayerMargins margins = sampler.sample(LAYER, key);
            misreads += margins.misreadIn(DeviceKeys.frozenRead(key), offsets).length;
        }
        assertBinomial(label, misreads, chips * cellsPerChip, ber);
    }

    static void assertBinomial(String what, long events, long samples, double p) {
        double mean = samples * p;
        double sd = Math.sqrt(samples * p * (1 - p));
        double deviation = (events - mean) / sd;
        String figures = String.format("%s: %d misreads in %d reads, expected %.1f ± %.1f (BER %.4e), %+.2f sd, measured BER %.4e",
                what, events, samples, mean, sd, p, deviation, (double) events / samples);
        System.out.println(figures);
        assertTrue(Math.abs(deviation) <= 3, figures);
    }
}
