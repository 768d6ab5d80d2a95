package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

import java.util.OptionalDouble;

/**
 * A chip made of {@code tileCount} identical tiles and a digital periphery with one clock.
 * Energies are per event and optional: what is not given is not estimated.
 *
 * @param clockHz                   clock frequency, in hertz
 * @param thresholdJoulesPerCompare energy of one threshold comparison, in joules
 * @param adderJoulesPerAddition    energy of one partial-sum addition, in joules
 * @param bufferJoulesPerBit        energy of one activation-buffer bit access, in joules
 */
public record ChipSpec(String name, int tileCount, TileSpec tile, OptionalDouble clockHz, OptionalDouble thresholdJoulesPerCompare,
        OptionalDouble adderJoulesPerAddition, OptionalDouble bufferJoulesPerBit) {
    public ChipSpec {
        Checks.name("ChipSpec", "name", name);
        Checks.positive("ChipSpec", "tileCount", tileCount);
        Checks.present("ChipSpec", "tile", tile);
        Checks.positiveFinite("ChipSpec", "clockHz", Checks.present("ChipSpec", "clockHz", clockHz));
        Checks.nonNegativeFinite("ChipSpec", "thresholdJoulesPerCompare",
                Checks.present("ChipSpec", "thresholdJoulesPerCompare", thresholdJoulesPerCompare));
        Checks.nonNegativeFinite("ChipSpec", "adderJoulesPerAddition",
                Checks.present("ChipSpec", "adderJoulesPerAddition", adderJoulesPerAddition));
        Checks.nonNegativeFinite("ChipSpec", "bufferJoulesPerBit", Checks.present("ChipSpec", "bufferJoulesPerBit", bufferJoulesPerBit));
    }

    /** A chip with nothing but its tiles given. */
    public ChipSpec(String name, int tileCount, TileSpec tile) {
        this(name, tileCount, tile, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** The duration of {@code cycles} clock cycles in seconds, if the clock is given. */
    public OptionalDouble seconds(long cycles) {
        return clockHz.isPresent() ? OptionalDouble.of(cycles / clockHz.getAsDouble()) : OptionalDouble.empty();
    }

    /** Starts a chip description. */
    public static Builder builder(String name, int tileCount, TileSpec tile) {
        return new Builder(name, tileCount, tile);
    }

    /** Builds a chip; unset properties are absent. */
    public static final class Builder {
        private final String name;
        private final int tileCount;
        private final TileSpec tile;
        private OptionalDouble clockHz = OptionalDouble.empty();
        private OptionalDouble threshold = OptionalDouble.empty();
        private OptionalDouble adder = OptionalDouble.empty();
        private OptionalDouble buffer = OptionalDouble.empty();

        private Builder(String name, int tileCount, TileSpec tile) {
            this.name = name;
            this.tileCount = tileCount;
            this.tile = tile;
        }

        public Builder clock(double hertz) {
            clockHz = OptionalDouble.of(hertz);
            return this;
        }

        public Builder thresholdEnergy(double joulesPerCompare) {
            threshold = OptionalDouble.of(joulesPerCompare);
            return this;
        }

        public Builder adderEnergy(double joulesPerAddition) {
            adder = OptionalDouble.of(joulesPerAddition);
            return this;
        }

        public Builder bufferEnergy(double joulesPerBit) {
            buffer = OptionalDouble.of(joulesPerBit);
            return this;
        }

        public ChipSpec build() {
            return new ChipSpec(name, tileCount, tile, clockHz, threshold, adder, buffer);
        }
    }
}
