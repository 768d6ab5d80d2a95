package org.bnn.fuzz;

import static org.bnn.fuzz.Draw.between;
import static org.bnn.fuzz.Draw.list;
import static org.bnn.fuzz.Draw.optional;
import static org.bnn.fuzz.Draw.pick;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Small but complete .bnn files built from random parts (device, tile, chip, network, mapping,
 * experiment), mostly valid, so that generation, compilation and runs are reached often; sizes
 * are small enough that the simulation runs in a fraction of a second.
 */
final class Models {
    private Models() {
    }

    record Regime(String name, double lrsKohm, double lrsSigma, double hrsKohm, double hrsSigma, int endurance) {
        String text() {
            return "    regime " + name + " {\n        lrs lognormal(median " + lrsKohm + " kOhm, sigma " + lrsSigma + ")\n"
                    + "        hrs lognormal(median " + hrsKohm + " kOhm, sigma " + hrsSigma + ")\n"
                    + "        set 1.8 V 100 uA 500 ns\n        reset 1.8 V 100 uA 500 ns energy 90 pJ\n        endurance 1e" + endurance
                    + "\n    }\n";
        }
    }

    record Tile(int rows, int columns, boolean oneT1R, boolean ecc, boolean sense, int rowCycle) {
        String text(boolean device) {
            return "tile T {\n    cells " + rows + " rows x " + columns + " columns " + (oneT1R ? "1T1R reference best" : "2T2R")
                    + (oneT1R && ecc && columns >= 72 ? " ecc secded(72,64) decode energy 1 pJ per word" : "") + (device ? " of D" : "")
                    + "\n"
                    + (sense ? "    sense pcsa { mismatch 2 % noise 1 % energy 25 fJ per sense delay 2 ns }\n" : "")
                    + "    popcount energy 20 fJ per input bit\n    row cycle " + rowCycle + (rowCycle == 1 ? " clock" : " clocks")
                    + "\n}\n";
        }
    }

    /**
     * A layer: kind 0 dense, 1 conv, 2 pool (conv and pool only where the input has height and width);
     * values 0 says none, 1 {@code weights binary}, 2 {@code weights ternary} (dense and conv only).
     */
    record Layer(int kind, int units, int kernel, int stride, boolean maxPool, int values) {
        /** @param kind as written: {@link Network#kind} */
        String text(int index, int kind) {
            String clause = switch (values) {
                case 1 -> " weights binary";
                case 2 -> " weights ternary";
                default -> "";
            };
            return switch (kind) {
                case 1 -> "    conv c" + index + ": " + units + " kernel " + kernel + (stride > 1 ? " stride " + stride : "")
                        + (kernel > 1 ? " padding " + (kernel / 2) + " value -1" : "") + clause + "\n";
                case 2 -> "    pool p" + index + ": " + (maxPool ? "max" : "avg") + " 2\n";
                default -> "    dense d" + index + ": " + units + clause + "\n";
            };
        }
    }

    /** @param ternary whether the network says {@code weights ternary} */
    record Network(List<Integer> shape, int encoding, boolean ternary, List<Layer> layers, int classes) {
        boolean image() {
            return shape.size() >= 2;
        }

        /**
         * Layer {@code i}'s kind as written: dense where the input is flat, a conv in place of a pool
         * that would not follow a conv (which the language refuses).
         */
        int kind(int i) {
            int kind = image() ? layers.get(i).kind() : 0;
            return kind == 2 && (i == 0 || kind(i - 1) != 1) ? 1 : kind;
        }

        /** The names of the layers with weights ({@code out} included), or of the pools. */
        List<String> layerNames(boolean weights) {
            List<String> names = new java.util.ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                int kind = kind(i);
                if ((kind != 2) == weights) {
                    names.add((kind == 1 ? "c" : kind == 2 ? "p" : "d") + i);
                }
            }
            if (weights) {
                names.add("out");
            }
            return names;
        }

        String text() {
            StringBuilder text = new StringBuilder("network N {\n    input x: ");
            text.append(String.join(" x ", shape.stream().map(String::valueOf).toList()));
            text.append(switch (encoding) {
                case 1 -> " binarize at 0.5";
                case 2 -> " bitserial 4 bits";
                default -> "";
            }).append('\n');
            if (ternary) {
                text.append("    weights ternary\n");
            }
            for (int i = 0; i < layers.size(); i++) {
                text.append(layers.get(i).text(i, kind(i)));
            }
            return text.append("    output out: dense ").append(classes).append("\n}\n").toString();
        }
    }

    /** @param compare whether it runs on mapping M2 too ({@code run M, M2 on ...}) */
    record Experiment(int inputs, boolean deviceLevel, int resampling, int sweep, int trials, long seed, Optional<String> report,
            boolean compare) {
        /** @param deviceLevelFits whether the mapping can have device-level errors at all ({@link Model#deviceLevelFits}) */
        String text(boolean regimes, boolean deviceLevelFits) {
            boolean device = deviceLevel && regimes && deviceLevelFits;
            String[] resample = device ? new String[] {"per-chip", "per-read"} : new String[] {"per-chip", "per-inference", "per-read"};
            String sweepText = switch (device ? 1 : sweep) {
                case 1 -> regimes ? "sweep regime { r0 }" : "sweep ber { 0, 1e-2 }";
                case 2 -> "sweep layers at ber 1e-2";
                default -> "sweep ber { 0, 1e-3, 1e-1 }";
            };
            return "experiment E {\n    run M" + (compare ? ", M2" : "") + " on random " + inputs + " inputs\n    errors "
                    + (device ? "device-level" : "weight-level")
                    + " resample " + resample[resampling % resample.length] + "\n    " + sweepText + "\n    trials " + trials
                    + "\n    seed " + seed + "\n" + report.map(r -> "    report " + r + "\n").orElse("") + "}\n";
        }
    }

    /** One generated file; its explorations run mapping M. */
    record Model(List<Regime> regimes, Tile tile, int tiles, Network network, boolean replicate, Optional<Experiment> experiment,
            List<ExploreBlocks.ExploreBlock> explorations) {
        String text() {
            StringBuilder text = new StringBuilder("package fuzz.generated\n\n");
            boolean device = !regimes.isEmpty();
            if (device) {
                text.append("device D {\n    node 130 nm\n");
                for (int i = 0; i < regimes.size(); i++) {
                    Regime regime = regimes.get(i);
                    text.append(new Regime("r" + i, regime.lrsKohm(), regime.lrsSigma(), regime.hrsKohm(), regime.hrsSigma(),
                            regime.endurance()).text());
                }
                text.append("}\n\n");
            }
            text.append(tile.text(device)).append('\n');
            text.append("chip C {\n    tiles ").append(tiles).append(" of T\n    clock 100 MHz\n    threshold energy 0.2 pJ per compare\n")
                    .append("    buffer energy 0.2 pJ per bit\n}\n\n");
            text.append(network.text()).append('\n');
            text.append("mapping M {\n    network N on C\n").append(device ? "    regime r0\n" : "")
                    .append(replicate ? "    replicate out 2\n" : "").append("}\n");
            if (experiment.isPresent() && experiment.get().compare()) { // a second mapping of the network, compared with M
                text.append("\nmapping M2 {\n    network N on C\n").append(device ? "    regime r0\n" : "").append("}\n");
            }
            experiment.ifPresent(e -> text.append('\n').append(e.text(device, deviceLevelFits())));
            explorations.forEach(e -> text.append('\n').append(e.text()));
            return text.toString();
        }

        /** Device-level errors need regimes, 2T2R cells read by a sense amplifier and a layer in one copy each. */
        boolean deviceLevelFits() {
            return !regimes.isEmpty() && !tile.oneT1R() && tile.sense() && !replicate;
        }

        FuzzInput input() {
            return new FuzzInput(ExampleTree.GENERATED_FOLDER + "/model.bnn", text().getBytes(StandardCharsets.UTF_8), "generated");
        }
    }

    /** A model that reaches every stage, the run included: warms the pipeline up and shows that it can. */
    static final Model SMALL = new Model(List.of(new Regime("r", 8, 0.25, 180, 0.8, 7)), new Tile(32, 32, false, false, true, 1), 64,
            new Network(List.of(6, 6), 2, false, List.of(new Layer(1, 4, 3, 1, true, 0), new Layer(2, 0, 0, 0, true, 0)), 3), true,
            Optional.of(new Experiment(5, false, 0, 0, 2, 7, Optional.of("\"reports/e\""), true)), List.of());

    /**
     * A model of random parts; each optional part (the experiment, its report) is there 95 times in 100,
     * explorations in half of the models ({@link ExploreBlocks}).
     */
    static Model model(Random random) {
        List<Regime> regimes = list(random, 0, 3, () -> new Regime("r", decimal(random, 1, 50, 1), decimal(random, 0.05, 1, 2),
                decimal(random, 60, 500, 1), decimal(random, 0.05, 1.2, 2), between(random, 3, 12)));
        List<Integer> sizes = List.of(8, 16, 32, 64, 72, 128);
        Tile tile = new Tile(pick(random, sizes), pick(random, sizes), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
                between(random, 1, 3));
        int tiles = pick(random, List.of(1, 64, 4096, 4096)); // one tile, often too few: a mistake a user makes
        // ternary weights in one network of four, a layer's own values in one layer of four
        Network network = new Network(list(random, 1, 3, () -> between(random, 1, 12)), between(random, 0, 2), random.nextInt(4) == 0,
                list(random, 0, 4, () -> new Layer(between(random, 0, 2), between(random, 1, 48), between(random, 1, 3),
                        between(random, 1, 2), random.nextBoolean(), random.nextInt(4) == 0 ? between(random, 1, 2) : 0)),
                between(random, 2, 10));
        boolean replicate = random.nextBoolean();
        Optional<Experiment> experiment = optional(random, () -> new Experiment(between(random, 1, 40), random.nextBoolean(),
                between(random, 0, 2), between(random, 0, 2), between(random, 1, 3), random.nextLong(0, Integer.MAX_VALUE + 1L),
                optional(random, () -> pick(random, List.of("\"reports/e\"", "\"reports/e\" csv json md png svg"))), random.nextBoolean()));
        List<ExploreBlocks.ExploreBlock> explorations = ExploreBlocks.draw(random, regimes.size(),
                new Model(regimes, tile, tiles, network, replicate, experiment, List.of()).deviceLevelFits(), network.layerNames(true),
                network.layerNames(false), network.encoding() == 2);
        return new Model(regimes, tile, tiles, network, replicate, experiment, explorations);
    }

    /** A uniform double in [min, max] with {@code scale} decimal places. */
    private static double decimal(Random random, double min, double max, int scale) {
        return java.math.BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(scale, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }
}
