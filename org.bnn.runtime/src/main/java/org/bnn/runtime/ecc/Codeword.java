package org.bnn.runtime.ecc;

/**
 * A 72-bit SECDED codeword as stored: 64 data bits and 8 check bits. Bit positions 0–63 are the
 * data bits (bit i of {@code data}), positions 64–71 the check bits (bit i − 64 of {@code check}).
 */
public record Codeword(long data, byte check) {
    /** Bits in a codeword. */
    public static final int BITS = 72;

    /** The bit at {@code position} (0–71). */
    public boolean bit(int position) {
        checkPosition(position);
        return position < Long.SIZE ? (data >>> position & 1) != 0 : (check >>> (position - Long.SIZE) & 1) != 0;
    }

    /** This codeword with the bit at {@code position} (0–71) inverted: one bit error. */
    public Codeword flip(int position) {
        checkPosition(position);
        return position < Long.SIZE
                ? new Codeword(data ^ (1L << position), check)
                : new Codeword(data, (byte) (check ^ (1 << (position - Long.SIZE))));
    }

    private static void checkPosition(int position) {
        if (position < 0 || position >= BITS) {
            throw new IndexOutOfBoundsException("Codeword bit position must be in [0, 72), got " + position);
        }
    }
}
