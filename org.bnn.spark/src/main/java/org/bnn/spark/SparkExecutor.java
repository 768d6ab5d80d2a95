package org.bnn.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.explore.ExecutorFailure;
import org.bnn.runtime.explore.ExplorationJob;
import org.bnn.runtime.explore.ExploreExecutor;
import org.bnn.runtime.explore.ShardResult;
import org.bnn.runtime.explore.SimulationTask;

/**
 * Runs an exploration's tasks on Apache Spark. The job (descriptions, weights, encoded inputs) is broadcast, so each
 * executor receives it once; each task is one partition, {@link ExplorationJob#run} of one (simulation, chip, shard),
 * a pure function of the job and the task. Results come back in task order, so retried, lost or re-scheduled
 * tasks change nothing: the report is the same, byte for byte, as in-process.
 * <p>
 * The Spark context starts with the first exploration and stops on {@link #close()}.
 */
public final class SparkExecutor implements ExploreExecutor {
    /** How often the progress is told while the job runs. */
    private static final long PROGRESS_MILLIS = 250;
    /** The Spark property (a system property, like every {@code spark.*}) of how long a job waits for its first executor. */
    public static final String EXECUTOR_WAIT = "spark.bnn.executorWaitSeconds";
    private static final long DEFAULT_EXECUTOR_WAIT_SECONDS = 120;

    private final SparkMaster master;
    private JavaSparkContext context;
    private TaskCounter counter;

    public SparkExecutor(SparkMaster master) {
        this.master = master;
    }

    @Override
    public List<ShardResult> execute(ExplorationJob job, List<SimulationTask> tasks, ExperimentRunner.Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        JavaSparkContext spark = context();
        Broadcast<ExplorationJob> shared = spark.broadcast(job);
        try {
            int before = counter.finished();
            JavaFutureAction<List<ShardResult>> running = spark.parallelize(tasks, tasks.size()).map(new RunTask(shared)).collectAsync();
            return inTaskOrder(tasks, await(running, before, tasks.size(), progress));
        } catch (ExecutionException e) {
            throw new ExecutorFailure("the Spark job failed: " + firstLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorFailure("the Spark job was interrupted", e);
        } finally {
            try {
                shared.destroy();
            } catch (RuntimeException contextGone) {
                // The context went down with the job (a lost cluster): there is nothing left to free.
            }
        }
    }

    /**
     * Waits for the job, telling the progress as tasks finish. On a cluster that gives the application no executor (no
     * worker with the cores and memory asked for), Spark would wait forever: after {@link #EXECUTOR_WAIT} seconds
     * without one, the job is cancelled and said why.
     */
    private List<ShardResult> await(JavaFutureAction<List<ShardResult>> running, int before, int total, ExperimentRunner.Progress progress)
            throws ExecutionException, InterruptedException {
        long waitNanos = TimeUnit.SECONDS.toNanos(context.getConf().getLong(EXECUTOR_WAIT, DEFAULT_EXECUTOR_WAIT_SECONDS));
        long withoutExecutorSince = System.nanoTime();
        int told = 0;
        while (!running.isDone()) {
            int finished = Math.min(total, counter.finished() - before);
            if (finished > told) {
                progress.step(finished, total, "simulations");
                told = finished;
            }
            if (master.embedded() || context.sc().statusTracker().getExecutorInfos().length > 1) { // the driver is listed too
                withoutExecutorSince = System.nanoTime();
            } else if (System.nanoTime() - withoutExecutorSince > waitNanos) {
                running.cancel(true);
                throw new ExecutorFailure("no Spark executor joined within " + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s: do the"
                        + " workers offer the cores and memory asked for (spark.executor.memory, now "
                        + context.getConf().get("spark.executor.memory", "1g") + ")? (" + EXECUTOR_WAIT + " sets the wait)", null);
            }
            try {
                running.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // tell the progress again
            }
        }
        List<ShardResult> results = running.get();
        if (told < total) {
            progress.step(total, total, "simulations");
        }
        return results;
    }

    /** Collected partitions come back in partition order, one task each; checked, since the report relies on it. */
    private static List<ShardResult> inTaskOrder(List<SimulationTask> tasks, List<ShardResult> results) {
        if (results.size() != tasks.size()) {
            throw new ExecutorFailure("the Spark job returned " + results.size() + " results for " + tasks.size() + " tasks", null);
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (!results.get(i).task().equals(tasks.get(i))) {
                throw new ExecutorFailure("the Spark job returned its results out of task order (at " + i + ")", null);
            }
        }
        return results;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf().setAppName("bnn explore").setIfMissing("spark.ui.enabled", "false");
            master.url().ifPresent(conf::setMaster);
            if (master.embedded()) {
                // Embedded, nothing needs to reach the driver from outside: it listens on the loopback only.
                conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            } else if (master.url().isPresent() && !conf.contains("spark.jars")) {
                // A cluster's executors load the tasks' classes from the job jar this class was loaded from.
                conf.setJars(new String[] {jobJar().toString()});
            }
            try {
                context = new JavaSparkContext(conf);
            } catch (RuntimeException e) {
                throw new ExecutorFailure("cannot start Spark on " + master.url().orElse("spark-submit's master") + ": " + firstLine(e), e);
            }
            counter = new TaskCounter();
            context.sc().addSparkListener(counter);
        }
        return context;
    }

    /** The jar the executors need: the one holding this class (and the simulator), bnn-spark.jar. */
    private static Path jobJar() {
        try {
            Path location = Path.of(SparkExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
            throw new ExecutorFailure("a Spark cluster needs the job jar, and this runs from " + location
                    + ": run through ./bnn, which uses org.bnn.spark/target/bnn-spark.jar", null);
        } catch (URISyntaxException e) {
            throw new ExecutorFailure("cannot locate the job jar: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }

    /** One task: the broadcast job, run on one (simulation, chip, shard). A class of its own, so that it carries only the broadcast. */
    private static final class RunTask implements Function<SimulationTask, ShardResult> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<ExplorationJob> job;

        RunTask(Broadcast<ExplorationJob> job) {
            this.job = job;
        }

        @Override
        public ShardResult call(SimulationTask task) {
            return job.value().run(task);
        }
    }
}
