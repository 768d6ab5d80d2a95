package org.bnn.runtime.spec;

import org.bnn.runtime.checks.Checks;

/** The network input: its shape and how it is encoded into binary planes. */
public record InputSpec(String name, Shape shape, InputEncoding encoding) {
    public InputSpec {
        Checks.name("InputSpec", "name", name);
        Checks.present("InputSpec", "shape", shape);
        Checks.present("InputSpec", "encoding", encoding);
    }
}
