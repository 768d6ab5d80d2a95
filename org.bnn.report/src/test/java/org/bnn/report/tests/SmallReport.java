package org.bnn.report.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bnn.report.Report;
import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.RegimeRow;
import org.bnn.runtime.estimate.EnergyComponent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Report inputs for the tests: a small one with hand-checkable numbers, and a realistic sweep. */
final class SmallReport {
    /** A label with a comma and a bar, which CSV must quote and Markdown must escape. */
    static final String AWARE = "aware, 1e-2 | t";
    static final double[] NINE_BERS = {0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1};

    private SmallReport() {
    }

    static BerSeries plain() {
        return new BerSeries("plain", List.of(new BerPoint(0, 1.0, 0, 0, new double[] {1.0, 1.0}),
                new BerPoint(1e-3, 0.75, 0.05, 0.45, new double[] {0.8, 0.7})));
    }

    static BerSeries aware() {
        return new BerSeries(AWARE, List.of(new BerPoint(0.01, 0.5, 0, 0, new double[] {0.5})));
    }

    static EnergyBreakdown energy() {
        return new EnergyBreakdown(List.of(
                new EnergyBreakdown.LayerEnergy("fc1", Map.of(EnergyComponent.SENSE, 2e-9, EnergyComponent.POPCOUNT, 1e-9)),
                new EnergyBreakdown.LayerEnergy("out", Map.of(EnergyComponent.SENSE, 5e-12))), Set.of(EnergyComponent.BUFFER));
    }

    static RegimeRow strong() {
        return new RegimeRow("strong", 1e-6, 0.98, 0.001, 2.3e-3, 1e6, 1.6e-7);
    }

    static ObjectNode description() {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("name", "m");
        description.putArray("bers").add(0.0).add(1e-3);
        return description;
    }

    /** Every part, a fixed tool version, no time stamp. */
    static Report small() {
        return Report.builder("Small").quantity("Test accuracy").tool("bnn", "1.2.3").description(description()).seed("experiment", 42)
                .seed("training", 7).series(plain()).series(aware()).energy(energy()).regime(strong()).build();
    }

    /**
     * The MNIST-like sweep of the plots: nine BER points, five trials each (seeded noise around a
     * plain and an error-aware curve; illustrative numbers, not measurements).
     */
    static Report realistic() {
        double[] plain = {.9821, .9821, .9820, .9812, .9741, .9010, .6230, .5310, .1530};
        double[] aware = {.9763, .9763, .9763, .9762, .9755, .9705, .9581, .9490, .8020};
        return Report.builder("MNIST MLP (illustrative numbers)").quantity("Test accuracy").tool("bnn", "test")
                .description(description()).seed("experiment", 42)
                .series(noisy("Plain training", plain, 0.015, 1)).series(noisy("Error-aware training", aware, 0.008, 2))
                .energy(energy()).regime(strong()).build();
    }

    private static BerSeries noisy(String label, double[] means, double spread, long seed) {
        Random random = new Random(seed);
        List<BerPoint> points = new ArrayList<>();
        for (int i = 0; i < NINE_BERS.length; i++) {
            double sigma = NINE_BERS[i] == 0 ? 0 : spread * Math.min(1, Math.sqrt(NINE_BERS[i] / 1e-3)) + 5e-4;
            double[] trials = new double[5];
            for (int t = 0; t < trials.length; t++) {
                trials[t] = Math.min(1, Math.max(0, means[i] + sigma * random.nextGaussian()));
            }
            points.add(BerPoint.ofTrials(NINE_BERS[i], trials));
        }
        return new BerSeries(label, points);
    }
}
