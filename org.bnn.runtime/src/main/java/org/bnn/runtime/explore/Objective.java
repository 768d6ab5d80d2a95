package org.bnn.runtime.explore;

/**
 * What an exploration ranks its designs by (docs/explore.md). Accuracy is simulated; every other
 * objective is an estimate ({@link org.bnn.runtime.estimate.Estimator}), free to compute.
 */
public enum Objective {
    /** Mean accuracy over the chips (agreement with the error-free chip on unlabelled inputs), a share in [0, 1]; maximized. */
    ACCURACY("accuracy", "", true),
    /** Energy per inference, joules (the known components: a lower bound where a unit energy is not given); minimized. */
    ENERGY("energy", "J", false),
    /** Latency of one inference, seconds (clock cycles on a chip without a clock); minimized. */
    LATENCY("latency", "s", false),
    /** Tiles that hold the weights; minimized. */
    TILES("tiles", "", false),
    /** One-time energy of programming every weight under the regime, joules; minimized. */
    PROGRAMMING("programming", "J", false),
    /** Programmings the devices endure: 1 / the share of their endurance one programming uses; maximized. */
    LIFETIME("lifetime", "", true);

    private final String keyword;
    private final String unit;
    private final boolean maximized;

    Objective(String keyword, String unit, boolean maximized) {
        this.keyword = keyword;
        this.unit = unit;
        this.maximized = maximized;
    }

    /** The word the language writes. */
    public String keyword() {
        return keyword;
    }

    /** The SI unit of its values, empty for counts and shares. */
    public String unit() {
        return unit;
    }

    /** True if more is better. */
    public boolean maximized() {
        return maximized;
    }

    /** True if its value needs a simulation (trials over chips) rather than an estimate. */
    public boolean simulated() {
        return this == ACCURACY;
    }

    /** True if {@code a} is at least as good as {@code b}. */
    public boolean atLeastAsGood(double a, double b) {
        return maximized ? a >= b : a <= b;
    }

    /** The objective the language calls {@code keyword}. */
    public static Objective of(String keyword) {
        for (Objective objective : values()) {
            if (objective.keyword.equals(keyword)) {
                return objective;
            }
        }
        throw new IllegalArgumentException("unknown objective " + keyword);
    }
}
