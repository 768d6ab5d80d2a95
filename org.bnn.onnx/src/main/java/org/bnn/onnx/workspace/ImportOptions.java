package org.bnn.onnx.workspace;

/**
 * What an import is asked for besides the model and the folder.
 *
 * @param name the network's name, or null for one made from the model's file name
 * @param chip the chip to map onto, by name or qualified name, or null for the first of the presets
 * @param inputBits bits of a real-valued input, fed bit-serially
 * @param dataset the experiment's data as the language writes it, or null for a commented experiment
 * @param overwrite whether existing NAME.bnn and NAME.npz may be replaced
 */
public record ImportOptions(String name, String chip, int inputBits, String dataset, boolean overwrite) {
    /** The bits of a real-valued input when nobody says (8-bit images). */
    public static final int DEFAULT_INPUT_BITS = 8;

    /** Name from the file name, first chip of the presets, 8-bit inputs, no data set, no overwriting. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, null, DEFAULT_INPUT_BITS, null, false);
    }
}
