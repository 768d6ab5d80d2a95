/**
 * Trained weights as NumPy {@code .npz} files: a reader and writer of {@code .npy}/{@code .npz}
 * ({@link org.bnn.runtime.weights.Npy}, {@link org.bnn.runtime.weights.NpzReader},
 * {@link org.bnn.runtime.weights.NpzWriter}) and the weight-file layout on top of them
 * ({@link org.bnn.runtime.weights.WeightsFile}: bit-packed binary weights and batch norm per layer,
 * mapped to and from {@link org.bnn.runtime.engine.NetworkParameters}; docs/weights.md). NumPy's
 * format, so that weights trained in PyTorch or Larq import with a few lines of NumPy
 * (examples/export/export_weights.py). Plain {@code java.util.zip}, no dependency.
 */
package org.bnn.runtime.weights;
