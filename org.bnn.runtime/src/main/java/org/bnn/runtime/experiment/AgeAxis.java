package org.bnn.runtime.experiment;

import org.bnn.runtime.aging.Condition;
import org.bnn.runtime.aging.Durations;

/** What a sweep over aging devices varies ({@link SweepSpec.Ages}); the rest of the condition is the experiment's. */
public enum AgeAxis {
    /** Time since programming, in seconds. */
    TIME("time") {
        @Override
        public Condition apply(Condition base, double value) {
            return base.withSeconds(value);
        }

        @Override
        public String label(double value) {
            return Durations.label(value);
        }
    },
    /** Temperature during that time, in kelvins (labelled in °C). */
    TEMPERATURE("temperature") {
        @Override
        public Condition apply(Condition base, double value) {
            return base.withKelvin(value);
        }

        @Override
        public String label(double value) {
            return Condition.celsiusLabel(value);
        }
    },
    /** Program cycles endured by every device, counting the last programming. */
    CYCLES("cycles") {
        @Override
        public Condition apply(Condition base, double value) {
            return base.withCycles(value);
        }

        @Override
        public String label(double value) {
            return Condition.countLabel(value) + " cycles";
        }
    },
    /** Reads of every cell since programming. */
    READS("reads") {
        @Override
        public Condition apply(Condition base, double value) {
            return base.withReads(value);
        }

        @Override
        public String label(double value) {
            return Condition.countLabel(value) + " reads";
        }
    };

    private final String keyword;

    AgeAxis(String keyword) {
        this.keyword = keyword;
    }

    /** The word the language sweeps it with: {@code sweep time { ... }}. */
    public String keyword() {
        return keyword;
    }

    /** {@code base} with this axis at {@code value}; the condition checks the value. */
    public abstract Condition apply(Condition base, double value);

    /** A point's label in reports: "1 h", "85 C", "1e6 cycles". */
    public abstract String label(double value);
}
