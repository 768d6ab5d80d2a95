package org.bnn.runtime.errors;

import org.bnn.runtime.random.KeyedRandom;

/**
 * Keys of device-level errors, derived by index from the {@link ErrorKeys} of a chip instance or
 * an inference, under a stream of their own. None of them involves the regime: a regime sweep run
 * with one seed programs the same chips (same stuck-at faults, same standard normals behind every
 * margin, the same amplifier mismatch and read noise), which gives common random numbers across
 * the sweep.
 * <p>
 * <b>Which devices a layer gets.</b> Under automatic placement a layer's devices are keyed by the
 * layer ({@link #chipLayer}), as they always were. Under an explicit placement they are keyed by
 * their physical tile ({@link #tile}), so that a layer placed on other tiles meets other devices
 * (stuck-at faults, amplifier mismatch, programmed resistances), and two mappings that put a layer
 * on the same tiles of a chip instance meet the same ones. Read noise is keyed by layer and read in
 * both cases: it is fresh at every sense, not a property of a device.
 */
public final class DeviceKeys {
    private static final long DEVICE = 0x4445564943454C56L;      // "DEVICELV"
    private static final long MARGINS = 0x4D415247494E5321L;     // "MARGINS!"
    private static final long FROZEN_READ = 0x46524F5A454E5244L; // "FROZENRD"
    private static final long TILES = 0x5048595354494C45L;       // "PHYSTILE"
    /** The stream of a tile's spare columns ({@link ColumnRepair}). */
    static final long SPARES = 0x5350415245434F4CL;              // "SPARECOL"

    private DeviceKeys() {
    }

    /**
     * Key of layer {@code layer} of chip instance {@code trial}: the chip key of its
     * {@link org.bnn.runtime.device.CellSampler} (stuck-at faults) and
     * {@link org.bnn.runtime.device.SenseAmpOffsets} (mismatch), and the root of its margins.
     */
    public static long chipLayer(long seed, int trial, int layer) {
        return ErrorKeys.layer(KeyedRandom.key(ErrorKeys.chip(seed, trial), DEVICE), layer);
    }

    /** Root of the physical tiles of chip instance {@code trial} (explicit placement). */
    public static long chipTiles(long seed, int trial) {
        return KeyedRandom.key(KeyedRandom.key(ErrorKeys.chip(seed, trial), DEVICE), TILES);
    }

    /**
     * Key of physical tile {@code tile} under {@link #chipTiles}: the chip key of its devices'
     * stuck-at faults (by cell row · C + column) and of its amplifiers' mismatch (by column).
     */
    public static long tile(long chipTilesKey, int tile) {
        return KeyedRandom.key(chipTilesKey, tile);
    }

    /** Stream of the standard normals of a tile's cells' margins when layer {@code layer} is programmed into it, one per cell. */
    public static long programming(long tileKey, int layer) {
        return KeyedRandom.key(KeyedRandom.key(tileKey, MARGINS), layer);
    }

    /** Stream of the standard normals of the cells' margins under a chip-layer key, one per logical position. */
    public static long margins(long chipLayerKey) {
        return KeyedRandom.key(chipLayerKey, MARGINS);
    }

    /** Read key of the one read a per-chip (static) pattern freezes, under a chip-layer key. */
    public static long frozenRead(long chipLayerKey) {
        return KeyedRandom.key(chipLayerKey, FROZEN_READ);
    }

    /** Key of layer {@code layer}'s reads during inference {@code input} of chip instance {@code trial}. */
    public static long inferenceLayer(long seed, int trial, long input, int layer) {
        return ErrorKeys.layer(KeyedRandom.key(ErrorKeys.inference(seed, trial, input), DEVICE), layer);
    }

    /** Read key of read {@code read} (position · planes + plane) under an inference-layer key. */
    public static long read(long inferenceLayerKey, int read) {
        return KeyedRandom.key(inferenceLayerKey, read);
    }
}
