/** Experiments: BER sweeps over trials with their statistics and reports. */
package org.bnn.runtime.experiment;
