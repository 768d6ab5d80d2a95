package org.bnn.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Seed files with one to four mutations: the arbitrary of the mutation property and its cases. */
final class Mutants {
    private Mutants() {
    }

    /**
     * A seed (an example or a corpus case) with its mutations.
     *
     * @param seed  path of the seed, relative to the repository
     * @param donor path of the seed that splices take text from
     */
    record Mutant(String seed, String donor, List<Mutation> mutations) {
        FuzzInput input(Map<String, byte[]> seeds) {
            byte[] bytes = seeds.get(seed);
            for (Mutation mutation : mutations) {
                bytes = mutation.apply(bytes, seeds.get(donor));
            }
            // Examples are edited in place; corpus cases go where they were found (their header says).
            String place = seed.startsWith("examples/") ? seed : Corpus.placeOf(seeds.get(seed));
            return new FuzzInput(place, bytes, this.toString());
        }
    }

    /** Fragments that have broken parsers before: structure, edges of number types, odd characters. */
    private static final List<String> FRAGMENTS = List.of("{", "}", "(", ")", ":", ",", "..", "->", "x", "-", "+", ".", "*", "%", "\"",
            "//", "/*", "\n", "\r", "\r\n", "\t", " ", "0", "-1", "1e999", "1e-999", "NaN", "2147483647", "2147483648", "-2147483649",
            "9223372036854775808", "99999999999999999999999999", "0.0000000000000000001", "1..0", "0..2147483648", "\u00e9", "\u00a0",
            "\u200b", "\ufeff", "\ud83d\ude00", "\u0000", "\\", "'", "null", "java", "class", "int", "package java.lang",
            "import a.*", "regime", "sense pcsa { }", "device", "tile", "chip", "network", "mapping", "experiment", "training",
            "dense", "conv", "pool", "output", "input", "weights", "report", "place", "replicate", "sweep", "seed", "trials",
            "lognormal(median", "kOhm", "MHz", "fJ", "per", "of", "on", "random", "inputs", "mnist(\"", "\"../../..\"", "\"/tmp\"");

    static Arbitrary<Mutant> mutants(List<String> seeds) {
        Arbitrary<String> seed = Arbitraries.of(seeds);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(seed, seed, mutations).as(Mutant::new);
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 200);
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(1).ofMaxLength(4));
        return Arbitraries.frequencyOf(
                frequency(2, Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(Mutation.FlipBit::new)),
                frequency(6, Combinators.combine(at, fragment).as(Mutation.Insert::new)),
                frequency(5, Combinators.combine(at, length).as(Mutation.Delete::new)),
                frequency(2, Combinators.combine(at, length, at).as(Mutation.Duplicate::new)),
                frequency(2, Combinators.combine(at, at).as(Mutation.SwapLines::new)),
                frequency(2, at.map(Mutation.Truncate::new)),
                frequency(2, Combinators.combine(at, Arbitraries.integers().between(1, 2000), at).as(Mutation.Splice::new)),
                frequency(1, Combinators.combine(Arbitraries.of("\r", "\r\n", "\n"), Arbitraries.of(false, true)).as(Mutation.LineEndings::new)),
                frequency(6, Combinators.combine(at, Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.of("", "0", "1")))
                        .as(Mutation.ReplaceToken::new)),
                frequency(2, Combinators.combine(at, Arbitraries.of(1, 64, 200, 255, 300, 70_000)).as(Mutation.LongName::new)),
                frequency(1, Combinators.combine(at, Arbitraries.integers().between(1, 3000), Arbitraries.of(false, true))
                        .as(Mutation.Nest::new)));
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Mutation>> frequency(int weight,
            Arbitrary<? extends Mutation> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    /** Every seed: the examples of the repository and the cases of the corpus. */
    static List<String> seedNames(Map<String, byte[]> seeds) {
        return new ArrayList<>(seeds.keySet());
    }
}
