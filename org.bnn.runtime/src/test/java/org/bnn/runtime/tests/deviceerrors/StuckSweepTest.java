package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.ExperimentInputs;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.experiment.ExperimentSpec;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.experiment.Yield;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/**
 * A stuck-device sweep on the same network with and without spare columns, end to end through the
 * experiment runner: spares agree more with the error-free chip, the yield is reported per point,
 * and results do not depend on the thread count.
 */
class StuckSweepTest {
    private static final NetworkSpec NETWORK = NetworkSpec.builder("N", "x", 256).dense("h", 128).output("o", 10).build();
    private static final DeviceSpec DEVICE = new DeviceSpec("D", "", List.of(Presets.NOMINAL), StuckAt.NONE);

    private static MappingSpec mapping(String name, int spares) {
        TileSpec tile = TileSpec.builder("T" + spares, 32, 32).device(DEVICE).sense(Presets.SENSE_AMP).spareColumns(spares).build();
        return new MappingSpec(name, NETWORK, new ChipSpec("C" + spares, 64, tile), Optional.of("nominal"), Map.of(), false);
    }

    @Test
    void sparesRepairStuckDevicesAndTheYieldIsReported() {
        ExperimentSpec spec = new ExperimentSpec("E", mapping("Plain", 0), List.of(mapping("Spared", 4)), new InputSource.Random(400),
                new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of()),
                new SweepSpec.StuckDevices(List.of(1e-3, 1e-2), OptionalDouble.of(0.97)), 8, 5, Optional.empty(), Optional.empty());
        ExperimentInputs data = ExperimentInputs.load(spec, java.nio.file.Path.of(""));
        List<SweepPoint> points = new ExperimentRunner(1).run(spec, data.network(), data.inputs(), Optional.empty());
        assertEquals(points, new ExperimentRunner(2).run(spec, data.network(), data.inputs(), Optional.empty()));
        System.out.print(SweepReport.table(spec, points));
        // points: Plain 1e-3, Plain 1e-2, Spared 1e-3, Spared 1e-2
        assertTrue(points.get(2).agreement().mean() > points.get(0).agreement().mean(), "spares help at 1e-3: " + points);
        List<Yield> yields = Yield.of(spec, points);
        assertEquals(4, yields.size());
        assertTrue(yields.get(2).good() >= yields.get(0).good(), yields.toString());
        assertTrue(SweepReport.table(spec, points).contains("  yield Spared, stuck 0.001: 4 of 8 chips reach 97 %"));
    }

    @Test
    void sparesAtWeightLevelAreRefusedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExperimentSpec("E", mapping("Spared", 2), new InputSource.Random(10), ErrorSpec.weightLevel(Resampling.PER_CHIP),
                        new SweepSpec.StuckDevices(List.of(1e-3), OptionalDouble.empty()), 1, 1, Optional.empty(), Optional.empty()));
        assertEquals("ExperimentSpec(E) simulates weight-level errors on mapping Spared, whose tile T2 has spare columns: the repair "
                + "replaces columns with stuck devices, which only device-level errors draw; use 'errors device-level'", e.getMessage());
    }
}
