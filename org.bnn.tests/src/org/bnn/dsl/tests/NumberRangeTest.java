package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** Whole numbers beyond the int range: one diagnostic naming the setting and the limit, on the number. */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class NumberRangeTest {
    private static final String DESIGN = """
            tile T { cells ROWS rows x 32 columns 2T2R row cycle CYCLE clocks }
            chip C { tiles TILES of T }
            network N { input x: DIM x 4 bitserial BITS bits  conv c: 2 kernel KERNEL stride 1  output o: dense UNITS }
            mapping M { network N on C replicate c COPIES }
            experiment E { run M on random COUNT inputs sweep ber { 0 } trials TRIALS seed SEED }
            training L { network N on mnist("d") train epochs EPOCHS batch BATCH seed SEED norm statistics over STATS batches save "w.npz" }
            """;
    private static final List<String> SETTINGS = List.of("ROWS", "CYCLE", "TILES", "DIM", "BITS", "KERNEL", "UNITS", "COPIES", "COUNT",
            "TRIALS", "SEED", "EPOCHS", "BATCH", "STATS");

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    @Test
    void aSeedBeyondTheIntRangeIsOutOfRangeNotANumberFormatError() throws Exception {
        List<Issue> issues = validation.validate(parser.parse(
                "experiment E { run M on random 5 inputs sweep ber { 0 } seed 99999999999 }"));
        List<String> syntax = issues.stream().filter(i -> i.getCode().endsWith("Syntax")).map(Issue::getMessage).toList();
        assertEquals(List.of("seed 99999999999 is out of range: at most 2147483647"), syntax);
        assertEquals(1, issues.stream().filter(i -> i.getMessage().contains("99999999999")).findFirst().orElseThrow().getLineNumber());
    }

    @Test
    void everyWholeNumberOfTheLanguageReportsItsSettingWhenTooLarge() throws Exception {
        for (String setting : SETTINGS) {
            String text = DESIGN.replace(setting, "2147483648");
            for (String other : SETTINGS) {
                text = text.replace(other, "2");
            }
            List<String> syntax = validation.validate(parser.parse(text)).stream().filter(i -> i.getCode().endsWith("Syntax"))
                    .map(Issue::getMessage).toList();
            assertEquals(DESIGN.split(setting, -1).length - 1, syntax.size(), setting + ": " + syntax);
            for (String message : syntax) {
                assertEquals(true, message.matches("[a-z ]+ 2147483648 is out of range: at most 2147483647"), setting + ": " + syntax);
            }
        }
    }

    @Test
    void theLargestIntIsAccepted() throws Exception {
        Model model = parser.parse("experiment E { run M on random 5 inputs sweep ber { 0 } seed 2147483647 }");
        assertEquals(List.of(), validation.validate(model).stream().filter(i -> i.getCode().endsWith("Syntax")).toList());
    }
}
