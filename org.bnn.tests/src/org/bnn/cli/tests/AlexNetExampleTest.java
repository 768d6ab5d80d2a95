package org.bnn.cli.tests;

import static org.bnn.cli.testing.CliRun.bnn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bnn.dsl.tests.TestFiles;
import org.junit.jupiter.api.Test;
import org.bnn.cli.testing.CliRun;

/** examples/imagenet/alexnet.bnn: a network 14.9 times larger than its chip, estimated with its reprogramming cost. */
class AlexNetExampleTest {
    private static final String EXAMPLE = TestFiles.repositoryRoot().resolve("examples/imagenet/alexnet.bnn").toString();

    @Test
    void theEstimateReportsTilesEnergyLatencyAndReprogramming() {
        CliRun run = bnn("estimate", EXAMPLE);
        assertEquals(0, run.exit(), run.all());
        String out = run.out();
        for (String expected : List.of("  conv1             363       96       3025       36  tiles 0..35",
                "  fc6              9216     4096          1    36864  tiles 0..4095 (streamed)",
                "  out              4096     1000          1     4096",
                "tiles: 61004 of 4096 (1489.4 %) -- DOES NOT FIT", "energy per inference: 96.5 uJ",
                "latency: 814106 cycles = 8.14 ms per inference",
                // nominal: 1e7 cycles of endurance; ultra_low: 1e10, and a cheaper pulse
                "reprogramming (per inference): 61004 tile writes, 15 per device, 124936192 pulses, 11.2 mJ; devices worn out after 6.67e+05 inferences",
                "reprogramming (per inference): 61004 tile writes, 15 per device, 124936192 pulses, 1.62 mJ; devices worn out after 6.67e+08 inferences")) {
            assertTrue(out.contains(expected), "«" + expected + "» in\n" + out);
        }
    }

    @Test
    void checkWarnsThatTheWeightsAreReprogrammedAndFindsNoError() {
        CliRun run = bnn("check", EXAMPLE);
        assertEquals(0, run.exit(), run.all());
        assertEquals(2, run.out().lines().filter(l -> l.contains("warning: Network AlexNet needs 61004 tiles of T32")
                && l.endsWith("[org.bnn.dsl.mappingNeedsReprogramming]")).count(), run.out());
        assertTrue(run.err().contains("0 errors, 2 warnings in 1 file"), run.err());
    }
}
