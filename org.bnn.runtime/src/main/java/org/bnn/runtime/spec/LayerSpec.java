package org.bnn.runtime.spec;

/** A fully connected binary layer with {@code fanIn} inputs and {@code fanOut} neurons. */
public record LayerSpec(String name, LayerKind kind, int fanIn, int fanOut) {
    public LayerSpec {
        SpecChecks.name("LayerSpec", "name", name);
        SpecChecks.present("LayerSpec", "kind", kind);
        SpecChecks.positive("LayerSpec(" + name + ")", "fanIn", fanIn);
        SpecChecks.positive("LayerSpec(" + name + ")", "fanOut", fanOut);
    }
}
