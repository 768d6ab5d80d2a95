package org.bnn.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    void javaThatDoesNotCompileFailsWithTheCompilerErrorFirst() {
        // The validator keeps the generator from writing such Java; broken Java by hand shows the oracle works.
        List<Failure> failures = new ArrayList<>();
        assertFalse(Pipeline.compiles(Map.of("p/A.java", "package p;\nclass A { int x = ; }\n"), failures));
        assertEquals(1, failures.size(), failures::toString);
        Failure failure = failures.get(0);
        assertEquals(Stage.COMPILE, failure.stage());
        assertEquals("validated but does not compile", failure.kind());
        assertEquals("illegal start of expression", failure.detail().lines().findFirst().orElseThrow(), failure.detail());
        assertTrue(failure.detail().contains("p/A.java:2: illegal start of expression"), failure.detail());
    }

    @Test
    void anInternalErrorOfBnnRunFailsEvenWhenItExitsZero() {
        // bnn's appender replaces the capture's while it runs: what is logged meanwhile is known by its line.
        assertEquals(Optional.empty(), Pipeline.runFailure(0, "tiles: 2 of 100\n"));
        assertEquals(Optional.empty(), Pipeline.runFailure(2, "bnn: report folder r already holds files that bnn did not write\n"));
        assertEquals("error logged", Pipeline.runFailure(0, "bnn: internal error: Error executing EValidator: "
                + "java.lang.NullPointerException (set BNN_DEBUG=1 for the stack trace)\ntiles: 2 of 100\n").orElseThrow().kind());
        assertEquals("bnn run exit 2 on a valid file", Pipeline.runFailure(2, "bnn: internal error: java.lang.IllegalStateException\n")
                .orElseThrow().kind());
        assertEquals("bnn run exit 1 on a valid file", Pipeline.runFailure(1, "").orElseThrow().kind());
    }

    @Test
    void mutationsApplyToAnyTextAndDoWhatTheySay() {
        byte[] text = "a {\n  b\r\n}\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("a {\r  b\r}\r", new String(new Mutation.LineEndings("\r", false).apply(text, text), StandardCharsets.UTF_8));
        assertEquals("a {", new String(new Mutation.Truncate(3).apply(text, text), StandardCharsets.UTF_8));
        assertEquals(0, new Mutation.Truncate(7).apply(new byte[0], text).length);
        byte[] renamed = new Mutation.LongName(0, 300).apply("network N { }\nmapping M { network N on C }".getBytes(StandardCharsets.UTF_8),
                text);
        assertEquals(2, new String(renamed, StandardCharsets.UTF_8).split("N_{299}", -1).length - 1, "every use of the name");
    }

    @Test
    void aSpecThatDoesNotReadBackEqualIsNamedByItsFieldAndJsonLine() {
        // SpecJson carries every spec the language makes; records that differ by hand show the oracle can fail.
        var fine = new org.bnn.runtime.explore.ExploreAxis.Ber(List.of(0.0, 1e-3));
        assertEquals(Optional.empty(), SpecRoundTrip.difference(fine, org.bnn.runtime.explore.ExploreAxis.class));
        var negativeZero = new org.bnn.runtime.explore.ExploreAxis.Ber(List.of(-0.0, 1e-3));
        assertEquals(Optional.of("Ber.rates[0]: -0.0 read back as 0.0"), SpecRoundTrip.fieldDifference("Ber", negativeZero, fine));
        assertEquals(Optional.of("Ber.rates: 2 values read back as 1"),
                SpecRoundTrip.fieldDifference("Ber", fine, new org.bnn.runtime.explore.ExploreAxis.Ber(List.of(0.0))));
        assertEquals(Optional.of("JSON line 3: \"rates\" : [ -0.0, 0.001 ] is written back as \"rates\" : [ 0.0, 0.001 ]"),
                SpecRoundTrip.lineDifference(org.bnn.runtime.json.SpecJson.write(negativeZero),
                        org.bnn.runtime.json.SpecJson.write(fine)));
    }
}
