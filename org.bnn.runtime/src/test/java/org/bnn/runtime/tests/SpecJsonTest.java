package org.bnn.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.SenseAmpSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.json.SpecJson;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.ChipSpec;
import org.bnn.runtime.spec.InputEncoding;
import org.bnn.runtime.spec.InputSpec;
import org.bnn.runtime.spec.MappingSpec;
import org.bnn.runtime.spec.NetworkSpec;
import org.bnn.runtime.spec.Padding;
import org.bnn.runtime.spec.PoolKind;
import org.bnn.runtime.spec.Shape;
import org.bnn.runtime.spec.TileSpec;
import org.bnn.runtime.spec.WeightValues;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Resolved descriptions survive a JSON round trip exactly, and bad JSON is rejected clearly. */
class SpecJsonTest {

    private static MappingSpec fullMapping() {
        RegimeSpec nominal = new RegimeSpec("nominal", new LogNormal(8e3, 0.25), new LogNormal(180e3, 0.8),
                Pulse.of(1.8, 100e-6, 500e-9), new Pulse(1.8, 100e-6, 500e-9, 80e-12), 1e7);
        DeviceSpec hfo2 = new DeviceSpec("HfO2", "TiN/HfO2/Ti/TiN", List.of(nominal), new StuckAt(1e-5, 2e-5));
        TileSpec tile = TileSpec.builder("T32", 32, 32).device(hfo2).sense(new SenseAmpSpec(0.02, 0.01, 25e-15, 2e-9))
                .popcountEnergy(20e-15).build();
        ChipSpec chip = ChipSpec.builder("Demo", 4096, tile).clock(100e6).thresholdEnergy(0.2e-12).bufferEnergy(0.2e-12).build();
        NetworkSpec network = NetworkSpec.builder("Cnn", new InputSpec("img", new Shape(28, 28, 1), new InputEncoding.BitSerial(8)))
                .conv("c1", 32, 3, 1, new Padding(1, -1)).pool("p1", PoolKind.MAX, 2, 2)
                .dense("fc", 128).output("out", 10).build();
        return new MappingSpec("OnDemo", network, chip, Optional.of("nominal"), Map.of("c1", 4), true);
    }

    @Test
    void aFullMappingRoundTripsExactly() {
        MappingSpec mapping = fullMapping();
        String json = SpecJson.write(mapping);
        assertEquals(mapping, SpecJson.read(json, MappingSpec.class));
        assertTrue(json.contains("\"kind\" : \"conv\""), json);
        assertTrue(json.contains("\"kind\" : \"bitserial\""), json);
        assertTrue(json.contains("\"medianOhms\" : 8000.0"), json);
    }

    /**
     * A pool's kind once shared the property that names the layer's type: through a JSON tree (report.json) the
     * layer became {@code "kind" : "MAX"}, which did not read back. Now it round-trips through a tree too.
     */
    @Test
    void aNetworkWithAPoolRoundTripsThroughAJsonTree() throws Exception {
        NetworkSpec network = fullMapping().network();
        String json = SpecJson.write(network);
        String throughTree = new ObjectMapper().readTree(json).toPrettyString();
        assertEquals(network, SpecJson.read(throughTree, NetworkSpec.class));
        assertTrue(json.contains("\"kind\" : \"pool\"") && json.contains("\"pool\" : \"MAX\""), json);
    }

    /**
     * report.json files written before the fix hold a pool as {@code "kind" : "MAX"} (the pool's kind having
     * replaced the layer's in the tree, in place): they still read, as the pool they were.
     */
    @Test
    void aPoolWrittenBeforeItsKindHadItsOwnNameStillReads() {
        NetworkSpec network = fullMapping().network();
        String json = SpecJson.write(network);
        String old = json.replace("\"kind\" : \"pool\"", "\"kind\" : \"MAX\"").replaceAll(",\\s*\"pool\" : \"MAX\"", "");
        assertFalse(old.contains("\"pool\""), old);
        assertEquals(network, SpecJson.read(old, NetworkSpec.class));
    }

    /** Ternary layers write their values; binary ones leave them out, so older JSON still reads (as binary). */
    @Test
    void weightValuesAreWrittenForTernaryLayersOnly() {
        NetworkSpec mixed = NetworkSpec.builder("Mixed", "in", 20).dense("fc1", 8).weights(WeightValues.TERNARY).dense("fc2", 6)
                .weights(WeightValues.BINARY).output("out", 3).build();
        String json = SpecJson.write(mixed);
        assertEquals(mixed, SpecJson.read(json, NetworkSpec.class));
        assertEquals(1, json.split("\"values\"", -1).length - 1, json);
        assertTrue(json.contains("\"values\" : \"TERNARY\""), json);
        NetworkSpec binary = SpecJson.read(json.replaceAll(",\\s*\"values\" : \"TERNARY\"", ""),
                NetworkSpec.class);
        assertFalse(binary.hasTernaryWeights(), "a layer without values reads as binary");
        assertTrue(mixed.hasTernaryWeights());
    }

    @Test
    void everyCellTechnologyRoundTripsUnderItsKind() {
        for (CellTechnology cell : List.of(new CellTechnology.TwoTransistorTwoResistor(),
                new CellTechnology.OneTransistorOneResistor(new ReadReference.Fixed(18e3)),
                new CellTechnology.OneTransistorOneResistor(new ReadReference.Best()),
                new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Best(), OptionalDouble.of(2e-12)),
                new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Fixed(18e3), OptionalDouble.empty()))) {
            String json = SpecJson.write(cell);
            assertEquals(cell, SpecJson.read(json, CellTechnology.class), json);
            assertTrue(json.contains("\"kind\" : \"" + cell.getClass().getSimpleName() + "\""), json);
            assertFalse(json.contains("label"), "only the record's components are written: " + json);
        }
    }

    @Test
    void valuesAreCheckedWhenRead() {
        String json = SpecJson.write(new Shape(2, 3, 4)).replace("\"height\" : 2", "\"height\" : 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecJson.read(json, Shape.class));
        assertTrue(e.getMessage().contains("Shape.height must be positive, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecJson.read("{ not json", Shape.class));
    }
}
