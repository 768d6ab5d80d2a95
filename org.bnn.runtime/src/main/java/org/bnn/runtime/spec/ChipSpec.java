package org.bnn.runtime.spec;

/** A chip made of {@code tileCount} identical tiles and a digital periphery. */
public record ChipSpec(String name, int tileCount, TileSpec tile) {
    public ChipSpec {
        SpecChecks.name("ChipSpec", "name", name);
        SpecChecks.positive("ChipSpec", "tileCount", tileCount);
        SpecChecks.present("ChipSpec", "tile", tile);
    }
}
