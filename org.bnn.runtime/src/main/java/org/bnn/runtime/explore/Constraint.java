package org.bnn.runtime.explore;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * A bound a design must meet to count (docs/explore.md): {@code accuracy >= 0.975}, {@code energy <= 5e-7},
 * {@code tiles <= chip}.
 *
 * @param bound in SI units (accuracy as a share); empty means the chip's tiles, for {@link Objective#TILES} only
 */
public record Constraint(Objective objective, boolean atLeast, OptionalDouble bound) {
    public Constraint {
        Checks.present("Constraint", "objective", objective);
        Checks.present("Constraint", "bound", bound);
        if (bound.isEmpty() && objective != Objective.TILES) {
            throw new SpecViolation("Constraint", "bound", objective.keyword(), Problem.INCONSISTENT,
                    "Constraint: only tiles can be bounded by the chip, not " + objective.keyword());
        }
        if (bound.isPresent() && !Double.isFinite(bound.getAsDouble())) {
            throw new SpecViolation("Constraint", "bound", objective.keyword(), Problem.NOT_FINITE,
                    "Constraint on " + objective.keyword() + ": the bound must be finite, got " + bound.getAsDouble());
        }
    }

    /** The bound for a design whose chip has {@code chipTiles} tiles. */
    public double boundFor(long chipTiles) {
        return bound.orElse(chipTiles);
    }

    /** True if {@code value} meets the constraint on a chip of {@code chipTiles} tiles. */
    public boolean holds(double value, long chipTiles) {
        double limit = boundFor(chipTiles);
        return atLeast ? value >= limit : value <= limit;
    }

    /** As written: "accuracy >= 0.975", "tiles <= chip". */
    public String describe() {
        return objective.keyword() + (atLeast ? " >= " : " <= ")
                + (bound.isPresent() ? Double.toString(bound.getAsDouble()) : "chip");
    }

    /**
     * Why no design can meet all of {@code constraints} on a chip of {@code chipTiles} tiles — a lower bound above
     * an upper bound of the same objective, or an accuracy outside [0, 1] — or empty when some value can.
     * Returns the first such pair, naming the later constraint (index into the list).
     */
    public static Optional<Contradiction> contradiction(List<Constraint> constraints, long chipTiles) {
        for (int i = 0; i < constraints.size(); i++) {
            Constraint later = constraints.get(i);
            double limit = later.boundFor(chipTiles);
            if (later.objective == Objective.ACCURACY && (later.atLeast ? limit > 1 : limit < 0)) {
                return Optional.of(new Contradiction(i, "no accuracy is " + (later.atLeast ? "above 100 %" : "below 0 %")));
            }
            if (!later.atLeast && limit < 0) {
                return Optional.of(new Contradiction(i, "no " + later.objective.keyword() + " is below 0"));
            }
            for (int j = 0; j < i; j++) {
                Constraint earlier = constraints.get(j);
                if (earlier.objective != later.objective || earlier.atLeast == later.atLeast) {
                    continue;
                }
                double lower = (later.atLeast ? later : earlier).boundFor(chipTiles);
                double upper = (later.atLeast ? earlier : later).boundFor(chipTiles);
                if (lower > upper) {
                    return Optional.of(new Contradiction(i, "'" + later.describe() + "' contradicts '" + earlier.describe() + "'"
                            + (earlier.bound.isEmpty() || later.bound.isEmpty() ? " (the chip has " + chipTiles + " tiles)" : "")
                            + ": no design can meet both"));
                }
            }
        }
        return Optional.empty();
    }

    /** Constraint {@code index} of a list cannot hold together with the earlier ones, for the reason given. */
    public record Contradiction(int index, String reason) {
    }
}
