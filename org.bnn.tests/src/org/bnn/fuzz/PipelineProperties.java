package org.bnn.fuzz;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;

/**
 * Properties of the whole pipeline (parse, validate, format, estimate, generate, compile, run) over
 * mutations of every example and corpus case, and over generated models: nothing throws, nothing
 * logs an error or a stack trace, what validates compiles and runs, formatting is idempotent and
 * keeps the tokens, no case takes more than 10 s. Bounded and seeded here; scripts/fuzz.sh runs the
 * same properties for as long as asked with random seeds (see {@link FuzzBudget}).
 */
// The hook decides tries and seeds of every property of the class (its default would reach none of them).
@AddLifecycleHook(value = FuzzBudget.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class PipelineProperties implements FuzzBudget.Sample {
    private final Map<String, byte[]> seeds = seeds();

    private static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new java.util.LinkedHashMap<>(ExampleTree.shared().seeds());
        seeds.putAll(Corpus.cases());
        return seeds;
    }

    @Provide
    Arbitrary<Mutants.Mutant> mutants() {
        return Mutants.mutants(List.copyOf(seeds.keySet()));
    }

    @Provide
    Arbitrary<Models.Model> models() {
        return Models.models();
    }

    @Property(tries = 300, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    @FuzzBudget.Share(0.7)
    void mutatedExamplesKeepEveryPromise(@ForAll("mutants") Mutants.Mutant mutant) {
        Campaign.check(mutant.input(seeds));
    }

    @Property(tries = 40, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    @FuzzBudget.Share(0.3)
    void generatedModelsKeepEveryPromise(@ForAll("models") Models.Model model) {
        Campaign.check(model.input());
    }

    @Override
    public FuzzInput input(List<Object> parameters) {
        Object sample = parameters.get(0);
        return sample instanceof Mutants.Mutant mutant ? mutant.input(seeds) : ((Models.Model) sample).input();
    }
}
