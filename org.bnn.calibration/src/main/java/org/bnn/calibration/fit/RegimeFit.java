package org.bnn.calibration.fit;

import java.util.Optional;

/**
 * The parameters of one regime of the language fitted from measurements.
 *
 * @param regime   the regime's name, as the file writes it
 * @param lrs      the fit of the low-resistance state at the fewest cycles and earliest time measured
 * @param hrs      the fit of the high-resistance state, of the same cycles
 * @param lrsAging how the low-resistance state ages from the time of {@code lrs}; present together with {@code hrsAging}
 * @param hrsAging how the high-resistance state ages from the same time
 */
public record RegimeFit(String regime, LogNormalFit lrs, LogNormalFit hrs, Optional<AgingFit> lrsAging, Optional<AgingFit> hrsAging)
        implements
            RegimeFitting {

    /** Whether the regime's relaxation was fitted (both states measured at several times). */
    public boolean hasRelaxation() {
        return lrsAging.isPresent() && hrsAging.isPresent();
    }

    /** The time after programming of the fits {@code lrs} and {@code hrs}, in seconds; empty without a seconds column. */
    public Optional<Double> seconds() {
        return Optional.ofNullable(lrs.group().key().seconds());
    }
}
