package org.bnn.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.WeightErrors;
import org.bnn.runtime.simulation.Simulation;
import org.bnn.runtime.spec.NetworkSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) The full sweep of the issue, timed as one operation: {@code inputs} real inputs of 784
 * values (uniform in [0, 1), binarized at 0.5 inside the operation) through the reference network
 * 784-1024-1024-1024-10 with random ±1 weights, at 9 BER points × {@code trials} chip instances
 * with per-chip (static) weight errors in every layer, on {@code Simulation} with one thread per
 * available processor. Every BER point uses the same seed, so {@code ErrorKeys.chip} +
 * {@code NestedFlips} give nested flip sets across the sweep (common random numbers), as designed.
 * <p>
 * Timed: encoding the inputs, drawing every chip's flips, building the flipped chips, all
 * inferences and argmaxes. Not timed: creating the random network and the real inputs. Mode is
 * single shot with no warm-up, so the first measured iteration is the cold-JVM wall time a user of
 * the CLI would see and the later ones are warm; {@code scripts/bench.sh} reports both.
 * <p>
 * The NumPy + OpenBLAS peer ({@code python/peer_sweep.py}) simulates the same sweep in float32;
 * {@code BenchmarkReport} sets the two side by side. As a sanity check that both simulate the
 * same thing, the benchmark records, per BER point, the fraction of predictions that differ from
 * the error-free ones (to the file named by {@code -Dbnn.bench.sweepStats}, else standard output);
 * the peer prints the same statistic for its own random network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
public class SweepBenchmark {
    /** The BER points of the issue. */
    public static final double[] BERS = {0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1};

    static final NetworkSpec REFERENCE = NetworkSpec.builder("Mlp", "pixels", 28, 28)
            .dense("fc1", 1024).dense("fc2", 1024).dense("fc3", 1024).output("out", 10).build();

    private static final long NETWORK_SEED = 1;
    private static final long INPUT_SEED = 2;
    private static final long ERROR_SEED = 3;

    @Param({"10000"})
    public int inputs;

    @Param({"5"})
    public int trials;

    private BinaryNetwork network;
    private double[][] realInputs;
    private Simulation simulation;
    private int threads;
    private int[][][] last;

    @Setup(Level.Trial)
    public void setUp() {
        network = RandomNetworks.create(spec(), NETWORK_SEED);
        realInputs = RandomNetworks.realInputs(network.inputSize(), inputs, INPUT_SEED);
        threads = Runtime.getRuntime().availableProcessors();
        simulation = new Simulation(threads);
    }

    /** The network swept: the reference MLP here. */
    NetworkSpec spec() {
        return REFERENCE;
    }

    /** The whole sweep; returns predictions [ber][trial][input]. */
    @Benchmark
    public int[][][] sweep() {
        long[][] encoded = new long[realInputs.length][];
        for (int n = 0; n < encoded.length; n++) {
            encoded[n] = network.encode(realInputs[n]);
        }
        int layers = network.weightLayerCount();
        int[][][] predictions = new int[BERS.length][][];
        for (int b = 0; b < BERS.length; b++) {
            WeightErrors errors = WeightErrors.uniform(Resampling.PER_CHIP, BERS[b], layers);
            predictions[b] = simulation.predict(network, encoded, errors, trials, ERROR_SEED);
        }
        last = predictions;
        return predictions;
    }

    /** Records the sanity statistic of the last sweep (not timed). */
    @TearDown(Level.Trial)
    public void recordStatistics() {
        if (last == null) {
            return;
        }
        StringBuilder line = new StringBuilder("SWEEP_STATS {\"threads\": ").append(threads)
                .append(", \"inputs\": ").append(inputs).append(", \"trials\": ").append(trials)
                .append(", \"binary_macs\": ").append(binaryMacs()).append(", \"changed\": {");
        for (int b = 0; b < BERS.length; b++) {
            line.append(b == 0 ? "" : ", ").append('"').append(BERS[b]).append("\": ")
                    .append(String.format(Locale.ROOT, "%.6f", changedFraction(last[0], last[b])));
        }
        line.append("}}");
        String target = System.getProperty("bnn.bench.sweepStats");
        if (target == null) {
            System.out.println(line);
            return;
        }
        try {
            Files.writeString(Path.of(target), line + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Binary multiply-accumulates (weights × positions × input planes) of one sweep inferred in full: every trial of every BER point,
     * except that the error-free point is inferred once for all its trials (Simulation copies it).
     * Chips with few flipped weights start from the error-free run and compute less than this
     * (Simulation, CleanRun), so rates from it are effective rates.
     */
    long binaryMacs() {
        long perInference = ConvNetworks.binaryMacs(network);
        long cleanPoints = Arrays.stream(BERS).filter(ber -> ber == 0).count();
        return perInference * inputs * (trials * (BERS.length - cleanPoints) + cleanPoints);
    }

    /** Fraction of predictions, over all trials, that differ from the error-free ones. */
    static double changedFraction(int[][] clean, int[][] noisy) {
        long changed = 0;
        long total = 0;
        for (int t = 0; t < noisy.length; t++) {
            for (int n = 0; n < noisy[t].length; n++) {
                changed += noisy[t][n] != clean[t][n] ? 1 : 0;
                total++;
            }
        }
        return (double) changed / total;
    }
}
