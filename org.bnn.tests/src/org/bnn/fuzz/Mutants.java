package org.bnn.fuzz;

import static org.bnn.fuzz.Draw.between;
import static org.bnn.fuzz.Draw.list;
import static org.bnn.fuzz.Draw.pick;
import static org.bnn.fuzz.Draw.weighted;

import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seed files with one to four mutations: the cases of the mutation property, drawn from a seeded Random. */
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
            "dense", "conv", "pool", "output", "input", "weights", "ternary", "binary", "report", "place", "replicate", "sweep", "seed",
            "trials",
            "lognormal(median", "kOhm", "MHz", "fJ", "per", "of", "on", "random", "inputs", "mnist(\"", "\"../../..\"", "\"/tmp\"");

    /** A seed and a donor, uniformly, with one to four mutations. */
    static Mutant mutant(Random random, List<String> seeds) {
        return new Mutant(pick(random, seeds), pick(random, seeds), list(random, 1, 4, () -> mutation(random)));
    }

    /** One mutation, chosen with the weights of {@link #WEIGHTS} (in the order of the cases below). */
    static Mutation mutation(Random random) {
        int at = at(random);
        return switch (weighted(random, WEIGHTS)) {
            case 0 -> new Mutation.FlipBit(at, random.nextInt(8));
            case 1 -> new Mutation.Insert(at, random.nextBoolean() ? pick(random, FRAGMENTS) : oddCharacters(random));
            case 2 -> new Mutation.Delete(at, between(random, 1, 200));
            case 3 -> new Mutation.Duplicate(at, between(random, 1, 200), at(random));
            case 4 -> new Mutation.SwapLines(at, at(random));
            case 5 -> new Mutation.Truncate(at);
            case 6 -> new Mutation.Splice(at, between(random, 1, 2000), at(random));
            case 7 -> new Mutation.LineEndings(pick(random, List.of("\r", "\r\n", "\n")), random.nextBoolean());
            case 8 -> new Mutation.ReplaceToken(at, random.nextBoolean() ? pick(random, FRAGMENTS) : pick(random, List.of("", "0", "1")));
            case 9 -> new Mutation.LongName(at, pick(random, List.of(1, 64, 200, 255, 300, 70_000)));
            default -> new Mutation.Nest(at, between(random, 1, 3000), random.nextBoolean());
        };
    }

    /** How often each kind of mutation is drawn: inserts and token replacements most, line endings and nesting least. */
    private static final int[] WEIGHTS = {2, 6, 5, 2, 2, 2, 2, 1, 6, 2, 1};

    /** A position: mutations take it modulo the length of what they edit. */
    private static int at(Random random) {
        return between(random, 0, 1_000_000);
    }

    /** One to four characters anywhere in the basic plane (lone surrogates and NUL included). */
    private static String oddCharacters(Random random) {
        char[] chars = new char[between(random, 1, 4)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }
}
