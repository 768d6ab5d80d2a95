package org.bnn.runtime.engine;

import java.util.Arrays;

import org.bnn.runtime.spec.LayerGeometry;

/** Max pooling on ±1 activations: the OR of the window's bits, channel by channel (docs/architecture.md §3). */
final class MaxPool extends Stage {
    private final PoolWindows windows;
    private final int channels;

    MaxPool(LayerGeometry pool) {
        this.windows = new PoolWindows(pool);
        this.channels = pool.output().channels();
    }

    @Override
    int outputBits() {
        return windows.positions() * channels;
    }

    @Override
    void forward(long[] input, long[] output, Workspace workspace) {
        Arrays.fill(output, 0, PackedBits.words(outputBits()), 0L);
        for (int q = 0; q < windows.positions(); q++) {
            for (int i = 0; i < windows.window(); i++) {
                PackedBits.or(input, windows.inputPosition(q, i) * channels, output, q * channels, channels);
            }
        }
    }
}
