package org.bnn.report.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.OptionalDouble;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.estimate.Energy;
import org.bnn.runtime.estimate.EnergyComponent;
import org.bnn.runtime.estimate.LayerEstimate;
import org.bnn.runtime.estimate.MappingEstimate;
import org.bnn.runtime.experiment.SweepPoint;
import org.bnn.runtime.experiment.SweepReport;
import org.bnn.runtime.experiment.TrialStatistics;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.TileSpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Report records from the simulator's results: sweep points, estimates and resolved specs. */
public final class FromRuntime {
    /** Reads what SpecJson writes (it may write NaN for values a spec leaves open). */
    private static final ObjectMapper TREES = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private FromRuntime() {
    }

    /** The point's metric: accuracy when the inputs had labels, else agreement with the error-free chip. */
    public static BerPoint point(SweepPoint point) {
        return point(point, point.ber());
    }

    /** The point's metric at {@code x} of another {@link SweepAxis} (the time, cycles or reads it was run at). */
    public static BerPoint point(SweepPoint point, double x) {
        TrialStatistics metric = point.metric();
        return new BerPoint(x, metric.mean(), metric.standardDeviation(), metric.confidence95(), metric.perTrial());
    }

    /** A row of a runtime JSON report, by the same rule as {@link #point(SweepPoint)}. */
    public static BerPoint point(SweepReport.Row row) {
        if (row.accuracyPerTrial() != null) {
            return new BerPoint(row.ber(), row.meanAccuracy(), row.accuracyStd(), row.accuracyCi95(), row.accuracyPerTrial());
        }
        return new BerPoint(row.ber(), row.meanAgreement(), row.agreementStd(), row.agreementCi95(), row.agreementPerTrial());
    }

    /** A series from {@link org.bnn.runtime.experiment.ExperimentRunner#run}'s points (of a BER sweep). */
    public static BerSeries series(String label, List<SweepPoint> points) {
        return new BerSeries(label, points.stream().map(FromRuntime::point).toList());
    }

    /** A series of points run at {@code xs} (one per point, in order) of a sweep over time, cycles or reads. */
    public static BerSeries series(String label, List<SweepPoint> points, List<Double> xs) {
        return seriesAt(label, points, xs, FromRuntime::point);
    }

    /** Point i of the series is {@code point.apply(points[i], xs[i])}. */
    private static BerSeries seriesAt(String label, List<SweepPoint> points, List<Double> xs,
            BiFunction<SweepPoint, Double, BerPoint> point) {
        if (points.size() != xs.size()) {
            throw new IllegalArgumentException("series " + label + ": " + points.size() + " points but " + xs.size() + " x values");
        }
        return new BerSeries(label, IntStream.range(0, points.size()).mapToObj(i -> point.apply(points.get(i), xs.get(i))).toList());
    }

    /**
     * The yield of a stuck-device sweep as a series: at each point the chips as 1 (accuracy at or above
     * {@code target}) or 0, so the mean is the yield ({@link org.bnn.runtime.experiment.Yield}).
     */
    public static BerSeries yieldSeries(String label, List<SweepPoint> points, List<Double> xs, double target) {
        return seriesAt(label, points, xs,
                (point, x) -> BerPoint.ofTrials(x,
                        Arrays.stream(point.metric().perTrial()).map(value -> value >= target ? 1 : 0).toArray()));
    }

    /** A series from the rows of a runtime JSON report ({@link SweepReport.Results#points()}). */
    public static BerSeries seriesOfRows(String label, List<SweepReport.Row> rows) {
        return new BerSeries(label, rows.stream().map(FromRuntime::point).toList());
    }

    /** Energy per inference by layer and component; pooling layers are kept (they may use the buffer). */
    public static EnergyBreakdown energy(MappingEstimate estimate) {
        List<EnergyBreakdown.LayerEnergy> layers = estimate.layers().stream()
                .map(FromRuntime::layerEnergy).toList();
        return new EnergyBreakdown(layers, estimate.energy().missing());
    }

    private static EnergyBreakdown.LayerEnergy layerEnergy(LayerEstimate layer) {
        return new EnergyBreakdown.LayerEnergy(layer.name(), layer.energy().joules());
    }

    /**
     * A regime's row: the mapping's regime (name, endurance), the one-time programming energy and
     * the energy per inference of its estimate, the accuracy measured at the regime's BER.
     *
     * @param ber      the regime's bit error rate (e.g. from {@link org.bnn.runtime.device.BitErrorRates})
     * @param accuracy the sweep point measured at that BER
     * @throws IllegalArgumentException if the mapping names no regime or its tile no device
     */
    public static RegimeRow regimeRow(MappingEstimate estimate, double ber, BerPoint accuracy) {
        MappingSpec mapping = estimate.mapping();
        String regimeName = mapping.regime().orElseThrow(() -> new IllegalArgumentException(
                "mapping " + mapping.name() + " names no regime: a regime row needs one"));
        RegimeSpec regime = mapping.chip().tile().device().orElseThrow(() -> new IllegalArgumentException(
                "mapping " + mapping.name() + ": tile " + mapping.chip().tile().name() + " has no device, so regime " + regimeName
                        + " has no endurance or programming energy"))
                .regime(regimeName);
        ProgrammingCost programming = estimate.programming().orElseThrow(() -> new IllegalArgumentException(
                "mapping " + mapping.name() + ": the programming cost of regime " + regimeName + " is unknown"));
        return new RegimeRow(regimeName, ber, accuracy.mean(), accuracy.standardDeviation(), programming.energyJoules(),
                regime.enduranceCycles(), estimate.energy().totalJoules());
    }

    /**
     * A row of a comparison of mappings: {@code point} (a regime point of an experiment run on
     * several mappings) with the estimate of its mapping under that regime. The analytic BERs are
     * the cells' own ({@link org.bnn.runtime.spec.CellTechnology}); the counted one is the point's.
     */
    public static ComparisonRow comparisonRow(MappingEstimate underRegime, SweepPoint point) {
        MappingSpec mapping = underRegime.mapping();
        TileSpec tile = mapping.chip().tile();
        RegimeSpec regime = tile.device().orElseThrow(() -> new IllegalArgumentException("mapping " + mapping.name() + ": tile "
                + tile.name() + " has no device, so it has no regime " + point.label())).regime(point.label());
        Energy energy = underRegime.energy();
        TrialStatistics accuracy = point.metric();
        String reads = String.join("; ", mapping.network().weightLayers().stream()
                .map(layer -> mapping.cell(layer.layer()).readDescription(regime, tile.sense())).distinct().toList());
        return new ComparisonRow(mapping.name(), mapping.cellLabel(), reads, regime.name(),
                point.ber(), tile.cell().bitErrorRateAfterDecoding(point.ber()), point.seenBer(), accuracy.mean(),
                accuracy.standardDeviation(), accuracy.trials(), underRegime.cells(), underRegime.devices(),
                joules(energy, EnergyComponent.SENSE), joules(energy, EnergyComponent.ECC),
                underRegime.programming().map(p -> OptionalDouble.of(p.energyJoules())).orElse(OptionalDouble.empty()),
                energy.totalJoules());
    }

    /** A component's energy: empty if not estimated (no unit energy given), 0 if it has no events. */
    private static OptionalDouble joules(Energy energy, EnergyComponent component) {
        return energy.missing().contains(component)
                ? OptionalDouble.empty()
                : OptionalDouble.of(energy.joules().getOrDefault(component, 0.0));
    }

    /** The JSON tree of a fully resolved spec (as {@link SpecJson} writes it), for a report's description. */
    public static JsonNode description(Object resolvedSpec) {
        try {
            return TREES.readTree(SpecJson.write(resolvedSpec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SpecJson wrote JSON that does not parse back", e);
        }
    }
}
