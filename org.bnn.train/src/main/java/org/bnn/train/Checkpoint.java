package org.bnn.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.bnn.runtime.weights.NpyArray;
import org.bnn.runtime.weights.NpzReader;
import org.bnn.runtime.weights.NpzWriter;
import org.bnn.runtime.weights.WeightsException;
import org.bnn.train.model.BinaryNet;
import org.bnn.train.model.Parameter;

/**
 * The whole training state after an epoch, as an {@code .npz} file: every parameter with its Adam
 * moments (float32, exactly as in memory), the running batch-norm statistics, Adam's step count, the
 * epochs done with their statistics, and a fingerprint of the network and the configuration. Shuffling
 * and flips are keyed by (seed, epoch, batch), so nothing else is needed: a resumed run continues
 * bit for bit as if it had never stopped. Written to a temporary file and moved into place, so an
 * interruption never leaves a half-written checkpoint.
 */
final class Checkpoint {
    private static final String FINGERPRINT = "fingerprint";
    private static final String EPOCHS = "epochs_done";
    private static final String STEPS = "adam_steps";
    private static final String STATS = "epoch_stats";
    private static final int STAT_FIELDS = 6;

    /** What a checkpoint restores besides the network itself. */
    record State(int epochsDone, long adamSteps, List<EpochStats> stats) {
    }

    private Checkpoint() {
    }

    static String fingerprint(BinaryNet network, TrainingConfig config) {
        return network.spec() + " | " + config.fingerprint();
    }

    static void save(Path file, BinaryNet network, TrainingConfig config, State state) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (NpzWriter out = NpzWriter.create(temporary)) {
                byte[] text = fingerprint(network, config).getBytes(StandardCharsets.UTF_8);
                out.add(FINGERPRINT, NpyArray.ofUnsignedBytes(text, text.length));
                out.add(EPOCHS, NpyArray.scalar((long) state.epochsDone()));
                out.add(STEPS, NpyArray.scalar(state.adamSteps()));
                double[] stats = new double[state.stats().size() * STAT_FIELDS];
                for (int e = 0; e < state.stats().size(); e++) {
                    EpochStats s = state.stats().get(e);
                    System.arraycopy(
                            new double[] {s.epoch(), s.trainLoss(), s.trainAccuracy(), s.testAccuracy(), s.learningRate(), s.seconds()},
                            0, stats, e * STAT_FIELDS, STAT_FIELDS);
                }
                out.add(STATS, NpyArray.ofDoubles(stats, state.stats().size(), STAT_FIELDS));
                for (Parameter p : network.parameters()) {
                    out.add("parameter/" + p.name(), NpyArray.ofFloats(p.value(), p.size()));
                    out.add("adam_m/" + p.name(), NpyArray.ofFloats(p.firstMoment(), p.size()));
                    out.add("adam_v/" + p.name(), NpyArray.ofFloats(p.secondMoment(), p.size()));
                }
                List<float[]> running = network.runningStatistics();
                for (int i = 0; i < running.size(); i++) {
                    out.add("running/" + i, NpyArray.ofFloats(running.get(i), running.get(i).length));
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WeightsException("checkpoint " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Restores {@code network} from {@code file}; refuses a checkpoint of another network or configuration. */
    static State restore(Path file, BinaryNet network, TrainingConfig config) {
        try (NpzReader in = NpzReader.open(file)) {
            // Every member is checked before any parameter is overwritten: a damaged member found halfway
            // would leave the network half restored (the reads below check their members again).
            in.verifyChecksums();
            String saved = new String(in.array(FINGERPRINT).bytes(), StandardCharsets.UTF_8);
            String expected = fingerprint(network, config);
            if (!saved.equals(expected)) {
                throw new WeightsException("checkpoint " + file + " belongs to another training (" + saved + "), not to this one ("
                        + expected + "): delete it or choose another checkpoint file");
            }
            for (Parameter p : network.parameters()) {
                copy(in, "parameter/" + p.name(), p.value());
                copy(in, "adam_m/" + p.name(), p.firstMoment());
                copy(in, "adam_v/" + p.name(), p.secondMoment());
            }
            List<float[]> running = network.runningStatistics();
            for (int i = 0; i < running.size(); i++) {
                copy(in, "running/" + i, running.get(i));
            }
            double[] stats = in.array(STATS).toDoubles();
            List<EpochStats> epochs = new ArrayList<>();
            for (int e = 0; e < stats.length / STAT_FIELDS; e++) {
                int o = e * STAT_FIELDS;
                epochs.add(new EpochStats((int) stats[o], stats[o + 1], stats[o + 2], stats[o + 3], stats[o + 4], stats[o + 5]));
            }
            return new State((int) in.array(EPOCHS).toLongs()[0], in.array(STEPS).toLongs()[0], epochs);
        }
    }

    private static void copy(NpzReader in, String name, float[] target) {
        double[] values = in.array(name).toDoubles();
        if (values.length != target.length) {
            throw new WeightsException(in.where(name) + " has " + values.length + " values, the network needs " + target.length);
        }
        for (int i = 0; i < values.length; i++) {
            target[i] = (float) values[i];
        }
    }
}
