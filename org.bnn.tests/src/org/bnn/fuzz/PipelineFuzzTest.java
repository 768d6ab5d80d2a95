package org.bnn.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Properties of the whole pipeline (parse, validate, format, estimate, generate, compile, run) over
 * mutations of every example and corpus case, and over generated models: nothing throws, nothing
 * logs an error or a stack trace, what validates compiles and runs, formatting is idempotent and
 * keeps the tokens, no case takes more than 10 s. Bounded and seeded here; scripts/fuzz.sh runs the
 * same properties for as long as asked with random seeds (see {@link FuzzBudget}).
 */
class PipelineFuzzTest {
    private final Map<String, byte[]> seeds = seeds();

    private static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>(ExampleTree.shared().seeds());
        seeds.putAll(Corpus.cases());
        return seeds;
    }

    @Test
    void mutatedExamplesKeepEveryPromise() {
        List<String> names = List.copyOf(seeds.keySet());
        FuzzBudget.run("mutatedExamplesKeepEveryPromise", 300, 0.7, random -> Mutants.mutant(random, names), mutant -> mutant.input(seeds));
    }

    @Test
    void generatedModelsKeepEveryPromise() {
        FuzzBudget.run("generatedModelsKeepEveryPromise", 30, 0.3, Models::model, Models.Model::input);
    }
}
