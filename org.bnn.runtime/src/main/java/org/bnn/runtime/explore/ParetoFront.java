package org.bnn.runtime.explore;

import java.util.List;

/**
 * The Pareto front of a set of designs: those no other design dominates, that is, is at least as good in
 * every objective and strictly better in one. Designs with equal values do not dominate each other, so both
 * stay on the front.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /**
     * For each row of {@code values} (one value per objective, in the order of {@code objectives}), whether it
     * is on the front. O(n²·m), which is nothing next to one simulation.
     */
    public static boolean[] of(List<double[]> values, List<Objective> objectives) {
        boolean[] front = new boolean[values.size()];
        for (int i = 0; i < front.length; i++) {
            front[i] = true;
            for (int j = 0; j < front.length && front[i]; j++) {
                front[i] = j == i || !dominates(values.get(j), values.get(i), objectives);
            }
        }
        return front;
    }

    /** True if {@code a} is at least as good as {@code b} in every objective and better in one. */
    public static boolean dominates(double[] a, double[] b, List<Objective> objectives) {
        boolean better = false;
        for (int k = 0; k < objectives.size(); k++) {
            Objective objective = objectives.get(k);
            if (!objective.atLeastAsGood(a[k], b[k])) {
                return false;
            }
            better |= a[k] != b[k];
        }
        return better;
    }
}
