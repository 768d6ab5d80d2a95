package org.bnn.runtime.tests.deviceerrors;

import java.util.List;

import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;

/**
 * The illustrative device presets of examples/lib/illustrative-hw.bnn (engineering estimates
 * chosen to agree with the papers' verified facts, not measurements): regimes and the PCSA.
 */
final class Presets {
    static final RegimeSpec STRONG = regime("strong", 2.0, 200e-6, 1e-6, 4e3, 0.15, 120e3, 0.70, 1e6);
    static final RegimeSpec NOMINAL = regime("nominal", 1.8, 100e-6, 500e-9, 8e3, 0.25, 180e3, 0.80, 1e7);
    static final RegimeSpec LOW = regime("low", 1.6, 50e-6, 400e-9, 15e3, 0.35, 300e3, 0.90, 1e8);
    static final RegimeSpec VERY_LOW = regime("very-low", 1.5, 30e-6, 400e-9, 25e3, 0.45, 320e3, 1.00, 1e9);
    static final RegimeSpec ULTRA_LOW = regime("ultra-low", 1.3, 20e-6, 500e-9, 35e3, 0.50, 270e3, 1.00, 1e10);

    /** Strong to ultra-low: decreasing median ratio, increasing spread. */
    static final List<RegimeSpec> REGIMES = List.of(STRONG, NOMINAL, LOW, VERY_LOW, ULTRA_LOW);

    /** PCSA: 2 % mismatch per amplifier, 1 % noise per read, 25 fJ and 2 ns per sense. */
    static final SenseAmpSpec SENSE_AMP = new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9);

    /** Offsets large enough that many cells are fragile and flip from read to read (a stress case, not a preset). */
    static final SenseAmpSpec NOISY_SENSE_AMP = new SenseAmpSpec(0.1, 0.3, 25e-15, 2e-9);

    private Presets() {
    }

    private static RegimeSpec regime(String name, double volts, double amperes, double seconds, double lrsOhms, double lrsSigma,
            double hrsOhms, double hrsSigma, double enduranceCycles) {
        Pulse pulse = Pulse.of(volts, amperes, seconds);
        return new RegimeSpec(name, new LogNormal(lrsOhms, lrsSigma), new LogNormal(hrsOhms, hrsSigma), pulse, pulse,
                enduranceCycles);
    }
}
