package org.bnn.runtime.spec;

/**
 * The values a layer's weights take (docs/architecture.md §3, "Ternary weights"). On 2T2R tiles,
 * either way one cell holds one weight and is read in one sense: a ternary weight's 0 is a cell with both
 * devices in the high-resistance state, which the precharge sense amplifier tells from ±1 in the
 * same sense (Laborieux et al., arXiv 2007.14234).
 */
public enum WeightValues {
    /** −1 or +1. */
    BINARY,
    /** −1, 0 or +1. */
    TERNARY;

    /** The word the language uses: {@code binary} or {@code ternary}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
