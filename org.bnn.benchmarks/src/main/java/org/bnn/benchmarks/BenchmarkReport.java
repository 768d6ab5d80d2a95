package org.bnn.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.simulation.Simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Summary table of one {@code scripts/bench.sh} run: reads the JMH JSON results and the NumPy
 * peer's {@code PEER_RESULT} lines from one directory and prints the figures, the ratios the issue
 * asks for and whether each target was met. Only ratios of figures measured in that same run are
 * printed.
 * <p>
 * Files read from the directory (each optional; a missing one is reported as not run):
 * {@code jmh-dense.json} (a), {@code jmh-errors.json}, {@code jmh-flipcost.json} and
 * {@code jmh-popcount.json} (b), {@code jmh-sweep.json} and {@code sweep-stats.txt} (c),
 * {@code peer-*.log} (c, one per peer configuration), {@code jmh-convlayer.json} (d), {@code jmh-convnet.json} (f),
 * {@code jmh-convsweep.json}, {@code conv-sweep-stats.txt} and {@code torch-peer.log} (g).
 * <p>
 * Usage: {@code java -cp benchmarks.jar org.bnn.benchmarks.BenchmarkReport DIR}
 */
public final class BenchmarkReport {
    static final double DENSE_TARGET = 0.8;
    /** On a JDK ≥ 21 with the incubator module, where the engine runs its Vector API kernel. */
    static final double DENSE_VECTOR_TARGET = 2.0;
    static final double BER_1E4_TARGET = 1.2;
    static final double BER_1E3_TARGET = 2.0;
    static final double SWEEP_WALL_TARGET_S = 60;
    static final double PEER_SPEEDUP_TARGET = 3;
    /** Conv layers: G binary MAC/s at least this share of the dense layer's, same engine, same run. */
    static final double CONV_DENSE_SHARE_TARGET = 0.5;
    /** The CIFAR-size network, error-free, one core, JDK ≥ 21 with the Vector API kernel. */
    static final double CIFAR_IMAGES_TARGET = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final Path dir;

    BenchmarkReport(Path dir, PrintStream out) {
        this.dir = dir;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkReport RESULT_DIRECTORY");
            System.exit(2);
        }
        new BenchmarkReport(Path.of(args[0]), System.out).print();
    }

    void print() throws IOException {
        dense();
        errors();
        sweep();
        conv();
    }

    // (a) ------------------------------------------------------------------------------------

    private void dense() throws IOException {
        out.println();
        out.println("(a) Error-free dense layer, one thread: engine vs plain Long.bitCount loop (DenseLayerBenchmark)");
        Optional<JsonNode> results = results("jmh-dense.json");
        if (results.isEmpty()) {
            out.println("    not run");
            return;
        }
        JsonNode engine = find(results.get(), "DenseLayerBenchmark.engine");
        JsonNode plain = find(results.get(), "DenseLayerBenchmark.plainLoop");
        if (engine == null || plain == null) {
            out.println("    incomplete results");
            return;
        }
        long size = Long.parseLong(engine.path("params").path("size").asText("1024"));
        long macs = size * size;
        out.printf(Locale.ROOT, "    %-12s %14s %22s%n", "kernel", "layers/s", "binary MAC/s (G)");
        for (JsonNode r : List.of(engine, plain)) {
            JsonNode m = r.path("primaryMetric");
            out.printf(Locale.ROOT, "    %-12s %14s %22s%n", shortName(r),
                    withError(m.path("score").asDouble(), m.path("scoreError").asDouble(), 0),
                    withError(m.path("score").asDouble() * macs / 1e9, m.path("scoreError").asDouble() * macs / 1e9, 1));
        }
        double ratio = score(engine) / score(plain);
        out.printf(Locale.ROOT, "    %d×%d layer = %,d binary MACs; engine / plain loop = %.2f×   target ≥ %.1f×: %s%n", size, size, macs,
                ratio,
                DENSE_TARGET, verdict(ratio >= DENSE_TARGET));
        String jdk = engine.path("jdkVersion").asText("?");
        boolean vector = feature(jdk) >= 21 && engine.path("jvmArgs").toString().contains("jdk.incubator.vector");
        out.printf(Locale.ROOT, "    JDK %s, %s%n", jdk,
                vector
                        ? "with jdk.incubator.vector: the engine's Vector API kernel (multi-release jar)"
                        : "no jdk.incubator.vector: the engine's scalar kernel");
        if (vector) {
            out.printf(Locale.ROOT, "    target on a JDK ≥ 21 with the Vector API kernel: engine ≥ %.1f× the plain loop: %.2f× %s%n",
                    DENSE_VECTOR_TARGET,
                    ratio, verdict(ratio >= DENSE_VECTOR_TARGET));
        }
    }

    /** 17 from "17.0.15", 25 from "25.0.3"; 0 if unknown. */
    static int feature(String jdkVersion) {
        try {
            return Integer.parseInt(jdkVersion.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // (b) ------------------------------------------------------------------------------------

    private void errors() throws IOException {
        out.println();
        out.println("(b) Per-inference errors vs error-free, 784-1024-1024-1024-10, one thread (WeightErrorBenchmark)");
        Optional<JsonNode> results = results("jmh-errors.json");
        if (results.isEmpty()) {
            out.println("    not run");
            return;
        }
        List<JsonNode> rows = new ArrayList<>();
        results.get().forEach(rows::add);
        rows.removeIf(r -> !r.path("benchmark").asText().endsWith("WeightErrorBenchmark.perInferenceErrors"));
        rows.sort(Comparator.comparingDouble(BenchmarkReport::ber));
        JsonNode clean = rows.stream().filter(r -> ber(r) == 0).findFirst().orElse(null);
        if (clean == null) {
            out.println("    no error-free point (ber = 0) in the results: ratios need it");
            return;
        }
        long weights = Arrays.stream(Simulation.weightsPerLayer(RandomNetworks.create(WeightErrorBenchmark.REFERENCE, 1))).sum();
        double base = micros(clean);
        String row = "    %-8s %20s %13s %16s %12s %14s%n";
        out.printf(Locale.ROOT, row, "BER", "µs / inference", "× error-free", "flips/inference", "ns per flip", "ns per added");
        out.printf(Locale.ROOT, row, "", "", "", "", "", "flip");
        Double at1e4 = null;
        Double at1e3 = null;
        double previousTime = base;
        double previousFlips = 0;
        for (JsonNode r : rows) {
            double b = ber(r);
            double t = micros(r);
            double ratio = t / base;
            double flips = b * weights;
            String perFlip = b == 0 ? "—" : String.format(Locale.ROOT, "%.1f", (t - base) * 1e3 / flips);
            String perAdded = b == 0 ? "—" : String.format(Locale.ROOT, "%.1f", (t - previousTime) * 1e3 / (flips - previousFlips));
            out.printf(Locale.ROOT, row, r.path("params").path("ber").asText(),
                    microsWithError(r),
                    String.format(Locale.ROOT, "%.2f×", ratio), String.format(Locale.ROOT, "%,.1f", flips), perFlip, perAdded);
            if (b == 1e-4) {
                at1e4 = ratio;
            } else if (b == 1e-3) {
                at1e3 = ratio;
            }
            previousTime = t;
            previousFlips = flips;
        }
        out.printf(Locale.ROOT, "    %,d weights; flips/inference = BER × weights (expected); ns per flip = (t(BER) − t(0)) / flips;%n",
                weights);
        out.println(
                "    ns per added flip = (t(BER) − t(previous BER)) / (flips − previous flips): the marginal cost, without fixed costs");
        out.printf(Locale.ROOT, "    target ≤ %.1f× at BER 1e-4: %s;  target ≤ %.1f× at BER 1e-3: %s%n", BER_1E4_TARGET,
                at1e4 == null ? "not measured" : String.format(Locale.ROOT, "%.2f× %s", at1e4, verdict(at1e4 <= BER_1E4_TARGET)),
                BER_1E3_TARGET,
                at1e3 == null ? "not measured" : String.format(Locale.ROOT, "%.2f× %s", at1e3, verdict(at1e3 <= BER_1E3_TARGET)));
        flipCost(base, weights);
        popcountDomain();
    }

    /** (b) with exact patterns beside the popcount-domain mode (PopcountDomainBenchmark), if it ran. */
    private void popcountDomain() throws IOException {
        Optional<JsonNode> results = results("jmh-popcount.json");
        if (results.isEmpty()) {
            return;
        }
        out.println("    the popcount-domain mode (PopcountDomainBenchmark, one inference; exact in distribution, not bit-identical):");
        String row = "    %-8s %22s %22s %10s%n";
        out.printf(Locale.ROOT, row, "BER", "exact patterns µs", "popcount domain µs", "exact/pd");
        for (JsonNode[] pair : pairsByBer(results.get(), ".exactPatterns", ".popcountDomain")) {
            JsonNode exact = pair[0];
            JsonNode counts = pair[1];
            out.printf(Locale.ROOT, row, exact.path("params").path("ber").asText(), microsWithError(exact),
                    counts == null ? "—" : microsWithError(counts),
                    counts == null ? "—" : String.format(Locale.ROOT, "%.2f×", micros(exact) / micros(counts)));
        }
    }

    /** (b) split into drawing the flips and running the inference with them (FlipCostBenchmark), if it ran. */
    private void flipCost(double base, long weights) throws IOException {
        Optional<JsonNode> results = results("jmh-flipcost.json");
        if (results.isEmpty()) {
            return;
        }
        out.println("    where the time goes (FlipCostBenchmark, same network and keys): drawing one inference's flips");
        out.println(
                "    (WeightErrors.flips -> NestedFlips) and one inference with flips drawn beforehand (kernel, then one count correction per flip)");
        String row = "    %-8s %18s %12s %22s %18s%n";
        out.printf(Locale.ROOT, row, "BER", "draw µs", "ns per flip", "infer+correct µs", "ns per flip over");
        out.printf(Locale.ROOT, row, "", "", "", "", "error-free");
        for (JsonNode[] pair : pairsByBer(results.get(), ".draw", ".applyAndInfer")) {
            JsonNode draw = pair[0];
            JsonNode apply = pair[1];
            double flips = ber(draw) * weights;
            out.printf(Locale.ROOT, row, draw.path("params").path("ber").asText(), microsWithError(draw),
                    String.format(Locale.ROOT, "%.1f", micros(draw) * 1e3 / flips),
                    apply == null ? "—" : microsWithError(apply),
                    apply == null ? "—" : String.format(Locale.ROOT, "%.1f", (micros(apply) - base) * 1e3 / flips));
        }
    }

    /**
     * The results of benchmark method {@code first} in BER order, each with the result of {@code second}
     * at the same BER (null if there is none); methods are named by the ending of their full name.
     */
    private static List<JsonNode[]> pairsByBer(JsonNode results, String first, String second) {
        List<JsonNode> rows = new ArrayList<>();
        results.forEach(rows::add);
        rows.sort(Comparator.comparingDouble(BenchmarkReport::ber));
        List<JsonNode[]> pairs = new ArrayList<>();
        for (JsonNode row : rows) {
            if (row.path("benchmark").asText().endsWith(first)) {
                double b = ber(row);
                JsonNode other = rows.stream().filter(r -> r.path("benchmark").asText().endsWith(second) && ber(r) == b)
                        .findFirst().orElse(null);
                pairs.add(new JsonNode[] {row, other});
            }
        }
        return pairs;
    }

    /** A result's time in µs with its JMH error. */
    private static String microsWithError(JsonNode result) {
        return withError(micros(result), result.path("primaryMetric").path("scoreError").asDouble() * toMicros(result), 1);
    }

    // (c) ------------------------------------------------------------------------------------

    private void sweep() throws IOException {
        out.println();
        out.println("(c) Full sweep: inputs × 9 BER points × trials through 784-1024-1024-1024-10, per-chip errors, wall time");
        Optional<JsonNode> results = results("jmh-sweep.json");
        JsonNode stats = line("sweep-stats.txt", "SWEEP_STATS ").orElse(null);
        List<JsonNode> peers = peers();
        long macs = stats == null ? 0 : stats.path("binary_macs").asLong();
        JsonNode sweep = results.map(r -> find(r, ".SweepBenchmark.sweep")).orElse(null);
        List<Double> shots = shots(sweep);
        if (shots.isEmpty()) {
            out.println("    Java sweep not run");
        } else {
            JsonNode p = sweep.path("params");
            out.printf(Locale.ROOT,
                    "    Java: SweepBenchmark, Simulation with %s threads, %s inputs × %s trials; single-shot iterations: %s s%n",
                    stats == null ? "?" : stats.path("threads").asText(), p.path("inputs").asText(), p.path("trials").asText(),
                    String.join(", ", shots.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList()));
        }
        double cold = shots.isEmpty() ? Double.NaN : shots.get(0);
        double warm = shots.size() < 2
                ? Double.NaN
                : shots.subList(1, shots.size()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        String row = "    %-56s %9s %16s %16s%n";
        out.printf(Locale.ROOT, row, "", "wall s", "Java speed-up", "Java speed-up");
        out.printf(Locale.ROOT, row, "", "", "(Java cold)", "(Java warm)");
        if (!shots.isEmpty()) {
            out.printf(Locale.ROOT, row, "Java engine, iteration 1 (cold JVM)", String.format(Locale.ROOT, "%.2f", cold), "", "");
            if (!Double.isNaN(warm)) {
                out.printf(Locale.ROOT, row,
                        (shots.size() == 2 ? "Java engine, iteration 2" : "Java engine, mean of iterations 2.." + shots.size()) + " (warm)",
                        String.format(Locale.ROOT, "%.2f", warm), "", "");
            }
            if (macs > 0) {
                out.printf(Locale.ROOT,
                        "      %.3g binary MACs to infer it all: %.0f G/s cold%s (effective: chips skip what their flips cannot change)%n",
                        (double) macs, macs / cold / 1e9,
                        Double.isNaN(warm) ? "" : String.format(Locale.ROOT, ", %.0f G/s warm", macs / warm / 1e9));
            }
        }
        double bestPeer = Double.NaN;
        int number = 0;
        for (JsonNode peer : peers) {
            number++;
            double wall = peer.path("wall_s").asDouble();
            boolean forced = !peer.path("openblas_coretype_env").isNull();
            String label = String.format(Locale.ROOT, "NumPy peer #%d, OpenBLAS %s kernel%s", number,
                    peer.path("openblas_corename").asText(),
                    forced ? " (forced)" : " (autodetected)");
            out.printf(Locale.ROOT, row, label, String.format(Locale.ROOT, "%.2f", wall), ratio(wall, cold), ratio(wall, warm));
            out.printf(Locale.ROOT, "      NumPy %s, OpenBLAS %s, %s threads (%s), %s; %.0f GFLOP/s float32, cpu %.1f s%n",
                    peer.path("numpy").asText(), peer.path("openblas_config").asText().replaceAll("^OpenBLAS (\\S+).*", "$1"),
                    peer.path("openblas_threads").asText(), peer.path("openblas_parallel").asText(),
                    forced ? "OPENBLAS_CORETYPE=" + peer.path("openblas_coretype_env").asText() : "OPENBLAS_CORETYPE unset",
                    peer.path("gflops_per_s").asDouble(), peer.path("cpu_s").asDouble());
            bestPeer = Double.isNaN(bestPeer) ? wall : Math.min(bestPeer, wall);
        }
        if (peers.isEmpty()) {
            out.println("    NumPy peer not run");
        }
        out.println("      speed-up = peer wall / Java wall (> 1: the Java engine is faster)");
        if (!shots.isEmpty()) {
            out.printf(Locale.ROOT, "    target ≤ %.0f s wall for the sweep (cold JVM): %.1f s %s%n", SWEEP_WALL_TARGET_S, cold,
                    verdict(cold <= SWEEP_WALL_TARGET_S));
        }
        if (!shots.isEmpty() && !Double.isNaN(bestPeer)) {
            number = 0;
            for (JsonNode peer : peers) {
                number++;
                double speedup = peer.path("wall_s").asDouble() / cold;
                out.printf(Locale.ROOT, "    target ≥ %.0f× faster than peer #%d (Java cold): %.2f× %s%s%n", PEER_SPEEDUP_TARGET, number,
                        speedup,
                        verdict(speedup >= PEER_SPEEDUP_TARGET), peer.path("wall_s").asDouble() == bestPeer && peers.size() > 1
                                ? "   <- the fastest peer: the one the target is judged against"
                                : "");
            }
        }
        sanity(stats, peers);
    }

    /** The single-shot times of a sweep result in seconds, iteration by iteration (empty if not run). */
    private static List<Double> shots(JsonNode sweep) {
        List<Double> shots = new ArrayList<>();
        if (sweep != null) {
            sweep.path("primaryMetric").path("rawData").forEach(fork -> fork.forEach(v -> shots.add(v.asDouble() * toSeconds(sweep))));
        }
        return shots;
    }

    // (d, f, g) convolutions -------------------------------------------------------------------

    private void conv() throws IOException {
        Optional<JsonNode> layers = results("jmh-convlayer.json");
        Optional<JsonNode> networks = results("jmh-convnet.json");
        Optional<JsonNode> sweep = results("jmh-convsweep.json");
        if (layers.isEmpty() && networks.isEmpty() && sweep.isEmpty()) {
            return;
        }
        convLayers(layers);
        convNetworks(networks);
        convSweep(sweep);
    }

    /** (d) Conv layers against the scalar-popcount loop over pre-unrolled patches and the dense layer, same run. */
    private void convLayers(Optional<JsonNode> results) throws IOException {
        out.println();
        out.println("(d) Error-free 3×3 conv layer on a 16×16 map, padding 1, one thread (ConvLayerBenchmark): G binary MAC/s");
        if (results.isEmpty()) {
            out.println("    not run");
            return;
        }
        double dense = results("jmh-dense.json").map(r -> find(r, "DenseLayerBenchmark.engine"))
                .map(r -> score(r) * Math.pow(Long.parseLong(r.path("params").path("size").asText("1024")), 2) / 1e9).orElse(Double.NaN);
        out.printf(Locale.ROOT, "    %-9s %14s %18s %12s %16s%n", "C_in×C_out", "engine", "scalar loop", "engine/loop", "engine/dense");
        double worst = Double.NaN;
        for (JsonNode engine : results.get()) {
            if (!engine.path("benchmark").asText().endsWith(".engine")) {
                continue;
            }
            String channels = engine.path("params").path("channels").asText();
            JsonNode loop = null;
            for (JsonNode r : results.get()) {
                if (r.path("benchmark").asText().endsWith(".kernelOnly") && r.path("params").path("channels").asText().equals(channels)) {
                    loop = r;
                }
            }
            String[] inOut = channels.split("x");
            double macs = 256.0 * 9 * Integer.parseInt(inOut[0]) * Integer.parseInt(inOut[1]) / 1e9;
            double rate = score(engine) * macs;
            double loopRate = loop == null ? Double.NaN : score(loop) * macs;
            double share = rate / dense;
            if (Integer.parseInt(inOut[0]) > 1) { // the 1-channel layer is a first layer: 9-bit rows, not the short-row target
                worst = Double.isNaN(worst) ? share : Math.min(worst, share);
            }
            out.printf(Locale.ROOT, "    %-9s %14.1f %18.1f %11.2f× %15.0f%%%n", channels, rate, loopRate, rate / loopRate, 100 * share);
        }
        if (Double.isNaN(dense)) {
            out.println("    dense layer (a) not run: no share of its rate");
        } else {
            out.printf(Locale.ROOT,
                    "    dense 1024×1024 engine (a): %.1f G/s; target: conv layers ≥ %.0f%% of it: lowest (C_in > 1) %.0f%% %s%n", dense,
                    100 * CONV_DENSE_SHARE_TARGET, 100 * worst, verdict(worst >= CONV_DENSE_SHARE_TARGET));
        }
    }

    /** (f) Whole conv networks per image, one thread. */
    private void convNetworks(Optional<JsonNode> results) {
        out.println();
        out.println("(f) Conv networks, one image per operation, one thread (ConvNetworkBenchmark)");
        if (results.isEmpty()) {
            out.println("    not run");
            return;
        }
        out.printf(Locale.ROOT, "    %-9s %-14s %22s %20s%n", "network", "errors", "images/s per core", "G binary MAC/s");
        boolean vector = false;
        for (JsonNode r : results.get()) {
            JsonNode p = r.path("params");
            String network = p.path("network").asText();
            long macs = ConvNetworks.binaryMacs(RandomNetworks.create(ConvNetworks.named(network), 1));
            JsonNode m = r.path("primaryMetric");
            String errors = p.path("errors").asText() + ("none".equals(p.path("errors").asText()) ? "" : " " + p.path("ber").asText());
            out.printf(Locale.ROOT, "    %-9s %-14s %22s %20.1f%n", network, errors,
                    withError(score(r), m.path("scoreError").asDouble(), 1),
                    score(r) * macs / 1e9);
            vector |= feature(r.path("jdkVersion").asText("?")) >= 21 && r.path("jvmArgs").toString().contains("jdk.incubator.vector");
        }
        JsonNode cifar = null;
        JsonNode cifarErrors = null;
        for (JsonNode r : results.get()) {
            if ("cifar".equals(r.path("params").path("network").asText())) {
                if ("none".equals(r.path("params").path("errors").asText())) {
                    cifar = r;
                } else {
                    cifarErrors = r;
                }
            }
        }
        if (cifar != null) {
            out.printf(Locale.ROOT,
                    "    target (JDK ≥ 21, Vector API kernel): CIFAR-size network ≥ %.0f images/s per core error-free: %.1f %s%n",
                    CIFAR_IMAGES_TARGET, score(cifar),
                    vector ? verdict(score(cifar) >= CIFAR_IMAGES_TARGET) : "(not judged: scalar kernel)");
        }
        if (cifar != null && cifarErrors != null) {
            out.printf(Locale.ROOT, "    CIFAR-size, per-inference errors at %s / error-free time: %.2f×%n",
                    cifarErrors.path("params").path("ber").asText(),
                    score(cifar) / score(cifarErrors));
        }
    }

    /** (g) The Fashion-MNIST conv sweep against the PyTorch float32 peer. */
    private void convSweep(Optional<JsonNode> results) throws IOException {
        out.println();
        out.println("(g) Fashion-MNIST conv sweep: inputs × 9 BER points × trials, per-chip errors, wall time (ConvSweepBenchmark)");
        List<Double> shots = shots(results.map(r -> find(r, "ConvSweepBenchmark.sweep")).orElse(null));
        Optional<JsonNode> peer = line("torch-peer.log", "PEER_RESULT ");
        if (shots.isEmpty()) {
            out.println("    Java sweep not run");
        } else {
            out.printf(Locale.ROOT, "    Java: single-shot iterations %s s%n",
                    String.join(", ", shots.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList()));
        }
        if (peer.isEmpty()) {
            out.println("    PyTorch peer not run");
            return;
        }
        JsonNode p = peer.get();
        double wall = p.path("wall_s").asDouble();
        out.printf(Locale.ROOT, "    PyTorch peer: %.2f s wall, cpu %.1f s; torch %s, %s threads, oneDNN %s, %s; %s inputs × %s trials%n",
                wall,
                p.path("cpu_s").asDouble(), p.path("torch").asText(), p.path("threads").asText(), p.path("mkldnn").asText(),
                p.path("parallel").asText(), p.path("inputs").asText(), p.path("trials").asText());
        if (!shots.isEmpty()) {
            double cold = shots.get(0);
            double best = shots.stream().mapToDouble(Double::doubleValue).min().orElse(cold);
            out.printf(Locale.ROOT,
                    "    target ≥ %.0f× faster than the PyTorch peer (Java cold): %.2f× %s (fastest Java iteration: %.2f×)%n",
                    PEER_SPEEDUP_TARGET, wall / cold, verdict(wall / cold >= PEER_SPEEDUP_TARGET), wall / best);
        }
        line("conv-sweep-stats.txt", "SWEEP_STATS ").ifPresent(stats -> out.printf(Locale.ROOT,
                "    changed predictions vs BER 0 at 1e-3: Java %s, peer %s (different random networks: same order of magnitude expected)%n",
                changed(stats, 1e-3), changed(p, 1e-3)));
    }

    /** Fraction of predictions changed vs BER 0, Java beside each peer: same statistics, different random networks. */
    private void sanity(JsonNode stats, List<JsonNode> peers) {
        if (stats == null && peers.isEmpty()) {
            return;
        }
        out.println("    sanity check: fraction of predictions that differ from the error-free ones. The random networks");
        out.println("    differ between Java and NumPy, so the columns should agree in trend and rough size, not exactly.");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "      %-8s %8s", "BER", "Java"));
        for (int i = 0; i < peers.size(); i++) {
            header.append(String.format(Locale.ROOT, " %9s", "peer #" + (i + 1)));
        }
        out.println(header);
        for (double b : SweepBenchmark.BERS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "      %-8s %8s", berLabel(b), changed(stats, b)));
            for (JsonNode peer : peers) {
                line.append(String.format(Locale.ROOT, " %9s", changed(peer, b)));
            }
            out.println(line);
        }
    }

    /** 0, 1e-6, 3.3e-2, ... */
    static String berLabel(double ber) {
        if (ber == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(ber));
        double mantissa = ber / Math.pow(10, exponent);
        if (mantissa >= 9.9995) {
            exponent++;
            mantissa /= 10;
        } else if (mantissa < 0.9995) {
            exponent--;
            mantissa *= 10;
        }
        String m = String.format(Locale.ROOT, "%.3f", mantissa).replaceAll("\\.?0+$", "");
        return m + "e" + exponent;
    }

    private static String changed(JsonNode node, double ber) {
        if (node == null) {
            return "—";
        }
        var fields = node.path("changed").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (Double.parseDouble(e.getKey()) == ber) {
                return String.format(Locale.ROOT, "%.4f", e.getValue().asDouble());
            }
        }
        return "—";
    }

    // helpers --------------------------------------------------------------------------------

    private Optional<JsonNode> results(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return Optional.empty();
        }
        return Optional.of(json.readTree(file.toFile()));
    }

    private Optional<JsonNode> line(String name, String prefix) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (l.startsWith(prefix)) {
                return Optional.of(json.readTree(l.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    private List<JsonNode> peers() throws IOException {
        List<JsonNode> peers = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("peer-.*\\.log")).sorted().toList()) {
                line(f.getFileName().toString(), "PEER_RESULT ").ifPresent(peers::add);
            }
        }
        return peers;
    }

    private static JsonNode find(JsonNode results, String suffix) {
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().endsWith(suffix)) {
                return r;
            }
        }
        return null;
    }

    private static String shortName(JsonNode r) {
        String name = r.path("benchmark").asText();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static double score(JsonNode r) {
        return r.path("primaryMetric").path("score").asDouble();
    }

    private static double ber(JsonNode r) {
        return Double.parseDouble(r.path("params").path("ber").asText("0"));
    }

    /** Factor from the result's unit to microseconds per operation (AverageTime results). */
    private static double toMicros(JsonNode r) {
        return toSeconds(r) * 1e6;
    }

    private static double micros(JsonNode r) {
        return score(r) * toMicros(r);
    }

    /** Factor from the result's unit to seconds per operation. */
    private static double toSeconds(JsonNode r) {
        String unit = r.path("primaryMetric").path("scoreUnit").asText();
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
        };
    }

    private static String withError(double value, double error, int decimals) {
        String format = "%,." + decimals + "f";
        if (Double.isNaN(error) || error == 0) {
            return String.format(Locale.ROOT, format, value);
        }
        return String.format(Locale.ROOT, format + " ± " + format, value, error);
    }

    private static String ratio(double peer, double java) {
        return Double.isNaN(java) ? "—" : String.format(Locale.ROOT, "%.2f×", peer / java);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
