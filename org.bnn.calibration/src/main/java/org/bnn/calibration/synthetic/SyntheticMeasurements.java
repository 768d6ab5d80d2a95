package org.bnn.calibration.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bnn.calibration.measurements.Numbers;
import org.bnn.calibration.measurements.ResistanceState;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.random.KeyedRandom;

/**
 * Synthetic "measurements" with known parameters, for the example data set
 * (examples/reliability/cells.csv, written by examples/reliability/make-cells.sh) and the tests of
 * the fit. ln R = ln median(t) + σ(t)·z with z standard normal, median(t) = median(t0)·exp(drift·
 * log10(t/t0)) and σ(t) = σ(t0) + growth·log10(t/t0), t0 = 1 s: the aging model the fit estimates.
 * The medians and σ at t0 are the <i>illustrative</i> regimes nominal and low of
 * examples/lib/illustrative-hw.bnn; the drifts and growths are <i>illustrative</i> too (no source).
 * Every resistance is a pure function of the seed, the group and the device's index.
 *
 * <p>Usage: {@code SyntheticMeasurements OUT.csv [SEED [DEVICES]]}.
 */
public final class SyntheticMeasurements {
    /** The seed of the shipped example. */
    public static final long SEED = 16;
    /** Devices per regime, state and time in the shipped example. */
    public static final int DEVICES = 50;
    /** The times after programming, in seconds: 1 s, 1 hour, 1 day. */
    public static final List<Double> SECONDS = List.of(1.0, 3600.0, 86400.0);
    /** The reference time of the aging model, in seconds. */
    public static final double T0_SECONDS = 1;

    /**
     * The generating parameters of one regime and state.
     *
     * @param atT0   the resistance distribution at t0
     * @param drift  the change of ln median per decade of time (0.02: the median grows 2 % per decade)
     * @param growth the change of σ of ln R per decade of time
     */
    public record Truth(String regime, ResistanceState state, LogNormal atT0, double drift, double growth) {
        /** The distribution {@code seconds} after programming. */
        public LogNormal at(double seconds) {
            double decades = Math.log10(seconds / T0_SECONDS);
            return new LogNormal(atT0.medianOhms() * Math.exp(drift * decades), atT0.sigma() + growth * decades);
        }
    }

    /** LRS drifts up and HRS down (the window closes), both widen; the weaker regime more. */
    public static final List<Truth> TRUTH = List.of(
            new Truth("nominal", ResistanceState.LRS, new LogNormal(8e3, 0.25), 0.02, 0.010),
            new Truth("nominal", ResistanceState.HRS, new LogNormal(180e3, 0.80), -0.04, 0.030),
            new Truth("low", ResistanceState.LRS, new LogNormal(15e3, 0.35), 0.03, 0.015),
            new Truth("low", ResistanceState.HRS, new LogNormal(300e3, 0.90), -0.06, 0.040));

    private SyntheticMeasurements() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SyntheticMeasurements OUT.csv [SEED [DEVICES]]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : DEVICES;
        Files.writeString(Path.of(args[0]), csv(seed, devices), StandardCharsets.UTF_8);
    }

    /** The CSV text: a comment saying it is synthetic and how it was made, a header, the rows. */
    public static String csv(long seed, int devices) {
        StringBuilder text = new StringBuilder();
        text.append("# SYNTHETIC data, not measurements: written by org.bnn.calibration.synthetic.SyntheticMeasurements\n")
                .append("# (examples/reliability/make-cells.sh) with seed ").append(seed).append(", ").append(devices)
                .append(" devices per regime, state and time.\n")
                .append("# ln R = ln median(t) + sigma(t) * z, z standard normal; median(t) = median(t0) * exp(drift * log10(t/t0)),\n")
                .append("# sigma(t) = sigma(t0) + growth * log10(t/t0), t0 = ").append(Numbers.plain(T0_SECONDS))
                .append(" s. Illustrative parameters: medians and sigmas at t0\n")
                .append("# are the regimes nominal and low of examples/lib/illustrative-hw.bnn; drift and growth have no source.\n");
        for (Truth truth : TRUTH) {
            text.append(
                    String.format(Locale.ROOT, "#   %s %s: median %s Ohm, sigma %s, drift %+.0f %% per decade, growth %+.3f per decade\n",
                            truth.regime(), truth.state().label(), Numbers.plain(truth.atT0().medianOhms()),
                            Numbers.plain(truth.atT0().sigma()), 100 * truth.drift(), truth.growth()));
        }
        text.append("regime,state,seconds,ohms\n");
        for (int group = 0; group < TRUTH.size() * SECONDS.size(); group++) {
            Truth truth = TRUTH.get(group / SECONDS.size());
            double seconds = SECONDS.get(group % SECONDS.size());
            LogNormal distribution = truth.at(seconds);
            long key = KeyedRandom.key(seed, group);
            for (int device = 0; device < devices; device++) {
                double ohms = distribution.sample(KeyedRandom.gaussian(key, device));
                text.append(truth.regime()).append(',').append(truth.state().label()).append(',').append(Numbers.plain(seconds))
                        .append(',').append(String.format(Locale.ROOT, "%.1f", ohms)).append('\n');
            }
        }
        return text.toString();
    }
}
