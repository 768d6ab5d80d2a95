package org.bnn.runtime.random;

/**
 * The binomial distribution by <b>inversion</b>: {@link #inverse(double, long, double)} returns the
 * smallest k with CDF(k; n, p) &gt; u. Inversion with one uniform u is what makes counts
 * <em>monotone</em> in p (CDF(k; n, p) decreases as p grows, so the same u never gives fewer
 * successes at a larger p) — the property {@link org.bnn.runtime.errors.NestedFlips} needs for
 * nested flip sets across a BER sweep. Rejection samplers (BTPE) are faster for huge means but
 * have no such coupling.
 * <p>
 * Cost: O(k) steps when the mean is small (walk up from 0), else O(√(np(1−p))) around the mode,
 * whose probability comes from Loader's saddle-point form (C. Loader, "Fast and accurate
 * computation of binomial probabilities", 2000) so that nothing underflows for large n.
 */
public final class Binomial {
    /** Below this log-probability of k = 0 the walk from 0 would underflow: start at the mode. */
    private static final double WALK_FROM_ZERO_LIMIT = -600;
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Stirling-series errors ln(k!) − ((k + ½) ln k − k + ln √(2π)) for k = 0..15, exact sums. */
    private static final double[] SMALL_STIRLING_ERRORS = smallStirlingErrors();

    private Binomial() {
    }

    /** The smallest k in [0, n] with P(X ≤ k) &gt; u for X ~ Binomial(n, p); u in [0, 1). */
    public static long inverse(double u, long n, double p) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u must be in [0, 1), got " + u);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got " + n);
        }
        if (p == 0 || n == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        WalkStart walk = walkStart(n, p);
        if (walk.fromMode() && u < walk.lowerTail()) {
            return walkDown(u, n, p, walk.k(), walk.pmf(), walk.lowerTail());
        }
        return walkUp(u, n, p, walk.k(), walk.pmf(), walk.cdfBelow());
    }

    /**
     * Where the walk for (n, p) starts, whatever u is: at k = 0 when pmf(0) does not underflow,
     * else at the mode with P(X ≤ mode) summed downwards ({@code lowerTail}); 0 &lt; p &lt; 1, n ≥ 1.
     *
     * @param k         the start
     * @param pmf       P(X = k)
     * @param cdfBelow  P(X &lt; k) as the walk upwards adds it (the value, not the exact sum)
     * @param lowerTail P(X ≤ k) at the mode; u below it walks down
     * @param fromMode  whether the walk starts at the mode (and may go down)
     */
    record WalkStart(long k, double pmf, double cdfBelow, double lowerTail, boolean fromMode) {
    }

    static WalkStart walkStart(long n, double p) {
        double logPmfZero = n * Math.log1p(-p);
        if (logPmfZero > WALK_FROM_ZERO_LIMIT) {
            double pmfZero = Math.exp(logPmfZero);
            return new WalkStart(0, pmfZero, 0, pmfZero, false);
        }
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double pmfMode = Math.exp(logPmf(mode, n, p));
        double inverseOdds = (1 - p) / p;
        // P(X ≤ mode), summed from the mode down until the terms no longer count.
        double lowerTail = 0;
        double pmf = pmfMode;
        for (long k = mode; k >= 0 && pmf >= lowerTail * 1e-17; k--) {
            lowerTail += pmf;
            pmf *= k * inverseOdds / (n - k + 1);
        }
        return new WalkStart(mode, pmfMode, lowerTail - pmfMode, lowerTail, true);
    }

    /** Adds pmf(k+1), pmf(k+2), ... to cdf = P(X ≤ k) until it exceeds u. */
    private static long walkUp(double u, long n, double p, long k, double pmf, double cdfBelowK) {
        double odds = p / (1 - p);
        double cdf = cdfBelowK + pmf;
        while (cdf <= u && k < n) {
            pmf = nextPmfUp(pmf, k, n, odds);
            k++;
            if (upperTailSpent(pmf, cdf, k, n, p)) {
                break; // u lies in the rounding error of the upper tail
            }
            cdf += pmf;
        }
        return k;
    }

    /** The smallest k ≤ the start with P(X ≤ k) &gt; u, subtracting pmf(k), pmf(k−1), ... from cdf = P(X ≤ k). */
    private static long walkDown(double u, long n, double p, long k, double pmf, double cdf) {
        double inverseOdds = (1 - p) / p;
        while (k > 0 && cdf - pmf > u) {
            cdf -= pmf;
            pmf = nextPmfDown(pmf, k, n, inverseOdds);
            k--;
            if (lowerTailSpent(pmf, cdf)) {
                break; // u lies in the rounding error of the lower tail
            }
        }
        return k;
    }

    /**
     * Past the mode, a term that no longer changes the sum (or underflowed) ends the walk up: every
     * later term is smaller, so walking on could only end where the terms underflow — up to ~n steps
     * at the wrong place, since the smallest subnormal times a ratio above ½ rounds back to itself.
     */
    static boolean upperTailSpent(double pmf, double cdf, long k, long n, double p) {
        return pmf == 0 || cdf + pmf == cdf && k > (n + 1) * p;
    }

    /** Below the mode, the same for the walk down: the terms only shrink from here. */
    static boolean lowerTailSpent(double pmf, double cdf) {
        return cdf - pmf == cdf;
    }

    /** pmf(k + 1) from pmf(k); odds = p / (1 − p). One expression for the walk and its tables. */
    static double nextPmfUp(double pmf, long k, long n, double odds) {
        return pmf * ((n - k) * odds / (k + 1));
    }

    /** pmf(k − 1) from pmf(k); inverseOdds = (1 − p) / p. */
    static double nextPmfDown(double pmf, long k, long n, double inverseOdds) {
        return pmf * (k * inverseOdds / (n - k + 1));
    }

    /** ln P(X = k) without underflow (Loader's saddle-point expansion). */
    static double logPmf(long k, long n, double p) {
        double q = 1 - p;
        if (k == 0) {
            return n * Math.log1p(-p);
        }
        if (k == n) {
            return n * Math.log(p);
        }
        long rest = n - k;
        return stirlingError(n) - stirlingError(k) - stirlingError(rest) - deviance(k, n * p) - deviance(rest, n * q)
                + 0.5 * Math.log(n / ((double) k * rest)) - LN_SQRT_2PI;
    }

    /** ln(k!) − ((k + ½) ln k − k + ln √(2π)). */
    private static double stirlingError(long k) {
        if (k < SMALL_STIRLING_ERRORS.length) {
            return SMALL_STIRLING_ERRORS[(int) k];
        }
        double inverse = 1.0 / k;
        double inverseSquare = inverse * inverse;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - inverseSquare / 1680) * inverseSquare) * inverseSquare) * inverse;
    }

    /** x ln(x / mean) + mean − x, without cancellation when x is close to the mean. */
    private static double deviance(double x, double mean) {
        if (Math.abs(x - mean) < 0.1 * (x + mean)) {
            double v = (x - mean) / (x + mean);
            double sum = (x - mean) * v;
            double term = 2 * x * v;
            double vSquare = v * v;
            for (int j = 1; j < 1000; j++) {
                term *= vSquare;
                double next = sum + term / (2 * j + 1);
                if (next == sum) {
                    return next;
                }
                sum = next;
            }
            return sum;
        }
        return x * Math.log(x / mean) + mean - x;
    }

    private static double[] smallStirlingErrors() {
        double[] errors = new double[16];
        double logFactorial = 0;
        for (int k = 1; k < errors.length; k++) {
            logFactorial += Math.log(k);
            errors[k] = logFactorial - ((k + 0.5) * Math.log(k) - k + LN_SQRT_2PI);
        }
        return errors; // k = 0 is never used: logPmf handles k = 0 and k = n itself
    }
}
