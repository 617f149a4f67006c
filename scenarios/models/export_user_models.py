"""Rebuilds a built-in anomaly model in PyTorch from its exported weights and saves it the way a
user's release would come: a TorchScript archive (torch.jit.trace + save) and an ONNX graph
(torch.onnx.export), each in its own folder with a model.yaml manifest.

Usage: /usr/bin/python3 export_user_models.py WEIGHTS.json OUT_DIR [torchscript,onnx]
Needs Debian's python3-torch (1.13); make-fixtures.sh runs it.
"""
import json
import os
import sys

import torch


def network(weights):
    width = weights["width"]
    layers = [torch.nn.Linear(128, 64 * width), torch.nn.ReLU(),
              torch.nn.Linear(64 * width, 32 * width), torch.nn.ReLU(),
              torch.nn.Linear(32 * width, len(weights["labels"]))]
    net = torch.nn.Sequential(*layers)
    linear = [layer for layer in layers if isinstance(layer, torch.nn.Linear)]
    params = weights["parameters"]
    if len(params) != 2 * len(linear):
        raise SystemExit("expected %d parameters (weight and bias per linear layer); got %d"
                         % (2 * len(linear), len(params)))
    with torch.no_grad():
        for i, layer in enumerate(linear):
            for tensor, p in ((layer.weight, params[2 * i]), (layer.bias, params[2 * i + 1])):
                if list(tensor.shape) != p["shape"]:
                    raise SystemExit("parameter %s has shape %s; the network expects %s"
                                     % (p["name"], p["shape"], list(tensor.shape)))
                tensor.copy_(torch.tensor(p["values"], dtype=torch.float32).reshape(p["shape"]))
    return net.eval()


def manifest(name, file, labels, input_name):
    lines = [
        "# A user model's manifest (docs/models.md). Written by export_user_models.py.",
        "name: %s" % name,
        "file: %s" % file,
        "task: anomaly-detection",
        "description: vibration window",
        "input: {%sshape: [128], dtype: float32}" % ("name: %s, " % input_name if input_name else ""),
        "output: {labels: [%s]}" % ", ".join(labels),
        "accuracyFloor: 0.95",
        "",
    ]
    return "\n".join(lines)


def main():
    weights_file, out_dir = sys.argv[1], sys.argv[2]
    formats = (sys.argv[3] if len(sys.argv) > 3 else "torchscript,onnx").split(",")
    with open(weights_file) as f:
        weights = json.load(f)
    net = network(weights)
    example = torch.zeros(1, 128)
    base = weights["name"]

    if "torchscript" in formats:
        pt_dir = os.path.join(out_dir, base + "-torchscript")
        os.makedirs(pt_dir, exist_ok=True)
        traced = torch.jit.trace(net, example)
        traced.save(os.path.join(pt_dir, base + ".pt"))
        with open(os.path.join(pt_dir, "model.yaml"), "w") as f:
            f.write(manifest(base + "-torchscript", base + ".pt", weights["labels"], None))
        print("wrote %s (torch %s)" % (pt_dir, torch.__version__))
    if "onnx" in formats:
        onnx_dir = os.path.join(out_dir, base + "-onnx")
        os.makedirs(onnx_dir, exist_ok=True)
        torch.onnx.export(net, example, os.path.join(onnx_dir, base + ".onnx"), opset_version=13,
                          input_names=["window"], output_names=["logits"],
                          dynamic_axes={"window": {0: "batch"}, "logits": {0: "batch"}})
        with open(os.path.join(onnx_dir, "model.yaml"), "w") as f:
            f.write(manifest(base + "-onnx", base + ".onnx", weights["labels"], "window"))
        print("wrote %s (torch %s, opset 13)" % (onnx_dir, torch.__version__))


if __name__ == "__main__":
    main()
