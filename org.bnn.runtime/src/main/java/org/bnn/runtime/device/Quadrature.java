package org.bnn.runtime.device;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod quadrature, 7-point Gauss embedded in 15-point Kronrod, as
 * QUADPACK's QAG (Piessens, de Doncker-Kapenga, Überhuber and Kahaner, "QUADPACK", Springer 1983;
 * the nodes and weights are those of its routine QK15). The interval is first cut at the caller's
 * breakpoints (where the integrand has a kink, a step or a narrow feature); then the subinterval
 * with the largest error estimate is halved until the estimates sum to at most
 * {@code relativeTolerance · |integral|}, or until {@link #MAX_INTERVALS} subintervals.
 *
 * <p>The error estimate of a subinterval is |K15 − G7|. It bounds the error of the 7-point value;
 * for the smooth (analytic) integrands used here the 15-point value, which is returned, is far more
 * accurate than that, so the summed estimate is a conservative bound of the result's error.
 */
final class Quadrature {
    /** Enough to reach 1e-10 on a step or kink that is not a breakpoint (about 40 halvings each). */
    static final int MAX_INTERVALS = 4000;

    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** Weights of the Gauss nodes XGK[1], XGK[3], XGK[5], XGK[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /** The integral and the summed |K15 − G7| estimates of its error. */
    record Result(double value, double errorEstimate) {
    }

    private record Piece(double from, double to, double value, double error) {
    }

    private Quadrature() {
    }

    /**
     * ∫ f over [breakpoints[0], breakpoints[last]], the breakpoints sorted ascending (equal ones are
     * skipped). Stops at {@link #MAX_INTERVALS} subintervals with the estimate reached so far.
     */
    static Result integrate(DoubleUnaryOperator f, double[] breakpoints, double relativeTolerance) {
        PriorityQueue<Piece> pieces = new PriorityQueue<>((a, b) -> Double.compare(b.error, a.error));
        for (int i = 0; i + 1 < breakpoints.length; i++) {
            if (breakpoints[i + 1] > breakpoints[i]) {
                pieces.add(piece(f, breakpoints[i], breakpoints[i + 1]));
            }
        }
        while (pieces.size() < MAX_INTERVALS) {
            Result sum = sum(pieces);
            Piece worst = pieces.peek();
            double middle = 0.5 * (worst.from + worst.to);
            if (sum.errorEstimate <= relativeTolerance * Math.abs(sum.value) || !(middle > worst.from && middle < worst.to)) {
                return sum;
            }
            pieces.poll();
            pieces.add(piece(f, worst.from, middle));
            pieces.add(piece(f, middle, worst.to));
        }
        return sum(pieces);
    }

    private static Result sum(PriorityQueue<Piece> pieces) {
        double value = 0;
        double error = 0;
        for (Piece piece : pieces) {
            value += piece.value;
            error += piece.error;
        }
        return new Result(value, error);
    }

    private static Piece piece(DoubleUnaryOperator f, double from, double to) {
        double center = 0.5 * (from + to);
        double halfLength = 0.5 * (to - from);
        double centerValue = f.applyAsDouble(center);
        double kronrod = WGK[7] * centerValue;
        double gauss = WG[3] * centerValue;
        for (int j = 0; j < 7; j++) {
            double dx = halfLength * XGK[j];
            double pair = f.applyAsDouble(center - dx) + f.applyAsDouble(center + dx);
            kronrod += WGK[j] * pair;
            if (j % 2 == 1) {
                gauss += WG[j / 2] * pair;
            }
        }
        return new Piece(from, to, kronrod * halfLength, Math.abs((kronrod - gauss) * halfLength));
    }
}
