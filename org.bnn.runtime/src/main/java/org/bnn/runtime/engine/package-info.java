/**
 * The bit-packed simulation engine: XNOR + popcount over {@code long} words, integer thresholds,
 * integer class scores and argmax.
 */
package org.bnn.runtime.engine;
