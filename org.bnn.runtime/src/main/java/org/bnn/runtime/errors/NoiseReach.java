package org.bnn.runtime.errors;

import org.bnn.runtime.device.SenseAmpSpec;

/**
 * How far the read noise of a PCSA can move a cell's margin, as drawn by this simulator: beyond
 * this reach no noise value can change a read, so a cell whose static margin |Δ + m| exceeds it
 * reads the same at every sense and needs no noise at all. Only the cells within reach
 * ("fragile" cells) get a noise draw per read, which is exact, not an approximation.
 * <p>
 * <b>Why the reach is finite.</b> The noise is σ_noise · z with z from
 * {@link org.bnn.runtime.random.KeyedRandom#gaussian}: Box–Muller, z = √(−2 ln u₁) · cos(2π u₂),
 * with u₁ = 1 − u and u a 53-bit uniform in [0, 1 − 2⁻⁵³], so u₁ ≥ 2⁻⁵³ and
 * |z| ≤ √(106 ln 2) = 8.5717. {@link #GAUSSIAN_BOUND} = 8.6 covers that with room for the
 * rounding of log, sqrt and cos.
 * <p>
 * <b>Why rounding cannot break it.</b> The PCSA decides on fl(Δ + fl(m + n)) (offsets summed
 * first, as {@link org.bnn.runtime.device.SenseAmpOffsets#offset} does), while a cell is classified
 * by fl(Δ + m). Both differ from the exact sums by a few units in the last place of numbers of
 * order 10 (about 1e-15), far below {@link #ROUNDING_GUARD}; a cell at the edge is merely counted
 * fragile and then decided exactly, which is always safe.
 */
public final class NoiseReach {
    /** An upper bound of |KeyedRandom.gaussian(key, i)| over all keys and indices (the true maximum is 8.5717). */
    public static final double GAUSSIAN_BOUND = 8.6;
    /** Slack for floating-point rounding, in units of ln R. */
    public static final double ROUNDING_GUARD = 1e-9;

    private NoiseReach() {
    }

    /** The largest |noise| of one sense plus the rounding slack, in units of ln R: σ_noise · 8.6 + 1e-9. */
    public static double of(SenseAmpSpec senseAmp) {
        return senseAmp.noiseSigma() * GAUSSIAN_BOUND + ROUNDING_GUARD;
    }
}
