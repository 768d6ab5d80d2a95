#!/usr/bin/env bash
# Runs Neovim headless with editors/neovim on copies of the quick start against the packaged
# language server and checks what an editor shows (editors/neovim/test/check.lua): diagnostics, a
# quick fix, hover, completion, definition, symbols, code lenses, formatting, inlay hints and
# semantic tokens where the Neovim has them. Prints PASS/FAIL/SKIP per feature; exits non-zero on
# a failure.
#   scripts/check-neovim.sh [NVIM]    NVIM: the nvim command (default: nvim on the PATH), e.g. the
#                                     one printed by scripts/install-neovim.sh 0.10
# Needs org.bnn.dsl.ide/target/bnn-language-server.jar (./mvnw -B -q package -DskipEclipse
# -pl org.bnn.dsl.ide -am) or BNN_LANGUAGE_SERVER_JAR.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NVIM="${1:-nvim}"
JAR="${BNN_LANGUAGE_SERVER_JAR:-$ROOT/org.bnn.dsl.ide/target/bnn-language-server.jar}"

command -v "$NVIM" >/dev/null 2>&1 || { echo "check-neovim: no '$NVIM' (scripts/install-neovim.sh debian|0.10)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "check-neovim: $JAR is missing; build it: ./mvnw -B -q package -DskipEclipse -pl org.bnn.dsl.ide -am" >&2; exit 2; }

WORKSPACE="$(mktemp -d)"
trap 'rm -rf "$WORKSPACE"' EXIT
cp "$ROOT/examples/quickstart/quickstart.bnn" "$ROOT/examples/lib/illustrative-hw.bnn" "$WORKSPACE/"

# --clean: no user configuration; the plugin comes from editors/neovim on the runtime path, set up
# as editors/README.md tells a user to.
BNN_CHECK_WORKSPACE="$WORKSPACE" BNN_LANGUAGE_SERVER_JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")" \
  timeout 300 "$NVIM" --headless --clean \
    --cmd "set runtimepath^=$ROOT/editors/neovim" \
    --cmd "lua require('bnn').setup({ jar = vim.env.BNN_LANGUAGE_SERVER_JAR })" \
    --cmd "filetype plugin on" \
    -c "luafile $ROOT/editors/neovim/test/check.lua" </dev/null
