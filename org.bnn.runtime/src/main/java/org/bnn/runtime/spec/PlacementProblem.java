package org.bnn.runtime.spec;

/**
 * One thing wrong with an explicit placement ({@link Placement#problems}), for the spec's
 * constructor to reject and the validator to report, each kind under its own issue code.
 *
 * @param kind    what is wrong
 * @param layer   the layer whose placement is wrong (or that is not placed)
 * @param needed  tiles the layer needs for all its copies (0 where it does not apply)
 * @param message what is wrong, starting with a verb ("places fc1 on ..."), to follow the mapping's name
 */
public record PlacementProblem(Kind kind, String layer, long needed, String message) {

    /** The kinds of problems. */
    public enum Kind {
        /** The layer is not in the network. */
        UNKNOWN_LAYER,
        /** The layer has no weights (pooling), so nothing to place. */
        NO_WEIGHTS,
        /** The range passes the chip's last tile. */
        OUTSIDE_CHIP,
        /** The range has fewer tiles than the layer's copies need, and reprogramming is not allowed. */
        TOO_FEW_TILES,
        /** The range shares tiles with another layer's, and reprogramming is not allowed. */
        OVERLAP,
        /** Some layers are placed, this layer with weights is not. */
        UNPLACED
    }
}
