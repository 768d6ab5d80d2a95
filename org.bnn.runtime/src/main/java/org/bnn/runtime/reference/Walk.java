package org.bnn.runtime.reference;

/**
 * What the reference engine produced for one inference: the output layer's integer
 * pre-activations a_k, the class scores s_k, the prediction (argmax, lowest index on ties) and the
 * events it counted on the way.
 */
public record Walk(long[] preActivations, double[] scores, int prediction, EventLedger ledger) {
}
