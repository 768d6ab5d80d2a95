package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bnn.runtime.errors.DeviceKeys;
import org.junit.jupiter.api.Test;

/**
 * Every device key names its own stream: chips, layers, inferences and the streams derived from a
 * chip-layer key never share a key, so no two of them draw the same random numbers.
 */
class DeviceKeysTest {
    @Test
    void keysOfDifferentChipsLayersInferencesAndStreamsAreDistinct() {
        List<Long> keys = new ArrayList<>();
        for (int trial = 0; trial < 3; trial++) {
            keys.add(DeviceKeys.chipTiles(7, trial));
            for (int layer = 0; layer < 3; layer++) {
                long chipLayer = DeviceKeys.chipLayer(7, trial, layer);
                keys.add(chipLayer);
                keys.add(DeviceKeys.margins(chipLayer));
                keys.add(DeviceKeys.frozenRead(chipLayer));
                for (long input = 0; input < 3; input++) {
                    keys.add(DeviceKeys.inferenceLayer(7, trial, input, layer));
                }
            }
        }
        Set<Long> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), "keys " + keys);
        assertEquals(3 + 3 * 3 * 3 + 3 * 3 * 3, distinct.size());
    }
}
