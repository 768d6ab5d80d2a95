package org.bnn.train.progress;

import java.io.PrintStream;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.bnn.train.EpochStats;
import org.bnn.train.TrainingListener;

/**
 * A console progress bar per epoch (batches done, running loss and accuracy, time left), then one
 * summary line per epoch: loss, training accuracy, test accuracy, learning rate, seconds.
 */
public final class ProgressBarListener implements TrainingListener {
    private final PrintStream out;
    private final String name;
    private ProgressBar bar;
    private int epochs;
    private int batches;

    /** Writes to {@code out} (standard error keeps standard output clean for results). */
    public ProgressBarListener(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public void started(int firstEpoch, int epochCount, int batchesPerEpoch) {
        this.epochs = epochCount;
        this.batches = batchesPerEpoch;
        if (firstEpoch > 0) {
            out.printf(Locale.ROOT, "%s: resuming after epoch %d of %d%n", name, firstEpoch, epochCount);
        }
    }

    @Override
    public void batchEnded(int epoch, int batch, double meanLoss, double meanAccuracy) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%s epoch %d/%d", name, epoch + 1, epochs))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }
        bar.stepTo(batch + 1L);
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.2f%%", meanLoss, 100 * meanAccuracy));
    }

    @Override
    public void epochEnded(EpochStats stats) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.println(line(name, stats, epochs));
    }

    /** The summary line of one epoch. */
    public static String line(String name, EpochStats s, int epochs) {
        return String.format(Locale.ROOT, "%s epoch %d/%d: loss %.4f, train %.2f%%, test %.2f%%, lr %.2e, %.1f s", name, s.epoch() + 1,
                epochs, s.trainLoss(), 100 * s.trainAccuracy(), 100 * s.testAccuracy(), s.learningRate(), s.seconds());
    }
}
