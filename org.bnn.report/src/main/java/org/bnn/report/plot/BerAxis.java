package org.bnn.report.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A logarithmic bit-error-rate axis that can also show BER 0.
 *
 * <p>The axis works in log10(BER) coordinates (see {@link #x}), with ticks at every decade, labelled
 * 10⁻⁶, 10⁻⁵ …, and unlabelled minor ticks at 2…9 × 10ᵏ. A log axis has no place for 0, yet the
 * error-free point is the reference every curve starts from, so it is drawn one decade to the left
 * of the smallest positive BER, labelled "0", and the axis line is broken between the two (a gap
 * with two slanted strokes) so that the point is not read as BER 10⁻⁷. The curve stays connected
 * across the break: accuracy is continuous as BER → 0, so the segment shows the trend without
 * claiming values in between.
 */
final class BerAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    private static final double MARGIN = 0.3;
    private static final char[] SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹".toCharArray();

    private final boolean hasZero;
    /** The x of BER 0 (one decade below the smallest positive BER's decade). */
    private final double zeroSlot;

    /**
     * @param bers every BER to be shown (not empty, all in [0, 1])
     */
    BerAxis(String label, double[] bers) {
        super(label);
        double smallestPositive = Double.POSITIVE_INFINITY;
        double largest = 0;
        boolean zero = false;
        for (double ber : bers) {
            if (ber == 0) {
                zero = true;
            } else {
                smallestPositive = Math.min(smallestPositive, ber);
            }
            largest = Math.max(largest, ber);
        }
        this.hasZero = zero;
        if (smallestPositive == Double.POSITIVE_INFINITY) {
            // Only error-free points: one labelled position.
            this.zeroSlot = 0;
            setRange(-MARGIN - 0.2, MARGIN + 0.2);
        } else {
            // The small tolerance keeps 1e-6 in decade -6 even if log10 rounds it to -5.999….
            this.zeroSlot = Math.floor(Math.log10(smallestPositive) + 1e-9) - 1;
            double lower = zero ? zeroSlot : Math.log10(smallestPositive);
            setRange(lower - MARGIN, Math.log10(largest) + MARGIN);
        }
        ChartStyle.axis(this);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(2.5f);
        setMinorTickMarkInsideLength(0);
    }

    /** The axis coordinate of a BER. */
    double x(double ber) {
        return ber == 0 ? zeroSlot : Math.log10(ber);
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (hasZero) {
            ticks.add(major(zeroSlot, "0"));
        }
        for (int decade = (int) Math.ceil(zeroSlot + 1 - 1e-9); decade <= Math.floor(upper + 1e-9); decade++) {
            if (decade >= lower) {
                ticks.add(major(decade, "10" + superscript(decade)));
            }
            for (int m = 2; m <= 9; m++) {
                double position = decade + Math.log10(m);
                if (position >= lower && position <= upper && position > zeroSlot + 1 - 1e-9) {
                    ticks.add(new NumberTick(TickType.MINOR, position, "", TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0));
                }
            }
        }
        return ticks;
    }

    private static NumberTick major(double position, String label) {
        return new NumberTick(TickType.MAJOR, position, label, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0);
    }

    /** The axis line, with a break between the "0" position and the first decade. */
    @Override
    protected void drawAxisLine(Graphics2D g2, double cursor, Rectangle2D dataArea, RectangleEdge edge) {
        if (!hasZero || edge != RectangleEdge.BOTTOM) {
            super.drawAxisLine(g2, cursor, dataArea, edge);
            return;
        }
        double gapCentre = valueToJava2D(zeroSlot + 0.5, dataArea, edge);
        double half = 4;
        double slant = 4;
        g2.setPaint(getAxisLinePaint());
        g2.setStroke(getAxisLineStroke());
        g2.draw(new Line2D.Double(dataArea.getMinX(), cursor, gapCentre - half, cursor));
        g2.draw(new Line2D.Double(gapCentre + half, cursor, dataArea.getMaxX(), cursor));
        for (double x : new double[] {gapCentre - half, gapCentre + half}) {
            g2.draw(new Line2D.Double(x - slant / 2, cursor + slant, x + slant / 2, cursor - slant));
        }
    }

    private static String superscript(int exponent) {
        StringBuilder text = new StringBuilder();
        if (exponent < 0) {
            text.append('⁻');
        }
        for (char digit : Integer.toString(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPT_DIGITS[digit - '0']);
        }
        return text.toString();
    }
}
