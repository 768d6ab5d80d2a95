#!/usr/bin/env bash
# Starts the test IDE (Eclipse 4.33 platform + the BNN feature) that `./mvnw verify` materializes
# under releng/org.bnn.product/target/products/. It has no native launcher: Java starts it.
#   releng/scripts/run-ide.sh [-data WORKSPACE] [more Eclipse arguments]
# Default workspace: $BNN_IDE_WORKSPACE, else ~/bnn-workspace. Without a display, wrap it in
# xvfb-run -a -s "-screen 0 1366x900x24".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IDE="$ROOT/releng/org.bnn.product/target/products/org.bnn.ide/linux/gtk/x86_64"
launcher=("$IDE"/plugins/org.eclipse.equinox.launcher_*.jar)
[ -f "${launcher[0]}" ] || { echo "run-ide.sh: no test IDE in $IDE; build it first with ./mvnw verify" >&2; exit 2; }
args=("$@")
case " ${args[*]-} " in
  *" -data "*) ;;
  *) args=(-data "${BNN_IDE_WORKSPACE:-$HOME/bnn-workspace}" "${args[@]}") ;;
esac
cd "$IDE"
exec java -Xms256m -Xmx1024m -jar "${launcher[0]}" -consoleLog "${args[@]}"
