package org.bnn.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/** Draws from a seeded Random: what the generators of mutants and models are made of. */
final class Draw {
    private Draw() {
    }

    /** A uniform integer in [min, max]. */
    static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index drawn with the given weights. */
    static int weighted(Random random, int[] weights) {
        int draw = random.nextInt(Arrays.stream(weights).sum());
        int index = 0;
        while (draw >= weights[index]) {
            draw -= weights[index++];
        }
        return index;
    }

    /** A list of min to max elements, its size uniform. */
    static <T> List<T> list(Random random, int min, int max, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int i = between(random, min, max); i > 0; i--) {
            list.add(element.get());
        }
        return List.copyOf(list);
    }

    /** A value 95 times in 100, else empty. */
    static <T> Optional<T> optional(Random random, Supplier<T> value) {
        return random.nextDouble() < 0.95 ? Optional.of(value.get()) : Optional.empty();
    }
}
