package org.bnn.calibration.measurements;

import java.util.List;

/**
 * A read CSV of measured resistances.
 *
 * @param file    the file as the user named it, for messages
 * @param count   the number of measurements (data rows)
 * @param columns the columns of the file's header, in the file's order
 * @param groups  the measurements grouped by regime, state, time and cycles: regimes in the order the
 *                file first names them, then LRS before HRS, fewer cycles and earlier times first
 */
public record Measurements(String file, int count, List<String> columns, List<MeasurementGroup> groups) {
    public Measurements {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
    }

    /** Whether the file gives the time after programming of each measurement. */
    public boolean hasTimes() {
        return columns.contains(MeasurementsCsv.SECONDS);
    }
}
