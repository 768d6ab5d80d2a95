/**
 * The float network the trainer optimises, built from a {@link org.bnn.runtime.spec.NetworkSpec}
 * ({@link org.bnn.train.model.BinaryNet}): latent weights with sign() forward (a threshold to
 * −1, 0, +1 for layers declared ternary) and straight-through gradients, batch norm, max and average
 * pools, conv unfolding with ±1 padding, and the first layer's input scaled exactly as the simulator
 * encodes it. Its evaluation pass is the exported network itself, so the simulator reproduces its
 * decisions.
 */
package org.bnn.train.model;
