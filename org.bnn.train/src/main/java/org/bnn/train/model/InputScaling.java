package org.bnn.train.model;

import org.bnn.runtime.data.Dataset;
import org.bnn.runtime.engine.InputEncoder;
import org.bnn.runtime.spec.InputEncoding;

/**
 * The first layer's input as the simulator sees it, in integer scale: for each stored byte p the
 * level q = {@link InputEncoder#level} of p/255 (the very float the data set gives the simulator),
 * then 2q − S for bit-serial input (S = 2^B − 1; the centred input times S) or ±1 for a binarized one
 * (S = 1). Pre-activations are then the simulator's integers; the batch norm divides by S.
 */
public final class InputScaling {
    private final float[] table = new float[256];
    private final long scale;

    public InputScaling(InputEncoding encoding, int size) {
        InputEncoder encoder = new InputEncoder(encoding, size);
        this.scale = encoder.scale();
        for (int p = 0; p < 256; p++) {
            int q = encoder.level(p / 255f);
            table[p] = encoding instanceof InputEncoding.BitSerial ? 2 * q - scale : 2 * q - 1;
        }
    }

    /** S: 2^B − 1 for bit-serial input, 1 for binarized. */
    public long scale() {
        return scale;
    }

    /** The scaled value of stored byte p. */
    public float value(int p) {
        return table[p];
    }

    /** Rows {@code order[from .. from + count)} of {@code data}, scaled, one after another. */
    public float[] rows(Dataset data, int[] order, int from, int count) {
        int n = data.imageSize();
        float[] out = new float[count * n];
        for (int r = 0; r < count; r++) {
            byte[] image = data.bytes(order[from + r]);
            for (int j = 0; j < n; j++) {
                out[r * n + j] = table[image[j] & 0xFF];
            }
        }
        return out;
    }
}
