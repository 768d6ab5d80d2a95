#!/usr/bin/env bash
# Runs every test of the project: runtime, parser, validator, generator, CLI and language server
# (org.bnn.tests), then the Eclipse UI tests in a real workbench under Xvfb (org.bnn.dsl.ui.tests),
# and builds the p2 update site and the test IDE. Extra arguments go to Maven.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/bootstrap.sh" all
cd "$ROOT"
exec xvfb-run -a -s "-screen 0 1366x900x24" "$ROOT/mvnw" -B --no-transfer-progress verify "$@"
