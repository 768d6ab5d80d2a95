#!/usr/bin/env python3
"""Computes what the Larq model in larq_model.h5 predicts, independently of the Java import: the weights
are read with h5py (the HDF5 C library), the forward pass is written out in NumPy (float64) as Larq
defines it: Flatten -> QuantDense 512 (kernel ste_sign, bias; real input) -> QuantDense 10 (input and
kernel ste_sign, bias) -> softmax (the argmax is taken). ste_sign(0) = +1.

The inputs are 1,000 deterministic vectors of 512 8-bit values p = (7919 i + 104729 j + 13) mod 256,
scaled as the simulator's first layer reads them: x = 2p/255 - 1 (docs/import.md, "Inputs").
Writes larq-predictions.npy (uint8). Needs python3-h5py and python3-numpy (scripts/bootstrap.sh python).
"""
from pathlib import Path

import h5py
import numpy as np

HERE = Path(__file__).resolve().parent


def sign(x):
    return np.where(x >= 0, 1.0, -1.0)


def main():
    with h5py.File(HERE / "larq_model.h5", "r") as f:
        w = f["model_weights"]
        k1 = w["quant_dense/quant_dense/kernel:0"][()].astype(np.float64)
        b1 = w["quant_dense/quant_dense/bias:0"][()].astype(np.float64)
        k2 = w["quant_dense_1/quant_dense_1/kernel:0"][()].astype(np.float64)
        b2 = w["quant_dense_1/quant_dense_1/bias:0"][()].astype(np.float64)
    i = np.arange(1000)[:, None]
    j = np.arange(512)[None, :]
    p = (7919 * i + 104729 * j + 13) % 256
    # x = 2p/255 - 1; the first layer's sign is taken on 255 (x @ W + b) = (2p - 255) @ W + 255 b, whose
    # dot product is an exact integer, so that a sum of exactly 0 is +1 here as in the simulator.
    h = sign((2 * p - 255) @ sign(k1) + 255 * b1)
    scores = h @ sign(k2) + b2
    predictions = scores.argmax(axis=1).astype(np.uint8)
    np.save(HERE / "larq-predictions.npy", predictions)
    print("classes predicted:", np.bincount(predictions, minlength=10).tolist())


if __name__ == "__main__":
    main()
