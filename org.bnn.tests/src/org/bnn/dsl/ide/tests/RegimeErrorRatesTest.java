package org.bnn.dsl.ide.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.bnn.dsl.ide.estimate.RegimeBer;
import org.bnn.dsl.ide.estimate.RegimeErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.LogNormal;
import org.bnn.runtime.device.Pulse;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.device.StuckAt;
import org.bnn.runtime.spec.CellTechnology;
import org.bnn.runtime.spec.TileSpec;
import org.junit.jupiter.api.Test;

/** The IDE's regime bit error rates are the cell technology's: stuck-at faults count for 1T1R tiles as for 2T2R ones. */
class RegimeErrorRatesTest {
    /** Devices without spread (8 kOhm / 180 kOhm), 0.2 % stuck at LRS and 0.1 % at HRS: only stuck devices misread. */
    private static final DeviceSpec SHARP = new DeviceSpec("D", "", List.of(new RegimeSpec("sharp", new LogNormal(8e3, 0),
            new LogNormal(180e3, 0), Pulse.of(2, 100e-6, 500e-9), Pulse.of(2, 100e-6, 500e-9), 1e6)), new StuckAt(0.002, 0.001));

    private static RegimeBer ber(CellTechnology cell) {
        return RegimeErrorRates.of(TileSpec.builder("T", 32, 72).cell(cell).device(SHARP).build(), "sharp").orElseThrow();
    }

    @Test
    void oneTOneRTilesCountStuckAtFaults() {
        // ½ · P(+1 device stuck at HRS) + ½ · P(−1 device stuck at LRS) = ½ · 0.001 + ½ · 0.002; it was 0.
        RegimeBer oneT = ber(new CellTechnology.OneTransistorOneResistor(new ReadReference.Fixed(18e3)));
        assertEquals(0.0015, oneT.raw(), 1e-15);
        assertEquals(OptionalDouble.empty(), oneT.afterEcc());
        assertEquals("1T1R, reference 18.0 kOhm", oneT.how());

        RegimeBer coded = ber(new CellTechnology.OneTransistorOneResistorSecded(new ReadReference.Fixed(18e3), OptionalDouble.empty()));
        assertEquals(0.0015, coded.raw(), 1e-15);
        assertEquals(0.0015 * (1 - Math.pow(1 - 0.0015, 71)), coded.afterEcc().getAsDouble(), 1e-15);
        assertTrue(coded.how().startsWith("1T1R + secded(72,64), "), coded.how());

        // 2T2R: a pair with both devices in one state is a coin toss, a pair stuck the wrong way round misreads.
        RegimeBer twoT = ber(new CellTechnology.TwoTransistorTwoResistor());
        assertEquals(0.5 * (0.999 * 0.002 + 0.001 * 0.998) + 0.001 * 0.002, twoT.raw(), 1e-15);
    }
}
