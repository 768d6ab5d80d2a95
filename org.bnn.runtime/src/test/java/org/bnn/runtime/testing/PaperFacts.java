package org.bnn.runtime.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;

/**
 * The illustrative device presets of examples/lib/illustrative-hw.bnn (engineering estimates,
 * not measurements), with the table's own derived columns, which the tests check the physics
 * against. Values in SI units.
 */
public final class PaperFacts {

    /** One row of the preset table. */
    public record Row(RegimeSpec regime, double energyPerPulseJoules, double berTwoTwoR,
            double bestReferenceOhms, double berOneTOneR) {
        @Override
        public String toString() {
            return regime.name();
        }
    }

    public static final Row STRONG = row("strong", 2.0, 200e-6, 1e-6, 400e-12, 4e3, 0.15, 120e3, 0.70, 1.0e-6, 7.6e3, 2.5e-5, 1e6);
    public static final Row NOMINAL = row("nominal", 1.8, 100e-6, 500e-9, 90e-12, 8e3, 0.25, 180e3, 0.80, 1.0e-4, 18e3, 1.3e-3, 1e7);
    public static final Row LOW = row("low", 1.6, 50e-6, 400e-9, 32e-12, 15e3, 0.35, 300e3, 0.90, 9.6e-4, 38e3, 7.4e-3, 1e8);
    public static final Row VERY_LOW = row("very-low", 1.5, 30e-6, 400e-9, 18e-12, 25e3, 0.45, 320e3, 1.00, 1.0e-2, 63e3, 3.6e-2, 1e9);
    public static final Row ULTRA_LOW = row("ultra-low", 1.3, 20e-6, 500e-9, 13e-12, 35e3, 0.50, 270e3, 1.00, 3.4e-2, 81e3, 8.1e-2, 1e10);

    public static final List<Row> ROWS = List.of(STRONG, NOMINAL, LOW, VERY_LOW, ULTRA_LOW);

    /** PCSA: 2 % mismatch per amplifier, 1 % noise per read, 25 fJ and 2 ns per sense. */
    public static final SenseAmpSpec SENSE_AMP = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);

    public static final DeviceSpec HFO2 = new DeviceSpec("hfo2", "TiN/HfO2/Ti/TiN",
            ROWS.stream().map(Row::regime).toList(), StuckAt.NONE);

    private PaperFacts() {
    }

    /** The rows, as a JUnit {@code @MethodSource}. */
    public static List<Row> rows() {
        return ROWS;
    }

    private static Row row(String name, double volts, double amperes, double seconds, double energyPerPulseJoules,
            double lrsOhms, double lrsSigma, double hrsOhms, double hrsSigma,
            double berTwoTwoR, double bestReferenceOhms, double berOneTOneR, double enduranceCycles) {
        Pulse pulse = Pulse.of(volts, amperes, seconds); // RESET taken equal to SET, as in the table
        RegimeSpec regime = new RegimeSpec(name, new LogNormal(lrsOhms, lrsSigma), new LogNormal(hrsOhms, hrsSigma),
                pulse, pulse, enduranceCycles);
        return new Row(regime, energyPerPulseJoules, berTwoTwoR, bestReferenceOhms, berOneTOneR);
    }

    /** {@code value} rounded to two significant digits, the precision of the table. */
    public static double twoSignificantDigits(double value) {
        return new BigDecimal(value).round(new MathContext(2)).doubleValue();
    }
}
