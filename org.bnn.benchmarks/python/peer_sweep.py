#!/usr/bin/python3
"""The peer of SweepBenchmark (benchmark (c)): the same BER sweep simulated the way a researcher
would write it with NumPy, in float32 +-1 arithmetic with the matrix multiplies in OpenBLAS.

Network 784-1024-1024-1024-10 with uniformly random +-1 weights and sign activations
(sign(0) = +1); 10,000 random inputs of 784 values in [0, 1), binarized at 0.5; 9 BER points x
5 trials (chip instances); per chip, every weight of every layer is sign-flipped with probability
BER, independently. The uniforms deciding the flips are drawn once per (trial, layer) with the
same seed at every BER point, so flip sets are nested across the sweep, like the Java engine's
NestedFlips (common random numbers). Prediction = argmax of the output layer's scores (lowest
index on ties, as np.argmax). All sums of +-1 over <= 1024 terms are exact in float32.

Timed (wall clock): binarizing the inputs, drawing and applying every chip's flips, all matrix
multiplies, signs and argmaxes. Not timed: creating the random weights and inputs, and a small
warm-up multiply that starts OpenBLAS's threads.

Prints numpy.show_config(), the OpenBLAS library actually loaded (core type, config, threads),
threadpoolctl's view if that module is importable, and finally one machine-readable line:

    PEER_RESULT {"wall_s": ..., ...}

Usage: peer_sweep.py [--inputs N] [--trials T] [--probe]
  --probe  print only the OpenBLAS core type OpenBLAS chose, as 'CORETYPE <name>', and exit.
"""
import argparse
import ctypes
import json
import os
import platform
import sys
import time

import numpy as np

BERS = [0.0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 3.3e-2, 4e-2, 1e-1]
LAYERS = [784, 1024, 1024, 1024, 10]
ONE = np.float32(1.0)
MINUS_ONE = np.float32(-1.0)


def openblas_info():
    """The OpenBLAS library mapped into this process, asked directly through its C API."""
    paths = sorted({line.split()[-1] for line in open("/proc/self/maps")
                    if "blas" in line.rsplit("/", 1)[-1] and line.split()[-1].startswith("/")})
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
            corename = lib.openblas_get_corename
            config = lib.openblas_get_config
        except (OSError, AttributeError):
            continue
        corename.restype = ctypes.c_char_p
        config.restype = ctypes.c_char_p
        parallel = {0: "sequential", 1: "pthreads", 2: "OpenMP"}.get(lib.openblas_get_parallel(), "?")
        return {"library": os.path.realpath(path), "corename": corename().decode(),
                "config": config().decode(), "threads": lib.openblas_get_num_threads(),
                "parallel": parallel}
    return {"library": None, "mapped": paths}


def network(rng):
    """Random +-1 weights, one float32 (fan_in, fan_out) matrix per layer."""
    return [np.where(rng.random((fan_in, fan_out)) < 0.5, MINUS_ONE, ONE)
            for fan_in, fan_out in zip(LAYERS[:-1], LAYERS[1:])]


def predict(x, weights):
    """Sign activations in the hidden layers, argmax of the output layer's scores."""
    h = x
    for w in weights[:-1]:
        z = h @ w                       # float32 GEMM in OpenBLAS
        h = np.where(z >= 0, ONE, MINUS_ONE)   # sign with sign(0) = +1, stays float32
    return np.argmax(h @ weights[-1], axis=1)


def sweep(real_inputs, weights, trials, seed):
    x = np.where(real_inputs >= 0.5, ONE, MINUS_ONE)   # binarized input layer
    predictions = np.empty((len(BERS), trials, len(x)), dtype=np.int64)
    for b, ber in enumerate(BERS):
        for t in range(trials):
            chip_rng = np.random.default_rng([seed, t])   # same stream at every BER: nested flips
            chip = []
            for w in weights:
                u = chip_rng.random(w.shape, dtype=np.float32)
                chip.append(np.where(u < ber, -w, w) if ber > 0 else w)
            predictions[b, t] = predict(x, chip)
    return predictions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10000)
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--probe", action="store_true")
    args = parser.parse_args()

    np.ones((2, 2), dtype=np.float32) @ np.ones((2, 2), dtype=np.float32)   # load BLAS
    blas = openblas_info()
    if args.probe:
        print("CORETYPE", blas.get("corename"))
        return 0
    if blas["library"] is None:
        print("peer_sweep: NumPy is not running on OpenBLAS (mapped BLAS libraries: %s)" % blas["mapped"],
              file=sys.stderr)
        return 2

    print("numpy", np.__version__, "from", np.__file__, "python", platform.python_version(), sys.executable)
    np.show_config()
    print("OpenBLAS loaded:", json.dumps(blas))
    print("OPENBLAS_CORETYPE =", os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
          " OPENBLAS_NUM_THREADS =", os.environ.get("OPENBLAS_NUM_THREADS", "(unset)"),
          " OMP_NUM_THREADS =", os.environ.get("OMP_NUM_THREADS", "(unset)"))
    try:
        import threadpoolctl
        print("threadpoolctl:", json.dumps(threadpoolctl.threadpool_info()))
    except ImportError:
        print("threadpoolctl: not installed (the OpenBLAS C API above is authoritative)")
    sys.stdout.flush()

    rng = np.random.default_rng(1)
    weights = network(rng)
    real_inputs = np.random.default_rng(2).random((args.inputs, LAYERS[0]), dtype=np.float32)
    warm = np.ones((256, 1024), dtype=np.float32)
    warm @ weights[1]   # start OpenBLAS's worker threads outside the timed region

    cpu0 = time.process_time()
    t0 = time.perf_counter()
    predictions = sweep(real_inputs, weights, args.trials, args.seed)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0

    weights_per_inference = sum(w.size for w in weights)
    flops = 2 * weights_per_inference * args.inputs * args.trials * len(BERS)
    changed = {repr(ber): float(np.mean(predictions[b] != predictions[0])) for b, ber in enumerate(BERS)}
    result = {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "inputs": args.inputs,
              "trials": args.trials, "bers": BERS, "flops": flops,
              "gflops_per_s": round(flops / wall / 1e9, 2), "numpy": np.__version__,
              "openblas_corename": blas["corename"], "openblas_threads": blas["threads"],
              "openblas_parallel": blas["parallel"], "openblas_config": blas["config"],
              "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE"), "changed": changed}
    print("PEER_RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
