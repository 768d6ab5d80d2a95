#!/usr/bin/env bash
# A long fuzzing campaign over the whole pipeline (parse, validate, format, estimate, generate,
# compile, run): the seeded properties of org.bnn.tests (org.bnn.fuzz.PipelineFuzzTest) with
# random seeds for MINUTES minutes (default 60), at low priority. Each new failure is minimised
# (lines, then characters) and written to org.bnn.tests/fuzz-corpus/ (commit the new files: they
# are replayed by FuzzCorpusTest); the figures are printed at the end and kept in
# org.bnn.tests/target/fuzz-summary.txt. (The JVM keeps every stack trace: after many equal
# exceptions it would otherwise throw them without frames, and they would look like new failures.)
#   scripts/fuzz.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-60}"
if ! [[ "$minutes" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "usage: scripts/fuzz.sh [MINUTES]" >&2
    exit 2
fi
summary=org.bnn.tests/target/fuzz-summary.txt
mkdir -p org.bnn.tests/target # a fresh clone has no build output yet
rm -f "$summary"
log=org.bnn.tests/target/fuzz-campaign.log
campaign() {
    nice -n 10 ./mvnw -B "$@" --no-transfer-progress -P'!eclipse' -pl org.bnn.tests -am verify \
        -Dtest='PipelineFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Dbnn.fuzz.minutes="$minutes" \
        -DargLine='-XX:-OmitStackTraceInFastThrow' > "$log" 2>&1
}
status=0
# Offline when the local repository holds every dependency already; online only when one is missing.
campaign -o || status=$?
if [ ! -f "$summary" ] && grep -q "offline mode" "$log"; then
    status=0
    campaign || status=$?
fi
if [ ! -f "$summary" ]; then
    echo "fuzz: the campaign did not finish (exit $status); see $log" >&2
    tail -30 "$log" >&2
    exit 2
fi
cat "$summary"
new=$(git status --porcelain -- org.bnn.tests/fuzz-corpus | wc -l)
echo "new corpus cases: $new (org.bnn.tests/fuzz-corpus)"
exit "$status"
