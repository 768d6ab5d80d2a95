package org.bnn.runtime.simulation;

/**
 * Predictions of a simulation, [trial][input], with a flag for every prediction whose largest score
 * was shared by several classes (argmax took the lowest index): the tie rate is worth reporting
 * because binary networks have integer scores and tie often.
 */
public record SimulationResult(int[][] predictions, boolean[][] tied) {

    /** Fraction of trial {@code trial}'s predictions that were ties. */
    public double tieRate(int trial) {
        int ties = 0;
        for (boolean t : tied[trial]) {
            ties += t ? 1 : 0;
        }
        return tied[trial].length == 0 ? 0.0 : (double) ties / tied[trial].length;
    }
}
