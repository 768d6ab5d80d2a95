package org.bnn.runtime.ecc;

/** The decoder's output: the (possibly corrected) 64 data bits and how it got them. */
public record Decoded(long data, DecodeStatus status) {
}
