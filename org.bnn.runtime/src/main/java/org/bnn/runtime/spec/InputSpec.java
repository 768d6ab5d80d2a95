package org.bnn.runtime.spec;

/** The network input: its shape and how it is encoded into binary planes. */
public record InputSpec(String name, Shape shape, InputEncoding encoding) {
    public InputSpec {
        SpecChecks.name("InputSpec", "name", name);
        SpecChecks.present("InputSpec", "shape", shape);
        SpecChecks.present("InputSpec", "encoding", encoding);
    }
}
