package org.bnn.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.report.data.ComparisonRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Mappings compared across programming regimes (one experiment run on several mappings): above,
 * the analytic bit error rate the weights of each mapping see (raw, or after decoding where the
 * cells carry a code) on a log scale; below, the accuracy with ± one standard deviation over
 * trials. One line per mapping, the regimes in the sweep's order along the shared axis.
 */
public final class ComparisonChart {
    private static final char[] SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹".toCharArray();

    private ComparisonChart() {
    }

    /**
     * @param quantity what the accuracy panel measures (its axis reads "{quantity} (%)")
     * @param rows     at least one; regimes and mappings in the order they first appear
     */
    public static JFreeChart create(String title, String quantity, List<ComparisonRow> rows) {
        Drawing.prepare();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("comparison plot " + title + ": no rows to plot");
        }
        Map<String, String> labels = seriesLabels(rows);
        DefaultCategoryDataset bers = new DefaultCategoryDataset();
        DefaultStatisticalCategoryDataset accuracies = new DefaultStatisticalCategoryDataset();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        double accuracyLow = 100;
        double accuracyHigh = 0;
        for (ComparisonRow row : rows) {
            String series = labels.get(row.mapping());
            double ber = row.networkBer();
            // A log scale has no place for 0: an error-free point is left out of the upper panel.
            bers.addValue(ber > 0 ? Double.valueOf(Math.log10(ber)) : null, series, row.regime());
            if (ber > 0) {
                lowest = Math.min(lowest, Math.log10(ber));
                highest = Math.max(highest, Math.log10(ber));
            }
            accuracies.add(100 * row.accuracyMean(), 100 * row.accuracyStd(), series, row.regime());
            accuracyLow = Math.min(accuracyLow, 100 * (row.accuracyMean() - row.accuracyStd()));
            accuracyHigh = Math.max(accuracyHigh, 100 * (row.accuracyMean() + row.accuracyStd()));
        }

        NumberAxis berAxis = new NumberAxis("BER of the weights (log)");
        ChartStyle.axis(berAxis);
        berAxis.setNumberFormatOverride(new DecadeFormat());
        berAxis.setTickUnit(new NumberTickUnit(1));
        if (lowest <= highest) {
            berAxis.setRange(Math.floor(lowest) - 0.3, Math.ceil(highest) + 0.3);
        }
        CategoryPlot berPlot = new CategoryPlot(bers, null, berAxis, lineRenderer(labels.size(), false));
        style(berPlot);

        NumberAxis accuracyAxis = new NumberAxis(quantity + " (%)");
        ChartStyle.axis(accuracyAxis);
        double span = Math.max(2, accuracyHigh - accuracyLow);
        double pad = 0.1 * span;
        accuracyAxis.setRange(Math.max(0, accuracyLow - pad), Math.min(100 + pad / 2, accuracyHigh + pad));
        ChartStyle.ticks(accuracyAxis, accuracyAxis.getRange().getLength());
        StatisticalLineAndShapeRenderer accuracyRenderer = (StatisticalLineAndShapeRenderer) lineRenderer(labels.size(), true);
        CategoryPlot accuracyPlot = new CategoryPlot(accuracies, null, accuracyAxis, accuracyRenderer);
        style(accuracyPlot);

        CategoryAxis regimes = new CategoryAxis("Programming regime");
        ChartStyle.axis(regimes);
        regimes.setCategoryMargin(0.2);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(regimes);
        plot.setGap(14);
        plot.add(berPlot, 1);
        plot.add(accuracyPlot, 1);

        JFreeChart chart = ChartStyle.chart(title, plot);
        LegendTitle legend = new LegendTitle(berPlot.getRenderer());
        ChartStyle.legend(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        chart.addSubtitle(legend);
        int trials = rows.stream().mapToInt(ComparisonRow::trials).max().orElse(1);
        ChartStyle.note(chart, "Upper: analytic BER of a weight, after decoding where there is a code" + ChartStyle.SEPARATOR
                + "lower: mean of " + trials + (trials == 1 ? " trial" : " trials") + ", bars ± 1 std. dev.");
        return chart;
    }

    /** The legend name of each mapping: its cells if they tell the mappings apart, else "mapping: cells". */
    static Map<String, String> seriesLabels(List<ComparisonRow> rows) {
        Map<String, String> cells = new LinkedHashMap<>();
        rows.forEach(row -> cells.putIfAbsent(row.mapping(), row.cells()));
        Set<String> distinct = new LinkedHashSet<>(cells.values());
        Map<String, String> labels = new LinkedHashMap<>();
        cells.forEach((mapping, cell) -> labels.put(mapping, distinct.size() == cells.size() ? cell : mapping + ": " + cell));
        return labels;
    }

    private static void style(CategoryPlot plot) {
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
    }

    private static LineAndShapeRenderer lineRenderer(int count, boolean errorBars) {
        LineAndShapeRenderer renderer = errorBars ? new StatisticalLineAndShapeRenderer(true, true) : new LineAndShapeRenderer(true, true);
        renderer.setUseFillPaint(true);
        ChartStyle.series(renderer, count);
        if (renderer instanceof StatisticalLineAndShapeRenderer statistical) {
            statistical.setErrorIndicatorStroke(new BasicStroke(1.2f));
        }
        return renderer;
    }

    /** Tick labels of a log10 axis as powers of ten: 10⁻⁶, 10⁻⁵ …; non-integer positions stay unlabelled. */
    private static final class DecadeFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
            long decade = Math.round(number);
            if (Math.abs(number - decade) > 1e-9) {
                return to;
            }
            if (decade == 0) {
                return to.append('1');
            }
            to.append("10");
            if (decade < 0) {
                to.append('⁻');
            }
            for (char digit : Long.toString(Math.abs(decade)).toCharArray()) {
                to.append(SUPERSCRIPT_DIGITS[digit - '0']);
            }
            return to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
            return format((double) number, to, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("DecadeFormat only formats tick labels");
        }
    }
}
