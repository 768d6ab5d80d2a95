package org.bnn.spark.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

import org.bnn.spark.SparkMaster;
import org.junit.jupiter.api.Test;

/** Masters are read and checked before anything runs: malformed ones and ones out of reach are one line. */
class SparkMasterTest {
    private static final Optional<String> NOT_SUBMITTED = Optional.empty();

    @Test
    void embeddedMastersAreAcceptedAsSparkWritesThem() {
        for (String master : new String[] {"local", "local[1]", "local[2]", "local[*]", "local[2,3]"}) {
            SparkMaster parsed = SparkMaster.parse(master, NOT_SUBMITTED);
            assertEquals(Optional.of(master), parsed.url());
            assertTrue(parsed.embedded(), master);
        }
        assertFalse(SparkMaster.parse("yarn", NOT_SUBMITTED).embedded());
        assertEquals(Optional.of("k8s://https://10.0.0.1:6443"), SparkMaster.parse("k8s://https://10.0.0.1:6443", NOT_SUBMITTED).url());
    }

    @Test
    void malformedMastersSayWhatIsExpected() {
        for (String master : new String[] {"", "local[0]", "local[two]", "sparkk://127.0.0.1:7077", "spark://127.0.0.1", "spark://:7077",
            "spark://127.0.0.1:99999", "mesos://x:5050"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkMaster.parse(master, NOT_SUBMITTED),
                    master);
            assertTrue(e.getMessage().startsWith("not a Spark master: '" + master + "'"), e.getMessage());
        }
    }

    /** A standalone master that takes no connection is refused at once, not after Spark's minute of retries. */
    @Test
    void aStandaloneMasterOutOfReachIsRefusedWithItsAddress() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free once closed: nothing listens there
        }
        int closed = port;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkMaster.parse("spark://127.0.0.1:" + closed, NOT_SUBMITTED));
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master at 127.0.0.1:" + closed + " ("), e.getMessage());
    }

    /** One master of a high-availability list that listens is enough. */
    @Test
    void aStandaloneMasterThatListensIsAccepted() throws IOException {
        try (ServerSocket master = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "spark://127.0.0.1:1,127.0.0.1:" + master.getLocalPort();
            SparkMaster parsed = SparkMaster.parse(url, NOT_SUBMITTED);
            assertEquals(Optional.of(url), parsed.url());
            assertFalse(parsed.embedded());
        }
    }

    @Test
    void submitTakesSparkSubmitsMasterAndOnlyUnderSparkSubmit() {
        assertEquals(Optional.empty(), SparkMaster.parse(SparkMaster.SUBMIT, Optional.of("yarn")).url());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkMaster.parse(SparkMaster.SUBMIT, NOT_SUBMITTED));
        assertTrue(e.getMessage().contains("not started by spark-submit"), e.getMessage());
    }
}
