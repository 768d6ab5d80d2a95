package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.DeviceChip;
import org.bnn.runtime.errors.DeviceChipCache;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TernaryLayers;
import org.bnn.runtime.errors.TileFolding;
import org.bnn.runtime.simulation.ErrorPatterns;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.simulation.SimulationResult;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.tests.engine.TestSpecs;
import org.junit.jupiter.api.Test;

/** Device-level results, binary and ternary layers, are pure functions of the seeds: any thread count, call order or cache size. */
class DeviceDeterminismTest {

    @Test
    void identicalAtOneAndManyThreads() {
        for (NetworkSpec spec : new NetworkSpec[] {TestNetworks.convMaxPool(), TestNetworks.bitSerialConvAveragePool(),
            TestSpecs.ternary(TestNetworks.convMaxPool()), TestSpecs.ternary(TestNetworks.bitSerialConvAveragePool(), "c1")}) {
            BinaryNetwork network = RandomNetworks.create(spec, 4);
            long[][] inputs = RandomNetworks.inputs(network, 100, 5);
            for (Resampling resampling : new Resampling[] {Resampling.PER_CHIP, Resampling.PER_READ}) {
                DeviceErrors errors = new DeviceErrors(Presets.ULTRA_LOW, new SenseAmpSpec(0.05, 0.05, 0, 0), new StuckAt(0.01, 0.01),
                        new TileFolding(7, 20), resampling, network.weightLayerCount())
                        .withTernaryLayers(TernaryLayers.of(network, TernaryReads.DEFAULT_ZERO_THRESHOLD));
                SimulationResult one = new Simulation(1).run(network, inputs, ErrorPatterns.of(errors), 3, 11);
                SimulationResult three = new Simulation(3).run(network, inputs, ErrorPatterns.of(errors), 3, 11);
                for (int trial = 0; trial < 3; trial++) {
                    assertArrayEquals(one.predictions()[trial], three.predictions()[trial], errors + " trial " + trial);
                    assertArrayEquals(one.tied()[trial], three.tied()[trial], errors + " trial " + trial);
                }
            }
        }
    }

    @Test
    void chipsDoNotDependOnCallOrderOrCacheEviction() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.convPaddingStride(), 6);
        DeviceErrors errors = new DeviceErrors(Presets.VERY_LOW, Presets.NOISY_SENSE_AMP, new StuckAt(0.02, 0), new TileFolding(7, 20),
                Resampling.PER_READ, network.weightLayerCount());
        DeviceChipCache tiny = new DeviceChipCache(errors, 1);
        long[][] secondFirst = errors.program(network, 9, 1).perChipFlips();
        long[][] first = errors.program(network, 9, 0).perChipFlips();
        for (int round = 0; round < 2; round++) { // capacity 1: every call below evicts the other chip
            for (int trial = 1; trial >= 0; trial--) {
                DeviceChip chip = tiny.chip(network, 9, trial);
                long[][] expected = trial == 0 ? first : secondFirst;
                for (int layer = 0; layer < network.weightLayerCount(); layer++) {
                    assertArrayEquals(expected[layer], chip.perChipFlips()[layer], "trial " + trial + " layer " + layer);
                    assertArrayEquals(errors.program(network, 9, trial).reads(3).positions(layer, 2),
                            chip.reads(3).positions(layer, 2), "trial " + trial + " layer " + layer);
                }
            }
        }
    }
}
