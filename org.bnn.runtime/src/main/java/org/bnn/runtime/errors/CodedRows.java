package org.bnn.runtime.errors;

import java.util.Arrays;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.ecc.WordCode;
import org.bnn.runtime.engine.WeightMatrix;

/**
 * One layer's weights as a tile stores them under a {@link WordCode}: each neuron's row holds
 * ⌈fanIn / 64⌉ whole words of {@code code.wordBits()} stored bits, the last one padded with 0
 * data bits (words never span two rows: each row read is decoded on its own, docs/architecture.md
 * §3). A raw error is a stored bit read inverted, at the <i>stored position</i>
 * (k · words per row + w) · wordBits + b of bit b (numbered as in
 * {@link org.bnn.runtime.ecc.Codeword}: data bits first, then check bits) of word w of neuron k.
 * <p>
 * {@link #decode} turns the raw errors of one read into the weights that read sees inverted: every
 * word with a raw error is decoded by the real decoder, on the weights it really stores. A word
 * without one is clean (zero syndrome, data as stored), so only words with errors are decoded; that
 * changes no result. A word the decoder flags as uncorrectable (every double error) is used as
 * read, errors included: there is no second read. Errors in padding bits reach no weight.
 * <p>
 * Immutable and thread-safe.
 */
public final class CodedRows {
    private final WordCode code;
    private final int fanIn;
    private final int rows;
    private final int wordsPerRow;
    private final long storedBitsPerRow;
    private final long[] data;

    /** The layer {@code weights} stored in words of {@code code}. */
    public CodedRows(WordCode code, WeightMatrix weights) {
        this.code = Checks.present("CodedRows", "code", code);
        Checks.present("CodedRows", "weights", weights);
        if (code.dataBits() != Long.SIZE) {
            throw new IllegalArgumentException("CodedRows.code must store " + Long.SIZE + " data bits per word (one packed word of "
                    + "weights), got " + code.dataBits() + " (" + code.name() + ")");
        }
        this.fanIn = weights.fanIn();
        this.rows = weights.rows();
        this.data = weights.packedRows(); // row k, word w at k · wordsPerRow + w: the layout of the code's words
        this.wordsPerRow = data.length / rows;
        this.storedBitsPerRow = (long) wordsPerRow * code.wordBits();
    }

    /** Stored bits of one row, check and padding bits included. */
    public long storedBitsPerRow() {
        return storedBitsPerRow;
    }

    /** Stored bits of the layer: rows × {@link #storedBitsPerRow()}. */
    public long storedBits() {
        return rows * storedBitsPerRow;
    }

    /** Code words of the layer. */
    public long words() {
        return (long) rows * wordsPerRow;
    }

    /**
     * The weights (logical positions k · fanIn + j, ascending, each once) read inverted after
     * decoding, when the stored bits at {@code raw} (stored positions, in [0, {@link #storedBits()}),
     * ascending, each once) are read inverted.
     */
    public long[] decode(long[] raw) {
        long[] wrong = new long[Math.max(4, raw.length)];
        int count = 0;
        int wordBits = code.wordBits();
        long previous = -1;
        int i = 0;
        while (i < raw.length) {
            long word = checked(raw[i], previous) / wordBits;
            long wordStart = word * wordBits;
            long dataErrors = 0;
            long checkErrors = 0;
            for (; i < raw.length && raw[i] < wordStart + wordBits; i++) {
                int bit = (int) (checked(raw[i], previous) - wordStart);
                if (bit < Long.SIZE) {
                    dataErrors |= 1L << bit;
                } else {
                    checkErrors |= 1L << (bit - Long.SIZE);
                }
                previous = raw[i];
            }
            long residual = code.residualDataErrors(data[(int) word], dataErrors, checkErrors);
            int k = (int) (word / wordsPerRow);
            int firstWeight = (int) (word % wordsPerRow) * Long.SIZE;
            while (residual != 0) {
                int j = firstWeight + Long.numberOfTrailingZeros(residual);
                residual &= residual - 1;
                if (j >= fanIn) {
                    break; // padding: no weight, and the bits above are padding too
                }
                if (count == wrong.length) {
                    wrong = Arrays.copyOf(wrong, 2 * count);
                }
                wrong[count++] = (long) k * fanIn + j;
            }
        }
        return Arrays.copyOf(wrong, count);
    }

    /** {@code position}, after checking it is in range and follows {@code previous}. */
    private long checked(long position, long previous) {
        if (position < 0 || position >= storedBits()) {
            throw new IllegalArgumentException("CodedRows.decode: stored position " + position + " is outside [0, " + storedBits() + ")");
        }
        if (position <= previous) {
            throw new IllegalArgumentException("CodedRows.decode: stored positions must be ascending and distinct, got " + previous
                    + " then " + position);
        }
        return position;
    }

    @Override
    public String toString() {
        return "CodedRows[" + code.name() + ", " + rows + " rows of " + fanIn + " weights in " + wordsPerRow + " words]";
    }
}
