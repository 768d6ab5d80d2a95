package org.bnn.runtime.weights;

/** The stored shape of one layer's weights in a weight file: {@code rows} neurons × {@code fanIn} inputs. */
public record LayerShape(String layer, int rows, int fanIn) {
}
