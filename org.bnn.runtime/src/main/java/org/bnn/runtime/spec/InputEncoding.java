package org.bnn.runtime.spec;

import org.bnn.runtime.checks.SpecViolation;
import org.bnn.runtime.checks.SpecViolation.Problem;

/**
 * How real-valued inputs (scaled to [0, 1]) become the binary planes the first layer reads.
 * docs/architecture.md, "The binary neuron".
 */
public sealed interface InputEncoding permits InputEncoding.Binarize, InputEncoding.BitSerial {

    /** Number of bit planes fed to the first layer; senses, cycles and its energy scale with it. */
    int planes();

    /** One plane: +1 iff the input is at least {@code threshold}. */
    record Binarize(double threshold) implements InputEncoding {
        public Binarize {
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new SpecViolation("Binarize", "threshold", Problem.OUT_OF_RANGE,
                        "Binarize.threshold must be in [0, 1], got " + threshold);
            }
        }

        @Override
        public int planes() {
            return 1;
        }
    }

    /**
     * B planes of a B-bit input x = Σ 2^b x_b (bit 1 ↔ +1): the layer computes the dot product with
     * the centred input 2x − (2^B − 1), exactly, by shift-adding the planes' pre-activations.
     */
    record BitSerial(int bits) implements InputEncoding {
        public BitSerial {
            if (bits < 1 || bits > 16) {
                throw new SpecViolation("BitSerial", "bits", Problem.OUT_OF_RANGE, "BitSerial.bits must be in 1..16, got " + bits);
            }
        }

        @Override
        public int planes() {
            return bits;
        }
    }
}
