package org.bnn.report.table;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.bnn.report.data.BerPoint;
import org.bnn.report.data.BerSeries;
import org.bnn.report.data.SweepAxis;
import org.bnn.report.data.ComparisonRow;
import org.bnn.report.data.EnergyBreakdown;
import org.bnn.report.data.RegimeRow;
import org.bnn.report.format.EnergyUnit;
import org.bnn.report.format.Numbers;
import org.bnn.runtime.estimate.EnergyComponent;

/** The report's tables for people: percentages with two decimals, energies with an SI prefix per column. */
public final class MarkdownTables {
    private static final String ABSENT = "–";

    private MarkdownTables() {
    }

    /**
     * Mean ± standard deviation (in %) per x of {@code axis} (rows, the union of all series' points)
     * and series (columns); "–" where a series has no such point.
     */
    public static String sweep(List<BerSeries> series, SweepAxis axis) {
        List<String> header = new ArrayList<>();
        header.add(axis.header());
        series.forEach(s -> header.add(s.label() + " (%)"));
        TreeSet<Double> bers = new TreeSet<>();
        series.forEach(s -> s.points().forEach(p -> bers.add(p.ber())));
        List<List<String>> rows = new ArrayList<>();
        for (double ber : bers) {
            List<String> row = new ArrayList<>();
            row.add(axis.format(ber));
            for (BerSeries s : series) {
                row.add(s.points().stream().filter(p -> p.ber() == ber).findFirst().map(MarkdownTables::meanAndStd).orElse(ABSENT));
            }
            rows.add(row);
        }
        return MarkdownTable.write(header, rows);
    }

    private static String meanAndStd(BerPoint point) {
        return Numbers.percent(point.mean()) + " ± " + Numbers.percent(point.standardDeviation());
    }

    /** Energy per inference by layer (rows) and component (columns, those with energy), with totals. */
    public static String energy(EnergyBreakdown energy) {
        EnergyUnit unit = EnergyUnit.forLargest(energy.largestLayerJoules());
        Set<EnergyComponent> components = energy.components(); // a fresh set in the enum's order
        components.addAll(energy.notEstimated());
        List<String> header = new ArrayList<>();
        header.add("layer");
        components.forEach(c -> header.add(c.label() + " (" + unit.symbol() + ")"));
        header.add("total (" + unit.symbol() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (EnergyBreakdown.LayerEnergy layer : energy.layers()) {
            List<String> row = new ArrayList<>();
            row.add(layer.layer());
            components.forEach(c -> row.add(energy.notEstimated().contains(c) ? "n/a" : Numbers.significant(unit.of(layer.joules(c)))));
            row.add(Numbers.significant(unit.of(layer.totalJoules())));
            rows.add(row);
        }
        return MarkdownTable.write(header, rows);
    }

    /**
     * The comparison of mappings, one row per regime and mapping: bit error rates (raw, after
     * decoding, and counted on the simulated chips), accuracy, cells and devices, sense + decode
     * energy per inference and programming energy, each energy column in its own SI prefix; "–"
     * where a value does not apply, "n/a" where it is not estimated.
     */
    public static String comparison(List<ComparisonRow> rows) {
        EnergyUnit read = EnergyUnit.forLargest(rows.stream().mapToDouble(r -> r.senseAndDecodeJoules().orElse(0)).max().orElse(0));
        EnergyUnit programming = EnergyUnit.forLargest(rows.stream().mapToDouble(r -> r.programmingJoules().orElse(0)).max().orElse(0));
        List<String> header = List.of("regime", "cells", "read at", "raw BER", "BER after decoding", "weights read wrong (counted)",
                "accuracy (%)", "cells", "devices", "sense + decode per inference (" + read.symbol() + ")",
                "programming (" + programming.symbol() + ")");
        List<List<String>> table = rows.stream()
                .map(r -> List.of(r.regime(), r.cells(), readAt(r), Numbers.ber(r.rawBer()),
                        r.decodedBer().isPresent() ? Numbers.ber(r.decodedBer().getAsDouble()) : ABSENT,
                        r.seenBer().isPresent() ? Numbers.ber(r.seenBer().getAsDouble()) : ABSENT,
                        Numbers.percent(r.accuracyMean()) + " ± " + Numbers.percent(r.accuracyStd()), thousands(r.cellCount()),
                        thousands(r.devices()), energy(read, r.senseAndDecodeJoules()), energy(programming, r.programmingJoules())))
                .toList();
        return MarkdownTable.write(header, table);
    }

    /** How the weight is read, without the cells' name the row already shows ("reference 18.0 kOhm (best)"). */
    private static String readAt(ComparisonRow row) {
        String prefix = row.cells() + ", ";
        return row.read().startsWith(prefix) ? row.read().substring(prefix.length()) : row.read();
    }

    private static String energy(EnergyUnit unit, OptionalDouble joules) {
        return joules.isPresent() ? Numbers.significant(unit.of(joules.getAsDouble())) : "n/a";
    }

    /** A count with thin-space thousands separators ("969 984"). */
    private static String thousands(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count).replace(',', '\u2009');
    }

    /** The regime comparison; each energy column in its own SI prefix. */
    public static String regimes(List<RegimeRow> regimes) {
        EnergyUnit programming = EnergyUnit.forLargest(regimes.stream().mapToDouble(RegimeRow::programmingEnergyJoules).max().orElse(0));
        EnergyUnit inference = EnergyUnit.forLargest(regimes.stream().mapToDouble(RegimeRow::energyPerInferenceJoules).max().orElse(0));
        List<String> header = List.of("regime", "BER", "accuracy (%)", "programming energy (" + programming.symbol() + ")",
                "endurance (cycles)", "energy per inference (" + inference.symbol() + ")");
        List<List<String>> rows = regimes.stream()
                .map(r -> List.of(r.regime(), Numbers.ber(r.ber()),
                        Numbers.percent(r.accuracyMean()) + " ± " + Numbers.percent(r.accuracyStd()),
                        Numbers.significant(programming.of(r.programmingEnergyJoules())), Numbers.cycles(r.enduranceCycles()),
                        Numbers.significant(inference.of(r.energyPerInferenceJoules()))))
                .toList();
        return MarkdownTable.write(header, rows);
    }
}
