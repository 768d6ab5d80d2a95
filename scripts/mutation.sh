#!/usr/bin/env bash
# Mutation testing of the simulator (not part of CI; figures in docs/testing.md, "Mutation testing").
# PIT mutates the classes of org.bnn.runtime's packages engine, device, errors, ecc and estimate
# and runs the runtime's tests (org.bnn.runtime/src/test/java, org.bnn.runtime.tests.*) against every
# mutant: the `mutation` profile of org.bnn.runtime/pom.xml, with PIT's default mutators.
#
#   scripts/mutation.sh                 all five packages
#   scripts/mutation.sh ecc estimate    only these packages (quicker feedback)
#   scripts/mutation.sh -- -Dthreads=2  anything after -- goes to Maven
#
# Incremental: each selection of packages keeps its own history under org.bnn.runtime/target, so a
# rerun analyses again only the mutants whose class or covering tests changed. The HTML and XML
# reports go to org.bnn.runtime/target/pit-reports/<selection>/; the score per package is printed last.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ALL=(engine device errors ecc estimate)

packages=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; break ;;
    engine|device|errors|ecc|estimate) packages+=("$1"); shift ;;
    *) echo "usage: scripts/mutation.sh [${ALL[*]}]... [-- MAVEN_OPTION...]" >&2; exit 2 ;;
  esac
done
[ ${#packages[@]} -gt 0 ] || packages=("${ALL[@]}")

targets=""
for p in "${packages[@]}"; do targets="${targets:+$targets,}org.bnn.runtime.$p.*"; done
if [ "${packages[*]}" = "${ALL[*]}" ]; then selection=all; else selection="$(IFS=-; echo "${packages[*]}")"; fi
TARGET="$ROOT/org.bnn.runtime/target"
REPORT="$TARGET/pit-reports/$selection"

cd "$ROOT"
start=$(date +%s)
# One Maven run: compiles the runtime and its tests, then PIT in place of Surefire (see the profile).
nice -n 10 ./mvnw -B --no-transfer-progress -P'!eclipse,mutation' -pl org.bnn.runtime test \
  -DtargetClasses="$targets" \
  -DhistoryInputFile="$TARGET/pit-history-$selection.bin" \
  -DhistoryOutputFile="$TARGET/pit-history-$selection.bin" \
  -DreportsDirectory="$REPORT" "$@"
seconds=$(( $(date +%s) - start ))

# Score per package from the XML report: detected (killed, timed out, ...) over all mutants,
# PIT's own definition; NO_COVERAGE counts as not detected.
echo "== mutation score per package ($REPORT/index.html; $((seconds / 60)) min $((seconds % 60)) s)"
awk '
  /<mutation / {
    match($0, /<mutatedClass>org\.bnn\.runtime\.[a-z]+\./)
    if (RSTART == 0) next
    package = substr($0, RSTART + 14, RLENGTH - 15)
    total[package]++
    if ($0 ~ /detected=.true./) detected[package]++
    if ($0 ~ /status=.SURVIVED./) survived[package]++
    if ($0 ~ /status=.NO_COVERAGE./) uncovered[package]++
  }
  END {
    printf "%-26s %8s %8s %8s %9s %7s\n", "package", "detected", "total", "survived", "no cover", "score"
    for (p in total) {
      all += total[p]; found += detected[p]
      printf "%-26s %8d %8d %8d %9d %6.1f%%\n", p, detected[p], total[p], survived[p], uncovered[p], 100 * detected[p] / total[p] | "sort"
    }
    close("sort")
    if (all > 0) printf "%-26s %8d %8d %8s %9s %6.1f%%\n", "(together)", found, all, "", "", 100 * found / all
  }' "$REPORT/mutations.xml"
