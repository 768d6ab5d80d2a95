package org.bnn.runtime.tests.ecc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.runtime.ecc.Codeword;
import org.bnn.runtime.ecc.DecodeStatus;
import org.bnn.runtime.ecc.Decoded;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.random.KeyedRandom;
import org.junit.jupiter.api.Test;

/** The (72,64) SECDED decoder, exhaustively over one-, two- and three-bit errors. */
class Secded7264Test {
    private static final long[] WORDS = {
        0L, -1L, 0x0123_4567_89AB_CDEFL, 0x8000_0000_0000_0001L, 0x5555_5555_5555_5555L,
        KeyedRandom.bits(42, 0), KeyedRandom.bits(42, 1),
    };

    @Test
    void cleanWordsDecodeAsThemselves() {
        for (long data : WORDS) {
            Codeword codeword = Secded7264.encode(data);
            assertEquals(data, codeword.data());
            assertEquals(new Decoded(data, DecodeStatus.CLEAN), Secded7264.decode(codeword));
        }
    }

    @Test
    void everySingleBitErrorIsCorrected() {
        for (long data : WORDS) {
            Codeword codeword = Secded7264.encode(data);
            for (int position = 0; position < Codeword.BITS; position++) {
                Codeword received = codeword.flip(position);
                assertNotEquals(codeword, received);
                assertEquals(new Decoded(data, DecodeStatus.CORRECTED), Secded7264.decode(received),
                        "data " + Long.toHexString(data) + ", error at " + position);
            }
        }
    }

    @Test
    void everyDoubleBitErrorIsDetected() {
        for (long data : WORDS) {
            Codeword codeword = Secded7264.encode(data);
            int pairs = 0;
            for (int first = 0; first < Codeword.BITS; first++) {
                for (int second = first + 1; second < Codeword.BITS; second++) {
                    Codeword received = codeword.flip(first).flip(second);
                    // Detected, and the data are left exactly as received.
                    assertEquals(new Decoded(received.data(), DecodeStatus.UNCORRECTABLE), Secded7264.decode(received),
                            "data " + Long.toHexString(data) + ", errors at " + first + " and " + second);
                    pairs++;
                }
            }
            assertEquals(2556, pairs);
        }
    }

    /**
     * Three errors are never taken for a clean word nor repaired; a real decoder miscorrects some
     * of them (adding a fourth wrong bit) and flags the rest. Both must happen: no idealisation.
     */
    @Test
    void tripleErrorsAreEitherMiscorrectedOrDetected() {
        long data = WORDS[2];
        Codeword codeword = Secded7264.encode(data);
        int miscorrected = 0;
        int detected = 0;
        for (int a = 0; a < Codeword.BITS; a++) {
            for (int b = a + 1; b < Codeword.BITS; b++) {
                for (int c = b + 1; c < Codeword.BITS; c++) {
                    Codeword received = codeword.flip(a).flip(b).flip(c);
                    Decoded decoded = Secded7264.decode(received);
                    assertNotEquals(DecodeStatus.CLEAN, decoded.status());
                    assertNotEquals(data, decoded.data());
                    if (decoded.status() == DecodeStatus.CORRECTED) {
                        miscorrected++;
                        // The miscorrection inverts one more bit: at most one data bit changed.
                        assertTrue(Long.bitCount(decoded.data() ^ received.data()) <= 1);
                    } else {
                        detected++;
                    }
                }
            }
        }
        System.out.printf("triple errors: %d miscorrected, %d detected of %d%n", miscorrected, detected, 59640);
        assertEquals(59640, miscorrected + detected);
        assertTrue(miscorrected > 0 && detected > 0);
    }

    @Test
    void codewordBitsAreAddressedByPosition() {
        Codeword codeword = new Codeword(1L << 5, (byte) 0b1000_0001);
        assertTrue(codeword.bit(5));
        assertTrue(codeword.bit(64));
        assertTrue(codeword.bit(71));
        assertEquals(new Codeword(0, (byte) 0b1000_0001), codeword.flip(5));
        assertEquals(new Codeword(1L << 5, (byte) 0b0000_0001), codeword.flip(71));
        assertThrows(IndexOutOfBoundsException.class, () -> codeword.flip(72));
        assertThrows(IndexOutOfBoundsException.class, () -> codeword.bit(-1));
    }

    /** Flipping a position inverts that bit, and only it, in the data and in the check byte alike. */
    @Test
    void flipInvertsExactlyTheBitThatBitReads() {
        Codeword codeword = Secded7264.encode(WORDS[2]);
        for (int position = 0; position < Codeword.BITS; position++) {
            Codeword flipped = codeword.flip(position);
            for (int other = 0; other < Codeword.BITS; other++) {
                assertEquals(codeword.bit(other) != (other == position), flipped.bit(other),
                        "bit " + other + " after flipping " + position);
            }
        }
        Codeword zero = new Codeword(0, (byte) 0);
        for (int position = 0; position < Codeword.BITS; position++) {
            assertFalse(zero.bit(position), "bit " + position + " of the zero codeword");
        }
    }
}
