package org.bnn.runtime.explore;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.errors.ErrorLevel;
import org.bnn.runtime.experiment.ErrorSpec;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.MappingSpec;

/**
 * One thing an exploration varies (docs/explore.md), with its values in order. A design takes one value of
 * every axis ({@link Design}); the values of an axis are distinct and there is at least one.
 */
public sealed interface ExploreAxis {

    /** Number of values. */
    int size();

    /** The axis as the language writes it after {@code vary}: "regime", "tile", "replicate fc1", ... */
    String keyword();

    /** Value {@code index} as a report shows it. */
    String label(int index);

    /** Sets value {@code index} on a design being built. */
    void apply(int index, Design design);

    /** What {@code mapping}, run under {@code errors}, lacks for this axis to apply, or empty when it applies. */
    default Optional<String> problemOn(MappingSpec mapping, ErrorSpec errors) {
        return Optional.empty();
    }

    /** Programming regimes of the device of the mapping's tile, by name. */
    record Regimes(List<String> regimes) implements ExploreAxis {
        public Regimes {
            regimes = distinct("Regimes", Checks.present("ExploreAxis.Regimes", "regimes", regimes));
        }

        @Override
        public int size() {
            return regimes.size();
        }

        @Override
        public String keyword() {
            return "regime";
        }

        @Override
        public String label(int index) {
            return regimes.get(index);
        }

        @Override
        public void apply(int index, Design design) {
            design.regime = Optional.of(regimes.get(index));
        }

        @Override
        public Optional<String> problemOn(MappingSpec mapping, ErrorSpec errors) {
            var device = mapping.chip().tile().device();
            if (device.isEmpty()) {
                return Optional.of("tile " + mapping.chip().tile().name() + " of mapping " + mapping.name()
                        + " names no device ('of DEVICE'), so it has no regimes to vary");
            }
            for (String regime : regimes) {
                if (!device.get().regimeNames().contains(regime)) {
                    return Optional.of("device " + device.get().name() + " has no regime " + regime + "; its regimes are "
                            + String.join(", ", device.get().regimeNames()));
                }
            }
            return Optional.empty();
        }
    }

    /** Tile sizes, rows × columns; the chip keeps its number of tiles. */
    record TileSizes(List<TileSize> sizes) implements ExploreAxis {
        public TileSizes {
            sizes = distinct("TileSizes", Checks.present("ExploreAxis.TileSizes", "sizes", sizes));
        }

        @Override
        public int size() {
            return sizes.size();
        }

        @Override
        public String keyword() {
            return "tile";
        }

        @Override
        public String label(int index) {
            return sizes.get(index).rows() + " x " + sizes.get(index).columns();
        }

        @Override
        public void apply(int index, Design design) {
            design.rows = sizes.get(index).rows();
            design.columns = sizes.get(index).columns();
        }
    }

    /** A tile of {@code rows} word lines × {@code columns} columns. */
    record TileSize(int rows, int columns) {
        public TileSize {
            Checks.positive("ExploreAxis.TileSize", "rows", rows);
            Checks.positive("ExploreAxis.TileSize", "columns", columns);
        }
    }

    /** Cell technologies of the tile; its device, sense amplifier and popcount stay. */
    record Cells(List<CellTechnology> cells) implements ExploreAxis {
        public Cells {
            cells = distinct("Cells", Checks.present("ExploreAxis.Cells", "cells", cells));
        }

        @Override
        public int size() {
            return cells.size();
        }

        @Override
        public String keyword() {
            return "cells";
        }

        @Override
        public String label(int index) {
            return cells.get(index).label();
        }

        @Override
        public void apply(int index, Design design) {
            design.cell = cells.get(index);
        }
    }

    /** Copies of one layer with weights. */
    record Replication(String layer, List<Integer> copies) implements ExploreAxis {
        public Replication {
            Checks.name("ExploreAxis.Replication", "layer", layer);
            copies = distinct("Replication", Checks.present("ExploreAxis.Replication", "copies", copies));
            for (int count : copies) {
                Checks.positive("ExploreAxis.Replication(" + layer + ")", "copies", count);
            }
        }

        @Override
        public int size() {
            return copies.size();
        }

        @Override
        public String keyword() {
            return "replicate " + layer;
        }

        @Override
        public String label(int index) {
            return Integer.toString(copies.get(index));
        }

        @Override
        public void apply(int index, Design design) {
            design.replication.put(layer, copies.get(index));
        }

        @Override
        public Optional<String> problemOn(MappingSpec mapping, ErrorSpec errors) {
            boolean weighted = mapping.network().weightLayers().stream().anyMatch(l -> l.layer().name().equals(layer));
            return weighted
                    ? Optional.empty()
                    : Optional.of("network " + mapping.network().name() + " has no layer with weights named " + layer
                            + " to replicate");
        }
    }

    /** Bit planes of a bit-serial input, 1 to 16. */
    record InputBits(List<Integer> bits) implements ExploreAxis {
        public InputBits {
            bits = distinct("InputBits", Checks.present("ExploreAxis.InputBits", "bits", bits));
            for (int count : bits) {
                new InputEncoding.BitSerial(count); // 1..16, or the violation says so
            }
        }

        @Override
        public int size() {
            return bits.size();
        }

        @Override
        public String keyword() {
            return "input bits";
        }

        @Override
        public String label(int index) {
            return Integer.toString(bits.get(index));
        }

        @Override
        public void apply(int index, Design design) {
            design.inputBits = Optional.of(bits.get(index));
        }

        @Override
        public Optional<String> problemOn(MappingSpec mapping, ErrorSpec errors) {
            return mapping.network().input().encoding() instanceof InputEncoding.BitSerial
                    ? Optional.empty()
                    : Optional.of("the input of network " + mapping.network().name()
                            + " is binarized, not bit-serial: it has no input bits to vary");
        }
    }

    /** Weight bit error rates in [0, 0.5], instead of the analytic rate of each regime and cell. */
    record Ber(List<Double> rates) implements ExploreAxis {
        public Ber {
            rates = distinct("Ber", Checks.present("ExploreAxis.Ber", "rates", rates));
            for (double rate : rates) {
                if (!(rate >= 0 && rate <= 0.5)) {
                    throw new SpecViolation("ExploreAxis.Ber", "rates", Double.toString(rate), Problem.OUT_OF_RANGE,
                            "ExploreAxis.Ber.rates must be in [0, 0.5], got " + rate);
                }
            }
        }

        @Override
        public int size() {
            return rates.size();
        }

        @Override
        public String keyword() {
            return "ber";
        }

        @Override
        public String label(int index) {
            double rate = rates.get(index);
            return rate == 0 ? "0" : BigDecimal.valueOf(rate).stripTrailingZeros().toString();
        }

        @Override
        public void apply(int index, Design design) {
            design.ber = Optional.of(rates.get(index));
        }

        @Override
        public Optional<String> problemOn(MappingSpec mapping, ErrorSpec errors) {
            return errors.level() == ErrorLevel.WEIGHT
                    ? Optional.empty()
                    : Optional.of("a bit error rate is set only on weight-level errors; device-level chips err as their regime does");
        }
    }

    private static <T> List<T> distinct(String axis, List<T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new SpecViolation("ExploreAxis." + axis, "values", Problem.MISSING, "ExploreAxis." + axis + " has no values");
        }
        Set<T> seen = new HashSet<>();
        for (T value : copy) {
            if (!seen.add(value)) {
                throw new SpecViolation("ExploreAxis." + axis, "values", String.valueOf(value), Problem.DUPLICATE,
                        "ExploreAxis." + axis + " lists " + value + " twice");
            }
        }
        return copy;
    }
}
