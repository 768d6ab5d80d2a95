#!/usr/bin/env python3
"""Export a binarized network trained in PyTorch or Larq/Keras to the simulator's weight file (.npz).

Only NumPy is needed to write the file; the framework is needed only to read your model. The layout
(docs/weights.md), per layer with weights, named as the layer in your .bnn network:

    <layer>/weights   uint8 (rows, ceil(N/8))  np.packbits(w >= 0, axis=1): bit 1 = +1, first weight first
    <layer>/fan_in    int64 ()                 N
    <layer>/gamma, beta, mean, var   float (rows,)   batch norm on the [-1, 1] scale
    <layer>/eps       float ()

How to map a model (rows = output neurons / channels):
  * Dense (torch.nn.Linear weight (out, in); Keras kernel (in, out) -> transpose): rows are outputs.
  * Conv (torch (O, I, kH, kW) -> (O, kH, kW, I); Keras (kH, kW, I, O) -> (O, kH, kW, I)), then reshape
    to (O, kH*kW*I): the simulator reads a patch as j = (dy*k + dx)*C_in + c (HWIO per output channel).
  * The first dense layer after a conv/pool: the simulator flattens HWC, PyTorch flattens CHW ->
    permute its columns with chw_to_hwc_columns().
  * Batch norm after each layer: gamma = BN weight, beta = BN bias, mean = running mean,
    var = running variance, eps. It must act on the layer's pre-activation in the [-1, 1] scale: the +-1
    dot product; for an 8-bit bit-serial first layer the dot product with pixels scaled to [-1, 1]
    ((2p - 255)/255, i.e. 2x - 1 for x in [0, 1]); for a binarized first layer with +-1 inputs.
  * A bias b of the layer before its batch norm: mean - b.  A per-channel weight scale alpha > 0
    (XNOR-Net style) before the batch norm: mean / alpha and (var + eps) / alpha**2 with eps = 0.
  * An output layer without batch norm: gamma = 1, beta = bias (or 0), mean = 0, var = 1, eps = 0.
  * Padding must be the simulator's (+1 or -1 constant, or valid) and max pools come after the sign.

Usage as a library:
    from export_weights import Layer, save, torch_dense, torch_conv, torch_batch_norm
    save("model.npz", [Layer("fc1", torch_dense(model.fc1.weight), **torch_batch_norm(model.bn1)), ...])
Run as a script, it writes a small random example file: python3 export_weights.py demo.npz
"""
import sys
from dataclasses import dataclass

import numpy as np


@dataclass
class Layer:
    """One layer with weights: real or +-1 weights (rows, N); only their signs are kept (w >= 0 is +1)."""
    name: str
    weights: np.ndarray
    gamma: np.ndarray = None
    beta: np.ndarray = None
    mean: np.ndarray = None
    var: np.ndarray = None
    eps: float = 0.0


def pack_signs(weights):
    """(rows, N) real weights -> (rows, ceil(N/8)) uint8, np.packbits order, bit 1 = +1 (sign(0) = +1)."""
    w = np.asarray(weights)
    if w.ndim != 2:
        raise ValueError(f"weights must be 2-D (rows, fan_in), got shape {w.shape}")
    return np.packbits(w >= 0, axis=1)


def save(path, layers):
    """Writes the layers in the simulator's layout (np.savez_compressed)."""
    arrays = {}
    for layer in layers:
        w = np.asarray(layer.weights)
        rows, fan_in = w.shape
        arrays[f"{layer.name}/weights"] = pack_signs(w)
        arrays[f"{layer.name}/fan_in"] = np.int64(fan_in)
        norm = [layer.gamma, layer.beta, layer.mean, layer.var]
        if all(v is None for v in norm):
            continue  # plain sign activation (raw scores for the output layer)
        if any(v is None for v in norm):
            raise ValueError(f"layer {layer.name}: give gamma, beta, mean and var together")
        for field, values in zip(("gamma", "beta", "mean", "var"), norm):
            values = np.asarray(values, dtype=np.float64).reshape(-1)
            if values.shape != (rows,):
                raise ValueError(f"layer {layer.name}: {field} has {values.size} values, the weights have {rows} rows")
            arrays[f"{layer.name}/{field}"] = values
        arrays[f"{layer.name}/eps"] = np.float64(layer.eps)
    np.savez_compressed(path, **arrays)


def torch_dense(weight):
    """torch.nn.Linear.weight (out, in) -> (out, in)."""
    return _numpy(weight)


def torch_conv(weight):
    """torch.nn.Conv2d.weight (O, I, kH, kW) -> (O, kH*kW*I), HWIO per output channel."""
    w = _numpy(weight)
    return w.transpose(0, 2, 3, 1).reshape(w.shape[0], -1)


def keras_dense(kernel):
    """Keras/Larq Dense kernel (in, out) -> (out, in)."""
    return _numpy(kernel).T


def keras_conv(kernel):
    """Keras/Larq Conv2D kernel (kH, kW, I, O) -> (O, kH*kW*I)."""
    k = _numpy(kernel)
    return k.transpose(3, 0, 1, 2).reshape(k.shape[3], -1)


def chw_to_hwc_columns(weights, channels, height, width):
    """Columns of a dense layer reading a PyTorch CHW flatten, reordered for the simulator's HWC flatten."""
    w = _numpy(weights)
    return w.reshape(w.shape[0], channels, height, width).transpose(0, 2, 3, 1).reshape(w.shape[0], -1)


def torch_batch_norm(bn):
    """torch.nn.BatchNorm1d/2d -> keyword arguments of Layer."""
    return dict(gamma=_numpy(bn.weight), beta=_numpy(bn.bias), mean=_numpy(bn.running_mean),
                var=_numpy(bn.running_var), eps=float(bn.eps))


def keras_batch_norm(bn):
    """keras.layers.BatchNormalization -> keyword arguments of Layer."""
    gamma, beta, mean, var = (np.asarray(v) for v in bn.get_weights())
    return dict(gamma=gamma, beta=beta, mean=mean, var=var, eps=float(bn.epsilon))


def _numpy(tensor):
    if hasattr(tensor, "detach"):
        tensor = tensor.detach().cpu().numpy()
    return np.asarray(tensor, dtype=np.float64)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: export_weights.py OUT.npz   (writes a random 64-32-10 example)")
    rng = np.random.default_rng(1)
    demo = [Layer("fc1", rng.standard_normal((32, 64)), gamma=np.ones(32), beta=np.zeros(32),
                  mean=rng.standard_normal(32), var=np.full(32, 64.0), eps=1e-4),
            Layer("out", rng.standard_normal((10, 32)), gamma=np.ones(10), beta=np.zeros(10),
                  mean=np.zeros(10), var=np.ones(10), eps=0.0)]
    save(sys.argv[1], demo)
    print(f"wrote {sys.argv[1]}: layers fc1 (32 x 64) and out (10 x 32)")
