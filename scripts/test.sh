#!/usr/bin/env bash
# Runs every test of the project: runtime, reports and trainer (their modules' src/test/java), parser,
# validator, formatter, generator, CLI and language server (org.bnn.tests), the Eclipse UI tests in a real workbench under Xvfb (org.bnn.dsl.ui.tests),
# builds the p2 update site and the test IDE, then builds and runs the headless Maven consumer
# example (examples/maven-consumer) against the freshly installed language. Extra arguments go
# to the main Maven build. Last, Neovim (Debian 13's 0.10.4 and Debian's own) runs headless against the
# packaged language server (scripts/check-neovim.sh), and the VS Code extension is built, its
# TextMate grammar tested (scripts/build-vscode-extension.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh" all
cd "$ROOT"
# MNIST and Fashion-MNIST (idempotent): the ONNX import and export tests compare predictions with PyTorch's
# and onnxruntime's on every test image (docs/import.md).
"$ROOT/scripts/fetch-data.sh" all
# install (not only verify): the consumer example resolves the language from the local repository.
xvfb-run -a -s "-screen 0 1366x900x24" "$ROOT/mvnw" -B --no-transfer-progress install "$@"
echo "== headless Maven consumer (examples/maven-consumer)"
"$ROOT/mvnw" -B --no-transfer-progress -q -f examples/maven-consumer/pom.xml verify
echo "== editors: Neovim's LSP client against the language server (scripts/check-neovim.sh)"
NVIM_DEBIAN="$("$ROOT/scripts/install-neovim.sh" debian)"
"$ROOT/scripts/check-neovim.sh" "$NVIM_DEBIAN"
# Neovim 0.10 (inlay hints) comes from Debian 13's packages: if they cannot be fetched on this
# machine, say so and go on; if it is there, its check must pass like the other.
if NVIM_010="$("$ROOT/scripts/install-neovim.sh" 0.10)"; then
  "$ROOT/scripts/check-neovim.sh" "$NVIM_010"
else
  echo "== editors: SKIPPED the Neovim 0.10 check: scripts/install-neovim.sh 0.10 failed (see above)"
fi
echo "== editors: the VS Code extension, its TextMate grammar tested (scripts/build-vscode-extension.sh)"
"$ROOT/scripts/build-vscode-extension.sh"
