package org.bnn.report.progress;

import java.io.PrintStream;
import java.util.Locale;

import org.bnn.runtime.experiment.ExperimentRunner;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar over the points of a sweep (on standard error: results stay on standard output). */
public final class SweepProgressBar implements ExperimentRunner.Progress, AutoCloseable {
    private final String name;
    private final PrintStream out;
    private ProgressBar bar;

    public SweepProgressBar(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public void step(int done, int total, String label) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(String.format(Locale.ROOT, " point %s", label));
        if (done == total) {
            close();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
