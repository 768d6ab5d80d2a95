#!/usr/bin/env python3
"""Opens a weight file with NumPy and checks the simulator's layout (docs/weights.md): for every
layer, packed uint8 weights of shape (rows, ceil(fan_in/8)) with zero padding bits, and a complete
batch norm of `rows` values. Prints one line per layer; exits 1 on the first problem.

    python3 examples/export/check_weights.py examples/mnist/weights/mlp-8bit.npz
"""
import sys

import numpy as np


def check(path):
    data = np.load(path)
    layers = sorted({name.rsplit("/", 1)[0] for name in data.files if "/" in name})
    if not layers:
        raise ValueError(f"{path}: no <layer>/weights entry")
    for layer in layers:
        packed = data[f"{layer}/weights"]
        fan_in = int(data[f"{layer}/fan_in"])
        rows = packed.shape[0]
        if packed.dtype != np.uint8 or packed.shape != (rows, (fan_in + 7) // 8):
            raise ValueError(f"{path} entry {layer}/weights: {packed.dtype} {packed.shape}, fan_in {fan_in}")
        signs = np.unpackbits(packed, axis=1)
        if signs[:, fan_in:].any():
            raise ValueError(f"{path} entry {layer}/weights: padding bits past fan_in {fan_in} are set")
        norm = {f: data[f"{layer}/{f}"] for f in ("gamma", "beta", "mean", "var", "eps") if f"{layer}/{f}" in data.files}
        if norm and len(norm) != 5:
            raise ValueError(f"{path} layer {layer}: incomplete batch norm {sorted(norm)}")
        for f in ("gamma", "beta", "mean", "var"):
            if f in norm and norm[f].shape != (rows,):
                raise ValueError(f"{path} entry {layer}/{f}: shape {norm[f].shape}, expected ({rows},)")
        plus = signs[:, :fan_in].mean()
        print(f"{layer}: {rows} x {fan_in} weights ({100 * plus:.1f} % +1), batch norm "
              + (f"eps {float(norm['eps']):g}, var in [{norm['var'].min():.3g}, {norm['var'].max():.3g}]" if norm else "none"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: check_weights.py FILE.npz ...")
    try:
        for path in sys.argv[1:]:
            check(path)
    except (ValueError, KeyError) as e:
        sys.exit(f"check_weights: {e}")
