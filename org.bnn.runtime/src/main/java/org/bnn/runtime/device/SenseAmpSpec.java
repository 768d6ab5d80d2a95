package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * The precharge sense amplifier (PCSA) of one column. Its input offsets are expressed in units of
 * ln R, as an equivalent resistance ratio between the branches: "2 % mismatch" is sigma 0.02
 * (docs/language.md).
 *
 * @param mismatchSigma        std. dev. of the static offset of one amplifier, fixed per chip instance (ln R units)
 * @param noiseSigma           std. dev. of the offset drawn anew at every read (ln R units)
 * @param energyPerSenseJoules energy of one sense including the XNOR, in joules
 * @param delaySeconds         duration of one sense, in seconds
 */
public record SenseAmpSpec(double mismatchSigma, double noiseSigma, double energyPerSenseJoules, double delaySeconds) {
    public SenseAmpSpec {
        Checks.nonNegativeFinite("SenseAmpSpec", "mismatchSigma", mismatchSigma);
        Checks.nonNegativeFinite("SenseAmpSpec", "noiseSigma", noiseSigma);
        Checks.nonNegativeFinite("SenseAmpSpec", "energyPerSenseJoules", energyPerSenseJoules);
        Checks.nonNegativeFinite("SenseAmpSpec", "delaySeconds", delaySeconds);
    }

    /** Variance of the total offset of one read, mismatch plus noise, averaged over chips (ln R units squared). */
    public double offsetVariance() {
        return mismatchSigma * mismatchSigma + noiseSigma * noiseSigma;
    }
}
