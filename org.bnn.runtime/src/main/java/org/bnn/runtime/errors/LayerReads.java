package org.bnn.runtime.errors;

import org.bnn.runtime.device.SenseAmpOffsets;

/**
 * What a read of one layer of a programmed chip needs: the stored bits it reads inverted, as
 * {@link LayerMargins} (binary weights) and {@link TernaryLayerMargins} (ternary weights, two
 * planes) work them out from their static margins and the read's noise.
 */
sealed interface LayerReads permits LayerMargins, TernaryLayerMargins {
    /** The stored-bit positions read inverted in the read keyed {@code readKey}, ascending, each once. */
    long[] misreadIn(long readKey, SenseAmpOffsets offsets);
}
