package org.bnn.runtime.tests.deviceerrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.engine.BinaryNetwork;
import org.bnn.runtime.engine.RandomNetworks;
import org.bnn.runtime.errors.DeviceChip;
import org.bnn.runtime.errors.DeviceChipCache;
import org.bnn.runtime.errors.DeviceErrors;
import org.bnn.runtime.errors.Resampling;
import org.bnn.runtime.errors.TileFolding;
import org.junit.jupiter.api.Test;

/** The chip cache keeps exactly {@code capacity} chips, dropping the least recently used one. */
class DeviceChipCacheTest {
    @Test
    void keepsCapacityChipsAndDropsTheLeastRecentlyUsed() {
        BinaryNetwork network = RandomNetworks.create(TestNetworks.dense(), 3);
        DeviceErrors errors = new DeviceErrors(Presets.NOMINAL, Presets.SENSE_AMP, StuckAt.NONE, new TileFolding(16, 32),
                Resampling.PER_CHIP, network.weightLayerCount());
        DeviceChipCache cache = new DeviceChipCache(errors, 2);
        DeviceChip first = cache.chip(network, 1, 0);
        assertEquals(network.weightLayerCount(), first.layers());
        DeviceChip second = cache.chip(network, 1, 1);
        assertSame(first, cache.chip(network, 1, 0), "two chips fit in a cache of two");
        assertSame(second, cache.chip(network, 1, 1));
        cache.chip(network, 1, 2); // a third chip drops chip 0, the least recently used
        assertSame(second, cache.chip(network, 1, 1));
        assertNotSame(first, cache.chip(network, 1, 0), "chip 0 is programmed again");
    }
}
