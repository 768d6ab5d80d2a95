package org.bnn.calibration.measurements;

import java.util.Comparator;

/**
 * The measurements fitted together: one regime, one state and, when the file has those columns, one
 * time after programming and one cycle count.
 *
 * @param regime  the programming regime ({@link MeasurementsCsv#DEFAULT_REGIME} without a regime column)
 * @param state   the programmed state
 * @param seconds the time after programming, in seconds; null without a seconds column
 * @param cycles  the number of program cycles the device had seen; null without a cycles column
 */
public record GroupKey(String regime, ResistanceState state, Double seconds, Long cycles) {
    /** Within a regime: by state, cycle count, then time (regimes keep the file's order). */
    static final Comparator<GroupKey> WITHIN_REGIME = Comparator.comparing(GroupKey::state)
            .thenComparing(GroupKey::cycles, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(GroupKey::seconds, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The key without its time: the series whose aging over time is fitted. */
    public GroupKey withoutTime() {
        return new GroupKey(regime, state, null, cycles);
    }

    /** The group as a user reads it, e.g. "regime nominal, state lrs, seconds 3600". */
    public String describe() {
        StringBuilder text = new StringBuilder("regime ").append(regime).append(", state ").append(state.label());
        if (seconds != null) {
            text.append(", seconds ").append(Numbers.plain(seconds));
        }
        if (cycles != null) {
            text.append(", cycles ").append(cycles);
        }
        return text.toString();
    }
}
