package org.bnn.runtime.estimate;

import java.util.Optional;

import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.spec.Chunks;

/**
 * What running a network that does not fit its chip costs when the mapping allows reprogramming:
 * tiles are shared by several weight blocks and rewritten while the network runs.
 * <p>
 * Schedule (the one that wears the devices least): with N tile blocks on T tiles, N ≤ 2T, the
 * N − T overflow blocks each share a tile with one resident block, and each shared tile is
 * written twice per inference (overflow block in, resident block back); with N &gt; 2T every tile
 * holds ⌈N/T⌉ or ⌊N/T⌋ blocks and every block is written once per inference. A tile write
 * programs all of its cells, rows × columns, ECC check bits included (an upper bound when a block
 * fills its tile partly).
 *
 * @param tileWritesPerInference tiles written during one inference
 * @param writesPerDevice        writes per inference of the most-written device
 * @param perInference           pulses, energy and endurance share of one inference's writes, if
 *                               the regime is known
 */
public record Reprogramming(long tileWritesPerInference, long writesPerDevice, Optional<ProgrammingCost> perInference) {

    /** The schedule above for {@code needed} blocks on {@code available} tiles (needed &gt; available &gt; 0). */
    static long tileWrites(long needed, long available) {
        return needed <= 2 * available ? 2 * (needed - available) : needed;
    }

    static long writesPerDevice(long needed, long available) {
        return needed <= 2 * available ? 2 : Chunks.ceilDiv(needed, available);
    }

    /** Inferences until the most-written device reaches its endurance, if the regime is known. */
    public Optional<Double> inferencesUntilWornOut() {
        return perInference.map(cost -> 1.0 / cost.enduranceFraction());
    }
}
