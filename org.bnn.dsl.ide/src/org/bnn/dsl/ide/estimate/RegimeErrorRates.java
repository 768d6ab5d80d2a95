package org.bnn.dsl.ide.estimate;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.BitErrorRates;
import org.bnn.runtime.device.DeviceSpec;
import org.bnn.runtime.device.ReadReference;
import org.bnn.runtime.device.RegimeSpec;
import org.bnn.runtime.ecc.Secded7264;
import org.bnn.runtime.spec.CellKind;
import org.bnn.runtime.spec.Ecc;
import org.bnn.runtime.spec.TileSpec;

/**
 * The bit error rate of a tile's cells under a regime ({@link TileSpec#bitErrorRate}), the
 * SECDED residual when the cells have ECC, and words saying how the cells are read. No formula of its own.
 */
public final class RegimeErrorRates {

    private RegimeErrorRates() {
    }

    /** The BER of {@code tile}'s cells under its device's regime {@code regimeName}; empty without device or regime. */
    public static Optional<RegimeBer> of(TileSpec tile, String regimeName) {
        Optional<DeviceSpec> device = tile.device();
        if (device.isEmpty() || !device.get().regimeNames().contains(regimeName)) {
            return Optional.empty();
        }
        RegimeSpec regime = device.get().regime(regimeName);
        double raw = tile.bitErrorRate(regime);
        if (tile.cellKind() == CellKind.TWO_T_TWO_R) {
            return Optional.of(new RegimeBer(regimeName, raw, OptionalDouble.empty(), tile.sense().isPresent()
                    ? "2T2R, PCSA offsets included" : "2T2R, offset-free comparator (no sense amplifier given)"));
        }
        ReadReference reference = tile.cell().reference().orElse(new ReadReference.Best());
        String how = "1T1R, reference " + ohms(reference.ohms(regime)) + (reference instanceof ReadReference.Best ? " (best)" : "");
        OptionalDouble afterEcc = tile.cell().ecc() == Ecc.NONE ? OptionalDouble.empty()
                : OptionalDouble.of(Secded7264.residualBitErrorRate(raw));
        return Optional.of(new RegimeBer(regimeName, raw, afterEcc, how));
    }

    /** A device's regime read as 2T2R by an offset-free comparator (the device alone knows no sense amplifier). */
    public static RegimeBer twoTwoROffsetFree(DeviceSpec device, String regimeName) {
        return new RegimeBer(regimeName, BitErrorRates.twoTwoR(device.regime(regimeName)), OptionalDouble.empty(),
                "2T2R, offset-free comparator");
    }

    /** A device's regime read as 1T1R against the best reference. */
    public static RegimeBer oneTOneRBest(DeviceSpec device, String regimeName) {
        RegimeSpec regime = device.regime(regimeName);
        ReadReference best = new ReadReference.Best();
        return new RegimeBer(regimeName, BitErrorRates.oneTOneR(regime, best), OptionalDouble.empty(),
                "1T1R, best reference " + ohms(best.ohms(regime)));
    }

    private static String ohms(double value) {
        return value >= 1e3 ? String.format(java.util.Locale.ROOT, "%.3g kOhm", value / 1e3)
                : String.format(java.util.Locale.ROOT, "%.3g Ohm", value);
    }
}
