package org.bnn.runtime.device;

/**
 * The standard normal cumulative distribution Φ, accurate to about 1e-15 relative error deep into
 * the lower tail (bit error rates of 1e-6 and far below), where {@code 1 - something} would lose
 * every digit.
 *
 * <p>Φ(x) = ½·erfc(−x/√2), with erfc from W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Mathematics of Computation 23 (1969) 631–637, in the form of Cody's CALERF
 * routine (netlib SPECFUN, 1990): three near-minimax rational approximations on |y| ≤ 0.46875,
 * 0.46875 &lt; |y| ≤ 4 and |y| &gt; 4, with exp(−y²) split as exp(−y₀²)·exp(−(y−y₀)(y+y₀)),
 * y₀ = ⌊16y⌋/16, so that the exponential keeps full precision for large y.
 */
public final class StandardNormal {
    private static final double SQRT_HALF = 0.70710678118654752440;
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
    private static final double FIRST_INTERVAL_END = 0.46875;
    private static final double SECOND_INTERVAL_END = 4.0;
    /** erfc(y) underflows to 0 in double precision from here on (CALERF's XBIG). */
    private static final double ERFC_UNDERFLOW = 26.543;

    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};

    private StandardNormal() {
    }

    /** Φ(x) = P(Z ≤ x) for Z ~ N(0, 1); Φ(−∞) = 0, Φ(+∞) = 1, NaN gives NaN. */
    public static double cdf(double x) {
        return 0.5 * erfc(-x * SQRT_HALF);
    }

    /** The complementary error function erfc(y) = 1 − erf(y), by Cody's approximations. */
    public static double erfc(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        double abs = Math.abs(y);
        double upper; // erfc(|y|)
        if (abs <= FIRST_INTERVAL_END) {
            double ysq = abs * abs;
            double num = A[4] * ysq;
            double den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return 1.0 - y * (num + A[3]) / (den + B[3]); // erf is odd: valid for either sign
        } else if (abs <= SECOND_INTERVAL_END) {
            double num = C[8] * abs;
            double den = abs;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * abs;
                den = (den + D[i]) * abs;
            }
            upper = expMinusSquare(abs) * (num + C[7]) / (den + D[7]);
        } else if (abs >= ERFC_UNDERFLOW) {
            upper = 0.0;
        } else {
            double invSq = 1.0 / (abs * abs);
            double num = P[5] * invSq;
            double den = invSq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * invSq;
                den = (den + Q[i]) * invSq;
            }
            double r = invSq * (num + P[4]) / (den + Q[4]);
            upper = expMinusSquare(abs) * (ONE_OVER_SQRT_PI - r) / abs;
        }
        return y < 0 ? 2.0 - upper : upper;
    }

    /** exp(−y²) without the cancellation error of rounding y² first (Cody's splitting). */
    private static double expMinusSquare(double y) {
        double y0 = Math.floor(y * 16.0) / 16.0;
        double delta = (y - y0) * (y + y0);
        return Math.exp(-y0 * y0) * Math.exp(-delta);
    }
}
