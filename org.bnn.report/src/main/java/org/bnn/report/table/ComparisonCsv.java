package org.bnn.report.table;

import java.util.List;
import java.util.OptionalDouble;

import org.bnn.report.data.ComparisonRow;
import org.bnn.report.format.Numbers;

/**
 * CSV of a comparison of mappings across regimes, one row per regime and mapping, in SI units
 * (joules) and shares in [0, 1]; a cell is empty where a value does not apply or is not estimated.
 */
public final class ComparisonCsv {
    public static final List<String> COLUMNS = List.of("regime", "mapping", "cells", "read", "raw_ber", "decoded_ber", "seen_ber",
            "accuracy_mean", "accuracy_std", "trials", "cell_count", "devices", "sense_joules", "decode_joules", "programming_joules",
            "energy_per_inference_joules");

    private ComparisonCsv() {
    }

    public static String write(List<ComparisonRow> rows) {
        return CsvTable.write(COLUMNS, rows.stream()
                .map(r -> List.of(r.regime(), r.mapping(), r.cells(), r.read(), Numbers.exact(r.rawBer()), optional(r.decodedBer()),
                        optional(r.seenBer()), Numbers.exact(r.accuracyMean()), Numbers.exact(r.accuracyStd()),
                        Integer.toString(r.trials()),
                        Long.toString(r.cellCount()), Long.toString(r.devices()), optional(r.senseJoules()), optional(r.decodeJoules()),
                        optional(r.programmingJoules()), Numbers.exact(r.energyPerInferenceJoules())))
                .toList());
    }

    private static String optional(OptionalDouble value) {
        return value.isPresent() ? Numbers.exact(value.getAsDouble()) : "";
    }
}
