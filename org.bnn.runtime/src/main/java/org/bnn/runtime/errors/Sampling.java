package org.bnn.runtime.errors;

/**
 * How per-inference weight errors are drawn (docs/language.md): as exact flip patterns (bit-identical
 * in the fast and the reference engine, nested across a sweep), or in the popcount domain
 * ({@link PopcountDomain}: count changes per neuron, exact in distribution only, far cheaper at a
 * high BER).
 */
public enum Sampling {
    EXACT,
    POPCOUNT_DOMAIN
}
