package org.bnn.spark;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the tasks that finished well (a failed attempt, retried, counts once, when it succeeds): the progress of a job. */
final class TaskCounter extends SparkListener {
    private final AtomicInteger finished = new AtomicInteger();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) {
            finished.incrementAndGet();
        }
    }

    /** Tasks finished so far, over all jobs of the context. */
    int finished() {
        return finished.get();
    }
}
