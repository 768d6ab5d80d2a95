#!/usr/bin/python3
"""The peer of ConvSweepBenchmark: the Fashion-MNIST conv sweep simulated the way a researcher would
write it with PyTorch, in float32 +-1 arithmetic (torch.nn.functional.conv2d, oneDNN or ATen's own
kernels, and a matrix multiply for the dense layers).

Network: the shape of examples/fashion-mnist/fashion.bnn with uniformly random +-1 weights and sign
activations (sign(0) = +1): 28x28 input quantised to 8 bits, fed to the first layer as the centred
integer 2q - 255 (the engine's bit-serial input: the same pre-activations); conv 16 3x3 padding 1
with value -1 (the first layer's padding is -255, the centred level 0); max pool 2; conv 32 3x3
padding 1 (value -1); max pool 2; dense 128; output 10. 10,000 random inputs in [0, 1); 9 BER
points x 5 trials (chip instances); per chip, every weight of every layer is sign-flipped with
probability BER, independently. The uniforms deciding the flips are drawn once per (trial, layer)
with the same seed at every BER point, so flip sets are nested across the sweep (common random
numbers), like the Java engine. Prediction = argmax of the output layer (lowest index on ties). All
sums are of integers below 2^24, exact in float32.

Timed (wall clock): quantising the inputs, drawing and applying every chip's flips, all convolutions,
pools, matrix multiplies, signs and argmaxes. Not timed: creating the random weights and inputs, and
a small warm-up pass that starts the thread pool and oneDNN.

Prints torch's build configuration (BLAS, oneDNN, OpenMP, CPU capability) and parallel settings,
then one machine-readable line:

    PEER_RESULT {"wall_s": ..., ...}

Usage: peer_conv_sweep.py [--inputs N] [--trials T] [--threads K] [--batch B]
"""
import argparse
import json
import os
import platform
import sys
import time

import torch
import torch.nn.functional as F

BERS = [0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1]
LEVELS = 255
SHAPES = [(16, 1, 3, 3), (32, 16, 3, 3), (128, 32 * 7 * 7), (10, 128)]


def network(generator):
    """Random +-1 weights, float32: two conv kernels (out, in, 3, 3), two dense (out, in)."""
    return [torch.where(torch.rand(shape, generator=generator) < 0.5, -1.0, 1.0) for shape in SHAPES]


def sign(z):
    return torch.where(z >= 0, 1.0, -1.0)


def predict(x, w):
    """x: (n, 1, 28, 28) centred levels 2q - 255; sign activations, argmax of the output."""
    h = sign(F.conv2d(F.pad(x, (1, 1, 1, 1), value=-LEVELS), w[0]))
    h = F.max_pool2d(h, 2)
    h = sign(F.conv2d(F.pad(h, (1, 1, 1, 1), value=-1.0), w[1]))
    h = F.max_pool2d(h, 2).flatten(1)
    h = sign(h @ w[2].t())
    return torch.argmax(h @ w[3].t(), dim=1)


def sweep(real_inputs, weights, trials, seed, batch):
    q = torch.floor(real_inputs * LEVELS + 0.5)            # 8-bit levels, rounded half up as the engine does
    x = (2 * q - LEVELS).reshape(-1, 1, 28, 28)
    predictions = torch.empty((len(BERS), trials, len(x)), dtype=torch.int64)
    for b, ber in enumerate(BERS):
        for t in range(trials):
            chip_rng = torch.Generator().manual_seed(seed * 1000 + t)   # same stream at every BER: nested flips
            chip = []
            for w in weights:
                u = torch.rand(w.shape, generator=chip_rng)
                chip.append(torch.where(u < ber, -w, w) if ber > 0 else w)
            for start in range(0, len(x), batch):
                predictions[b, t, start:start + batch] = predict(x[start:start + batch], chip)
    return predictions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--inputs", type=int, default=10000)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    print("torch", torch.__version__, "from", torch.__file__, "python", platform.python_version(), sys.executable)
    print(torch.__config__.show())
    print(torch.__config__.parallel_info())
    print("oneDNN (mkldnn) available:", torch.backends.mkldnn.is_available(),
          " OMP_NUM_THREADS =", os.environ.get("OMP_NUM_THREADS", "(unset)"), " threads =", torch.get_num_threads())
    sys.stdout.flush()

    weights = network(torch.Generator().manual_seed(1))
    real_inputs = torch.rand((args.inputs, 28 * 28), generator=torch.Generator().manual_seed(2))
    predict(torch.zeros((64, 1, 28, 28)), weights)   # warm-up: thread pool, oneDNN primitives

    cpu0 = time.process_time()
    t0 = time.perf_counter()
    predictions = sweep(real_inputs, weights, args.trials, args.seed, args.batch)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0

    macs = (28 * 28 * 16 * 9 + 14 * 14 * 32 * 16 * 9 + 32 * 7 * 7 * 128 + 128 * 10)
    flops = 2 * macs * args.inputs * args.trials * len(BERS)
    changed = {repr(ber): float((predictions[b] != predictions[0]).double().mean()) for b, ber in enumerate(BERS)}
    result = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "inputs": args.inputs, "trials": args.trials,
              "bers": BERS, "flops": flops, "gflops_per_s": round(flops / wall / 1e9, 2), "torch": torch.__version__,
              "threads": torch.get_num_threads(), "mkldnn": torch.backends.mkldnn.is_available(),
              "parallel": torch.__config__.parallel_info().splitlines()[-1].strip(), "changed": changed}
    print("PEER_RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
