package org.bnn.runtime.estimate;

/**
 * Integer counts of the hardware events of one inference (docs/architecture.md, "Energy, latency, programming").
 * The estimator predicts them; the reference engine's ledger counts them while it runs; the two
 * are compared as integers.
 *
 * @param senses              sense-amplifier reads: rows read × used columns, × positions × planes
 * @param popcountInputBits   bits entering the tiles' popcount circuits (= senses)
 * @param partialSumAdditions digital additions that merge a neuron's partial popcounts (column
 *                            chunks × planes) into one sum: neurons × positions × (chunks·planes − 1)
 * @param thresholdCompares   threshold comparisons (hidden layers) or class-score comparisons (output)
 * @param eccDecodes          SECDED words decoded (1T1R + ECC only)
 * @param bufferBitAccesses   activation-buffer bits written by a layer plus bits read by every tile
 *                            that consumes them
 * @param rowCycles           row-read cycles summed over tiles
 */
public record EventCounts(long senses, long popcountInputBits, long partialSumAdditions, long thresholdCompares,
        long eccDecodes, long bufferBitAccesses, long rowCycles) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0, 0, 0, 0, 0);

    public EventCounts plus(EventCounts other) {
        return new EventCounts(senses + other.senses, popcountInputBits + other.popcountInputBits,
                partialSumAdditions + other.partialSumAdditions, thresholdCompares + other.thresholdCompares,
                eccDecodes + other.eccDecodes, bufferBitAccesses + other.bufferBitAccesses, rowCycles + other.rowCycles);
    }
}
