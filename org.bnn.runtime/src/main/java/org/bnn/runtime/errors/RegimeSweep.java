package org.bnn.runtime.errors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.RegimeSpec;

/**
 * The points of a regime sweep ({@code sweep regime}, docs/architecture.md §3), at device or weight level, with
 * common random numbers: run every point with the same seed and trials.
 * <p>
 * <b>Device level.</b> Chip keys do not involve the regime ({@link DeviceKeys}), so every point
 * programs the same chips: same stuck-at faults, same standard normal z behind each cell's margin,
 * same amplifier mismatch m, same read noise n. An intact cell storing +1 is misread iff
 * z &lt; −(M + o)/σ_Δ, with M = ln(R_HRS/R_LRS) of the medians, σ_Δ = √(σ_LRS² + σ_HRS²) and
 * o = m + n (−1 is symmetric). So a regime A with M_A ≥ M_B and σ_Δ,A ≤ σ_Δ,B misreads a subset
 * of what regime B misreads, for every cell whose offset does not exceed A's margin
 * (M_A + o &gt; 0): then (M_A + o)/σ_A ≥ (M_A + o)/σ_B ≥ (M_B + o)/σ_B. The illustrative presets,
 * strong to ultra-low, decrease M and increase σ_Δ together, so their intact misreads are nested.
 * <b>Not nested:</b> stuck pairs. A pair stuck the wrong way round is read right more often in
 * a worse regime; an LRS/LRS or HRS/HRS pair is a coin toss on z·σ + o whose outcome can change
 * either way with σ. With stuck-at faults the curves are therefore monotone in expectation but not
 * cell by cell.
 * <p>
 * <b>Weight level.</b> Each point flips weights with the regime's average BER; with one seed,
 * {@link NestedFlips} makes the flip sets nested in the BER.
 */
public final class RegimeSweep {
    private RegimeSweep() {
    }

    /** One device-level point per regime, in order, all like {@code base} but for the regime. */
    public static List<DeviceErrors> devicePoints(DeviceErrors base, List<RegimeSpec> regimes) {
        Checks.present("RegimeSweep", "base", base);
        checkDistinct(regimes);
        List<DeviceErrors> points = new ArrayList<>(regimes.size());
        for (RegimeSpec regime : regimes) {
            points.add(base.withRegime(regime));
        }
        return List.copyOf(points);
    }

    /** One device-level point per regime of {@code device}, in declaration order. */
    public static List<DeviceErrors> devicePoints(DeviceErrors base, DeviceSpec device) {
        return devicePoints(base, Checks.present("RegimeSweep", "device", device).regimes());
    }

    /**
     * One weight-level point per regime, resampled as {@code resampling} says (any resampling):
     * the regime's average BER ({@link DeviceErrors#averageWeightErrors()}) in every erring layer.
     */
    public static List<WeightErrors> weightPoints(DeviceErrors base, List<RegimeSpec> regimes, Resampling resampling) {
        Checks.present("RegimeSweep", "resampling", resampling);
        List<WeightErrors> points = new ArrayList<>(regimes.size());
        for (DeviceErrors point : devicePoints(base, regimes)) {
            points.add(new WeightErrors(resampling, point.averageWeightErrors().berPerLayer()));
        }
        return List.copyOf(points);
    }

    private static void checkDistinct(List<RegimeSpec> regimes) {
        Checks.present("RegimeSweep", "regimes", regimes);
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("RegimeSweep.regimes must not be empty, got []");
        }
        Set<String> names = new HashSet<>();
        for (RegimeSpec regime : regimes) {
            Checks.present("RegimeSweep", "regimes[]", regime);
            if (!names.add(regime.name())) {
                throw new IllegalArgumentException("RegimeSweep.regimes must have distinct names, got \"" + regime.name()
                        + "\" twice");
            }
        }
    }
}
