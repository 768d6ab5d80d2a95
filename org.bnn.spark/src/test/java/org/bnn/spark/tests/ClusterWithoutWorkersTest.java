package org.bnn.spark.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bnn.runtime.experiment.ExperimentRunner;
import org.bnn.runtime.explore.ExecutorFailure;
import org.bnn.runtime.explore.Exploration;
import org.bnn.runtime.explore.ExplorationJob;
import org.bnn.runtime.explore.ExploreSpec;
import org.bnn.runtime.testing.ExploreDesigns;
import org.bnn.spark.SparkExecutor;
import org.bnn.spark.SparkMaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone master without a worker gives an application no executor, and Spark would wait for one forever: the
 * job is cancelled after the wait and says what to check. A real master process (no worker) on 127.0.0.1.
 */
class ClusterWithoutWorkersTest {
    private static final int WAIT_SECONDS = 3;

    @TempDir
    Path dir;

    @Test
    @Timeout(180) // without the wait, Spark's own: forever
    void aClusterThatGivesNoExecutorEndsTheJobWithAReason() throws Exception {
        int port = freePort();
        Process master = startMaster(port);
        Map<String, String> properties = Map.of(SparkExecutor.EXECUTOR_WAIT, String.valueOf(WAIT_SECONDS), "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                // tests run from class folders, not the job jar: any jar stands for it (no task ever starts)
                "spark.jars", Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        properties.forEach(System::setProperty);
        try {
            awaitListening(port, master);
            ExploreSpec spec = ExploreDesigns.spec();
            ExplorationJob job = ExplorationJob.load(spec, Exploration.plan(spec).simulations(), Path.of("."));
            try (SparkExecutor spark = new SparkExecutor(SparkMaster.parse("spark://127.0.0.1:" + port, Optional.empty()))) {
                long start = System.nanoTime();
                ExecutorFailure failure = assertThrows(ExecutorFailure.class,
                        () -> spark.execute(job, job.tasks(), ExperimentRunner.Progress.NONE));
                assertTrue(failure.getMessage().startsWith("no Spark executor joined within " + WAIT_SECONDS + " s: do the workers offer"),
                        failure.getMessage());
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "ended after the wait, not Spark's forever");
            }
        } finally {
            properties.keySet().forEach(System::clearProperty);
            master.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startMaster(int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the module options this JVM got (Spark's, from the pom), then the master on loopback
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).toList());
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.apache.spark.deploy.master.Master", "--host",
                "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("master.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private void awaitListening(int port, Process master) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                fail("the master exited: " + java.nio.file.Files.readString(dir.resolve("master.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        fail("the master did not listen within 90 s: " + java.nio.file.Files.readString(dir.resolve("master.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
