package org.bnn.train.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.bnn.runtime.data.DataException;
import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.data.Datasets;
import org.bnn.runtime.data.Split;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.weights.WeightsFile;
import org.bnn.train.EpochStats;
import org.bnn.train.Trainer;
import org.bnn.train.TrainingConfig;
import org.bnn.train.TrainingResult;
import org.bnn.train.progress.ProgressBarListener;

/**
 * Trains one of the example networks and writes its weights and a record of the run:
 * <pre>
 *   java -cp ... org.bnn.train.cli.TrainExample mnist-mlp --epochs 20 --batch 100 --lr 3e-3 --final-lr 3e-5 \
 *       --ber 0 --seed 1 --out examples/mnist/weights/mlp.npz [--checkpoint FILE] [--limit N] [--threads T]
 * </pre>
 * The record (next to the weights, {@code .txt}) states the settings, the time, the per-epoch
 * statistics and the clean test accuracy measured by the simulator ({@link BinaryNetwork}) on the
 * whole test set.
 */
public final class TrainExample {
    private TrainExample() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !ExampleNetworks.NAMES.contains(args[0])) {
            System.err.println("usage: TrainExample {" + String.join("|", ExampleNetworks.NAMES)
                    + "} --out FILE.npz [--epochs N] [--batch B] [--lr X] [--final-lr X] [--ber P] [--seed S] [--threads T]"
                    + " [--checkpoint FILE] [--bn-batches N] [--limit N] [--data DIR]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String network = args[0];
        NetworkSpec spec = ExampleNetworks.byName(network);
        boolean fashion = network.startsWith("fashion");
        Path data = Path.of(options.getOrDefault("--data", fashion ? Datasets.FASHION_MNIST_FOLDER : Datasets.MNIST_FOLDER));
        int limit = Integer.parseInt(options.getOrDefault("--limit", "60000"));
        TrainingConfig config = new TrainingConfig(Integer.parseInt(options.getOrDefault("--epochs", "20")),
                Integer.parseInt(options.getOrDefault("--batch", "100")), Double.parseDouble(options.getOrDefault("--lr", "3e-3")),
                Double.parseDouble(options.getOrDefault("--final-lr", "3e-5")), Double.parseDouble(options.getOrDefault("--ber", "0")),
                Long.parseLong(options.getOrDefault("--seed", "1")),
                Integer.parseInt(options.getOrDefault("--threads", String.valueOf(Runtime.getRuntime().availableProcessors()))),
                options.containsKey("--checkpoint") ? Path.of(options.get("--checkpoint")) : null,
                Integer.parseInt(options.getOrDefault("--bn-batches", "0")));
        Path out = Path.of(options.getOrDefault("--out", network + ".npz"));
        Dataset train;
        Dataset test;
        try {
            train = fashion ? Datasets.fashionMnist(data, Split.TRAIN, limit) : Datasets.mnist(data, Split.TRAIN, limit);
            test = fashion ? Datasets.fashionMnist(data, Split.TEST) : Datasets.mnist(data, Split.TEST);
        } catch (DataException e) {
            System.err.println("train: " + e.getMessage());
            System.exit(1);
            return;
        }
        long start = System.nanoTime();
        TrainingResult result = Trainer.train(spec, config, train, test, new ProgressBarListener(network, System.err));
        double minutes = (System.nanoTime() - start) / 60e9;
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        WeightsFile.write(out, result.parameters());
        BinaryNetwork simulator = BinaryNetwork.create(spec, WeightsFile.read(out));
        long correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (simulator.predict(simulator.encode(test.image(i))) == test.label(i)) {
                correct++;
            }
        }
        double accuracy = correct / (double) test.size();
        Path record = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.npz$", "") + ".txt");
        try (PrintStream text = new PrintStream(Files.newOutputStream(record), true, StandardCharsets.UTF_8)) {
            text.printf(Locale.ROOT, "network:      %s (%s)%n", network, spec.name());
            text.printf(Locale.ROOT, "data:         %s, %d training images, %d test images%n", train.name(), train.size(), test.size());
            text.printf(Locale.ROOT, "settings:     %s, threads %d%n", config.fingerprint(), config.threads());
            text.printf(Locale.ROOT, "epochs run:   %d of %d%s%n", result.epochs().size(), config.epochs(),
                    result.complete() ? "" : " (stopped)");
            text.printf(Locale.ROOT, "time:         %.1f min this run (epoch times below; a resumed run adds earlier sittings)%n", minutes);
            text.printf(Locale.ROOT,
                    "accuracy:     %.2f %% clean test accuracy measured by the simulator (BinaryNetwork) on all %d test images%n",
                    100 * accuracy, test.size());
            text.printf(Locale.ROOT, "trainer:      %.2f %% (evaluation-mode float network after the last epoch)%n",
                    100 * result.finalTestAccuracy());
            for (EpochStats s : result.epochs()) {
                text.println(ProgressBarListener.line(network, s, config.epochs()));
            }
        }
        System.out.printf(Locale.ROOT, "%s: %.2f %% test accuracy (simulator), weights in %s, record in %s%n", network, 100 * accuracy, out,
                record);
    }
}
