package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.DeviceChip;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.DeviceKeys;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per chip, the misread positions are exactly those where the PCSA decides wrong, computed cell by
 * cell ({@link BruteForceChip}): the radius screen and the fragile/static split change nothing.
 * Partial tiles in both directions (7 × 20 tiles on 143/97/70-wide layers), stuck-at faults of both
 * kinds, and offsets from the preset to far beyond it.
 */
class MisreadPositionsTest {
    private static final long SEED = 4242;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nominal, preset PCSA", Presets.NOMINAL, Presets.SENSE_AMP, StuckAt.NONE),
                Arguments.of("very-low, preset PCSA", Presets.VERY_LOW, Presets.SENSE_AMP, StuckAt.NONE),
                Arguments.of("ultra-low, noisy PCSA", Presets.ULTRA_LOW, Presets.NOISY_SENSE_AMP, StuckAt.NONE),
                Arguments.of("very-low, preset PCSA, stuck 5 %/8 %", Presets.VERY_LOW, Presets.SENSE_AMP, new StuckAt(0.05, 0.08)),
                Arguments.of("low, noisy PCSA, stuck 20 %/10 %", Presets.LOW, Presets.NOISY_SENSE_AMP, new StuckAt(0.2, 0.1)),
                Arguments.of("nominal, offset-free PCSA, stuck LRS 1 %", Presets.NOMINAL, new SenseAmpSpec(0, 0, 0, 0),
                        new StuckAt(0.01, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void perChipMisreadsAreWhereThePcsaDecidesWrong(String label, RegimeSpec regime, SenseAmpSpec senseAmp, StuckAt stuckAt) {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 3);
        DeviceErrors errors = new DeviceErrors(regime, senseAmp, stuckAt, new TileFolding(7, 20), Resampling.PER_CHIP,
                network.weightLayerCount());
        long total = 0;
        for (int trial = 0; trial < 4; trial++) {
            DeviceChip chip = errors.program(network, SEED, trial);
            long[][] flips = chip.perChipFlips();
            for (int layer = 0; layer < network.weightLayerCount(); layer++) {
                long key = DeviceKeys.chipLayer(SEED, trial, layer);
                long[] expected = BruteForceChip.misreads(errors, network.weights(layer), key, DeviceKeys.frozenRead(key));
                assertArrayEquals(expected, flips[layer], "trial " + trial + " layer " + layer);
                total += expected.length;
            }
        }
        System.out.printf("%s: %d misreads over 4 chips, all where the PCSA decides wrong%n", label, total);
        assertTrue(total > 0 || regime == Presets.NOMINAL, "the case must exercise misreads");
    }
}
