package org.bnn.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the committed corpus (org.bnn.tests/fuzz-corpus) through the whole pipeline: each
 * once broke a promise, and each must keep all of them now. A case that still fails is an open
 * bug, named by its file.
 */
class FuzzCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusCaseKeepsEveryPromise() {
        Map<String, byte[]> cases = Corpus.cases();
        assertFalse(cases.isEmpty(), "the corpus is empty: " + Corpus.folder());
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey().substring(Corpus.FOLDER.length() + 1), () -> {
            FuzzInput input = Corpus.input(c.getKey(), c.getValue());
            Verdict verdict = Pipeline.shared().check(input);
            assertTrue(verdict.passed(), () -> verdict.report() + "\n\ninput: " + input);
        }));
    }
}
