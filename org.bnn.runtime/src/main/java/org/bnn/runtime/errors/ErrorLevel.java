package org.bnn.runtime.errors;

/**
 * What an error model perturbs (docs/architecture.md, "Error injection"): the stored weights directly, or the devices
 * and sense amplifiers that hold and read them. The level is independent of the {@link Resampling},
 * but not every pair makes sense: a device-level chip has its resistances and amplifier mismatch
 * fixed when it is programmed and draws its noise at every sense, so nothing of it is redrawn
 * once per inference.
 */
public enum ErrorLevel {
    /** Each stored weight flips with probability BER; valid with every resampling. */
    WEIGHT,
    /** Resistances, stuck-at faults and PCSA offsets decide every read; per chip or per read. */
    DEVICE;

    /** Whether this level can be resampled as {@code resampling} says. */
    public boolean supports(Resampling resampling) {
        return this == WEIGHT || resampling != Resampling.PER_INFERENCE;
    }

    /** Returns {@code resampling}, or throws with the reason and the valid choices if this level cannot use it. */
    public Resampling requireSupported(Resampling resampling) {
        if (resampling == null) {
            throw new IllegalArgumentException(this + "-level errors need a resampling, got null");
        }
        if (!supports(resampling)) {
            throw new IllegalArgumentException("DEVICE-level errors cannot use resampling PER_INFERENCE: a chip's resistances "
                    + "and PCSA mismatch are fixed once it is programmed and its noise is drawn at every sense, so nothing "
                    + "is redrawn per inference; use PER_CHIP (static) or PER_READ (noise per sense), or WEIGHT-level errors "
                    + "for the per-inference method of the reference papers");
        }
        return resampling;
    }
}
