package org.bnn.runtime.tests.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.bnn.runtime.aging.Durations;
import org.bnn.runtime.experiment.RefreshPlan;
import org.junit.jupiter.api.Test;

/** The refresh interval and its yearly cost, read off a curve, against figures computed by hand (Python, quoted). */
class RefreshPlanTest {
    private static final List<Double> TIMES = List.of(1.0, 3600.0, 86400.0, Durations.YEAR);

    @Test
    void theLossIsInterpolatedInLogTimeAndTheRefreshIsTheLastTimeWithinTheBound() {
        RefreshPlan plan = RefreshPlan.plan("M", TIMES, new double[] {0.98, 0.978, 0.965, 0.90}, RefreshPlan.ONE_POINT,
                OptionalDouble.of(105e-6), 1e7);
        // python: b=log10(3600); a=log10(86400); 10**(b+(a-b)*0.008/0.013) = 25448.56 s
        assertEquals(25448.56, plan.secondsToLoss().getAsDouble(), 0.01);
        assertEquals(3600, plan.refreshSeconds().getAsDouble());
        assertEquals(8766, plan.refreshesPerYear(), 1e-9); // 365.25 × 24
        assertEquals(0.92043, plan.joulesPerYear().getAsDouble(), 1e-5);
        assertEquals(8.766e-4, plan.enduranceSharePerYear(), 1e-12);
        assertEquals("M: 1-point loss at about 7.07 h (from 98.00 % at 1 s); refresh every 1 h: 8.77e+03 rewrites/year, "
                + "0.920 J/year, 0.000877 of the endurance per year (it lasts 1.14e+03 years)", plan.describe());
    }

    @Test
    void aCurveThatStaysWithinTheBoundNeedsNoRefresh() {
        RefreshPlan plan = RefreshPlan.plan("M", TIMES, new double[] {0.98, 0.979, 0.975, 0.9701}, RefreshPlan.ONE_POINT,
                OptionalDouble.empty(), 1e7);
        assertTrue(plan.refreshSeconds().isEmpty());
        assertEquals(0, plan.refreshesPerYear());
        assertEquals("M: no 1-point loss within 1 year (98.00 % at 1 s): no refresh needed", plan.describe());
    }
}
