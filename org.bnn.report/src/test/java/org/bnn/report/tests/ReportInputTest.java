package org.bnn.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bnn.report.Report;
import org.bnn.report.ReportFormat;
import org.bnn.report.ReportWriter;
import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.RegimeRow;
import org.bnn.runtime.estimate.EnergyComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Values a report cannot show are rejected where they enter, with the record, field and value named. */
class ReportInputTest {

    private static String rejection(Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void pointsRejectNaNNegativeBerAndMissingTrials() {
        assertEquals("BerPoint(ber 0.001).mean must be in [0, 1], got NaN",
                rejection(() -> new BerPoint(1e-3, Double.NaN, 0, 0, new double[] {0.5})));
        assertEquals("BerPoint.ber must be non-negative and finite, got -1.0E-4",
                rejection(() -> new BerPoint(-1e-4, 0.5, 0, 0, new double[] {0.5})));
        assertEquals("BerPoint.ber must be non-negative and finite, got NaN", rejection(() -> BerPoint.ofTrials(Double.NaN, 0.5)));
        assertEquals("BerPoint(ber 0.01).standardDeviation must be non-negative and finite, got Infinity",
                rejection(() -> new BerPoint(0.01, 0.5, Double.POSITIVE_INFINITY, 0, new double[] {0.5})));
        assertEquals("BerPoint(ber 0.01).perTrial[1] must be in [0, 1], got NaN",
                rejection(() -> BerPoint.ofTrials(0.01, 0.5, Double.NaN)));
        assertEquals("BerPoint(ber 0.01).perTrial must hold at least one trial", rejection(() -> BerPoint.ofTrials(0.01)));
    }

    @Test
    void aReportOverTheBerRejectsPointsAboveOneAndOneOverTimeTakesSeconds() {
        BerSeries hour = new BerSeries("s", List.of(BerPoint.ofTrials(3600, 0.9)));
        assertEquals("Report(R).series[s].ber must be in [0, 1], got 3600.0", rejection(() -> Report.builder("R").series(hour).build()));
        assertEquals(SweepAxis.TIME, Report.builder("R").axis(SweepAxis.TIME).series(hour).build().axis());
    }

    @Test
    void seriesRejectEmptinessDisorderAndBlankLabels() {
        assertEquals("BerSeries(plain).points must not be empty", rejection(() -> new BerSeries("plain", List.of())));
        BerPoint high = BerPoint.ofTrials(1e-2, 0.9);
        BerPoint low = BerPoint.ofTrials(1e-3, 0.95);
        assertEquals("BerSeries(plain).points must have ascending BERs, got 0.01 then 0.001",
                rejection(() -> new BerSeries("plain", List.of(high, low))));
        assertEquals("BerSeries(plain).points must have ascending BERs, got 0.001 then 0.001",
                rejection(() -> new BerSeries("plain", List.of(low, low))));
        assertEquals("BerSeries.label must be a non-empty name, got \" \"", rejection(() -> new BerSeries(" ", List.of(low))));
    }

    @Test
    void reportsRejectDuplicateLabelsAndWritersUnknownFormats() {
        assertEquals("Report(R).series has the label \"plain\" twice",
                rejection(() -> Report.builder("R").series(SmallReport.plain()).series(SmallReport.plain()).build()));
        assertEquals("unknown report format \"pdf\"; known formats: csv, json, png, svg, md", rejection(() -> ReportFormat.of("pdf")));
        assertEquals(ReportFormat.PNG, ReportFormat.of(" PNG "));
        assertEquals("ReportWriter needs at least one format; known formats: csv, json, png, svg, md",
                rejection(() -> new ReportWriter(Set.of())));
    }

    @Test
    void energiesAndRegimesRejectNegativeAndNaNValues() {
        assertEquals("LayerEnergy(fc1).joules[SENSE] must be non-negative and finite, got -1.0E-9",
                rejection(() -> new EnergyBreakdown.LayerEnergy("fc1", Map.of(EnergyComponent.SENSE, -1e-9))));
        assertEquals("EnergyBreakdown.layers must not be empty", rejection(() -> new EnergyBreakdown(List.of(), Set.of())));
        EnergyBreakdown.LayerEnergy fc1 = new EnergyBreakdown.LayerEnergy("fc1", Map.of());
        assertEquals("EnergyBreakdown.layers has layer \"fc1\" twice", rejection(() -> new EnergyBreakdown(List.of(fc1, fc1), Set.of())));
        assertEquals("RegimeRow(strong).programmingEnergyJoules must be non-negative and finite, got NaN",
                rejection(() -> new RegimeRow("strong", 1e-6, 0.98, 0.001, Double.NaN, 1e6, 1.6e-7)));
        assertEquals("RegimeRow(strong).enduranceCycles must be positive and finite, got 0.0",
                rejection(() -> new RegimeRow("strong", 1e-6, 0.98, 0.001, 1e-3, 0, 1.6e-7)));
    }
}
