package org.bnn.train.model;

/** A pooling step over {@link Windows}: no parameters, input and output widths from the windows. */
abstract class Pool extends Block {
    final Windows windows;

    Pool(Windows windows) {
        this.windows = windows;
    }

    @Override
    int inputWidth() {
        return windows.inputWidth();
    }

    @Override
    int outputWidth() {
        return windows.outputWidth();
    }
}
