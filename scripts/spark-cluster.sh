#!/usr/bin/env bash
# A Spark standalone cluster on this machine, started from the jars the build fetched (no Spark download, nothing
# but 127.0.0.1): a master and two workers of one core each, each worker launching its own executor JVM. With it:
#
#   scripts/spark-cluster.sh [check]   examples/explore/explore.bnn in-process, on the cluster (bnn run --spark,
#                                      then spark-submit of the job jar), and on the cluster with worker 2 killed
#                                      (kill -9, worker and executor) mid-run: every report file must be
#                                      byte-identical, else exit 1
#   scripts/spark-cluster.sh scaling   examples/cifar10/explore.bnn in-process on one thread and on the cluster
#                                      (2 workers x 1 core): wall times and parallel efficiency; then the per-task
#                                      overhead, from explorations of 200 and 400 near-empty tasks
#
# docs/scale-out.md explains the setup and holds the figures. Work files, logs and reports go to
# target/spark-cluster (SPARK_CLUSTER_WORK); ports 17077 (master), 17101-17102 (workers), 18080-18082 (their web
# pages) unless SPARK_CLUSTER_PORT moves the 17077 block. Everything the script starts is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-check}"
WORK="${SPARK_CLUSTER_WORK:-$ROOT/target/spark-cluster}"
PORT="${SPARK_CLUSTER_PORT:-17077}"
MASTER="spark://127.0.0.1:$PORT"
SPARK_JARS="$WORK/jars"
export SPARK_LOCAL_IP=127.0.0.1 # the driver, the master, the workers and the executors listen on loopback only

say() { echo "== spark-cluster: $*" >&2; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
fail() {
  say "FAILED: $*"
  exit 1
}

case "$MODE" in
  check | scaling) ;;
  *) fail "unknown mode '$MODE' (check or scaling)" ;;
esac

# --- the launcher (built by ./bnn on its first --spark use) and the cluster's jars: Spark's own dependencies at
# the version the project builds against, from the Maven repository
build() {
  "$ROOT/bnn" run --help --spark local >/dev/null # builds org.bnn.spark (the job jar, spark-lib) when stale
  read -r -a JVM_OPTS <"$ROOT/org.bnn.spark/target/spark-jvm-options.txt"
  local version
  version="$(sed -n 's:.*<sparkVersion>\(.*\)</sparkVersion>.*:\1:p' "$ROOT/pom.xml")"
  rm -rf "$SPARK_JARS"
  "$ROOT/mvnw" -B -q -f "$ROOT/scripts/spark/pom.xml" package -DsparkVersion="$version" ||
    fail "could not gather Spark $version's jars"
  say "Spark $version: $(find "$SPARK_JARS" -name '*.jar' | wc -l) jars in $SPARK_JARS"
}

# --- the cluster: a Spark home of links (Spark's launcher looks for jars/ and conf/ there), then the daemons
PIDS=()
start_cluster() {
  local home="$WORK/home"
  rm -rf "$WORK/cluster" && mkdir -p "$home" "$WORK/cluster"
  ln -sfn "$SPARK_JARS" "$home/jars"
  ln -sfn "$ROOT/scripts/spark" "$home/conf"
  for port in "$PORT" $((PORT + 24)) $((PORT + 25)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "port $port on 127.0.0.1 is taken; set SPARK_CLUSTER_PORT to another block"
    fi
  done
  # Workers look for Spark's Scala version and home to build each executor's command line.
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_DIRS="$WORK/cluster/tmp"
  local daemon=(java "${JVM_OPTS[@]}" -Xmx512m -cp "$SPARK_JARS/*")
  "${daemon[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port 18080 \
    >"$WORK/cluster/master.log" 2>&1 &
  PIDS+=($!)
  disown $! # so that killing worker 2 later is not reported as a failed job of this shell
  for i in 1 2; do
    mkdir -p "$WORK/cluster/worker$i"
    "${daemon[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port $((PORT + 23 + i)) \
      --webui-port $((18080 + i)) --cores 1 --memory 2g --work-dir "$WORK/cluster/worker$i" "$MASTER" \
      >"$WORK/cluster/worker$i.log" 2>&1 &
    PIDS+=($!)
    disown $!
  done
  WORKER2_PID="${PIDS[2]}"
  local waited=0
  until [ "$(grep -c 'Registering worker' "$WORK/cluster/master.log" 2>/dev/null)" -ge 2 ]; do
    sleep 1
    waited=$((waited + 1))
    [ "$waited" -lt 180 ] || fail "the workers did not register within 180 s (logs in $WORK/cluster)"
  done
  say "cluster up in ${waited} s: master $MASTER, 2 workers x 1 core (logs in $WORK/cluster)"
}

# Workers stop their executors when told to stop; the daemons get 20 s, then are killed.
stop_cluster() {
  local pid waited=0
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 40 ]; do
      sleep 0.5
      waited=$((waited + 1))
    done
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_cluster EXIT

# --- runs: each in a folder of its own, so that each writes its own report
# copy_example RUN FILE: the example's folder and the presets under $WORK/runs/RUN, reading the repository's weights
# and data through links; prints the copied file's path.
copy_example() {
  local run="$WORK/runs/$1" source="$2" folder
  folder="$(basename "$(dirname "$source")")"
  rm -rf "$run" && mkdir -p "$run/examples/$folder"
  cp "$(dirname "$ROOT/$source")"/*.bnn "$run/examples/$folder/"
  cp -r "$ROOT/examples/lib" "$run/examples/lib"
  ln -s "$ROOT/examples/mnist" "$run/examples/mnist" 2>/dev/null || true
  ln -s "$ROOT/data" "$run/data"
  echo "$run/examples/$folder/$(basename "$source")"
}

# timed RUN COMMAND...: runs the command, output in $WORK/runs/RUN.{out,err}; sets SECONDS_TAKEN.
timed() {
  local run="$1"
  shift
  local start
  start="$(date +%s.%N)"
  "$@" >"$WORK/runs/$run.out" 2>"$WORK/runs/$run.err" || fail "$run: $* failed: $(tail -c 2000 "$WORK/runs/$run.err")"
  SECONDS_TAKEN="$(calc "$(date +%s.%N) - $start")"
  say "$run: $SECONDS_TAKEN s"
}

# spark-submit of the job jar in client mode, as on YARN or Kubernetes (Spark's SparkSubmit class, which the
# spark-submit script of a Spark installation starts): bnn run FILE --spark submit.
spark_submit() {
  java "${JVM_OPTS[@]}" -Dlog4j2.configurationFile="$ROOT/org.bnn.spark/src/main/resources/log4j2.properties" \
    -cp "$SPARK_JARS/*" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
    --deploy-mode client --class org.bnn.cli.BnnCli "$ROOT/org.bnn.spark/target/bnn-spark.jar" run "$1" --spark submit
}

# same_reports A B: every file of the two runs' report folders, byte for byte.
same_reports() {
  local a="$WORK/runs/$1" b="$WORK/runs/$2" files file
  files="$(cd "$a" && find . -path '*/reports/*' -type f | sort)"
  [ -n "$files" ] || fail "run $1 wrote no report"
  [ "$files" = "$(cd "$b" && find . -path '*/reports/*' -type f | sort)" ] || fail "runs $1 and $2 wrote different files"
  local count=0
  while read -r file; do
    cmp -s "$a/$file" "$b/$file" || fail "$file differs between runs $1 and $2"
    count=$((count + 1))
  done <<<"$files"
  say "$1 and $2: all $count report files byte-identical"
}

# The progress bar's last "done/total" in a run's stderr.
tasks_done() {
  tr '\r' '\n' <"$WORK/runs/$1.err" | grep -o '[0-9]*/[0-9]* (' | tail -1 | cut -d/ -f1
}

kill_worker2_midway() {
  local run="$1" total="$2"
  until [ "$(tasks_done "$run" || echo 0)" -ge $((total / 4)) ] 2>/dev/null; do
    sleep 0.5
    kill -0 "$BNN_PID" 2>/dev/null || return 0
  done
  local executor
  executor="$(pgrep -f "CoarseGrainedExecutorBackend.*Worker@127.0.0.1:$((PORT + 25))" || true)"
  say "killing worker 2 (pid $WORKER2_PID) and its executor (pid ${executor:-none}) at $(tasks_done "$run")/$total tasks"
  kill -9 "$WORKER2_PID" ${executor:+"$executor"} 2>/dev/null || true
}

check() {
  local file=examples/explore/explore.bnn tasks=150
  [ -f "$ROOT/data/mnist/t10k-images-idx3-ubyte" ] || [ -f "$ROOT/data/mnist/t10k-images-idx3-ubyte.gz" ] ||
    fail "MNIST is missing: scripts/fetch-data.sh mnist"
  timed in-process "$ROOT/bnn" run "$(copy_example in-process "$file")"
  start_cluster
  timed cluster "$ROOT/bnn" run "$(copy_example cluster "$file")" --spark "$MASTER"
  same_reports in-process cluster
  timed spark-submit spark_submit "$(copy_example spark-submit "$file")"
  same_reports in-process spark-submit
  local killed
  killed="$(copy_example cluster-killed "$file")"
  "$ROOT/bnn" run "$killed" --spark "$MASTER" >"$WORK/runs/cluster-killed.out" 2>"$WORK/runs/cluster-killed.err" &
  BNN_PID=$!
  kill_worker2_midway cluster-killed "$tasks"
  wait "$BNN_PID" || fail "the run with a killed worker failed: $(tail -c 2000 "$WORK/runs/cluster-killed.err")"
  local seen
  seen="$(tr '\r' '\n' <"$WORK/runs/cluster-killed.err" | grep -o 'spark: [A-Z]* [A-Za-z]*: .*[Ll]ost.*' || true)"
  [ -n "$seen" ] || fail "the driver did not see worker 2 go (stderr in $WORK/runs/cluster-killed.err)"
  say "the driver saw it: $(head -3 <<<"$seen" | tr '\n' ' ')"
  same_reports in-process cluster-killed
  say "PASSED: in-process, cluster, spark-submit and cluster with a killed worker wrote the same bytes"
}

# An exploration of near-empty tasks: a 16-input network, one input per task, CHIPS chips of 2 regimes.
tiny_exploration() {
  local run="$WORK/runs/$1" chips="$2"
  rm -rf "$run" && mkdir -p "$run/tiny"
  cp -r "$ROOT/examples/lib" "$run/lib"
  cat >"$run/tiny/tiny.bnn" <<EOF
package tiny
import presets.illustrative.*
network Tiny {
    input x: 4 x 4 binarize at 0.5
    dense fc: 8
    output out: dense 2
}
mapping OnDemo {
    network Tiny on Demo
    regime nominal
}
explore Overhead {
    run OnDemo on random 1 inputs
    vary regime { strong, ultra_low }
    objectives accuracy, energy
    trials $chips
    seed 1
}
EOF
  echo "$run/tiny/tiny.bnn"
}

scaling() {
  local file=examples/cifar10/explore.bnn one cluster
  BNN_JAVA_OPTS="-XX:ActiveProcessorCount=1" timed one-thread "$ROOT/bnn" run "$(copy_example one-thread "$file")"
  one="$SECONDS_TAKEN"
  start_cluster
  timed cluster "$ROOT/bnn" run "$(copy_example cluster "$file")" --spark "$MASTER"
  cluster="$SECONDS_TAKEN"
  same_reports one-thread cluster
  say "parallel efficiency: $(calc "$one / (2 * $cluster)" 3) (one thread $one s, cluster $cluster s)"
  timed tiny-100 "$ROOT/bnn" run "$(tiny_exploration tiny-100 100)" --spark "$MASTER"
  local t100="$SECONDS_TAKEN"
  timed tiny-200 "$ROOT/bnn" run "$(tiny_exploration tiny-200 200)" --spark "$MASTER"
  local t200="$SECONDS_TAKEN"
  say "per-task overhead: $(calc "($t200 - $t100) * 1000 * 2 / 200") ms of executor time per task" \
    "(200 more tasks of one input took $(calc "$t200 - $t100") s more on 2 executors)"
}

build
mkdir -p "$WORK/runs"
"$MODE"
