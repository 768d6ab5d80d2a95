#!/usr/bin/env bash
# Builds the VS Code client (editors/vscode) from its package-lock.json: npm ci, the TextMate
# grammar's test (`npm test`: vscode-tmgrammar-test on editors/vscode/test/grammar, the grammar as
# package.json wires it), the TypeScript compile, and `vsce package` into
# editors/vscode/bnn-language.vsix. VS Code itself is not run
# here (it is downloaded from Microsoft's servers, which this project's machines do not reach);
# scripts/check-neovim.sh checks the same server through a real client.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v npm >/dev/null 2>&1 || { echo "build-vscode-extension: npm is needed (Node.js 20+; Debian: apt-get install nodejs npm)" >&2; exit 2; }
cd "$ROOT/editors/vscode"
npm ci --no-audit --no-fund --loglevel=error
npm test --silent
npm run --silent package
test -s bnn-language.vsix
echo "build-vscode-extension: $(pwd)/bnn-language.vsix"
