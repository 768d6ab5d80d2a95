package org.bnn.train.model;

/** A step that maps each value of a row to one value: output as wide as input. */
abstract class ValueWise extends Block {
    final int width;

    ValueWise(int width) {
        this.width = width;
    }

    @Override
    int inputWidth() {
        return width;
    }

    @Override
    int outputWidth() {
        return width;
    }
}
