/**
 * Batches of inferences over trials and error settings (per chip, per inference, per read),
 * parallel and deterministic, with the tie rate of the predictions.
 */
package org.bnn.runtime.simulation;
