#!/usr/bin/env bash
# Regenerates the user-format models kept here: the built-in anomaly-mlp rebuilt in PyTorch from its
# trained weights and saved as TorchScript (.pt) and ONNX (.onnx), anomaly-mlp-x4 as ONNX only (the
# candidate of model-release-byo.yaml), each folder with a model.yaml manifest, and anomaly-samples.csv: the first 300 held-out rows of the built-in model
# (both widths share them), as a user's labelled samples.
# The generated files are committed (a few hundred KB): CI does not need torch. Run this after the
# built-in models' training changes.
#
# Needs: Debian's python3-torch (apt-get install python3-torch; 1.13, ~220 packages) and the
# edge-core build (mvn -q -pl edge-core -am package -DskipTests, which trains the built-in models).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
core=$repo/edge-core
models=$core/target/twin-dist/models
python=/usr/bin/python3   # Debian's torch installs for this one; a pyenv python3 on PATH does not see it

[ -d "$models/anomaly-mlp" ] || { echo "no trained models in $models; run: mvn -q -pl edge-core -am package -DskipTests" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null || { echo "no torch for $python; run: apt-get install python3-torch" >&2; exit 2; }

(cd "$repo" && mvn -B -q -o -pl edge-core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$core/target/test.classpath" -Dedgetwin.skipTraining=true)
classpath="$core/target/test-classes:$core/target/classes:$(cat "$core/target/test.classpath")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for spec in anomaly-mlp:torchscript,onnx anomaly-mlp-x4:onnx; do
  name=${spec%%:*}
  DJL_CACHE_DIR=$core/target/djl-cache java -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.log.ai.djl=error \
    -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error -cp "$classpath" io.edgetwin.inference.WeightsExport "$models/$name" "$work/$name.json"
  "$python" "$here/export_user_models.py" "$work/$name.json" "$here" "${spec#*:}"
done
head -n 301 "$models/anomaly-mlp/samples.csv" >"$here/anomaly-samples.csv"
