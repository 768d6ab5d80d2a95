package org.bnn.runtime.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bnn.runtime.engine.BinaryNetwork;

/**
 * The most recently used programmed chips of one {@link DeviceErrors}, so that the per-read
 * patterns of thousands of inferences reuse their chip's static margins instead of redoing a pass
 * over all weights. Bounded: a chip is a pure function of its keys, so an evicted chip is simply
 * programmed again, which costs time and never changes a result. Thread-safe; two threads that
 * miss the same chip at once may both program it (identical results, the first one kept).
 */
public final class DeviceChipCache {
    private final DeviceErrors errors;
    private final int capacity;
    private final Map<ChipId, DeviceChip> chips;

    /** A cache of at most {@code capacity} chips of {@code errors}. */
    public DeviceChipCache(DeviceErrors errors, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("DeviceChipCache.capacity must be at least 1, got " + capacity);
        }
        this.errors = errors;
        this.capacity = capacity;
        this.chips = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** A cache sized for a simulation on this machine: a few chips per worker thread. */
    public static DeviceChipCache forThisMachine(DeviceErrors errors) {
        return new DeviceChipCache(errors, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** Chip instance {@code trial} of {@code seed} with {@code network} programmed into it. */
    public DeviceChip chip(BinaryNetwork network, long seed, int trial) {
        ChipId id = new ChipId(network, seed, trial);
        synchronized (chips) {
            DeviceChip cached = chips.get(id);
            if (cached != null) {
                return cached;
            }
        }
        DeviceChip programmed = errors.program(network, seed, trial);
        synchronized (chips) {
            DeviceChip raced = chips.putIfAbsent(id, programmed);
            if (chips.size() > capacity) {
                chips.remove(chips.keySet().iterator().next()); // the least recently used
            }
            return raced != null ? raced : programmed;
        }
    }

    /** A chip's identity; networks compare by identity (BinaryNetwork does not override equals). */
    private record ChipId(BinaryNetwork network, long seed, int trial) {
    }
}
