/** The optimiser: Adam with BinaryNet's clipping of latent weights. */
package org.bnn.train.optim;
