package org.bnn.runtime.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;
import org.bnn.runtime.random.KeyedRandom;

/**
 * Which designs of the grid an exploration visits: all of them, or {@code count} drawn with keyed random
 * numbers (uniformly without replacement, or by Latin-hypercube sampling), so the same seed picks the same
 * designs on every machine.
 *
 * @param count designs to draw; 0 for the grid
 */
public record Sampling(Kind kind, int count) {
    /** Every design of the grid. */
    public static final Sampling GRID = new Sampling(Kind.GRID, 0);

    /** The stream of the exploration's seed the draws use (the chips use others). */
    private static final long STREAM = 0x5A4D_504CL;

    public Sampling {
        if (kind == null) {
            throw new SpecViolation("Sampling", "kind", Problem.MISSING, "Sampling.kind is required, got null");
        }
        if (kind == Kind.GRID ? count != 0 : count < 1) {
            throw new SpecViolation("Sampling", "count", Problem.OUT_OF_RANGE, kind == Kind.GRID
                    ? "Sampling: the grid takes every design, it has no count (got " + count + ")"
                    : "Sampling: " + kind.keyword() + " sampling needs a positive number of designs, got " + count);
        }
    }

    /** How designs are chosen. */
    public enum Kind {
        GRID("grid"),
        RANDOM("random"),
        LATIN_HYPERCUBE("latin-hypercube");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** Designs of the full grid of axes of {@code sizes} values: their product. */
    public static long gridSize(List<Integer> sizes) {
        long product = 1;
        for (int size : sizes) {
            product = Math.multiplyExact(product, size);
        }
        return product;
    }

    /**
     * The designs to visit, as value indices per axis: the grid in order (the first axis varying slowest), or
     * the drawn designs in grid order, each once (Latin-hypercube draws that coincide on a small grid count once).
     *
     * @throws IllegalArgumentException when the grid is too large to enumerate
     */
    public List<int[]> designs(List<Integer> sizes, long seed) {
        long grid = gridSize(sizes);
        if (kind == Kind.GRID || kind == Kind.RANDOM && count >= grid) {
            if (grid > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has " + grid + " designs: sample some of them");
            }
            List<int[]> all = new ArrayList<>();
            for (long index = 0; index < grid; index++) {
                all.add(levels(index, sizes));
            }
            return all;
        }
        long key = KeyedRandom.key(seed, STREAM);
        Set<Long> chosen = new TreeSet<>();
        if (kind == Kind.RANDOM) {
            // Floyd's algorithm: count distinct indices of the grid, each draw keyed by its step.
            for (long j = grid - count; j < grid; j++) {
                long pick = Math.floorMod(KeyedRandom.bits(key, j), j + 1);
                chosen.add(chosen.contains(pick) ? j : pick);
            }
            return chosen.stream().map(index -> levels(index, sizes)).toList();
        }
        Set<List<Integer>> drawn = new LinkedHashSet<>();
        int[][] strata = new int[sizes.size()][];
        for (int axis = 0; axis < sizes.size(); axis++) {
            strata[axis] = permutation(count, KeyedRandom.key(key, axis));
        }
        for (int i = 0; i < count; i++) {
            List<Integer> levels = new ArrayList<>();
            for (int axis = 0; axis < sizes.size(); axis++) {
                double u = KeyedRandom.uniform(KeyedRandom.key(key, axis), count + (long) i);
                levels.add((int) Math.min(sizes.get(axis) - 1, Math.floor((strata[axis][i] + u) / count * sizes.get(axis))));
            }
            drawn.add(levels);
        }
        TreeSet<Long> indices = new TreeSet<>();
        for (List<Integer> levels : drawn) {
            long index = 0;
            for (int axis = 0; axis < sizes.size(); axis++) {
                index = index * sizes.get(axis) + levels.get(axis);
            }
            indices.add(index);
        }
        return indices.stream().map(index -> levels(index, sizes)).toList();
    }

    /** Value indices of grid design {@code index}, the last axis varying fastest. */
    private static int[] levels(long index, List<Integer> sizes) {
        int[] levels = new int[sizes.size()];
        long rest = index;
        for (int axis = sizes.size() - 1; axis >= 0; axis--) {
            levels[axis] = (int) (rest % sizes.get(axis));
            rest /= sizes.get(axis);
        }
        return levels;
    }

    /** A keyed permutation of 0 .. n−1 (Fisher–Yates, draw i keyed by i). */
    private static int[] permutation(int n, long key) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Math.floorMod(KeyedRandom.bits(key, i), (long) i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
