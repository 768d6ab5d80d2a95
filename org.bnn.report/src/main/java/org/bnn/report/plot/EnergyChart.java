package org.bnn.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import java.util.stream.Collectors;

import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.format.EnergyUnit;
import org.bnn.report.format.Numbers;
import org.bnn.runtime.estimate.EnergyComponent;
import org.bnn.runtime.estimate.EstimateText;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Energy of one inference as stacked bars: a bar per layer, a segment per energy component, the
 * layer's total above each bar. The unit (fJ … J) is picked from the largest bar and shown on the
 * axis; components the description gives no unit energy for are named under the plot.
 */
public final class EnergyChart {
    private EnergyChart() {
    }

    public static JFreeChart create(String title, EnergyBreakdown energy) {
        Drawing.prepare();
        EnergyUnit unit = EnergyUnit.forLargest(energy.largestLayerJoules());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (EnergyComponent component : energy.components()) {
            for (EnergyBreakdown.LayerEnergy layer : energy.layers()) {
                data.addValue(unit.of(layer.joules(component)), capitalized(component.label()), layer.layer());
            }
        }

        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        renderer.setMaximumBarWidth(0.14);
        int row = 0;
        for (EnergyComponent component : energy.components()) {
            renderer.setSeriesPaint(row, Palette.component(component));
            renderer.setSeriesOutlinePaint(row, Color.WHITE);
            row++;
        }

        CategoryAxis layers = new CategoryAxis("Layer");
        ChartStyle.axis(layers);
        layers.setCategoryMargin(0.35);
        layers.setLowerMargin(0.04);
        layers.setUpperMargin(0.04);
        NumberAxis joules = new NumberAxis("Energy per inference (" + unit.symbol() + ")");
        ChartStyle.axis(joules);
        joules.setUpperMargin(0.12);
        if (energy.largestLayerJoules() > 0) {
            ChartStyle.ticks(joules, unit.of(energy.largestLayerJoules()) * (1 + joules.getUpperMargin()));
        }

        CategoryPlot plot = new CategoryPlot(data, layers, joules, renderer);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        plot.setNoDataMessage("No energy estimated: the description gives no unit energies");
        plot.setNoDataMessageFont(ChartStyle.NOTE);
        for (EnergyBreakdown.LayerEnergy layer : energy.layers()) {
            CategoryTextAnnotation total = new CategoryTextAnnotation(Numbers.significant(unit.of(layer.totalJoules())), layer.layer(),
                    unit.of(layer.totalJoules()));
            total.setFont(ChartStyle.ANNOTATION);
            total.setPaint(Palette.TEXT);
            total.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(total);
        }

        JFreeChart chart = ChartStyle.chart(title, plot);
        // Bottom subtitles stack outwards in the order added: legend, then the total, then what is missing.
        if (!energy.notEstimated().isEmpty()) {
            ChartStyle.note(chart, "Not estimated (no unit energy given): "
                    + energy.notEstimated().stream().map(EnergyComponent::label).collect(Collectors.joining(", ")));
        }
        ChartStyle.note(chart, "Total " + EstimateText.joules(energy.totalJoules()) + " per inference; layer totals above the bars");
        LegendTitle legend = new LegendTitle(renderer);
        ChartStyle.legend(legend);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        chart.addSubtitle(legend);
        return chart;
    }

    private static String capitalized(String label) {
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
