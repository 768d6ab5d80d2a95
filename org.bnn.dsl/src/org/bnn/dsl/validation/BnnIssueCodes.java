package org.bnn.dsl.validation;

/**
 * Issue codes of the validator: stable identifiers that tests, quick fixes and the CLI's
 * {@code [code]} suffix refer to.
 */
public final class BnnIssueCodes {
    private static final String PREFIX = "org.bnn.dsl.";

    /** A size (rows, columns, tiles, input dimension, neurons) is zero. */
    public static final String NON_POSITIVE_SIZE = PREFIX + "nonPositiveSize";
    /** An input has more than three dimensions (height x width x channels). */
    public static final String INPUT_RANK = PREFIX + "inputRank";
    /** Two declarations in one scope have the same name. */
    public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
    /** A network has no output layer. */
    public static final String MISSING_OUTPUT_LAYER = PREFIX + "missingOutputLayer";
    /** A layer follows the output layer. */
    public static final String OUTPUT_LAYER_NOT_LAST = PREFIX + "outputLayerNotLast";
    /** The mapped network needs more tiles than the chip has. */
    public static final String MAPPING_EXCEEDS_CHIP = PREFIX + "mappingExceedsChip";

    private BnnIssueCodes() {
    }
}
