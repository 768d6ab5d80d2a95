package org.bnn.runtime.tests.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bnn.runtime.aging.Aging;
import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.aging.ReadDisturb;
import org.bnn.runtime.aging.Relaxation;
import org.bnn.runtime.aging.StateDrift;
import org.bnn.runtime.aging.Wear;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.experiment.AgeAxis;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.experiment.SweepSpec;
import org.bnn.runtime.json.SpecJson;
import org.junit.jupiter.api.Test;

/** The aging model's formulas, each against a figure computed by hand (or by a one-line Python check, quoted). */
class AgingModelTest {
    private static final Pulse PULSE = Pulse.of(1.8, 100e-6, 500e-9);
    private static final RegimeSpec NOMINAL = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.80), PULSE,
            PULSE, 1e7);
    private static final Relaxation HRS_RELAXES = new Relaxation(StateDrift.NONE, new StateDrift(-4, 0.03), 1, 1.1, 298.15);

    @Test
    void aStateDriftsPerDecade() {
        LogNormal after = new StateDrift(-4, 0.03).after(new LogNormal(8e3, 0.8), 2, "here");
        assertEquals(8e3 * 0.96 * 0.96, after.medianOhms(), 1e-9); // 7372.8 Ohm
        assertEquals(0.86, after.sigma(), 1e-12);
    }

    @Test
    void aSigmaThatWouldTurnNegativeIsRejectedNamingWhere() {
        SpecViolation e = assertThrows(SpecViolation.class, () -> new StateDrift(0, -0.1).after(new LogNormal(8e3, 0.25), 3, "at 1 day"));
        assertEquals("sigma of ln R falls below 0 at 1 day (0.250 -0.100 per decade x 3.00 decades = -0.0500); "
                + "a sigma that shrinks must stop at 0 within the times studied", e.getMessage());
        assertThrows(SpecViolation.class, () -> new StateDrift(-100, 0));
    }

    @Test
    void temperatureAcceleratesTimeByArrhenius() {
        assertEquals(1.0, HRS_RELAXES.acceleration(298.15), 1e-12);
        // python: math.exp(1.1/8.617333262e-5*(1/298.15-1/358.15)) = 1303.1137859803466
        assertEquals(1303.1137859803466, HRS_RELAXES.acceleration(358.15), 1e-9);
        assertEquals(0, HRS_RELAXES.decades(0.5, 298.15)); // before the reference time nothing moves
        assertEquals(3, HRS_RELAXES.decades(1000, 298.15), 1e-12);
        assertEquals(Math.log10(1000 * 1303.1137859803466), HRS_RELAXES.decades(1000, 358.15), 1e-9);
        assertThrows(SpecViolation.class, () -> new Relaxation(StateDrift.NONE, StateDrift.NONE, 1, 7, 298.15));
    }

    @Test
    void readDisturbAccumulatesExactlyForTinyProbabilities() {
        // python: -math.expm1(1e9*math.log1p(-1e-12)) = 0.0009995001666255078
        assertEquals(0.0009995001666255078, new ReadDisturb(1e-12, true).movedAfter(1e9), 1e-18);
        assertEquals(0, new ReadDisturb(1e-12, true).movedAfter(0));
        assertEquals(1, new ReadDisturb(1, true).movedAfter(3));
    }

    @Test
    void devicesWearOutAroundTheEndurance() {
        Wear wear = new Wear(StateDrift.NONE, StateDrift.NONE, 1, 0.5, true);
        assertEquals(0.5, wear.failedAfter(1e7, 1e7), 1e-12);
        assertEquals(0.15865525393145707, wear.failedAfter(1e7 * Math.exp(-0.5), 1e7), 1e-12); // Φ(−1)
        Wear sharp = new Wear(StateDrift.NONE, StateDrift.NONE, 1, 0, false);
        assertEquals(0, sharp.failedAfter(9.99e6, 1e7));
        assertEquals(1, sharp.failedAfter(1e7, 1e7));
        assertEquals(2, wear.decades(100), 1e-12);
        assertEquals(0, wear.failedAfter(1, 1e7)); // nothing has worn at the reference: a fresh chip is exactly the regime
    }

    @Test
    void withoutAgingAReadMeetsTheProgrammedRegime() {
        Aging.Aged aged = Aging.NONE.at(NOMINAL, new StuckAt(1e-3, 2e-3), new Condition(3e8, 400, 1e6, 1e12));
        assertSame(NOMINAL, aged.regime());
        assertEquals(new StuckAt(1e-3, 2e-3), aged.stuckAt());
    }

    @Test
    void devicesMovedByUseJoinTheStuckOnes() {
        Aging aging = new Aging(Optional.empty(), Optional.of(new ReadDisturb(1e-9, true)),
                Optional.of(new Wear(StateDrift.NONE, StateDrift.NONE, 1, 0.5, false)));
        // At the endurance half the devices have failed (into the HRS); of the others, d = 1 − (1 − 1e-9)^1e6 disturbed to the LRS.
        double d = -Math.expm1(1e6 * Math.log1p(-1e-9));
        StuckAt stuck = aging.at(NOMINAL, new StuckAt(0.01, 0.02), Condition.FRESH.withCycles(1e7).withReads(1e6)).stuckAt();
        assertEquals(0.01 + 0.97 * 0.5 * d, stuck.stuckAtLrsProbability(), 1e-15);
        assertEquals(0.02 + 0.97 * 0.5, stuck.stuckAtHrsProbability(), 1e-15);
        // Everything worn out and disturbed still sums to at most 1.
        StuckAt all = new Aging(Optional.empty(), Optional.of(new ReadDisturb(1, true)),
                Optional.of(new Wear(StateDrift.NONE, StateDrift.NONE, 1, 0, false))).at(NOMINAL, new StuckAt(0.3, 0.1),
                        Condition.FRESH.withCycles(1e9).withReads(1))
                .stuckAt();
        assertTrue(all.stuckProbability() <= 1, all.toString());
    }

    @Test
    void relaxationMovesTheRegimeAndKeepsItsName() {
        Aging aging = new Aging(Optional.of(HRS_RELAXES), Optional.empty(), Optional.empty());
        RegimeSpec aged = aging.at(NOMINAL.withAging(aging), StuckAt.NONE, Condition.FRESH.withSeconds(1e4)).regime();
        assertEquals("nominal", aged.name());
        assertEquals(180e3 * Math.pow(0.96, 4), aged.hrs().medianOhms(), 1e-6);
        assertEquals(0.80 + 4 * 0.03, aged.hrs().sigma(), 1e-12);
        assertEquals(NOMINAL.lrs(), aged.lrs());
    }

    @Test
    void statesThatMeetAreRejectedNamingRegimeAndCondition() {
        Aging collapse = new Aging(Optional.of(new Relaxation(new StateDrift(50, 0), new StateDrift(-50, 0), 1, 0, 298.15)),
                Optional.empty(), Optional.empty());
        SpecViolation e = assertThrows(SpecViolation.class,
                () -> collapse.at(NOMINAL, StuckAt.NONE, Condition.FRESH.withSeconds(10 * Durations.YEAR)));
        assertEquals("the HRS median (497.5 Ohm) falls to the LRS median (2.510e+05 Ohm) in regime nominal at 10 years: "
                + "the states can no longer be told apart", e.getMessage());
    }

    @Test
    void sweepPointsAreLabelledAsPeopleWriteThem() {
        assertEquals(List.of("1 s", "1 h", "1 day", "1 year", "10 years"),
                List.of(1.0, 3600.0, 86400.0, Durations.YEAR, 10 * Durations.YEAR).stream().map(AgeAxis.TIME::label).toList());
        assertEquals("85 C", AgeAxis.TEMPERATURE.label(358.15));
        assertEquals("1e6 cycles", AgeAxis.CYCLES.label(1e6));
        assertEquals("1000 reads", AgeAxis.READS.label(1000));
        SpecViolation e = assertThrows(SpecViolation.class, () -> new SweepSpec.Ages(AgeAxis.TIME, List.of(3600.0, 60.0)));
        assertEquals("SweepSpec.Ages.points must be ascending, got 1 h then 1 min", e.getMessage());
        assertThrows(SpecViolation.class, () -> new SweepSpec.Ages(AgeAxis.TEMPERATURE, List.of(-5.0)));
    }

    @Test
    void agingAndConditionsRoundTripThroughJsonAndStayOutWhenAbsent() {
        Aging aging = new Aging(Optional.of(HRS_RELAXES), Optional.of(new ReadDisturb(1e-12, true)),
                Optional.of(new Wear(StateDrift.NONE, new StateDrift(-4, 0.03), 1000, 0.5, true)));
        RegimeSpec aged = NOMINAL.withAging(aging);
        assertEquals(aged, SpecJson.read(SpecJson.write(aged), RegimeSpec.class));
        assertTrue(!SpecJson.write(NOMINAL).contains("aging"), "a regime without aging is written as before aging");
        ErrorSpec hot = new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of()).at(new Condition(3600, 358.15, 1e3, 1e9));
        assertEquals(hot, SpecJson.read(SpecJson.write(hot), ErrorSpec.class));
        assertTrue(!SpecJson.write(new ErrorSpec(ErrorLevel.DEVICE, Resampling.PER_CHIP, List.of())).contains("condition"));
        SweepSpec sweep = new SweepSpec.Ages(AgeAxis.CYCLES, List.of(1e3, 1e6));
        assertEquals(sweep, SpecJson.read(SpecJson.write(sweep), SweepSpec.class));
    }
}
