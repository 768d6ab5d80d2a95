package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Draws the input offsets of the PCSAs, in units of ln R: a static mismatch per amplifier, fixed
 * for a chip instance (keyed by chip key and amplifier index), and a noise drawn anew for every
 * sense (keyed by a read key and a sense index chosen by the caller, e.g. derived from trial,
 * input and layer). Pure functions of their keys and indices, allocation-free.
 */
public final class SenseAmpOffsets {
    private final double mismatchSigma;
    private final double noiseSigma;

    public SenseAmpOffsets(SenseAmpSpec senseAmp) {
        Checks.present("SenseAmpOffsets", "senseAmp", senseAmp);
        this.mismatchSigma = senseAmp.mismatchSigma();
        this.noiseSigma = senseAmp.noiseSigma();
    }

    /** The static offset of amplifier {@code amplifier} (e.g. a global column index) of chip {@code chipKey}. */
    public double mismatch(long chipKey, long amplifier) {
        return mismatchSigma == 0
                ? 0.0
                : mismatchSigma * KeyedRandom.gaussian(KeyedRandom.key(chipKey, RandomStreams.MISMATCH), amplifier);
    }

    /** The noise offset of sense {@code sense} under {@code readKey}. */
    public double noise(long readKey, long sense) {
        return noiseSigma == 0
                ? 0.0
                : noiseSigma * KeyedRandom.gaussian(KeyedRandom.key(readKey, RandomStreams.NOISE), sense);
    }

    /** The total offset of one sense: the amplifier's mismatch plus the sense's noise. */
    public double offset(long chipKey, long amplifier, long readKey, long sense) {
        return mismatch(chipKey, amplifier) + noise(readKey, sense);
    }
}
