package org.bnn.runtime.device;

/**
 * Stream numbers under which the device samplers derive their sub-keys from a caller's key
 * (KeyedRandom.key(key, stream)), kept in one place so that no two quantities share a stream.
 */
final class RandomStreams {
    static final long RESISTANCE = 0x5245_5349L; // "RESI"
    static final long STUCK_AT = 0x5354_434BL;   // "STCK"
    static final long MISMATCH = 0x4D49_534DL;   // "MISM"
    static final long NOISE = 0x4E4F_4953L;      // "NOIS"

    private RandomStreams() {
    }
}
