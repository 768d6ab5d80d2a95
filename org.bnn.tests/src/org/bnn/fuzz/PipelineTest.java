package org.bnn.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fuzzing harness itself: it reaches every stage, and each of its oracles can fail. */
class PipelineTest {

    @Test
    void aSmallValidModelGoesThroughEveryStageAndRuns() {
        Verdict verdict = Pipeline.shared().check(Models.SMALL.input());
        assertTrue(verdict.passed(), verdict::report);
        assertEquals(java.util.EnumSet.allOf(Stage.class), verdict.entered(), Models.SMALL.text());
    }

    @Test
    void aValidatorErrorLoggedThroughLog4jIsCaught() {
        try (LogCapture capture = LogCapture.start()) {
            org.apache.log4j.Logger.getLogger("org.eclipse.xtext.validation.CompositeEValidator").error("Error executing EValidator",
                    new NullPointerException());
            List<String> problems = capture.problems();
            assertEquals(1, problems.size(), problems::toString);
            assertTrue(problems.get(0).contains("NullPointerException"), problems.get(0));
        }
    }

    @Test
    void aPrintedStackTraceIsCaughtAndQuietOutputIsNot() {
        try (LogCapture capture = LogCapture.start()) {
            System.out.println("tiles: 2880 of 4096");
            assertEquals(List.of(), capture.problems());
            new IllegalStateException("boom").printStackTrace();
            assertFalse(capture.problems().isEmpty());
        }
    }

    @Test
    void aValidatedModelWhoseJavaDoesNotCompileFails() {
        // `package java.lang` validates today and its generated Java cannot compile: the oracle sees it
        // (or, once the validator rejects the package, the case passes without reaching COMPILE).
        String text = "package java.lang\ntile T { cells 32 rows x 32 columns 2T2R }\nchip C { tiles 64 of T }\n"
                + "network N { input x: 8 output out: dense 2 }\nmapping M { network N on C }\n";
        Verdict verdict = Pipeline.shared().check(new FuzzInput(ExampleTree.GENERATED_FOLDER + "/model.bnn",
                text.getBytes(StandardCharsets.UTF_8), "test"));
        assertTrue(!verdict.entered().contains(Stage.COMPILE) && verdict.passed()
                || verdict.failures().stream().anyMatch(f -> f.stage() == Stage.COMPILE && f.kind().equals("validated but does not compile")),
                verdict::report);
    }

    @Test
    void mutationsApplyToAnyTextAndDoWhatTheySay() {
        byte[] text = "a {\n  b\r\n}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("a {\r  b\r}\r", new String(new Mutation.LineEndings("\r", false).apply(text, text), StandardCharsets.UTF_8));
        assertEquals("a {", new String(new Mutation.Truncate(3).apply(text, text), StandardCharsets.UTF_8));
        assertEquals(0, new Mutation.Truncate(7).apply(new byte[0], text).length);
        byte[] renamed = new Mutation.LongName(0, 300).apply("network N { }\nmapping M { network N on C }".getBytes(StandardCharsets.UTF_8), text);
        assertEquals(2, new String(renamed, StandardCharsets.UTF_8).split("N_{299}", -1).length - 1, "every use of the name");
    }
}
