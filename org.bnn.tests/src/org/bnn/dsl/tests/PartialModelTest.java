package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.validation.BnnIssueCodes;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * Validation of models that a syntax error left incomplete: every rule must stop quietly on a
 * missing part (the parser or the linker reports it), never fail the validation with an exception
 * (which Xtext turns into a bogus "Error executing EValidator" diagnostic and a logged stack
 * trace), and never name a declaration "null".
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class PartialModelTest {
    /** One of everything the language has: every rule runs on it. */
    private static final String COMPLETE = """
            package lab.partial
            device D {
                stack "TiN/HfO2/Ti/TiN"
                node 130 nm
                regime r {
                    lrs lognormal(median 4 kOhm, sigma 0.15)
                    hrs lognormal(median 120 kOhm, sigma 0.70)
                    set 2.0 V 200 uA 1 us
                    reset 2.0 V 200 uA 1 us energy 0.4 nJ
                    endurance 1e6
                }
                stuck at lrs 0.001 hrs 0.002
            }
            tile T {
                cells 32 rows x 32 columns 2T2R of D
                sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }
                popcount energy 20 fJ per input bit
                row cycle 1 clock
            }
            tile E { cells 72 rows x 72 columns 1T1R reference 18 kOhm ecc secded(72,64) decode energy 2 pJ per word }
            chip C { tiles 64 of T clock 100 MHz threshold energy 0.2 pJ per compare buffer energy 0.2 pJ per bit }
            network N {
                input x: 8 x 8 bitserial 4 bits
                conv c: 4 kernel 3 padding 1 value -1
                pool p: max 2
                dense d: 16
                output o: dense 10
            }
            mapping M { network N on C regime r place c -> tiles 0..1, d -> tiles 2..3, o -> tile 4 }
            mapping R { network N on C replicate c 2 allow reprogramming }
            experiment X { run M on random 20 inputs errors device-level resample per-chip sweep regime { r } trials 2 seed 7 }
            experiment B { run R on random 20 inputs errors weight-level resample per-inference in d sweep ber { 0, 1e-3 } seed 7 }
            network Digits { input x: 28 x 28 bitserial 4 bits dense d: 16 output o: dense 10 }
            training L { network Digits on mnist("data") train epochs 1 batch 10 adam 1e-3 to 1e-4 seed 1 save "w.npz" }
            """;

    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|[A-Za-z_][A-Za-z_0-9-]*|[0-9][0-9.eE+-]*|\\S");

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    @Test
    void theCompleteModelValidatesWithoutErrors() throws Exception {
        List<Issue> issues = validation.validate(parser.parse(COMPLETE));
        assertEquals(List.of(), issues.stream().filter(i -> i.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR)
                .filter(i -> !i.getMessage().contains("data")).toList()); // the dataset folder is missing by design
    }

    @Test
    void aMissingQuantityInARegimeOrASenseAmplifierIsASyntaxErrorOnly() throws Exception {
        for (String broken : List.of(COMPLETE.replace("endurance 1e6", "endurnce 1e6"), COMPLETE.replace("sigma 0.70", "sigm 0.70"),
                COMPLETE.replace("energy 25 fJ", "enrgy 25 fJ"), COMPLETE.replace("delay 2 ns", "dlay 2 ns"),
                COMPLETE.replace("hrs 0.002", "hsr 0.002"))) {
            List<Issue> issues = validation.validate(parser.parse(broken));
            assertSound(broken, issues);
            assertTrue(issues.stream().anyMatch(i -> i.getCode() != null && i.getCode().contains("Syntax")), broken);
        }
    }

    /** Each token left out in turn, and the text cut after each token: every rule meets every partial model. */
    @Test
    void everyModelWithATokenLeftOutOrCutShortValidatesWithoutException() throws Exception {
        List<int[]> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(COMPLETE);
        while (matcher.find()) {
            tokens.add(new int[] {matcher.start(), matcher.end()});
        }
        assertTrue(tokens.size() > 250, "the model has " + tokens.size() + " tokens");
        for (int[] token : tokens) {
            String without = COMPLETE.substring(0, token[0]) + COMPLETE.substring(token[1]);
            assertSound(without, issuesOf(without));
            String cut = COMPLETE.substring(0, token[1]);
            assertSound(cut, issuesOf(cut));
        }
    }

    @Test
    void aDeclarationWithoutNameIsCalledThisNetworkNotNull() throws Exception {
        String text = """
                network { input i: 4 dense h: 3 }
                tile T { cells 8 rows x 8 columns 2T2R }
                chip { tiles 4 of T }
                mapping { network N on C }
                experiment { run M on random 5 inputs sweep ber { 0 } }
                """;
        List<Issue> issues = validation.validate(parser.parse(text));
        assertSound(text, issues);
        assertTrue(issues.stream().anyMatch(i -> BnnIssueCodes.MISSING_OUTPUT_LAYER.equals(i.getCode())
                && i.getMessage().startsWith("This network has no output layer")), issues::toString);
    }

    /** The issues of a text; none when it is too short to make a model (a lone "package"). */
    private List<Issue> issuesOf(String text) throws Exception {
        Model model = parser.parse(text);
        return model == null ? List.of() : validation.validate(model);
    }

    private static void assertSound(String text, List<Issue> issues) {
        for (Issue issue : issues) {
            String message = String.valueOf(issue.getMessage());
            assertTrue(!message.contains("EValidator") && !message.matches("(?s).*\\bnull\\b.*"),
                    () -> "\"" + message + "\" on\n" + text);
        }
    }
}
