/**
 * Training of binarized networks for the simulator: {@link org.bnn.train.Trainer#train} with a
 * {@link org.bnn.train.TrainingConfig}, reporting to a {@link org.bnn.train.TrainingListener} and
 * returning a {@link org.bnn.train.TrainingResult} whose parameters
 * {@code org.bnn.runtime.engine.BinaryNetwork.create} runs and {@code org.bnn.runtime.weights.WeightsFile}
 * writes. Kept out of the runtime core: the simulator and the Eclipse bundle do not need it.
 */
package org.bnn.train;
