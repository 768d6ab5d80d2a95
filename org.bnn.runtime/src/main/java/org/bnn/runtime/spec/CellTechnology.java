package org.bnn.runtime.spec;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.checks.Checks;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.ProgrammingCost;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.device.TernaryConfusion;
import org.bnn.runtime.device.TernaryReads;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.ecc.WordCode;

/**
 * How a tile stores its weights and reads them back (docs/architecture.md §3, "Cells and the
 * PCSA"). This is the one place that knows what a cell technology is: cells per weight and per
 * row, code words, folding, bit error rates before and after decoding, sense and decode energy,
 * programming, whether the device-level simulation models it, and its name. The validator, the
 * Estimator, the IDE, the generator and the reports ask it and never branch on the kind, so a
 * new technology is one more record here (ternary weights on the same 2T2R array are one:
 * {@link #forTernaryWeights}).
 * <p>
 * A <i>cell</i> is what one column of a tile row holds: a 2T2R pair or a single 1T1R device. A
 * row of fan-in N is one neuron's weights plus, with ECC, the check bits of whole code words:
 * words never span two rows, because each row read is decoded on its own.
 */
public sealed interface CellTechnology permits CellTechnology.TwoTransistorTwoResistor, CellTechnology.TwoTransistorTwoResistorTernary,
        CellTechnology.OneTransistorOneResistor, CellTechnology.OneTransistorOneResistorSecded {

    /** The name used in .bnn files ({@code 2T2R}, {@code 1T1R}); with a code, its name is added. */
    String label();

    /** Resistive devices per cell; each takes one pulse when the cell is written. */
    int devicesPerCell();

    /** The values one sense of a cell reads: 2 for binary weights (±1), 3 for ternary ones (−1, 0, +1). */
    default int weightLevels() {
        return 2;
    }

    /** For cells that read ternary weights, the threshold below which a branch discharges in the sense window; else empty. */
    default Optional<ReadReference> ternaryZeroThreshold() {
        return Optional.empty();
    }

    /**
     * The same cells holding ternary weights (docs/architecture.md §3, "Ternary weights: the zero
     * state"). Only a 2T2R pair can hold three values read in one sense; the other technologies
     * reject it, saying why.
     */
    CellTechnology forTernaryWeights();

    /**
     * The same cells with every reference (1T1R read reference, ternary zero threshold) fixed at the
     * value it takes under {@code regime}: set when the chip is designed and programmed, they do not
     * follow the distributions as the devices age ({@link org.bnn.runtime.aging.Aging}).
     */
    CellTechnology referencesSetFor(RegimeSpec regime);

    /**
     * The code each row's words are stored in, if any. The weight-level simulation then draws raw
     * errors on every stored bit (check bits included) and decodes every word as it is read
     * (docs/architecture.md §3, "SECDED(72,64)").
     */
    default Optional<WordCode> code() {
        return Optional.empty();
    }

    /** Code words in a row of fan-in {@code fanIn}: 0 without ECC, else whole words (the last one padded). */
    default long eccWordsPerRow(long fanIn) {
        return 0;
    }

    /** Cells a row of fan-in {@code fanIn} takes: one per weight, or whole code words (check bits are cells too). */
    default long cellsPerRow(long fanIn) {
        return Checks.nonNegative("CellTechnology", "fanIn", fanIn);
    }

    /**
     * Cells per stored weight in a full code word: 1, or 72/64 with SECDED(72,64). A row's exact
     * count, its last word padded, is {@link #cellsPerRow}; count cells with that.
     */
    default double cellsPerWeight() {
        return 1;
    }

    /** Columns a tile needs so that a row slice can hold one whole code word (1 without ECC). */
    default int minimumColumns() {
        return 1;
    }

    /** Column chunks of a row of fan-in {@code fanIn} on tiles of {@code columns} columns: ⌈cells per row / columns⌉. */
    default long columnChunks(long fanIn, int columns) {
        return Chunks.ceilDiv(cellsPerRow(fanIn), columns);
    }

    /**
     * The probability that one read of a stored weight is wrong, before any decoding, averaged over
     * devices, amplifiers and reads, weights ±1 equally likely ({@link BitErrorRates}; for ternary
     * weights −1, 0, +1 equally likely, {@link TernaryReads}). Stuck-at faults are included for
     * every technology.
     *
     * @param sense   the tile's sense amplifier; without one, an offset-free comparator
     * @param stuckAt the devices' stuck-at fault probabilities ({@link StuckAt#NONE} if not given)
     */
    double bitErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt);

    /** The bit error rate the network sees after decoding a raw rate {@code rawBitErrorRate}; empty without a code. */
    default OptionalDouble bitErrorRateAfterDecoding(double rawBitErrorRate) {
        return OptionalDouble.empty();
    }

    /** Energy of sensing one cell, in joules: the sense amplifier's energy per sense, if one is given. */
    default OptionalDouble joulesPerSense(Optional<SenseAmpSpec> sense) {
        return sense.map(s -> OptionalDouble.of(s.energyPerSenseJoules())).orElse(OptionalDouble.empty());
    }

    /** Energy of decoding one code word, in joules, if given; empty without a code (nothing is decoded). */
    default OptionalDouble decodeJoulesPerWord() {
        return OptionalDouble.empty();
    }

    /**
     * Cost of writing {@code cells} cells, {@code writesPerCell} times each: one pulse per device
     * ({@link ProgrammingCost#of}). {@code cells} are physical cells (from {@link #cellsPerRow} or
     * whole tiles), never weights: no code rate is applied here.
     */
    default ProgrammingCost programming(RegimeSpec regime, long cells, long writesPerCell) {
        return ProgrammingCost.of(regime, cells, devicesPerCell(), writesPerCell);
    }

    /**
     * Whether the device-level error model (a PCSA reading complementary pairs, no decoder) can
     * simulate these cells. Weight-level errors can simulate every technology (with a
     * {@link #code()}, raw errors per stored bit, decoded).
     */
    boolean supportsDeviceLevelErrors();

    /** How a weight is read under {@code regime}, in words: e.g. "2T2R, PCSA offsets included". */
    String readDescription(RegimeSpec regime, Optional<SenseAmpSpec> sense);

    /**
     * The technology a description names, as the language writes it: {@code cell} is "2T2R" or
     * "1T1R", {@code code} "secded(72,64)" if any. Rejects, naming the field, combinations no
     * technology has. Ternary weights are not a cell kind but a way of using one:
     * {@link #forTernaryWeights}.
     *
     * @param decodeJoulesPerWord energy of decoding one code word, in joules, if given
     */
    static CellTechnology of(String cell, Optional<ReadReference> reference, Optional<String> code, OptionalDouble decodeJoulesPerWord) {
        Checks.present("CellTechnology", "cell", cell);
        Checks.present("CellTechnology", "reference", reference);
        Checks.present("CellTechnology", "code", code);
        Checks.present("CellTechnology", "decodeJoulesPerWord", decodeJoulesPerWord);
        if (decodeJoulesPerWord.isPresent() && code.isEmpty()) {
            throw new SpecViolation("CellTechnology", "decodeJoulesPerWord", Problem.INCONSISTENT,
                    "CellTechnology.decodeJoulesPerWord: a decode energy needs a code to decode");
        }
        if (code.isPresent() && !code.get().equals(OneTransistorOneResistorSecded.CODE)) {
            throw new SpecViolation("CellTechnology", "code", Problem.UNKNOWN, "CellTechnology.code: unknown code \"" + code.get() + "\"");
        }
        if (cell.equals(TwoTransistorTwoResistor.LABEL)) {
            if (code.isPresent()) {
                throw new SpecViolation("CellTechnology", "code", Problem.INCONSISTENT, "CellTechnology.code: " + code.get()
                        + " cannot be used with 2T2R cells: the XNOR is computed inside the sense amplifier, before any decoder");
            }
            return reference.map(TwoTransistorTwoResistor::new).orElseGet(TwoTransistorTwoResistor::new);
        }
        if (cell.equals(OneTransistorOneResistor.LABEL)) {
            ReadReference read = reference.orElseThrow(() -> new SpecViolation("CellTechnology", "reference", Problem.MISSING,
                    "CellTechnology.reference is required for a 1T1R cell (a resistance or 'best')"));
            return code.isEmpty() ? new OneTransistorOneResistor(read) : new OneTransistorOneResistorSecded(read, decodeJoulesPerWord);
        }
        throw new SpecViolation("CellTechnology", "cell", Problem.UNKNOWN, "CellTechnology.cell: unknown cell kind \"" + cell + "\"");
    }

    /**
     * Two transistors, two resistors: the weight is a complementary pair (LRS/HRS) on the bit lines
     * BL/BLb of one column, read differentially by a precharge sense amplifier that also computes
     * the XNOR with the input bit (Hirtzlin et al., arXiv 1908.04066). No reference and no ECC: the
     * XNOR happens inside the amplifier, before any decoder could see the bits.
     * <p>
     * A binary weight is read by comparing the two branches, so no reference is needed. The
     * {@code zeroThreshold} (a tile's {@code reference}) matters only when the cells hold ternary
     * weights ({@link #forTernaryWeights}): a branch whose device is above it does not discharge
     * within the sense window. Not given, it is {@code best} ({@link TernaryReads#DEFAULT_ZERO_THRESHOLD},
     * <i>illustrative</i>).
     */
    record TwoTransistorTwoResistor(ReadReference zeroThreshold) implements CellTechnology {
        static final String LABEL = "2T2R";

        public TwoTransistorTwoResistor {
            zeroThreshold = zeroThreshold == null ? TernaryReads.DEFAULT_ZERO_THRESHOLD : zeroThreshold; // as JSON written before it
        }

        /** 2T2R cells with the default zero threshold. */
        public TwoTransistorTwoResistor() {
            this(TernaryReads.DEFAULT_ZERO_THRESHOLD);
        }

        @Override
        public String label() {
            return LABEL;
        }

        @Override
        public int devicesPerCell() {
            return 2;
        }

        /** Φ(−margin/√(σ_L² + σ_H² + PCSA offsets)), then stuck pairs ({@link BitErrorRates#twoTwoR}). */
        @Override
        public double bitErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt) {
            return sense.isPresent() ? BitErrorRates.twoTwoR(regime, sense.get(), stuckAt) : BitErrorRates.twoTwoR(regime, stuckAt);
        }

        @Override
        public CellTechnology forTernaryWeights() {
            return new TwoTransistorTwoResistorTernary(zeroThreshold);
        }

        @Override
        public CellTechnology referencesSetFor(RegimeSpec regime) {
            return new TwoTransistorTwoResistor(zeroThreshold.fixedFor(regime));
        }

        @Override
        public boolean supportsDeviceLevelErrors() {
            return true;
        }

        @Override
        public String readDescription(RegimeSpec regime, Optional<SenseAmpSpec> sense) {
            return LABEL + senseText(sense);
        }

        static String senseText(Optional<SenseAmpSpec> sense) {
            return sense.isPresent() ? ", PCSA offsets included" : ", offset-free comparator (no sense amplifier given)";
        }
    }

    /**
     * The 2T2R array holding ternary weights, read in one sense per synapse (Laborieux et al.,
     * arXiv 2007.14234): +1 is LRS/HRS on BL/BLb, −1 HRS/LRS and 0 both devices in the HRS; a
     * sense reads 0 when neither branch discharges within the window, i.e. when both devices are
     * above {@code zeroThreshold} (whose value, {@code best} by default, is <i>illustrative</i>),
     * and otherwise compares the branches as for a binary weight ({@link TernaryReads}). Cells,
     * sense energy and programming pulses are those of 2T2R: one sense per weight, one pulse per
     * device written.
     */
    record TwoTransistorTwoResistorTernary(ReadReference zeroThreshold) implements CellTechnology {
        public TwoTransistorTwoResistorTernary {
            Checks.present("TwoTransistorTwoResistorTernary", "zeroThreshold", zeroThreshold);
        }

        /** The cells, as they hold binary weights. */
        private TwoTransistorTwoResistor cells() {
            return new TwoTransistorTwoResistor(zeroThreshold);
        }

        @Override
        public String label() {
            return cells().label() + " ternary";
        }

        @Override
        public int devicesPerCell() {
            return cells().devicesPerCell();
        }

        @Override
        public int weightLevels() {
            return 3;
        }

        @Override
        public Optional<ReadReference> ternaryZeroThreshold() {
            return Optional.of(zeroThreshold);
        }

        /** These cells already hold ternary weights. */
        @Override
        public CellTechnology forTernaryWeights() {
            return this;
        }

        @Override
        public CellTechnology referencesSetFor(RegimeSpec regime) {
            return new TwoTransistorTwoResistorTernary(zeroThreshold.fixedFor(regime));
        }

        /** P(read | stored) of one sense, for every stored value ({@link TernaryReads#confusion}). */
        public TernaryConfusion confusion(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt) {
            return TernaryReads.confusion(regime, sense, stuckAt, zeroThreshold);
        }

        /** The probability that a read differs from the stored value, −1, 0, +1 equally likely ({@link TernaryConfusion#weightErrorRate}). */
        @Override
        public double bitErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt) {
            return confusion(regime, sense, stuckAt).weightErrorRate();
        }

        /**
         * The device-level simulation draws every cell's two resistances and reads them with the
         * rule of {@link org.bnn.runtime.device.TernaryPcsa} (errors.TernaryMarginSampler): the
         * sampled confusions agree with {@link #confusion}.
         */
        @Override
        public boolean supportsDeviceLevelErrors() {
            return true;
        }

        @Override
        public String readDescription(RegimeSpec regime, Optional<SenseAmpSpec> sense) {
            return label() + ", zero threshold " + resistanceText(zeroThreshold, regime) + TwoTransistorTwoResistor.senseText(sense);
        }
    }

    /**
     * One transistor, one resistor: the weight is one device, read as +1 iff its resistance is
     * below {@code reference}. The amplifier's offsets are not modelled for it (its BER is the
     * devices' against the reference).
     */
    record OneTransistorOneResistor(ReadReference reference) implements CellTechnology {
        static final String LABEL = "1T1R";

        public OneTransistorOneResistor {
            Checks.present("OneTransistorOneResistor", "reference", reference);
        }

        @Override
        public String label() {
            return LABEL;
        }

        @Override
        public int devicesPerCell() {
            return 1;
        }

        /** ½·P(LRS device reads high) + ½·P(HRS device reads low), stuck devices included ({@link BitErrorRates#oneTOneR}). */
        @Override
        public double bitErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt) {
            return BitErrorRates.oneTOneR(regime, reference.ohms(regime), stuckAt);
        }

        @Override
        public CellTechnology forTernaryWeights() {
            throw new SpecViolation("CellTechnology", "cell", Problem.INCONSISTENT,
                    "CellTechnology.cell: ternary weights need 2T2R cells; a "
                            + label() + " cell holds one device, it cannot store three values read in one sense");
        }

        @Override
        public CellTechnology referencesSetFor(RegimeSpec regime) {
            return new OneTransistorOneResistor(reference.fixedFor(regime));
        }

        /** The device-level model reads complementary pairs with a PCSA. */
        @Override
        public boolean supportsDeviceLevelErrors() {
            return false;
        }

        @Override
        public String readDescription(RegimeSpec regime, Optional<SenseAmpSpec> sense) {
            return label() + ", " + referenceText(regime);
        }

        String referenceText(RegimeSpec regime) {
            return "reference " + resistanceText(reference, regime);
        }
    }

    /**
     * 1T1R cells protected by SECDED(72,64) ({@link Secded7264}): each row holds whole words of 64
     * weights and 8 check bits, decoded digitally after the sense and before XNOR and popcount.
     * The cells are those of {@link OneTransistorOneResistor}; the code adds cells, decodes and a
     * lower bit error rate.
     *
     * @param decodeJoulesPerWord energy of decoding one word, in joules, if given
     */
    record OneTransistorOneResistorSecded(ReadReference reference, OptionalDouble decodeJoulesPerWord) implements CellTechnology {
        static final String CODE = Secded7264.NAME;
        private static final int WORD_CELLS = Secded7264.WORD_CODE.wordBits();

        public OneTransistorOneResistorSecded {
            Checks.present("OneTransistorOneResistorSecded", "reference", reference);
            Checks.nonNegativeFinite("OneTransistorOneResistorSecded", "decodeJoulesPerWord",
                    Checks.present("OneTransistorOneResistorSecded", "decodeJoulesPerWord", decodeJoulesPerWord));
        }

        /** The cells without their code. */
        private OneTransistorOneResistor cells() {
            return new OneTransistorOneResistor(reference);
        }

        @Override
        public String label() {
            return cells().label() + " + " + CODE;
        }

        @Override
        public int devicesPerCell() {
            return cells().devicesPerCell();
        }

        @Override
        public Optional<WordCode> code() {
            return Optional.of(Secded7264.WORD_CODE);
        }

        @Override
        public long eccWordsPerRow(long fanIn) {
            return Chunks.ceilDiv(fanIn, Secded7264.DATA_BITS);
        }

        @Override
        public long cellsPerRow(long fanIn) {
            return Math.multiplyExact(eccWordsPerRow(fanIn), WORD_CELLS);
        }

        @Override
        public double cellsPerWeight() {
            return (double) WORD_CELLS / Secded7264.DATA_BITS;
        }

        @Override
        public int minimumColumns() {
            return WORD_CELLS;
        }

        @Override
        public double bitErrorRate(RegimeSpec regime, Optional<SenseAmpSpec> sense, StuckAt stuckAt) {
            return cells().bitErrorRate(regime, sense, stuckAt);
        }

        @Override
        public CellTechnology forTernaryWeights() {
            return cells().forTernaryWeights();
        }

        @Override
        public CellTechnology referencesSetFor(RegimeSpec regime) {
            return new OneTransistorOneResistorSecded(reference.fixedFor(regime), decodeJoulesPerWord);
        }

        /** p·[1 − (1−p)^71], the binomial approximation of {@link Secded7264#residualBitErrorRate}. */
        @Override
        public OptionalDouble bitErrorRateAfterDecoding(double rawBitErrorRate) {
            return OptionalDouble.of(Secded7264.residualBitErrorRate(rawBitErrorRate));
        }

        /** Device-level errors model 2T2R cells only; weight-level errors are drawn per stored bit and decoded. */
        @Override
        public boolean supportsDeviceLevelErrors() {
            return false;
        }

        @Override
        public String readDescription(RegimeSpec regime, Optional<SenseAmpSpec> sense) {
            return label() + ", " + cells().referenceText(regime);
        }
    }

    /** A resistance {@code reference} resolves to under {@code regime}, as "18.0 kOhm", with " (best)" when searched. */
    private static String resistanceText(ReadReference reference, RegimeSpec regime) {
        double ohms = reference.ohms(regime);
        String value = ohms >= 1e3 ? String.format(Locale.ROOT, "%.3g kOhm", ohms / 1e3) : String.format(Locale.ROOT, "%.3g Ohm", ohms);
        return value + (reference instanceof ReadReference.Best ? " (best)" : "");
    }
}
