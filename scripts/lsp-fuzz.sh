#!/usr/bin/env bash
# A campaign of the misbehaving language-server client (org.bnn.dsl.ide.tests.LanguageServerFuzzTest)
# over many seeds, outside CI (which runs one): a new server per seed, each for 4,000 operations or
# 45 s. Figures in docs/testing.md ("The language server under a misbehaving client").
#   scripts/lsp-fuzz.sh [FIRST..LAST]     seeds, default 1..100
# A failing seed's report names the request, its position and the client's text; rerun it alone
# with scripts/lsp-fuzz.sh N..N.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-1..100}"
if ! [[ "$seeds" =~ ^[0-9]+\.\.[0-9]+$ ]]; then
    echo "usage: scripts/lsp-fuzz.sh [FIRST..LAST]" >&2
    exit 2
fi
log=org.bnn.tests/target/lsp-fuzz.log
mkdir -p org.bnn.tests/target
start=$(date +%s)
status=0
nice -n 10 ./mvnw -B -o --no-transfer-progress -P'!eclipse' -pl org.bnn.tests -am verify \
    -Dtest='LanguageServerFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dbnn.lspFuzz.seeds="$seeds" > "$log" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
passed=$(grep -a -c '^LanguageServerFuzzTest: seed' "$log" || true)
operations=$(grep -a '^LanguageServerFuzzTest: seed' "$log" | awk '{sum += $4} END {print sum + 0}')
requests=$(grep -a '^LanguageServerFuzzTest: seed' "$log" | awk '{sum += $6} END {print sum + 0}')
echo "lsp-fuzz: seeds $seeds: $passed passed, $operations operations, $requests requests, $((seconds / 60)) min $((seconds % 60)) s (log: $log)"
if [ "$status" -ne 0 ]; then
    grep -a -E '^\[ERROR\] .*seed [0-9]+' "$log" | head -20 >&2 || true
    echo "lsp-fuzz: failures above (Maven exit $status)" >&2
    exit 1
fi
