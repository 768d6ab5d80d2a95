#!/usr/bin/env bash
# A long fuzzing campaign over the whole pipeline (parse, validate, format, estimate, generate,
# compile, run): the jqwik properties of org.bnn.tests (org.bnn.fuzz.PipelineProperties) with
# random seeds for MINUTES minutes (default 60), at low priority. Each new failure is shrunk by
# jqwik, minimised further and written to org.bnn.tests/fuzz-corpus/ (commit the new files: they
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
offline=()
[ -d "${HOME}/.m2/repository/net/jqwik/jqwik/1.10.1" ] && offline=(-o)
status=0
nice -n 10 ./mvnw -B "${offline[@]}" --no-transfer-progress -P'!eclipse' -pl org.bnn.tests -am verify \
    -Dtest='PipelineProperties' -Dsurefire.failIfNoSpecifiedTests=false -Dbnn.fuzz.minutes="$minutes" \
    -DargLine='-XX:-OmitStackTraceInFastThrow' \
    > org.bnn.tests/target/fuzz-campaign.log 2>&1 || status=$?
if [ ! -f "$summary" ]; then
    echo "fuzz: the campaign did not finish (exit $status); see org.bnn.tests/target/fuzz-campaign.log" >&2
    tail -30 org.bnn.tests/target/fuzz-campaign.log >&2
    exit 2
fi
cat "$summary"
new=$(git status --porcelain -- org.bnn.tests/fuzz-corpus | wc -l)
echo "new corpus cases: $new (org.bnn.tests/fuzz-corpus)"
exit "$status"
