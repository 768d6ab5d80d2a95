package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.experiment.InputSource;
import org.bnn.runtime.experiment.ReportSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.Placement;
import org.bnn.runtime.spec.TileSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The description records reject a value with a {@link SpecViolation} that names the record, the
 * field, the item and the kind of problem, while the message a user reads stays as it was.
 */
class SpecViolationTest {

    private static final Pulse PULSE = Pulse.of(1.8, 100e-6, 500e-9);

    private static SpecViolation violation(Executable construction, String message) {
        SpecViolation violation = assertThrows(SpecViolation.class, construction);
        assertEquals(message, violation.getMessage());
        return violation;
    }

    private static void assertViolation(SpecViolation violation, String record, String name, String field, String item, Problem problem) {
        assertEquals(record, violation.record(), "record");
        assertEquals(Optional.ofNullable(name), violation.name(), "name");
        assertEquals(field, violation.field(), "field");
        assertEquals(Optional.ofNullable(item), violation.item(), "item");
        assertEquals(problem, violation.problem(), "problem");
    }

    @Test
    void theChecksSayWhichKindOfProblem() {
        assertViolation(violation(() -> new LogNormal(-8e3, 0.25), "LogNormal.medianOhms must be positive and finite, got -8000.0"),
                "LogNormal", null, "medianOhms", null, Problem.NOT_POSITIVE);
        assertViolation(violation(() -> new LogNormal(Double.POSITIVE_INFINITY, 0.25),
                "LogNormal.medianOhms must be positive and finite, got Infinity"), "LogNormal", null, "medianOhms", null,
                Problem.NOT_FINITE);
        assertViolation(violation(() -> new LogNormal(8e3, -0.25), "LogNormal.sigma must be non-negative and finite, got -0.25"),
                "LogNormal", null, "sigma", null, Problem.NEGATIVE);
        assertViolation(violation(() -> new LogNormal(8e3, Double.NaN), "LogNormal.sigma must be non-negative and finite, got NaN"),
                "LogNormal", null, "sigma", null, Problem.NOT_FINITE);
        assertViolation(violation(() -> new StuckAt(1.5, 0), "StuckAt.stuckAtLrsProbability must be in [0, 1], got 1.5"),
                "StuckAt", null, "stuckAtLrsProbability", null, Problem.OUT_OF_RANGE);
        assertViolation(violation(() -> new SenseAmpSpec(0, 0, -1e-15, 1e-9),
                "SenseAmpSpec.energyPerSenseJoules must be non-negative and finite, got -1.0E-15"),
                "SenseAmpSpec", null, "energyPerSenseJoules", null, Problem.NEGATIVE);
        assertViolation(violation(() -> new RegimeSpec("r", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8), PULSE, PULSE, 0),
                "RegimeSpec(r).enduranceCycles must be positive and finite, got 0.0"), "RegimeSpec", "r", "enduranceCycles", null,
                Problem.NOT_POSITIVE);
        assertViolation(violation(() -> new RegimeSpec(" ", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8), PULSE, PULSE, 1e7),
                "RegimeSpec.name must be a non-empty name, got \" \""), "RegimeSpec", null, "name", null, Problem.MISSING);
    }

    @Test
    void handWrittenRulesOfTheRecordsAreTypedToo() {
        assertViolation(violation(() -> new RegimeSpec("weak", new LogNormal(8e3, 0.25), new LogNormal(5e3, 0.8), PULSE, PULSE, 1e7),
                "RegimeSpec(weak).hrs.medianOhms must be greater than lrs.medianOhms = 8000.0, got 5000.0"),
                "RegimeSpec", "weak", "hrs.medianOhms", null, Problem.INCONSISTENT);
        assertViolation(violation(() -> new Pulse(1.8, 100e-6, 500e-9, -1),
                "Pulse.explicitEnergyJoules must be positive and finite, or NaN for none, got -1.0"),
                "Pulse", null, "explicitEnergyJoules", null, Problem.NOT_POSITIVE);
        assertViolation(
                violation(() -> new StuckAt(0.6, 0.5),
                        "StuckAt.stuckAtLrsProbability + stuckAtHrsProbability must be at most 1, got 0.6 + 0.5"),
                "StuckAt", null, "stuckAtLrsProbability", null, Problem.INCONSISTENT);
        RegimeSpec regime = new RegimeSpec("r", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8), PULSE, PULSE, 1e7);
        assertViolation(violation(() -> new DeviceSpec("d", "", List.of(regime, regime), StuckAt.NONE),
                "DeviceSpec(d).regimes must have distinct names, got \"r\" twice"), "DeviceSpec", "d", "regimes", "r", Problem.DUPLICATE);
        DeviceSpec device = new DeviceSpec("d", "", List.of(regime), StuckAt.NONE);
        assertViolation(violation(() -> device.regime("strong"), "device d has no regime \"strong\"; known regimes: r"),
                "DeviceSpec", "d", "regimes", "strong", Problem.UNKNOWN);
        assertViolation(violation(() -> CellTechnology.of("2T2R", Optional.empty(), Optional.of("secded(72,64)"), OptionalDouble.empty()),
                "CellTechnology.code: secded(72,64) cannot be used with 2T2R cells: the XNOR is computed inside the sense amplifier,"
                        + " before any decoder"),
                "CellTechnology", null, "code", null, Problem.INCONSISTENT);
        assertViolation(violation(() -> CellTechnology.of("1T1R", Optional.empty(), Optional.empty(), OptionalDouble.empty()),
                "CellTechnology.reference is required for a 1T1R cell (a resistance or 'best')"),
                "CellTechnology", null, "reference", null, Problem.MISSING);
    }

    @Test
    void aNetworkNamesTheLayerAtFault() {
        assertViolation(violation(() -> NetworkSpec.builder("n", "x", 4, 4).conv("c", 8, 5, 1, Padding.VALID).output("o", 2).build(),
                "NetworkSpec(n): layer c gives an output height of 0 (input 4, window 5, stride 1, padding 0)"),
                "NetworkSpec", "n", "layers", "c", Problem.INCONSISTENT);
        assertViolation(violation(() -> NetworkSpec.builder("n", "x", 4).dense("x", 3).output("o", 2).build(),
                "NetworkSpec(n) has two layers (or the input and a layer) named x"), "NetworkSpec", "n", "layers", "x", Problem.DUPLICATE);
        assertViolation(violation(() -> NetworkSpec.builder("n", "x", 4).dense("d", 3).build(),
                "NetworkSpec(n).layers must end with an output layer"), "NetworkSpec", "n", "layers", null, Problem.MISSING);
    }

    @Test
    void aMappingNamesTheReplicatedLayer() {
        NetworkSpec network = NetworkSpec.builder("n", "x", 4).dense("d", 3).output("o", 2).build();
        ChipSpec chip = new ChipSpec("c", 10, new TileSpec("t", 32, 32, new CellTechnology.TwoTransistorTwoResistor()));
        assertViolation(violation(() -> new MappingSpec("m", network, chip, Optional.empty(), Map.of("d", 0), false, Placement.AUTO),
                "MappingSpec(m).replication of d must be positive, got 0"), "MappingSpec", "m", "replication", "d", Problem.NOT_POSITIVE);
        assertViolation(violation(() -> new MappingSpec("m", network, chip, Optional.of("nominal"), Map.of(), false, Placement.AUTO),
                "MappingSpec(m).regime nominal needs a device on tile t"), "MappingSpec", "m", "regime", null, Problem.INCONSISTENT);
    }

    @Test
    void theExperimentRecordsSayWhichFieldAndItem() {
        assertViolation(violation(() -> new SweepSpec.Ber(List.of(0.0, 0.7)), "SweepSpec.Ber.points[1] must be in [0, 0.5], got 0.7"),
                "SweepSpec.Ber", null, "points", "1", Problem.OUT_OF_RANGE);
        assertViolation(
                violation(() -> new SweepSpec.Ber(List.of(1e-3, 1e-4)), "SweepSpec.Ber.points must be ascending, got 0.001 then 1.0E-4"),
                "SweepSpec.Ber", null, "points", "1", Problem.INCONSISTENT);
        assertViolation(
                violation(() -> new SweepSpec.Regimes(List.of("low", "low")),
                        "SweepSpec.Regimes.regimes must be distinct and not empty, got [low, low]"),
                "SweepSpec.Regimes", null, "regimes", null, Problem.DUPLICATE);
        assertViolation(violation(() -> new SweepSpec.Layers(0), "SweepSpec.Layers.ber must be in (0, 0.5], got 0.0"),
                "SweepSpec.Layers", null, "ber", null, Problem.OUT_OF_RANGE);
        assertViolation(violation(() -> new InputSource.Dataset("mnist", "data", Split.TEST, -1),
                "InputSource.Dataset.limit must be 0 (all) or positive, got -1"), "InputSource.Dataset", null, "limit", null,
                Problem.NEGATIVE);
        assertViolation(violation(() -> new ReportSpec("reports", Set.of()), "ReportSpec.formats must not be empty"),
                "ReportSpec", null, "formats", null, Problem.MISSING);
    }
}
