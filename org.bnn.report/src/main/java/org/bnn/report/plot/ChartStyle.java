package org.bnn.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by all plots: white background, sans-serif type sized for a figure printed at
 * column width, light grid, no 3-D or gradient effects. Sizes are for the logical plot size
 * ({@link PlotSize}); the PNG is drawn at twice that.
 */
final class ChartStyle {
    static final String FAMILY = Font.SANS_SERIF;
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 17);
    static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 15);
    static final Font TICK_LABEL = new Font(FAMILY, Font.PLAIN, 13);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 13);
    static final Font NOTE = new Font(FAMILY, Font.PLAIN, 12);
    static final Font ANNOTATION = new Font(FAMILY, Font.PLAIN, 11);
    /** Between the parts of a note; en spaces, since SVG collapses runs of plain spaces. */
    static final String SEPARATOR = "\u2002\u2002·\u2002\u2002";
    static final BasicStroke GRID_STROKE = new BasicStroke(0.8f);
    static final BasicStroke AXIS_STROKE = new BasicStroke(1.0f);

    private ChartStyle() {
    }

    /** A chart around {@code plot} with a title and no default legend (each plot places its own). */
    static JFreeChart chart(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        chart.getTitle().setPaint(Palette.TEXT);
        chart.getTitle().setMargin(new RectangleInsets(2, 0, 8, 0));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        return chart;
    }

    /** Colour, fill, marker and line of series 0 … count − 1: one look for a series in every chart. */
    static void series(AbstractRenderer renderer, int count) {
        for (int i = 0; i < count; i++) {
            Color colour = Palette.series(i);
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesShape(i, Palette.marker(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
    }

    static void axis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(Palette.TEXT);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setTickLabelPaint(Palette.TEXT);
        axis.setAxisLinePaint(Palette.TEXT);
        axis.setAxisLineStroke(AXIS_STROKE);
        axis.setTickMarkPaint(Palette.TEXT);
        axis.setTickMarkStroke(AXIS_STROKE);
        axis.setTickMarkOutsideLength(4);
        axis.setTickMarkInsideLength(0);
        if (axis instanceof NumberAxis numbers) {
            // JFreeChart formats tick labels in the default locale (0,5 in German): plots must not depend on it.
            numbers.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        }
    }

    static void legend(LegendTitle legend) {
        legend.setItemFont(LEGEND);
        legend.setItemPaint(Palette.TEXT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(new BlockBorder(0.6, 0.6, 0.6, 0.6, Palette.GRID));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 8));
        legend.setPadding(new RectangleInsets(4, 6, 4, 6));
    }

    /**
     * Ticks 1, 2 or 5 × 10ᵏ apart, the smallest step that gives at most ten intervals over
     * {@code span} (JFreeChart's own choice packs as many as fit, which clutters a printed figure).
     */
    static void ticks(NumberAxis axis, double span) {
        double step = Math.pow(10, Math.floor(Math.log10(span / 10)));
        for (double multiple : new double[] {1, 2, 5, 10}) {
            if (span / (multiple * step) <= 10) {
                step *= multiple;
                break;
            }
        }
        axis.setTickUnit(new NumberTickUnit(step));
    }

    /** A small grey line of explanation under the plot. */
    static void note(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, NOTE);
        note.setPaint(Palette.NOTE);
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.CENTER);
        note.setMargin(new RectangleInsets(6, 0, 0, 0));
        chart.addSubtitle(note);
    }
}
