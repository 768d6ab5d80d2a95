#!/usr/bin/env python3
"""Trains a small binarized CNN on Fashion-MNIST in PyTorch and exports it as the import fixtures.

This script is how the committed files next to it were made (docs/import.md):
  fashion-bnn.onnx        plain ONNX as torch.onnx.export writes it: Pad(-1) / Conv / BatchNormalization /
                          GreaterOrEqual+Where (the sign, sign(0) = +1) / MaxPool / Flatten / MatMul; the weights
                          are the latent real weights, each behind its own sign
  fashion-bnn-qonnx.onnx  the same model in QONNX form: every sign is a BipolarQuant node, of the
                          activations and of the latent real weights
  fashion-predictions.npy PyTorch's predicted class for each of the 10,000 test images (uint8), computed
                          in float64 so that no rounding decides a near tie

Network (what the simulator runs, docs/architecture.md): inputs are 8-bit pixels p scaled to
x = 2p/255 - 1; conv 3x3 16 (padded with -1) -> BN -> sign -> max pool 2 -> conv 3x3 32 (padded
with -1) -> BN -> sign -> max pool 2 -> dense 64 -> BN -> sign -> dense 10 -> BN. Binary weights
sign(w) (w >= 0 is +1) with straight-through gradients; no biases.

Needs Debian's python3-torch, python3-onnx and python3-numpy (scripts/bootstrap.sh python installs them).
Usage, from the repository root (about 5 minutes per epoch on 2 cores):
    /usr/bin/python3 examples/import/make_fixtures.py [--data data/fashion-mnist] [--epochs 3]
"""
import argparse
import gzip
import time
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import helper, numpy_helper

HERE = Path(__file__).resolve().parent


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data, split):
    prefix = "train" if split == "train" else "t10k"
    images = read_idx(Path(data) / f"{prefix}-images-idx3-ubyte.gz")
    labels = read_idx(Path(data) / f"{prefix}-labels-idx1-ubyte.gz")
    return images, labels


def centred(images, dtype):
    """8-bit pixels p -> 2p/255 - 1, the simulator's centred bit-serial input (docs/weights.md)."""
    return torch.from_numpy(images.astype(np.float64)).to(dtype).mul(2.0 / 255.0).sub(1.0).unsqueeze(1)


class SignSte(torch.autograd.Function):
    """+1 iff x >= 0 (the simulator's sign); straight-through gradient inside [-1, 1]."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.where(x >= 0, torch.ones_like(x), -torch.ones_like(x))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * (x.abs() <= 1).to(grad.dtype)


def sign(x, exporting):
    if exporting:  # plain ops, so that the ONNX graph shows the sign as GreaterOrEqual + Where
        return torch.where(x >= 0, torch.ones_like(x), -torch.ones_like(x))
    return SignSte.apply(x)


class FashionBnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, bias=False)
        self.bn2 = nn.BatchNorm2d(32)
        self.fc1 = nn.Linear(32 * 7 * 7, 64, bias=False)
        self.bn3 = nn.BatchNorm1d(64)
        self.out = nn.Linear(64, 10, bias=False)
        self.bn4 = nn.BatchNorm1d(10)
        self.exporting = False

    def binary(self, layer):
        w = layer.weight
        return torch.where(w >= 0, torch.ones_like(w), -torch.ones_like(w)) if self.exporting else SignSte.apply(w)

    def forward(self, x):
        e = self.exporting
        x = F.pad(x, (1, 1, 1, 1), value=-1.0)
        x = F.max_pool2d(sign(self.bn1(F.conv2d(x, self.binary(self.conv1))), e), 2)
        x = F.pad(x, (1, 1, 1, 1), value=-1.0)
        x = F.max_pool2d(sign(self.bn2(F.conv2d(x, self.binary(self.conv2))), e), 2)
        x = torch.flatten(x, 1)
        x = sign(self.bn3(F.linear(x, self.binary(self.fc1))), e)
        return self.bn4(F.linear(x, self.binary(self.out)))


class Exportable(nn.Module):
    """The trained model with plain-op signs (no autograd functions), so that torch.onnx traces them."""

    def __init__(self, trained):
        super().__init__()
        self.model = trained
        trained.exporting = True

    def forward(self, x):
        return self.model(x)


def train(model, images, labels, epochs, seed):
    torch.manual_seed(seed)
    x_all = centred(images, torch.float32)
    y_all = torch.from_numpy(labels.astype(np.int64))
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs * (len(y_all) // 100))
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(y_all))
        start, total = time.time(), 0.0
        for i in range(0, len(order), 100):
            idx = order[i:i + 100]
            loss = F.cross_entropy(model(x_all[idx]), y_all[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            for layer in (model.conv1, model.conv2, model.fc1, model.out):
                layer.weight.data.clamp_(-1, 1)
            total += loss.item()
        print(f"epoch {epoch + 1}: loss {total / (len(order) // 100):.4f} ({time.time() - start:.0f} s)", flush=True)


def predict(model, images, dtype):
    model.eval()
    with torch.no_grad():
        scores = torch.cat([model.to(dtype)(centred(images[i:i + 1000], dtype)) for i in range(0, len(images), 1000)])
    return scores


def to_qonnx(plain_path, qonnx_path):
    """Rewrites the plain graph in QONNX form: each sign (GreaterOrEqual + Where), of an activation or of a
    latent weight, becomes one BipolarQuant node (scale 1), as FINN's and Brevitas' binary layers read."""
    model = onnx.load(plain_path)
    graph = model.graph
    producers = {o: n for n in graph.node for o in n.output}
    inits = {i.name: i for i in graph.initializer}
    one = numpy_helper.from_array(np.array(1.0, dtype=np.float32), "bipolar_scale")
    graph.initializer.append(one)
    nodes = []
    dropped = set()
    for node in graph.node:
        if node.op_type == "Where":
            compare = producers[node.input[0]]
            nodes.append(helper.make_node("BipolarQuant", [compare.input[0], "bipolar_scale"], [node.output[0]],
                                          name=node.name.replace("Where", "BipolarQuant"),
                                          domain="qonnx.custom_op.general"))
            dropped.add(compare.name)
        else:
            nodes.append(node)
    nodes = [n for n in nodes if n.name not in dropped]
    # drop what no longer feeds the output (the shapes and fills of the replaced Where nodes)
    while True:
        used = {i for n in nodes for i in n.input} | {o.name for o in graph.output}
        live = [n for n in nodes if any(o in used for o in n.output)]
        if len(live) == len(nodes):
            break
        nodes = live
    del graph.node[:]
    graph.node.extend(nodes)
    model.opset_import.append(helper.make_opsetid("qonnx.custom_op.general", 1))
    onnx.save(model, qonnx_path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="data/fashion-mnist")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print("torch", torch.__version__, "onnx", onnx.__version__, "numpy", np.__version__, flush=True)

    train_images, train_labels = load(args.data, "train")
    test_images, test_labels = load(args.data, "test")
    model = FashionBnn()
    train(model, train_images, train_labels, args.epochs, args.seed)

    deployed = Exportable(model).eval()
    scores64 = predict(deployed, test_images, torch.float64)
    predictions = scores64.argmax(dim=1).numpy().astype(np.uint8)
    scores32 = predict(deployed, test_images, torch.float32)
    accuracy = (predictions == test_labels).mean()
    differ = int((scores32.argmax(dim=1).numpy() != predictions).sum())
    print(f"test accuracy {accuracy * 100:.2f} % (float64); float32 predictions differ on {differ} images", flush=True)
    np.save(HERE / "fashion-predictions.npy", predictions)

    deployed.to(torch.float32)
    plain = HERE / "fashion-bnn.onnx"
    torch.onnx.export(deployed, centred(test_images[:1], torch.float32), plain, opset_version=13,
                      input_names=["pixels"], output_names=["scores"],
                      dynamic_axes={"pixels": {0: "batch"}, "scores": {0: "batch"}}, do_constant_folding=True)
    onnx.checker.check_model(onnx.load(plain))
    to_qonnx(plain, HERE / "fashion-bnn-qonnx.onnx")
    print("wrote", plain.name, "fashion-bnn-qonnx.onnx fashion-predictions.npy", flush=True)


if __name__ == "__main__":
    main()
