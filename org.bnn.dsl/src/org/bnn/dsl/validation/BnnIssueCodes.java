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

    /** A quantity has no unit, an unknown unit, or a unit of another dimension. */
    public static final String UNIT_MISMATCH = PREFIX + "unitMismatch";
    /**
     * A physical value is impossible: values that do not fit together (HRS median not above LRS
     * median, stuck-at probabilities summing above 1), or a value a rule of the language checks
     * itself (binarization threshold, learning rate). A value the runtime rejects on its own has
     * its kind's code ({@link #VALUE_NOT_POSITIVE}, {@link #VALUE_NEGATIVE}, {@link #VALUE_NOT_FINITE},
     * {@link #VALUE_OUT_OF_RANGE}).
     */
    public static final String PHYSICAL_RANGE = PREFIX + "physicalRange";
    /**
     * A value the runtime requires above zero is zero or negative (a resistance, a pulse, an
     * endurance, a clock). Reported on the quantity as written, whatever the record holding it.
     */
    public static final String VALUE_NOT_POSITIVE = PREFIX + "valueNotPositive";
    /** A value the runtime requires to be zero or more is negative (a sigma, an energy). Reported on the quantity. */
    public static final String VALUE_NEGATIVE = PREFIX + "valueNegative";
    /** A value is too large to be a finite number (1e999). Reported on the quantity. */
    public static final String VALUE_NOT_FINITE = PREFIX + "valueNotFinite";
    /** A value lies outside its interval (a probability above 100 %). Reported on the quantity. */
    public static final String VALUE_OUT_OF_RANGE = PREFIX + "valueOutOfRange";
    /** An explicit programming energy is more than 2x away from V*I*t. */
    public static final String PROGRAMMING_ENERGY_MISMATCH = PREFIX + "programmingEnergyMismatch";
    /** The sense amplifier needs longer than one row cycle. */
    public static final String SENSE_SLOWER_THAN_ROW_CYCLE = PREFIX + "senseSlowerThanRowCycle";

    /** A conv layer's padding value is not -1 or +1. */
    public static final String PADDING_VALUE = PREFIX + "paddingValue";
    /** A bit-serial input has fewer than 1 or more than 16 bits. */
    public static final String BIT_SERIAL_WIDTH = PREFIX + "bitSerialWidth";
    /** Shapes do not propagate through the network (output size below 1, pooling misplaced, ...). */
    public static final String SHAPE_MISMATCH = PREFIX + "shapeMismatch";
    /** A cell the runtime rejects (CellTechnology.of: ECC on 2T2R, 1T1R without a reference, ...), on the cell kind. */
    public static final String CELL_CONFIGURATION = PREFIX + "cellConfiguration";
    /** An ECC word is wider than the tile. */
    public static final String ECC_WORD_TOO_WIDE = PREFIX + "eccWordTooWide";
    /** The network needs more tiles than the chip has and reprogramming is allowed. */
    public static final String MAPPING_NEEDS_REPROGRAMMING = PREFIX + "mappingNeedsReprogramming";
    /** A layer leaves most cells of its tiles empty. */
    public static final String LOW_TILE_UTILIZATION = PREFIX + "lowTileUtilization";

    /** Sweep values outside [0, 0.5] or not ascending, or trials below 1. */
    public static final String SWEEP_VALUES = PREFIX + "sweepValues";
    /** An experiment without an explicit seed cannot be reproduced on purpose. */
    public static final String EXPERIMENT_WITHOUT_SEED = PREFIX + "experimentWithoutSeed";

    /** An exploration's axis lists no value (docs/explore.md). */
    public static final String EXPLORE_EMPTY_AXIS = PREFIX + "exploreEmptyAxis";
    /** An axis value out of its range, listed twice, not a whole number, or a range that gives no values. */
    public static final String EXPLORE_AXIS_VALUES = PREFIX + "exploreAxisValues";
    /** An axis names what the mapping does not have (regimes without a device, input bits of a binarized input, ...). */
    public static final String EXPLORE_AXIS_NOT_APPLICABLE = PREFIX + "exploreAxisNotApplicable";
    /** The same thing is varied by two axes. */
    public static final String EXPLORE_DUPLICATE_AXIS = PREFIX + "exploreDuplicateAxis";
    /** Constraints no design can meet together, or one no design can meet at all. */
    public static final String EXPLORE_CONTRADICTORY_CONSTRAINTS = PREFIX + "exploreContradictoryConstraints";
    /** Objectives missing or listed twice, or an objective the exploration cannot compute. */
    public static final String EXPLORE_OBJECTIVES = PREFIX + "exploreObjectives";
    /** Sampling without a count, a grid with one, or settings the exploration rejects (errors, what sets the BER). */
    public static final String EXPLORE_SETTINGS = PREFIX + "exploreSettings";

    private BnnIssueCodes() {
    }

    /** Error level, resampling and sweep that do not fit together, or a device model the mapping cannot support. */
    public static final String ERROR_MODEL = PREFIX + "errorModel";

    /** A weights or dataset file that does not exist (yet). */
    public static final String MISSING_FILE = PREFIX + "missingFile";

    /** A weights file whose arrays do not match the network's layers. */
    public static final String WEIGHTS_SHAPE = PREFIX + "weightsShape";

    /**
     * The runtime does not build the network from a weights file whose shapes match: a layer's
     * weights are binary in the file (no {@code nonzero} mask) and ternary in the network or the
     * other way round, or its batch norm does not fold. The message is the runtime's.
     */
    public static final String WEIGHTS_REJECTED = PREFIX + "weightsRejected";

    /** A {@code weights binary|ternary} that says what holds without it (the network's values, or binary by default). Data: the values. */
    public static final String REDUNDANT_WEIGHT_VALUES = PREFIX + "redundantWeightValues";

    /** A {@code weights binary|ternary} on a layer without weights (pooling). Data: the layer. */
    public static final String WEIGHT_VALUES_WITHOUT_WEIGHTS = PREFIX + "weightValuesWithoutWeights";

    /** A {@code weights} clause of a network or layer without its values (binary or ternary). */
    public static final String WEIGHT_VALUES_MISSING = PREFIX + "weightValuesMissing";

    /** A training block that trains on the test split. */
    public static final String TRAINING_ON_TEST_SPLIT = PREFIX + "trainingOnTestSplit";

    /** A training block without a seed. */
    public static final String MISSING_SEED = PREFIX + "missingSeed";

    /** A weights file that exists but cannot be read as one (not a zip, missing entries, corrupt header). */
    public static final String UNREADABLE_FILE = PREFIX + "unreadableFile";

    /** A dataset whose images have another shape than the network's input. */
    public static final String DATASET_SHAPE = PREFIX + "datasetShape";

    /** A placed range passes the chip's last tile. Data: tiles needed, chip tile count. */
    public static final String PLACEMENT_OUTSIDE_CHIP = PREFIX + "placementOutsideChip";

    /** A placed range ends before it starts ({@code tiles 9..3}). */
    public static final String PLACEMENT_REVERSED_RANGE = PREFIX + "placementReversedRange";

    /** A placed range has fewer tiles than its layer needs. Data: tiles needed, chip tile count. */
    public static final String PLACEMENT_TOO_FEW_TILES = PREFIX + "placementTooFewTiles";

    /** Two placed ranges share tiles without reprogramming. Data: a free range of the tiles needed, if any. */
    public static final String PLACEMENT_OVERLAP = PREFIX + "placementOverlap";

    /** A layer with weights is left out of an explicit placement. Data: layer name, a free range for it, if any. */
    public static final String PLACEMENT_UNPLACED_LAYER = PREFIX + "placementUnplacedLayer";

    /** A layer without weights (pooling) is placed. */
    public static final String PLACEMENT_WITHOUT_WEIGHTS = PREFIX + "placementWithoutWeights";

    /** A network, chip, tile or device that nothing uses, in a file that runs something. */
    public static final String UNUSED_DECLARATION = PREFIX + "unusedDeclaration";

    /** A name is longer than the generated Java and its file names allow (JavaNames.MAX_NAME_LENGTH). */
    public static final String NAME_TOO_LONG = PREFIX + "nameTooLong";

    /** A quoted text is longer than a Java string constant or a path allows (JavaNames.MAX_TEXT_LENGTH). */
    public static final String TEXT_TOO_LONG = PREFIX + "textTooLong";

    /** The package cannot hold generated Java classes (java.*, javax.*, a package of the JDK). */
    public static final String RESERVED_PACKAGE = PREFIX + "reservedPackage";

    /** A data-set folder holds an IDX file both raw and gzipped, with different content. Data: the raw file. */
    public static final String DATASET_COPIES_DIFFER = PREFIX + "datasetCopiesDiffer";

    /** A data-set file that exists but does not read as IDX (truncated, longer than its header, corrupt gzip). Data: the file. */
    public static final String UNREADABLE_DATASET = PREFIX + "unreadableDataset";

    /** A device declares no programming regime, so no cell of it can be written. */
    public static final String MISSING_REGIME = PREFIX + "missingRegime";

    /**
     * A report folder or weights file outside the description's project and every allowed output
     * root. Data: the resolved place, the project root.
     */
    public static final String OUTPUT_OUTSIDE_PROJECT = PREFIX + "outputOutsideProject";

    /** A mapping puts a layer on cells that cannot hold its weights (ternary weights on 1T1R tiles). */
    public static final String CELLS_CANNOT_HOLD_WEIGHTS = PREFIX + "cellsCannotHoldWeights";

    /** A report folder or weights file that is not a path on this system. */
    public static final String OUTPUT_NOT_A_PATH = PREFIX + "outputNotAPath";

    /** A regime of a device not from measurements leaves out its lrs or hrs distribution. Data: the state. */
    public static final String MISSING_DISTRIBUTION = PREFIX + "missingDistribution";

    /** A device's measurements file is not there (or the description is not saved, so a relative path names none). */
    public static final String MEASUREMENTS_MISSING = PREFIX + "measurementsMissing";

    /** A device's measurements file cannot be read or fitted: the calibration's {@code file:line: problem}. Data: the CSV's line. */
    public static final String MEASUREMENTS_MALFORMED = PREFIX + "measurementsMalformed";

    /** A regime of a device from measurements that its file gives no fit for (no such regime, a state not measured). */
    public static final String MEASUREMENTS_NO_REGIME = PREFIX + "measurementsNoRegime";

    /** A regime of a device from measurements writes a part the fit would give; what is written wins. Data: the part. */
    public static final String MEASUREMENTS_OVERRIDDEN = PREFIX + "measurementsOverridden";

    /**
     * A device from measurements (information on its file): what was fitted. Its quick fix writes the
     * fitted parameters into the file.
     */
    public static final String MEASURED_DEVICE = PREFIX + "measuredDevice";
}
