package org.bnn.runtime.device;

import org.bnn.runtime.checks.Checks;

/**
 * The reference resistance a 1T1R cell is read against: a device reads as LRS (weight +1) iff its
 * resistance is below the reference.
 */
public sealed interface ReadReference permits ReadReference.Fixed, ReadReference.Best {

    /** The reference resistance, in ohms, used with {@code regime}. */
    double ohms(RegimeSpec regime);

    /**
     * The reference fixed at the value it takes under {@code regime}: a chip's references are set
     * when it is designed for a regime and stay put while its devices age.
     */
    default Fixed fixedFor(RegimeSpec regime) {
        return new Fixed(ohms(regime));
    }

    /** A reference fixed by the designer, e.g. {@code reference 18 kOhm}. */
    record Fixed(double ohms) implements ReadReference {
        public Fixed {
            Checks.positiveFinite("ReadReference.Fixed", "ohms", ohms);
        }

        @Override
        public double ohms(RegimeSpec regime) {
            return ohms;
        }
    }

    /** The reference that minimises the 1T1R bit error rate of each regime ({@code reference best}). */
    record Best() implements ReadReference {
        @Override
        public double ohms(RegimeSpec regime) {
            return BitErrorRates.bestReferenceOhms(regime);
        }
    }
}
