/** Batches of inferences over trials and error settings, parallel and deterministic. */
package org.bnn.runtime.simulation;
