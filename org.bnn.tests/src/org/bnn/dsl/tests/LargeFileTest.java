package org.bnn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.bnn.Model;
import org.bnn.dsl.validation.BnnIssueCodes;
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
 * A file of 20,000 declarations, complete or cut short, parses and validates in seconds: no rule
 * may be quadratic in the number of declarations (the unused-declaration check was). The bound
 * is generous (the acceptance figure is 10 s, measured with {@code bnn check}; a test machine
 * shared by many builds was seen at 60 s), while the quadratic check took over 5 minutes there.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(BnnInjectorProvider.class)
class LargeFileTest {
    private static final int PER_KIND = 5_000;
    private static final long BOUND_MILLIS = 120_000;

    @Inject
    private ParseHelper<Model> parser;
    @Inject
    private ValidationTestHelper validation;

    /**
     * One mapping of the first network on the first chip (first, so that a cut file still runs
     * something and is checked for unused declarations), then {@code count} each of devices,
     * tiles, chips and networks.
     */
    static String declarations(int count) {
        StringBuilder text = new StringBuilder("package big\nmapping M {\n    network N0 on C0\n    regime r\n}\n");
        for (int i = 0; i < count; i++) {
            text.append("device D").append(i).append(" {\n    regime r {\n")
                    .append("        lrs lognormal(median 4 kOhm, sigma 0.15)\n        hrs lognormal(median 120 kOhm, sigma 0.70)\n")
                    .append("        set 2.0 V 200 uA 1 us\n        reset 2.0 V 200 uA 1 us\n        endurance 1e6\n    }\n}\n");
            text.append("tile T").append(i).append(" {\n    cells 32 rows x 32 columns 2T2R of D").append(i)
                    .append("\n    sense pcsa { energy 25 fJ per sense delay 2 ns }\n}\n");
            text.append("chip C").append(i).append(" {\n    tiles 64 of T").append(i).append("\n    clock 100 MHz\n}\n");
            text.append("network N").append(i).append(" {\n    input x: 8 x 8\n    dense h: 16\n    output o: dense 10\n}\n");
        }
        return text.toString();
    }

    @Test
    void twentyThousandDeclarationsValidateInSeconds() throws Exception {
        List<Issue> issues = timedValidation(declarations(PER_KIND));
        assertEquals(List.of(), issues.stream().filter(issue -> issue.getSeverity() == Severity.ERROR).toList());
        // every chip and network but the mapped ones is unused (each device and tile is used by a tile and a chip)
        assertEquals(2 * PER_KIND - 2, issues.stream().filter(issue -> BnnIssueCodes.UNUSED_DECLARATION.equals(issue.getCode())).count());
    }

    @Test
    void twentyThousandDeclarationsWithoutTheLastBraceValidateInSeconds() throws Exception {
        String complete = declarations(PER_KIND);
        List<Issue> issues = timedValidation(complete.substring(0, complete.lastIndexOf('}')));
        assertTrue(issues.stream().anyMatch(Issue::isSyntaxError));
    }

    @Test
    void twentyThousandDeclarationsCutInTheMiddleOfABlockValidateInSeconds() throws Exception {
        String complete = declarations(PER_KIND);
        List<Issue> issues = timedValidation(complete.substring(0, complete.indexOf("sigma", complete.length() / 2)));
        assertTrue(issues.stream().anyMatch(Issue::isSyntaxError));
    }

    private List<Issue> timedValidation(String text) throws Exception {
        long start = System.nanoTime();
        List<Issue> issues = validation.validate(parser.parse(text));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < BOUND_MILLIS, "parsing and validating took " + millis + " ms");
        return issues;
    }
}
