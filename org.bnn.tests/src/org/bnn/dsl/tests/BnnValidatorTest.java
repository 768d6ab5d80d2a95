package org.bnn.dsl.tests;

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
    void validDesignHasNoIssues() throws Exception {
        validation.assertNoIssues(parser.parse(design("32 rows x 32 columns", "2880", MLP)));
    }

    @Test
    void tileSizesMustBePositive() throws Exception {
        Model model = parser.parse(design("0 rows x 32 columns", "10", "input x: 4\noutput o: dense 2"));
        validation.assertError(model, BNN.getTile(), BnnIssueCodes.NON_POSITIVE_SIZE, "rows must be positive, got 0");
        model = parser.parse(design("32 rows x 0 columns", "10", "input x: 4\noutput o: dense 2"));
        validation.assertError(model, BNN.getTile(), BnnIssueCodes.NON_POSITIVE_SIZE, "columns must be positive, got 0");
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
    void impossiblePhysicsIsReportedOnTheRegime() throws Exception {
        Model model = parser.parse(device(GOOD_REGIME.replace("median 180 kOhm", "median 5 kOhm")));
        validation.assertError(model, BNN.getRegime(), BnnIssueCodes.PHYSICAL_RANGE, "must be greater than lrs.medianOhms");
        Model negative = parser.parse(device(GOOD_REGIME.replace("sigma 0.25", "sigma -0.25")));
        validation.assertError(negative, BNN.getRegime(), BnnIssueCodes.PHYSICAL_RANGE, "sigma");
    }

    @Test
    void explicitProgrammingEnergyFarFromVitIsAWarning() throws Exception {
        Model model = parser.parse(device(GOOD_REGIME.replace("set 1.8 V 100 uA 500 ns", "set 1.8 V 100 uA 500 ns energy 90 nJ")));
        validation.assertWarning(model, BNN.getPulse(), BnnIssueCodes.PROGRAMMING_ENERGY_MISMATCH, "is 1000.0x V*I*t = 9.00e-11 J");
        Model close = parser.parse(device(GOOD_REGIME.replace("set 1.8 V 100 uA 500 ns", "set 1.8 V 100 uA 500 ns energy 100 pJ")));
        validation.assertNoIssues(close);
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
        validation.assertNoIssues(parser.parse(hardware + "mapping M { network N on C regime r }"));
        Model unknown = parser.parse(hardware + "mapping M { network N on C regime strong }");
        validation.assertError(unknown, BNN.getMapping(), org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC, "strong");
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
