package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

import java.util.Optional;
import java.util.OptionalDouble;

import org.bnn.runtime.device.ReadReference;

/**
 * The storage cell of a tile. A 2T2R cell needs no reference and cannot use ECC (the XNOR happens
 * inside the sense amplifier, before any decoder could see the bits); a 1T1R cell reads against a
 * reference resistance and may add SECDED, decoded digitally before XNOR and popcount.
 *
 * @param eccDecodeJoulesPerWord energy of decoding one word, in joules, if given
 */
public record CellSpec(CellKind kind, Optional<ReadReference> reference, Ecc ecc, OptionalDouble eccDecodeJoulesPerWord) {
    public CellSpec {
        Checks.present("CellSpec", "kind", kind);
        Checks.present("CellSpec", "reference", reference);
        Checks.present("CellSpec", "ecc", ecc);
        Checks.present("CellSpec", "eccDecodeJoulesPerWord", eccDecodeJoulesPerWord);
        if (kind == CellKind.TWO_T_TWO_R && reference.isPresent()) {
            throw new IllegalArgumentException("CellSpec.reference: a 2T2R cell is read differentially and takes no reference");
        }
        if (kind == CellKind.TWO_T_TWO_R && ecc != Ecc.NONE) {
            throw new IllegalArgumentException("CellSpec.ecc: " + ecc.label()
                    + " cannot be used with 2T2R cells: the XNOR is computed inside the sense amplifier, before any decoder");
        }
        if (kind == CellKind.ONE_T_ONE_R && reference.isEmpty()) {
            throw new IllegalArgumentException("CellSpec.reference is required for a 1T1R cell (a resistance or 'best')");
        }
        Checks.nonNegativeFinite("CellSpec", "eccDecodeJoulesPerWord", eccDecodeJoulesPerWord);
    }

    /** The reference design's differential cell. */
    public static CellSpec twoTwoR() {
        return new CellSpec(CellKind.TWO_T_TWO_R, Optional.empty(), Ecc.NONE, OptionalDouble.empty());
    }

    /** A 1T1R cell read against {@code reference}, without ECC. */
    public static CellSpec oneTOneR(ReadReference reference) {
        return new CellSpec(CellKind.ONE_T_ONE_R, Optional.of(reference), Ecc.NONE, OptionalDouble.empty());
    }
}
