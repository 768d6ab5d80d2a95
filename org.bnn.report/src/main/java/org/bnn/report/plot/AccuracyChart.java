package org.bnn.report.plot;

import java.awt.BasicStroke;
import java.util.List;

import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Accuracy (in %) against the weights' bit error rate on a log axis, one curve per series: markers
 * at the mean over trials, error bars of ± one standard deviation, and a shaded band for the 95 %
 * confidence interval of the mean (Student t). Bars and band are clipped to [0, 100] %, the range
 * an accuracy can take; the files keep the unclipped numbers.
 */
public final class AccuracyChart {
    private static final int BARS = 0;
    private static final int BANDS = 1;
    private static final float BAND_ALPHA = 0.18f;
    /** Smallest accuracy range shown, in percentage points. */
    private static final double MIN_SPAN = 5;

    private AccuracyChart() {
    }

    /**
     * @param quantity what the series measure (the y axis reads "{quantity} (%)")
     * @param series    at least one curve
     * @param axisLabel the x axis's label, e.g. "Bit error rate of the weights (log scale)"
     */
    public static JFreeChart create(String title, String quantity, List<BerSeries> series, String axisLabel) {
        Drawing.prepare();
        if (series.isEmpty()) {
            throw new IllegalArgumentException("accuracy plot " + title + ": no series to plot");
        }
        BerAxis berAxis = new BerAxis(axisLabel,
                series.stream().flatMap(s -> s.points().stream()).mapToDouble(BerPoint::ber).toArray());
        YIntervalSeriesCollection bars = new YIntervalSeriesCollection();
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        for (BerSeries s : series) {
            YIntervalSeries bar = new YIntervalSeries(s.label(), false, false);
            YIntervalSeries band = new YIntervalSeries(s.label() + " (95 % CI)", false, false);
            for (BerPoint p : s.points()) {
                double x = berAxis.x(p.ber());
                double mean = 100 * p.mean();
                bar.add(x, mean, percent(p.mean() - p.standardDeviation()), percent(p.mean() + p.standardDeviation()));
                band.add(x, mean, percent(p.mean() - p.confidence95()), percent(p.mean() + p.confidence95()));
            }
            bars.addSeries(bar);
            bands.addSeries(band);
        }

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(berAxis);
        plot.setRangeAxis(accuracyAxis(quantity, bars, bands));
        plot.setDataset(BARS, bars);
        plot.setRenderer(BARS, barRenderer(series.size()));
        plot.setDataset(BANDS, bands);
        plot.setRenderer(BANDS, bandRenderer(series.size()));
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));

        LegendTitle legend = new LegendTitle(plot.getRenderer(BARS));
        ChartStyle.legend(legend);
        // Inside the plot, bottom left: curves start high at small BERs, so that corner is free.
        plot.addAnnotation(new XYTitleAnnotation(0.015, 0.02, legend, RectangleAnchor.BOTTOM_LEFT));

        JFreeChart chart = ChartStyle.chart(title, plot);
        ChartStyle.note(chart, note(series));
        return chart;
    }

    private static double percent(double share) {
        return 100 * Math.max(0, Math.min(1, share));
    }

    private static NumberAxis accuracyAxis(String quantity, YIntervalSeriesCollection bars, YIntervalSeriesCollection bands) {
        NumberAxis axis = new NumberAxis(quantity + " (%)");
        ChartStyle.axis(axis);
        double low = 100;
        double high = 0;
        for (YIntervalSeriesCollection data : List.of(bars, bands)) {
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    low = Math.min(low, data.getStartYValue(s, i));
                    high = Math.max(high, data.getEndYValue(s, i));
                }
            }
        }
        // At least MIN_SPAN points of accuracy are shown, so that flat curves do not look steep.
        if (high - low < MIN_SPAN) {
            double centre = Math.min(100 - MIN_SPAN / 2, Math.max(MIN_SPAN / 2, (high + low) / 2));
            low = centre - MIN_SPAN / 2;
            high = centre + MIN_SPAN / 2;
        }
        double pad = 0.06 * (high - low);
        axis.setRange(Math.max(0, low - pad), Math.min(100 + pad / 2, high + pad));
        ChartStyle.ticks(axis, axis.getRange().getLength());
        return axis;
    }

    private static XYErrorRenderer barRenderer(int count) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setCapLength(7);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setDefaultShapesFilled(true);
        renderer.setUseFillPaint(true);
        ChartStyle.series(renderer, count);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesShapesVisible(i, true);
        }
        return renderer;
    }

    private static DeviationRenderer bandRenderer(int count) {
        DeviationRenderer renderer = new DeviationRenderer(false, false);
        renderer.setAlpha(BAND_ALPHA);
        renderer.setDefaultSeriesVisibleInLegend(false);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, Palette.series(i));
            renderer.setSeriesFillPaint(i, Palette.series(i));
        }
        return renderer;
    }

    private static String note(List<BerSeries> series) {
        int[] trials = series.stream().flatMap(s -> s.points().stream()).mapToInt(BerPoint::trials).distinct().toArray();
        if (trials.length == 1 && trials[0] == 1) {
            return "One trial per point: no spread to show";
        }
        String over = trials.length == 1 ? "mean of " + trials[0] + " trials" : "mean over trials";
        return "Markers: " + over + ChartStyle.SEPARATOR + "bars: ± 1 standard deviation" + ChartStyle.SEPARATOR
                + "band: 95 % confidence interval of the mean";
    }
}
