package org.bnn.runtime.ecc;

/**
 * A block code that stores data in fixed-size words, as a tile row stores a neuron's weights when
 * its cells carry a code ({@link org.bnn.runtime.spec.CellTechnology#code()}). The simulator draws
 * raw errors on every stored bit (check bits included) and asks the code what each read word
 * decodes to.
 * <p>
 * Stored bit positions within a word follow {@link Codeword}: 0 .. dataBits − 1 are the data bits,
 * dataBits .. wordBits − 1 the check bits.
 */
public interface WordCode {

    /** Data bits per word (64 for every code the simulator packs weights into). */
    int dataBits();

    /** Stored bits per word, check bits included. */
    int wordBits();

    /** The name used in .bnn files, e.g. {@code secded(72,64)}. */
    String name();

    /**
     * The data bits read wrong after decoding: the word storing {@code data} is read with the data
     * bits in {@code dataErrors} and the check bits in {@code checkErrors} (bit i = check bit i)
     * inverted, and decoded by the real decoder. The result is the decoded data XOR {@code data}.
     */
    long residualDataErrors(long data, long dataErrors, long checkErrors);
}
