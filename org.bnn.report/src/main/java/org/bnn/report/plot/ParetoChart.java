package org.bnn.report.plot;

import java.awt.Font;
import java.util.List;

import org.bnn.report.data.ObjectiveScale;
import org.bnn.runtime.explore.DesignResult;
import org.bnn.runtime.explore.ExplorationResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Two objectives of an exploration against each other: every design that meets the constraints as a grey
 * marker, the designs of the Pareto front (over all the objectives asked for) highlighted and numbered as in
 * the tables. With more than two objectives, a front design may look dominated in one plot: it is better in
 * an objective the plot does not show.
 */
public final class ParetoChart {
    private ParetoChart() {
    }

    /** The plot of {@code y} against {@code x} over the admissible designs of {@code result}. */
    public static JFreeChart create(String title, ExplorationResult result, ObjectiveScale x, ObjectiveScale y) {
        Drawing.prepare();
        XYSeries others = new XYSeries("Other designs meeting the constraints", false, true);
        XYSeries front = new XYSeries("Pareto front", false, true);
        XYPlot plot = new XYPlot();
        for (DesignResult design : result.designs()) {
            if (!design.admissible(result.spec().objectives())) {
                continue;
            }
            double xValue = design.value(x.objective()).getAsDouble() * x.factor();
            double yValue = design.value(y.objective()).getAsDouble() * y.factor();
            (design.front() ? front : others).add(xValue, yValue);
            if (design.front()) {
                XYTextAnnotation label = new XYTextAnnotation(" " + (design.point().index() + 1), xValue, yValue);
                label.setFont(ChartStyle.ANNOTATION);
                label.setPaint(Palette.NOTE);
                label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(label);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(front);
        data.addSeries(others);
        plot.setDataset(data);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        ChartStyle.series(renderer, 2);
        renderer.setSeriesPaint(1, Palette.GRID.darker());
        renderer.setSeriesShape(1, Palette.marker(0));
        plot.setRenderer(renderer);
        plot.setDomainAxis(axis(x, front, others, true));
        plot.setRangeAxis(axis(y, front, others, false));
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        LegendTitle legend = new LegendTitle(renderer);
        ChartStyle.legend(legend);
        plot.addAnnotation(new XYTitleAnnotation(0.985, 0.02, legend, RectangleAnchor.BOTTOM_RIGHT));
        JFreeChart chart = ChartStyle.chart(title, plot);
        ChartStyle.note(chart, result.front().size() + " of " + result.designs().size() + " designs on the front of "
                + String.join(", ", result.spec().objectives().stream().map(o -> o.keyword()).toList()));
        return chart;
    }

    private static ValueAxis axis(ObjectiveScale scale, XYSeries front, XYSeries others, boolean domain) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (XYSeries series : List.of(front, others)) {
            if (!series.isEmpty()) {
                low = Math.min(low, domain ? series.getMinX() : series.getMinY());
                high = Math.max(high, domain ? series.getMaxX() : series.getMaxY());
            }
        }
        if (!(low <= high)) {
            low = 0;
            high = 1;
        }
        ValueAxis axis;
        if (scale.logarithmic() && low > 0) {
            LogAxis log = new LogAxis(scale.label() + " (log scale)");
            log.setBase(10);
            log.setRange(low / 2, high * 2);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(scale.label());
            double margin = Math.max((high - low) * 0.08, Math.abs(high) * 1e-3 + 1e-12);
            linear.setRange(low - margin, high + margin);
            ChartStyle.ticks(linear, high - low + 2 * margin);
            axis = linear;
        }
        ChartStyle.axis(axis);
        axis.setLabelFont(ChartStyle.AXIS_LABEL.deriveFont(Font.PLAIN));
        return axis;
    }
}
