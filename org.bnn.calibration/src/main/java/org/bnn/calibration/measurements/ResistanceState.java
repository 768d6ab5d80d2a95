package org.bnn.calibration.measurements;

import java.util.Locale;

/** The programmed state a measured device was in: low resistance (after SET) or high (after RESET). */
public enum ResistanceState {
    LRS,
    HRS;

    /** The state's name in the CSV and in the language: {@code lrs} or {@code hrs}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
