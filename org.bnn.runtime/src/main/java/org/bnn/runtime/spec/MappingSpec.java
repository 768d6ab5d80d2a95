package org.bnn.runtime.spec;

/** A network placed onto a chip; every layer is folded onto the chip's tiles. */
public record MappingSpec(String name, NetworkSpec network, ChipSpec chip) {
    public MappingSpec {
        SpecChecks.name("MappingSpec", "name", name);
        SpecChecks.present("MappingSpec", "network", network);
        SpecChecks.present("MappingSpec", "chip", chip);
    }
}
