package org.bnn.dsl.ide.estimate;

import java.util.OptionalDouble;

/**
 * The weight bit error rate of cells programmed under a regime, as the runtime's cell technology
 * computes it.
 *
 * @param regime   the regime's name
 * @param raw      the probability that one stored weight reads wrong
 * @param afterEcc the residual rate after decoding (an approximation), when the cells carry a code
 * @param how      which read model gave {@code raw}, e.g. "2T2R, PCSA offsets included"
 */
public record RegimeBer(String regime, double raw, OptionalDouble afterEcc, String how) {

    /** The rate the network's weights see: after ECC when there is ECC. */
    public double effective() {
        return afterEcc.orElse(raw);
    }
}
