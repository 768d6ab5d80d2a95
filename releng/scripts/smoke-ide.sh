#!/usr/bin/env bash
# Smoke check of the materialized test IDE (after ./mvnw verify), on a fresh Xvfb screen:
# starts it, imports a folder with a .bnn file (File > Open Projects from File System), opens the
# file in the BNN editor, takes a screenshot and fails if the workspace log has an error entry.
#   releng/scripts/smoke-ide.sh [screenshot.png]
# Needs xvfb-run, ImageMagick and xdotool (apt-get install xdotool). The clicks assume the
# default layout on the 1366x900 screen it creates.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for tool in xvfb-run import xdotool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "smoke-ide.sh: $tool is missing" >&2; exit 2; }
done

drive() { # runs on the Xvfb display: WORK and OUT come from the outer call
  "$ROOT/releng/scripts/run-ide.sh" -data "$WORK/ws" > "$WORK/console.log" 2>&1 &
  local ide=$!
  for _ in $(seq 1 90); do xdotool search --name ws >/dev/null 2>&1 && break; sleep 1; done
  sleep 5
  xdotool mousemove 19 12 click 1; sleep 1.5                       # File
  xdotool mousemove 160 87 click 1; sleep 3                         # Open Projects from File System...
  xdotool type --delay 30 "$WORK/demo"; sleep 2; xdotool key Return; sleep 6
  xdotool mousemove 65 138 click 1; sleep 1                         # the project in Project Explorer
  xdotool key Right; sleep 1; xdotool key Down; sleep 1; xdotool key Return; sleep 8
  import -window root "$OUT"
  kill "$ide"; wait "$ide" 2>/dev/null || true
}
if [ "${1:-}" = "--on-display" ]; then
  WORK="$2" OUT="$3" drive
  exit 0
fi

OUT="$(realpath -m "${1:-$ROOT/releng/org.bnn.product/target/smoke-ide.png}")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/demo" "$(dirname "$OUT")"
cat > "$WORK/demo/demo.bnn" <<'BNN'
// smoke test of the BNN editor in the test IDE
package demo
/* one good tile, one bad tile */
tile T32 { cells 32 rows x 32 columns 2T2R }
tile Bad { cells 0 rows x 32 columns 2T2R }
chip C { tiles 16 of T32 }
BNN

xvfb-run -a -s "-screen 0 1366x900x24" "$0" --on-display "$WORK" "$OUT"

echo "screenshot: $OUT"
if grep -q '^!ENTRY [^ ]* 4 ' "$WORK/ws/.metadata/.log" 2>/dev/null; then
  echo "smoke-ide.sh: errors in the workspace log:" >&2
  cat "$WORK/ws/.metadata/.log" >&2
  exit 1
fi
echo "smoke-ide.sh: no error in the workspace log"
