#!/usr/bin/env bash
# Retakes docs/editor.png and docs/editor-hover.png: runs the UI-test module's EditorScreenshotTest
# in a real workbench on a fresh Xvfb screen (1366x900): the quick-start example with highlighting,
# the Estimator's figures as code minings, the outline, a validation error in the Problems view,
# then the hover breakdown of a layer; the screen is captured with ImageMagick's `import`.
#   releng/scripts/screenshot.sh [output.png]      (default: docs/editor.png; the hover goes beside it)
# Needs Xvfb, GTK 3 and ImageMagick (scripts/bootstrap.sh ui installs them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/docs/editor.png}")"
"$ROOT/scripts/bootstrap.sh" ui

# Builds what the test module needs (language jars, plugin, platform feature; Tycho's
# manifest-based dependencies are invisible to -am, hence the explicit list) and runs only the
# screenshot test; no other test runs.
MODULES=org.bnn.runtime,org.bnn.dsl,org.bnn.dsl.ide,org.bnn.report,org.bnn.train,releng/tycho-parent,releng/org.bnn.target
MODULES=$MODULES,org.bnn.dsl.ui,releng/org.bnn.platform.feature,org.bnn.dsl.ui.tests
xvfb-run -a -s "-screen 0 1366x900x24" \
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" verify \
    -pl "$MODULES" \
    -Dtest=EditorScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtycho.testArgLine="-Dbnn.screenshot=$OUT"
[ -s "$OUT" ] || { echo "screenshot.sh: no screenshot written to $OUT" >&2; exit 1; }
echo "screenshots: $OUT $(dirname "$OUT")/editor-hover.png"
