package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** Each rule once where it must fire and once where it must not. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class BnnValidatorTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    private static String design(String tile, String chip, String network) {
        return "tile T { cells " + tile + " 2T2R }\n"
                + "chip C { tiles " + chip + " of T }\n"
                + "network N {\n" + network + "\n}\n"
                + "mapping M { network N on C }\n";
    }

    private static final String MLP = "input x: 28 x 28\ndense fc1: 1024\ndense fc2: 1024\ndense fc3: 1024\noutput out: dense 10";

    @Test
    void validDesignHasNoErrorsOrWarnings() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "2880", MLP));
        validation.assertNoErrors(model);
        assertTrue(validation.validate(model).stream().allMatch(i -> i.getSeverity() == Severity.INFO));
    }

    @Test
    void tileSizesMustBePositive() throws Exception {
        Model model = parser.parse(design("0 rows x 32 columns", "10", "input x: 4\noutput o: dense 2"));
        validation.assertError(model, BNN.getTile(), BnnIssueCodes.NON_POSITIVE_SIZE, "rows must be positive, got 0");
        model = parser.parse(design("32 rows x 0 columns", "10", "input x: 4\noutput o: dense 2"));
        validation.assertError(model, BNN.getTile(), BnnIssueCodes.NON_POSITIVE_SIZE, "columns must be positive, got 0");
    }

    @Test
    void aDeviceNeedsARegime() throws Exception {
        // Without the rule this validated and then generated nothing for a mapping on it.
        Model model = parser.parse("device D { stack \"x\" node 130 nm }");
        validation.assertError(model, BNN.getDevice(), BnnIssueCodes.MISSING_REGIME,
                "Device D has no programming regime; cells of it cannot be written");
        validation.assertNoIssues(parser.parse(device("lrs lognormal(median 8 kOhm, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8)"
                + " set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7")));
    }

    @Test
    void chipTileCountMustBePositive() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "0", "input x: 4\noutput o: dense 2"));
        validation.assertError(model, BNN.getChip(), BnnIssueCodes.NON_POSITIVE_SIZE, "tile count must be positive");
        validation.assertNoError(parser.parse(design("32 rows x 32 columns", "1", "input x: 4\noutput o: dense 2")),
                BnnIssueCodes.NON_POSITIVE_SIZE);
    }

    @Test
    void inputDimensionsAndLayerSizesMustBePositive() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "10", "input x: 28 x 0\ndense d: 0\noutput o: dense 0"));
        validation.assertError(model, BNN.getInput(), BnnIssueCodes.NON_POSITIVE_SIZE, "input dimension must be positive");
        validation.assertError(model, BNN.getDenseLayer(), BnnIssueCodes.NON_POSITIVE_SIZE, "number of neurons must be positive");
        validation.assertError(model, BNN.getOutputLayer(), BnnIssueCodes.NON_POSITIVE_SIZE, "number of classes must be positive");
        // No mapping error on top: an incomplete design is not estimated.
        validation.assertNoError(model, BnnIssueCodes.MAPPING_EXCEEDS_CHIP);
    }

    @Test
    void inputsHaveAtMostThreeDimensions() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "10", "input x: 2 x 2 x 2 x 2\noutput o: dense 2"));
        validation.assertError(model, BNN.getInput(), BnnIssueCodes.INPUT_RANK, "at most 3 dimensions");
        validation.assertNoError(parser.parse(design("32 rows x 32 columns", "10", "input x: 2 x 2 x 2\noutput o: dense 2")),
                BnnIssueCodes.INPUT_RANK);
    }

    @Test
    void declarationNamesMustBeUnique() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "10", "input x: 4\noutput o: dense 2") + "chip C { tiles 3 of T }\n");
        validation.assertError(model, BNN.getChip(), BnnIssueCodes.DUPLICATE_NAME, "Duplicate declaration name 'C'");
        validation.assertNoError(parser.parse(design("32 rows x 32 columns", "10", "input x: 4\noutput o: dense 2")),
                BnnIssueCodes.DUPLICATE_NAME);
    }

    @Test
    void layerNamesMustBeUniqueWithinANetwork() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "10", "input x: 4\ndense a: 3\ndense a: 3\noutput o: dense 2"));
        validation.assertError(model, BNN.getDenseLayer(), BnnIssueCodes.DUPLICATE_NAME, "Duplicate layer name 'a'");
        model = parser.parse(design("32 rows x 32 columns", "10", "input x: 4\ndense x: 3\noutput o: dense 2"));
        validation.assertError(model, BNN.getDenseLayer(), BnnIssueCodes.DUPLICATE_NAME, "Duplicate layer name 'x'");
    }

    @Test
    void networkNeedsAnOutputLayerAtTheEnd() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "10", "input x: 4\ndense a: 3"));
        validation.assertError(model, BNN.getNetwork(), BnnIssueCodes.MISSING_OUTPUT_LAYER, "has no output layer");
        model = parser.parse(design("32 rows x 32 columns", "10", "input x: 4\noutput o: dense 2\ndense a: 3"));
        validation.assertError(model, BNN.getOutputLayer(), BnnIssueCodes.OUTPUT_LAYER_NOT_LAST, "must be the last layer");
        validation.assertNoError(parser.parse(design("32 rows x 32 columns", "10", "input x: 4\ndense a: 3\noutput o: dense 2")),
                BnnIssueCodes.OUTPUT_LAYER_NOT_LAST);
    }

    @Test
    void mappingMustFitTheChip() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "2879", MLP));
        validation.assertError(model, BNN.getMapping(), BnnIssueCodes.MAPPING_EXCEEDS_CHIP,
                "Network N needs 2880 tiles of T (32 rows x 32 columns) but chip C has 2879 (fc1 800, fc2 1024, fc3 1024, out 32)");
        validation.assertNoError(parser.parse(design("32 rows x 32 columns", "2880", MLP)), BnnIssueCodes.MAPPING_EXCEEDS_CHIP);
    }

    private static String device(String regimeBody) {
        return "device D { regime r { " + regimeBody + " } }\n";
    }

    private static final String GOOD_REGIME = "lrs lognormal(median 8 kOhm, sigma 0.25) hrs lognormal(median 180 kOhm, sigma 0.8) "
            + "set 1.8 V 100 uA 500 ns reset 1.8 V 100 uA 500 ns endurance 1e7";

    @Test
    void quantitiesNeedAUnitOfTheRightDimension() throws Exception {
        validation.assertNoIssues(parser.parse(device(GOOD_REGIME)));
        Model wrongDimension = parser.parse(device(GOOD_REGIME.replace("median 8 kOhm", "median 8 kV")));
        validation.assertError(wrongDimension, BNN.getQuantity(), BnnIssueCodes.UNIT_MISMATCH, "'kV' is not a unit of a resistance");
        Model unknown = parser.parse(device(GOOD_REGIME.replace("500 ns reset", "500 nsec reset")));
        validation.assertError(unknown, BNN.getQuantity(), BnnIssueCodes.UNIT_MISMATCH, "Unknown unit 'nsec'");
        Model missing = parser.parse(device(GOOD_REGIME.replace("1.8 V 100 uA", "1.8 100 uA")));
        validation.assertError(missing, BNN.getQuantity(), BnnIssueCodes.UNIT_MISMATCH, "A voltage needs a unit (V, mV)");
        Model countWithUnit = parser.parse(device(GOOD_REGIME.replace("endurance 1e7", "endurance 1e7 s")));
        validation.assertError(countWithUnit, BNN.getQuantity(), BnnIssueCodes.UNIT_MISMATCH, "is not a unit of a plain number");
    }

    @Test
    void impossiblePhysicsIsReportedOnTheValueAsWritten() throws Exception {
        Model model = parser.parse(device(GOOD_REGIME.replace("median 180 kOhm", "median 5 kOhm")));
        validation.assertError(model, BNN.getLogNormal(), BnnIssueCodes.PHYSICAL_RANGE, "must be greater than lrs.medianOhms");
        Model negative = parser.parse(device(GOOD_REGIME.replace("sigma 0.25", "sigma -0.25")));
        validation.assertError(negative, BNN.getLogNormal(), BnnIssueCodes.VALUE_NEGATIVE, "sigma");
    }

    @Test
    void explicitProgrammingEnergyFarFromVitIsAWarning() throws Exception {
        Model model = parser.parse(device(GOOD_REGIME.replace("set 1.8 V 100 uA 500 ns", "set 1.8 V 100 uA 500 ns energy 90 nJ")));
        validation.assertWarning(model, BNN.getPulse(), BnnIssueCodes.PROGRAMMING_ENERGY_MISMATCH, "is 1000.0x V*I*t = 9.00e-11 J");
        Model close = parser.parse(device(GOOD_REGIME.replace("set 1.8 V 100 uA 500 ns", "set 1.8 V 100 uA 500 ns energy 100 pJ")));
        validation.assertNoIssues(close);
    }

    /** The energy rule translates the pulse as the regime's rule does, so a pulse the runtime rejects is reported once, on its width. */
    @Test
    void aRejectedPulseWithAnEnergyIsReportedOnceOnItsWidth() throws Exception {
        Model model = parser.parse(device(GOOD_REGIME.replace("set 1.8 V 100 uA 500 ns", "set 1.8 V 100 uA 0 ns energy 90 pJ")));
        validation.assertError(model, BNN.getPulse(), BnnIssueCodes.VALUE_NOT_POSITIVE, "seconds");
        assertEquals(1, validation.validate(model).size(), () -> validation.validate(model).toString());
    }

    @Test
    void aSenseAmplifierSlowerThanTheRowCycleIsAWarning() throws Exception {
        String tile = "tile T { cells 32 rows x 32 columns 2T2R sense pcsa { energy 25 fJ per sense delay 20 ns } }\n";
        Model slow = parser.parse(tile + "chip C { tiles 4 of T clock 100 MHz }");
        validation.assertWarning(slow, BNN.getChip(), BnnIssueCodes.SENSE_SLOWER_THAN_ROW_CYCLE, "needs 2.00e-08 s but a row cycle");
        validation.assertNoIssues(parser.parse(tile + "chip C { tiles 4 of T clock 10 MHz }"));
    }

    @Test
    void aMappingsRegimeIsOneOfItsDevicesRegimes() throws Exception {
        String hardware = device(GOOD_REGIME) + "tile T { cells 32 rows x 32 columns 2T2R of D }\nchip C { tiles 99 of T }\n"
                + "network N { input x: 64  output o: dense 10 }\n";
        validation.assertNoErrors(parser.parse(hardware + "mapping M { network N on C regime r }"));
        Model unknown = parser.parse(hardware + "mapping M { network N on C regime strong }");
        validation.assertError(unknown, BNN.getMapping(), org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC, "strong");
    }

    private static final String CNN = "input img: 28 x 28 bitserial 8 bits\n"
            + "conv c1: 32 kernel 3 padding 1 value -1\npool p1: max 2\nconv c2: 64 kernel 3\npool p2: max 2 stride 2\n"
            + "dense fc: 128\noutput out: dense 10";

    @Test
    void convolutionalNetworksWithBitSerialInputAreValid() throws Exception {
        validation.assertNoErrors(parser.parse(design("32 rows x 32 columns", "1000", CNN)));
    }

    @Test
    void shapesMustPropagateThroughTheNetwork() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "1000", "input img: 4 x 4\nconv c: 8 kernel 5\noutput o: dense 2"));
        validation.assertError(model, BNN.getConvLayer(), BnnIssueCodes.SHAPE_MISMATCH,
                "Network N: layer c gives an output height of 0 (input 4, window 5, stride 1, padding 0)");
        Model poolFirst = parser.parse(design("32 rows x 32 columns", "1000", "input img: 4 x 4\npool p: max 2\noutput o: dense 2"));
        validation.assertError(poolFirst, BNN.getPoolLayer(), BnnIssueCodes.SHAPE_MISMATCH, "cannot pool the raw input");
    }

    @Test
    void paddingIsMinusOneOrPlusOneAndBitSerialHasOneToSixteenBits() throws Exception {
        Model zero = parser
                .parse(design("32 rows x 32 columns", "1000", "input img: 8 x 8\nconv c: 8 kernel 3 padding 1 value 0\noutput o: dense 2"));
        validation.assertError(zero, BNN.getConvLayer(), BnnIssueCodes.PADDING_VALUE, "must be -1 or +1");
        validation.assertNoErrors(parser.parse(design("32 rows x 32 columns", "1000",
                "input img: 8 x 8\nconv c: 8 kernel 3 padding 1 value +1\noutput o: dense 2")));
        Model wide = parser.parse(design("32 rows x 32 columns", "1000", "input img: 8 x 8 bitserial 17 bits\noutput o: dense 2"));
        validation.assertError(wide, BNN.getBitSerial(), BnnIssueCodes.BIT_SERIAL_WIDTH, "1 to 16 bits, got 17");
    }

    @Test
    void cellsAreConfiguredConsistently() throws Exception {
        String net = "input x: 64\noutput o: dense 10";
        validation.assertNoErrors(parser.parse(design("32 rows x 80 columns", "10", net)
                .replace("2T2R", "1T1R reference 18 kOhm ecc secded(72,64) decode energy 2 pJ per word")));
        Model noReference = parser.parse(design("32 rows x 32 columns", "10", net).replace("2T2R", "1T1R"));
        validation.assertError(noReference, BNN.getTile(), BnnIssueCodes.CELL_CONFIGURATION, "reference is required for a 1T1R cell");
        Model eccOn2T2R = parser.parse(design("32 rows x 80 columns", "10", net).replace("2T2R", "2T2R ecc secded(72,64)"));
        validation.assertError(eccOn2T2R, BNN.getTile(), BnnIssueCodes.CELL_CONFIGURATION, "cannot be used with 2T2R cells");
        Model narrow = parser.parse(design("32 rows x 64 columns", "10", net).replace("2T2R", "1T1R reference best ecc secded(72,64)"));
        validation.assertError(narrow, BNN.getTile(), BnnIssueCodes.ECC_WORD_TOO_WIDE, "needs 72 columns, tile T has 64");
    }

    @Test
    void reprogrammingTurnsTheCapacityErrorIntoAWarning() throws Exception {
        String text = design("32 rows x 32 columns", "2879", MLP).replace("network N on C }", "network N on C allow reprogramming }");
        Model model = parser.parse(text);
        validation.assertNoError(model, BnnIssueCodes.MAPPING_EXCEEDS_CHIP);
        validation.assertWarning(model, BNN.getMapping(), BnnIssueCodes.MAPPING_NEEDS_REPROGRAMMING,
                "reprogrammed while it runs, reprogramming (per inference): 2 tile writes, 2 per device");
    }

    @Test
    void poorlyUsedTilesAreReportedAsInformation() throws Exception {
        Model model = parser.parse(design("32 rows x 32 columns", "2880", MLP));
        // The output layer's 10 neurons fill 10 of 32 rows: 31 %.
        validation.assertIssue(model, BNN.getMapping(), BnnIssueCodes.LOW_TILE_UTILIZATION, Severity.INFO,
                "Layer out fills 31 % of the cells of its 32 tiles");
        validation.assertNoIssue(parser.parse(design("32 rows x 32 columns", "4096", "input x: 1024\noutput o: dense 32")),
                BNN.getMapping(), BnnIssueCodes.LOW_TILE_UTILIZATION);
    }

    @Test
    void replicatedLayersAreLayersWithWeightsOfTheMappedNetwork() throws Exception {
        String base = design("32 rows x 32 columns", "1000", CNN);
        validation.assertNoErrors(parser.parse(base.replace("network N on C }", "network N on C replicate c1 4, c2 2 }")));
        Model pool = parser.parse(base.replace("network N on C }", "network N on C replicate p1 2 }"));
        validation.assertError(pool, BNN.getReplication(), BnnIssueCodes.SHAPE_MISMATCH, "no weights to replicate");
        Model unknown = parser.parse(base.replace("network N on C }", "network N on C replicate nope 2 }"));
        validation.assertError(unknown, BNN.getReplication(), org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC, "nope");
    }

    @Test
    void sweepsAreAscendingBersAndExperimentsHaveASeed() throws Exception {
        String base = design("32 rows x 32 columns", "2880", MLP);
        Model good = parser.parse(base + "experiment E { run M on random 10 inputs sweep ber { 0, 1e-4, 0.1 } trials 2 seed 1 }");
        validation.assertNoErrors(good);
        validation.assertNoIssue(good, BNN.getExperiment(), BnnIssueCodes.EXPERIMENT_WITHOUT_SEED);
        Model descending = parser.parse(base + "experiment E { run M on random 10 inputs sweep ber { 0.1, 1e-4 } seed 1 }");
        validation.assertError(descending, BNN.getExperiment(), BnnIssueCodes.SWEEP_VALUES, "must be ascending: 1.0E-4 follows 0.1");
        Model tooHigh = parser.parse(base + "experiment E { run M on random 10 inputs sweep ber { 0.7 } seed 1 }");
        validation.assertError(tooHigh, BNN.getExperiment(), BnnIssueCodes.SWEEP_VALUES, "in [0, 0.5], got 0.7");
        Model noSeed = parser.parse(base + "experiment E { run M on random 10 inputs sweep ber { 0 } }");
        validation.assertWarning(noSeed, BNN.getExperiment(), BnnIssueCodes.EXPERIMENT_WITHOUT_SEED, "has no seed");
    }

    @Test
    void errorsPointAtTheOffendingText() throws Exception {
        String text = design("32 rows x 32 columns", "2879", MLP);
        Model model = parser.parse(text);
        var issues = validation.validate(model);
        var mappingIssue = issues.stream().filter(i -> BnnIssueCodes.MAPPING_EXCEEDS_CHIP.equals(i.getCode())).findFirst().orElseThrow();
        assertTrue(mappingIssue.getSeverity() == Severity.ERROR);
        // The error marks the chip reference 'C' in the mapping's line.
        int offset = text.indexOf("on C") + 3;
        assertTrue(mappingIssue.getOffset() == offset && mappingIssue.getLength() == 1,
                "offset " + mappingIssue.getOffset() + " length " + mappingIssue.getLength() + ", expected " + offset + " length 1");
    }
}
