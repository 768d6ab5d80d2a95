package org.bnn.fuzz;

import static org.bnn.fuzz.Draw.between;
import static org.bnn.fuzz.Draw.pick;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random {@code explore} blocks over a generated model's parts (docs/explore.md): every axis, error level,
 * sampling, objective, constraint and report option the grammar allows, drawn mostly so that the block
 * validates (regimes the device has, layers with weights, bit-serial inputs for input bits) and, about one
 * part in twenty, as the validator must refuse (an empty or repeated axis, a value out of range, an
 * axis that does not apply, a contradiction). Runnable ones stay small: a few random inputs, 1 to 3 trials.
 */
final class ExploreBlocks {
    /** The chance of each deliberate mistake. */
    private static final double MISTAKE = 0.05;

    private ExploreBlocks() {
    }

    /**
     * One block as written, its parts in the grammar's order.
     *
     * @param axes the {@code vary} lines
     */
    record ExploreBlock(String name, String inputs, Optional<String> errors, List<String> axes, Optional<String> sampling,
            List<String> objectives, List<String> constraints, Optional<Integer> trials, Optional<Long> seed, Optional<String> report) {
        String text() {
            StringBuilder text = new StringBuilder("explore ").append(name).append(" {\n    run M on ").append(inputs).append('\n');
            errors.ifPresent(e -> text.append("    errors ").append(e).append('\n'));
            axes.forEach(a -> text.append("    vary ").append(a).append('\n'));
            sampling.ifPresent(s -> text.append("    sample ").append(s).append('\n'));
            if (!objectives.isEmpty()) {
                text.append("    objectives ").append(String.join(", ", objectives)).append('\n');
            }
            constraints.forEach(c -> text.append("    require ").append(c).append('\n'));
            trials.ifPresent(t -> text.append("    trials ").append(t).append('\n'));
            seed.ifPresent(s -> text.append("    seed ").append(s).append('\n'));
            report.ifPresent(r -> text.append("    report ").append(r).append('\n'));
            return text.append("}\n").toString();
        }
    }

    /**
     * No block in half of the models, one in two of five, two in one of ten.
     *
     * @param regimes     regimes of the model's device (r0, r1, ...), 0 when it has none
     * @param deviceLevel whether the mapping can have device-level errors
     * @param weightNames the network's layers with weights ({@code out} included), by name
     * @param poolNames   its pooling layers, which have no weights to replicate
     * @param bitSerial   whether its input is bit-serial
     */
    static List<ExploreBlock> draw(Random random, int regimes, boolean deviceLevel, List<String> weightNames, List<String> poolNames,
            boolean bitSerial) {
        double draw = random.nextDouble();
        int count = draw < 0.5 ? 0 : draw < 0.9 ? 1 : 2;
        List<ExploreBlock> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(block(random, "X" + i, regimes, deviceLevel, weightNames, poolNames, bitSerial));
        }
        return List.copyOf(blocks);
    }

    private static ExploreBlock block(Random random, String name, int regimes, boolean deviceLevelFits, List<String> weightNames,
            List<String> poolNames, boolean bitSerial) {
        String inputs = chance(random, 0.05)
                ? "mnist(\"../../data/mnist\") test limit " + between(random, 1, 5)
                : "random " + between(random, 1, 8) + " inputs";
        boolean deviceLevel = (deviceLevelFits || chance(random, MISTAKE)) && chance(random, 0.25);
        Optional<String> errors = chance(random, 0.7)
                ? Optional.of((deviceLevel ? "device-level" : "weight-level")
                        + (chance(random, 0.6)
                                ? " resample " + (deviceLevel && !chance(random, MISTAKE)
                                        ? "per-chip"
                                        : pick(random, List.of("per-chip", "per-inference", "per-read")))
                                : ""))
                : Optional.empty();
        List<String> objectives = objectives(random, regimes > 0);
        List<String> axes = new ArrayList<>();
        if (regimes > 0 ? chance(random, 0.4) : chance(random, MISTAKE)) {
            axes.add("regime " + regimeValues(random, regimes));
        }
        if (chance(random, 0.3)) {
            axes.add("tile " + list(random, 1, 3, () -> pick(random, SIZES) + " x " + pick(random, SIZES),
                    () -> "0 x " + pick(random, SIZES)));
        }
        if (chance(random, 0.35)) {
            axes.add("cells " + list(random, 1, 3, () -> pick(random, CELLS),
                    () -> pick(random, List.of("2T2R ecc secded(72,64)", "1T1R",
                            "1T1R reference best ecc secded(72,64) decode energy -1 pJ per word"))));
        }
        for (String layer : weightNames) { // one axis per layer, any number of layers
            if (chance(random, 0.15)) {
                axes.add("replicate " + layer + " " + values(random, List.of("{ 1, 2 }", "{ 2 }", "{ 3, 1 }", "from 1 to 3 step 1",
                        "from 1 to 2 step 1", "from 2 to 4 step 2"), List.of("{ 0, 1 }", "{ 1.5 }", "{ 1, 1 }", "from 3 to 1 step 1")));
            }
        }
        if (chance(random, MISTAKE) && !poolNames.isEmpty()) {
            axes.add("replicate " + pick(random, poolNames) + " { 1, 2 }");
        }
        if (bitSerial ? chance(random, 0.4) : chance(random, MISTAKE)) {
            axes.add("input bits " + values(random, List.of("{ 1, 2 }", "{ 4, 8 }", "{ 16 }", "from 1 to 4 step 3", "from 2 to 8 step 2"),
                    List.of("{ 0 }", "{ 17 }", "{ 2.5 }", "from 1 to 4 log 1")));
        }
        boolean needsBer = objectives.contains("accuracy") && regimes == 0;
        if (needsBer && !chance(random, MISTAKE) || chance(random, 0.35)) {
            axes.add("ber " + values(random, List.of(berList(random), berList(random), "from 1e-4 to 1e-1 log 3", "from 0 to 0.1 step 0.05",
                    "from 0.001 to 0.004 step 0.001", "{ -0, 0.02 }"), List.of("{ 0, 0.7 }", "from 0 to 0.1 log 3", "{ }")));
        }
        if (chance(random, 0.02)) { // the longest ranges there are: grids of tens of thousands of designs and more
            axes.add(pick(random, List.of("replicate " + pick(random, weightNames) + " from 1 to 10000 step 1",
                    "ber from 0 to 0.5 step 0.0001", "ber from 1e-9 to 0.5 log 10000")));
        }
        if (chance(random, MISTAKE) && !axes.isEmpty()) {
            axes.add(pick(random, axes)); // the same axis twice
        }
        Collections.shuffle(axes, random);
        Optional<String> sampling = chance(random, 0.5)
                ? Optional.of(chance(random, MISTAKE)
                        ? pick(random, List.of("random", "grid 2", "latin-hypercube 0"))
                        : pick(random, List.of("grid", "random " + between(random, 1, 6), "latin-hypercube " + between(random, 1, 6))))
                : Optional.empty();
        List<String> constraints = new ArrayList<>();
        for (int i = between(random, 0, 2); i > 0; i--) {
            constraints.add(chance(random, MISTAKE)
                    ? pick(random, BAD_CONSTRAINTS)
                    : pick(random, regimes > 0 ? CONSTRAINTS : CONSTRAINTS.subList(0, CONSTRAINTS.size() - 2)));
        }
        Optional<String> report = chance(random, 0.5)
                ? Optional.of("\"reports/" + name.toLowerCase(java.util.Locale.ROOT) + "\"" + formats(random))
                : Optional.empty();
        return new ExploreBlock(name, inputs, errors, List.copyOf(axes), sampling, objectives, List.copyOf(constraints),
                chance(random, 0.8) ? Optional.of(between(random, 1, 3)) : Optional.empty(),
                chance(random, 0.9) ? Optional.of(random.nextLong(0, Integer.MAX_VALUE + 1L)) : Optional.empty(), report);
    }

    private static final List<Integer> SIZES = List.of(8, 16, 32, 64, 72, 128);

    /** Cell technologies as a tile's {@code cells} line writes them. */
    private static final List<String> CELLS = List.of("2T2R", "1T1R reference best", "1T1R reference 18 kOhm",
            "1T1R reference best ecc secded(72,64)", "1T1R reference best ecc secded(72,64) decode energy 2 pJ per word",
            "1T1R reference 20 kOhm ecc secded(72,64) decode energy 1.5 pJ per word");

    /** Bounds of every objective in their units; the last two need a regime. */
    private static final List<String> CONSTRAINTS = List.of("accuracy >= 50 %", "accuracy >= 0.2", "energy <= 500 nJ", "energy <= 1 uJ",
            "latency <= 2 us", "latency <= 10 ms", "tiles <= chip", "tiles <= 64", "tiles >= 1", "programming <= 1 mJ",
            "lifetime >= 1e3");

    private static final List<String> BAD_CONSTRAINTS = List.of("accuracy >= 101 %", "energy <= 5 ns", "energy >= chip", "tiles <= -1",
            "accuracy <= -1 %");

    /** Distinct objectives in a random order; programming and lifetime only with regimes, unless by mistake. */
    private static List<String> objectives(Random random, boolean regimes) {
        if (chance(random, MISTAKE)) {
            return chance(random, 0.5) ? List.of() : List.of("energy", "energy");
        }
        List<String> all = new ArrayList<>(List.of("accuracy", "energy", "latency", "tiles"));
        if (regimes || chance(random, MISTAKE)) {
            all.addAll(List.of("programming", "lifetime"));
        }
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, between(random, 1, Math.min(3, all.size()))));
    }

    private static String regimeValues(Random random, int regimes) {
        if (regimes == 0 || chance(random, MISTAKE)) {
            return pick(random, List.of("{ }", "{ r0, r0 }", "{ r" + regimes + " }"));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < regimes; i++) {
            names.add("r" + i);
        }
        Collections.shuffle(names, random);
        return "{ " + String.join(", ", names.subList(0, between(random, 1, regimes))) + " }";
    }

    /** A list of 1 to 3 rates in [0, 0.5], written as a user would (0, 1e-3, 0.02, 2.5E-4). */
    private static String berList(Random random) {
        List<String> rates = new ArrayList<>(List.of("0", "1e-4", "2.5E-4", "1e-3", "0.01", "0.05", "0.1", "0.5"));
        Collections.shuffle(rates, random);
        return "{ " + String.join(", ", rates.subList(0, between(random, 1, 3))) + " }";
    }

    /** 1 to max distinct values in braces; by mistake, the same value twice or a wrong one. */
    private static String list(Random random, int min, int max, Supplier<String> value, Supplier<String> wrong) {
        List<String> values = new ArrayList<>();
        for (int i = between(random, min, max); i > 0; i--) {
            String next = value.get();
            if (!values.contains(next)) {
                values.add(next);
            }
        }
        if (chance(random, MISTAKE)) {
            values.add(chance(random, 0.5) ? values.get(0) : wrong.get());
        }
        return "{ " + String.join(", ", values) + " }";
    }

    private static String values(Random random, List<String> valid, List<String> invalid) {
        return pick(random, chance(random, MISTAKE) ? invalid : valid);
    }

    /** No formats (CSV, JSON, Markdown) or some of those a run writes quickly. */
    private static String formats(Random random) {
        List<String> formats = new ArrayList<>(List.of("csv", "json", "md", "svg"));
        Collections.shuffle(formats, random);
        List<String> chosen = formats.subList(0, between(random, 0, formats.size()));
        return chosen.isEmpty() ? "" : " " + String.join(" ", chosen);
    }

    private static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }
}
