package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bnn.dsl.bnn.BnnPackage;
import org.bnn.dsl.bnn.Device;
import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.bnn.Regime;
import org.bnn.dsl.spec.SpecTranslator.Rejection;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.bnn.dsl.validation.RejectionSites;
import org.bnn.dsl.validation.RejectionSites.Site;
import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * A value the runtime rejects is reported on the value as written (line, column and length of the
 * offending quantity), under the issue code of the kind of problem: the validator learns the
 * record, field and kind from the runtime's {@link SpecViolation}, never from its message.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class RejectionSitesTest {
    private static final BnnPackage BNN = BnnPackage.eINSTANCE;

    private static final String DESIGN = """
            device D {
                regime r {
                    lrs lognormal(median 8 kOhm, sigma 0.25)
                    hrs lognormal(median 180 kOhm, sigma 0.8)
                    set 1.8 V 100 uA 500 ns
                    reset 1.7 V 90 uA 400 ns
                    endurance 1e7
                }
                stuck at lrs 0.1 % hrs 0.2 %
            }
            tile T {
                cells 32 rows x 32 columns 1T1R reference 40 kOhm of D
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 1 ns }
                popcount energy 1 fJ per input bit
            }
            chip C {
                tiles 8 of T
                clock 100 MHz
                threshold energy 1 fJ per compare
            }
            network N {
                input x: 8 x 8
                conv c1: 4 kernel 3
                output o: dense 2
            }
            mapping M { network N on C regime r }
            """;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    @Test
    void theDesignIsValid() throws Exception {
        Model model = parser.parse(DESIGN);
        validation.assertNoErrors(model);
        assertTrue(validation.validate(model).stream().noneMatch(i -> i.getSeverity() == Severity.WARNING),
                () -> validation.validate(model).toString());
    }

    @Test
    void aNegativeSigmaIsReportedOnTheSigmaOfItsDistribution() throws Exception {
        assertErrorAt("lrs lognormal(median 8 kOhm, sigma 0.25)", "lrs lognormal(median 8 kOhm, sigma -0.25)", "-0.25",
                BnnIssueCodes.VALUE_NEGATIVE, "LogNormal.sigma must be non-negative and finite, got -0.25");
    }

    @Test
    void anInfiniteMedianIsNotFinite() throws Exception {
        assertErrorAt("median 8 kOhm", "median 1e999 kOhm", "1e999 kOhm", BnnIssueCodes.VALUE_NOT_FINITE,
                "LogNormal.medianOhms must be positive and finite, got Infinity");
    }

    /** Values that do not fit together keep the rule's code; the error is on the HRS median, not on the regime's name. */
    @Test
    void anHrsMedianBelowTheLrsMedianIsReportedOnTheHrsMedian() throws Exception {
        assertErrorAt("median 180 kOhm", "median 5 kOhm", "5 kOhm", BnnIssueCodes.PHYSICAL_RANGE,
                "RegimeSpec(r).hrs.medianOhms must be greater than lrs.medianOhms = 8000.0, got 5000.0");
    }

    @Test
    void aZeroEnduranceIsReportedOnTheEndurance() throws Exception {
        assertErrorAt("endurance 1e7", "endurance 0", "0", BnnIssueCodes.VALUE_NOT_POSITIVE,
                "RegimeSpec(r).enduranceCycles must be positive and finite, got 0.0");
    }

    /** The RESET pulse, not the SET pulse written the same way above it: the element that built the record says which. */
    @Test
    void aZeroWidthIsReportedOnThePulseThatHasIt() throws Exception {
        assertErrorAt("reset 1.7 V 90 uA 400 ns", "reset 1.7 V 90 uA 0 ns", "0 ns", BnnIssueCodes.VALUE_NOT_POSITIVE,
                "Pulse.seconds must be positive and finite, got 0.0");
    }

    @Test
    void aStuckAtProbabilityAboveOneIsOutOfRange() throws Exception {
        assertErrorAt("hrs 0.2 %", "hrs 150 %", "150 %", BnnIssueCodes.VALUE_OUT_OF_RANGE,
                "StuckAt.stuckAtHrsProbability must be in [0, 1], got 1.5");
    }

    @Test
    void aNegativeSenseDelayIsReportedOnTheDelay() throws Exception {
        assertErrorAt("delay 1 ns", "delay -1 ns", "-1 ns", BnnIssueCodes.VALUE_NEGATIVE,
                "SenseAmpSpec.delaySeconds must be non-negative and finite, got -1.0E-9");
    }

    @Test
    void aNegativeReferenceIsReportedOnTheReference() throws Exception {
        assertErrorAt("reference 40 kOhm", "reference -40 kOhm", "-40 kOhm", BnnIssueCodes.VALUE_NOT_POSITIVE,
                "ReadReference.Fixed.ohms must be positive and finite, got -40000.0");
    }

    /** No rule reported these before: a mapping on the tile or chip just had no estimate. */
    @Test
    void aTileAndAChipReportTheirOwnRejectedValues() throws Exception {
        assertErrorAt("popcount energy 1 fJ", "popcount energy -1 fJ", "-1 fJ", BnnIssueCodes.VALUE_NEGATIVE,
                "TileSpec.popcountJoulesPerInputBit must be non-negative and finite, got -1.0E-15");
        assertErrorAt("clock 100 MHz", "clock 0 MHz", "0 MHz", BnnIssueCodes.VALUE_NOT_POSITIVE,
                "ChipSpec.clockHz must be positive and finite, got 0.0");
    }

    @Test
    void aLayerWhoseOutputDoesNotExistIsReportedOnItsName() throws Exception {
        assertErrorAt("conv c1: 4 kernel 3", "conv c1: 4 kernel 9", "c1", BnnIssueCodes.SHAPE_MISMATCH,
                "Network N: layer c1 gives an output height of 0 (input 8, window 9, stride 1, padding 0)");
    }

    /** No rule of the language checked that a learning rate is finite; the runtime's check now reaches the setting. */
    @Test
    void anInfiniteLearningRateIsReportedOnTheRate() throws Exception {
        String training = """
                network N { input x: 28 x 28 dense h: 16 output o: dense 10 }
                training L {
                    network N on mnist("data") train
                    adam 3e-3 to 1e-5
                    seed 1
                    save "w.npz"
                }
                """;
        assertErrorAt(training, "adam 3e-3", "adam 1e999", "1e999", BnnIssueCodes.VALUE_NOT_FINITE,
                "Training L cannot run: TrainingSpec.learningRate must be positive and finite, got Infinity");
    }

    /** A field the table does not know, or a violation without the element that built it, is reported on the rule's fallback. */
    @Test
    void anUnknownFieldFallsBackToTheEnclosingElement() throws Exception {
        Model model = parser.parse(DESIGN);
        Device device = (Device) model.getElements().get(0);
        Regime regime = device.getRegimes().get(0);
        Site fallback = new Site(regime, BNN.getRegime_Name());
        SpecViolation unknown = new SpecViolation("RegimeSpec(r)", "colour", Problem.OUT_OF_RANGE, "RegimeSpec(r).colour is wrong");
        assertSame(fallback,
                RejectionSites.of(new Rejection(unknown.getMessage(), Optional.of(unknown), Optional.of(regime)), regime, fallback));
        SpecViolation known = new SpecViolation("RegimeSpec(r)", "enduranceCycles", Problem.NOT_POSITIVE, "...");
        assertSame(fallback, RejectionSites.of(new Rejection(known.getMessage(), Optional.of(known), Optional.empty()), regime, fallback));
        assertSame(fallback, RejectionSites.of(new Rejection("untyped", Optional.empty(), Optional.of(regime)), regime, fallback));
        // a value written outside the element being validated is that element's rules' to report
        SpecViolation stuck = new SpecViolation("StuckAt", "stuckAtLrsProbability", Problem.OUT_OF_RANGE, "...");
        assertSame(fallback,
                RejectionSites.of(new Rejection(stuck.getMessage(), Optional.of(stuck), Optional.of(device)), regime, fallback));
        assertEquals(new Site(regime, BNN.getRegime_Endurance()),
                RejectionSites.of(new Rejection(known.getMessage(), Optional.of(known), Optional.of(regime)), regime, fallback));
        assertEquals(BnnIssueCodes.ERROR_MODEL, RejectionSites.issueCode(new Rejection("untyped", Optional.empty(), Optional.empty()),
                BnnIssueCodes.ERROR_MODEL));
    }

    /**
     * Replaces {@code from} (once in the design) by {@code to} and expects exactly one error, with
     * {@code code} and {@code message}, on {@code value} (a part of {@code to}): its line, column,
     * offset and length.
     */
    private void assertErrorAt(String from, String to, String value, String code, String message) throws Exception {
        assertErrorAt(DESIGN, from, to, value, code, message);
    }

    private void assertErrorAt(String design, String from, String to, String value, String code, String message) throws Exception {
        assertEquals(design.indexOf(from), design.lastIndexOf(from), from + " is not unique");
        String text = design.replace(from, to);
        int offset = text.indexOf(to) + to.indexOf(value);
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
        List<Issue> errors = validation.validate(parser.parse(text)).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> to + ": " + errors);
        Issue error = errors.get(0);
        assertEquals(code, error.getCode(), () -> to + ": " + error);
        assertEquals(message, error.getMessage(), () -> to + ": " + error);
        assertEquals(line, error.getLineNumber(), () -> to + ": " + error);
        assertEquals(column, error.getColumn(), () -> to + ": " + error);
        assertEquals(offset, error.getOffset(), () -> to + ": " + error);
        assertEquals(value.length(), error.getLength(), () -> to + ": " + error);
    }
}
