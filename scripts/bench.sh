#!/usr/bin/env bash
# The simulator's benchmarks, in one command (docs/benchmarks.md):
#   (a) error-free dense 1024x1024 layer vs a plain Long.bitCount loop     (JMH DenseLayerBenchmark)
#   (b) per-inference errors vs error-free, over BER, with ns per flip      (JMH WeightErrorBenchmark;
#       full run: also FlipCostBenchmark, drawing the flips vs applying them, and
#       PopcountDomainBenchmark, exact patterns vs the popcount-domain mode)
#   (c) the full sweep 10,000 inputs x 9 BER x 5 trials, per-chip errors    (JMH SweepBenchmark)
#       beside the NumPy + OpenBLAS float32 peer of the same sweep          (python/peer_sweep.py)
# and the convolutions (docs/benchmarks.md, "Convolutions"):
#   (d) error-free 3x3 conv layers vs the scalar-popcount loop over pre-unrolled patches and vs (a)
#                                                                           (JMH ConvLayerBenchmark)
#   (f) the Fashion-MNIST and CIFAR-10-size conv networks: images/s and G binary MAC/s per core,
#       error-free and with per-inference errors at 1e-3                    (JMH ConvNetworkBenchmark)
#   (g) the Fashion-MNIST conv sweep, inputs x 9 BER x 5 trials, per-chip errors (JMH ConvSweepBenchmark)
#       beside the PyTorch float32 peer of the same sweep                   (python/peer_conv_sweep.py)
# then a summary table with the ratios and targets (org.bnn.benchmarks.BenchmarkReport).
#
#   scripts/bench.sh          full run (about 6-7 minutes on 2 busy cores, plus 5-15 for the conv section:
#                             the PyTorch peer of the 10,000-input conv sweep takes minutes)
#   scripts/bench.sh quick    fewer iterations and BER points, one sweep iteration (cold JVM), and
#                             only the faster peer configuration, 2,000 conv sweep inputs (about 5-7 minutes)
#   scripts/bench.sh conv     only (a) and the conv benchmarks (d), (f), (g) with its peer
#   scripts/bench.sh verify   no timing: checks that the Vector API kernel (JDK >= 21) computes exactly
#                             what the Java 17 scalar kernel computes (org.bnn.runtime.engine.KernelCheck
#                             on both JDKs, same whole-network digest), and that without the incubator
#                             module a JDK >= 21 falls back to the scalar kernel silently (< 1 minute)
#
# The JVM that runs the benchmarks is $BENCH_JAVA, else $JAVA_HOME/bin/java, else java on PATH (the
# build always uses ./mvnw as it is). On a JDK >= 21 the benchmark JVMs get
# --add-modules jdk.incubator.vector, so the engine runs its Vector API kernel (the runtime is a
# multi-release jar); on 17 it runs the scalar kernel. For example, both kernels:
#   scripts/bench.sh; BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java scripts/bench.sh
# The verify mode compares java on PATH (or $JAVA_HOME) with $BENCH_JAVA, else with
# /usr/lib/jvm/temurin-25-jdk-amd64.
#
# The peer runs on Debian's python3-numpy with libopenblas0-pthread (/usr/bin/python3, not a
# python3 first on PATH); they are installed with apt-get when missing (needs root).
# For the peer only, OPENBLAS_CORETYPE is removed from the environment, so OpenBLAS picks its
# kernels by its own CPU detection, and OPENBLAS_NUM_THREADS is set to nproc. If that detection
# falls back to a weaker kernel than the CPU supports (OpenBLAS 0.3.21 does not know recent Xeon
# models and picks "Prescott", SSE3), the peer is run a second time with OPENBLAS_CORETYPE set to
# the kernel the CPU flags allow, and the speed-up target is judged against the faster peer.
#   BENCH_PEER_CORETYPE=<name>  use that kernel for the second run; =none skips the second run.
# The conv peer runs on Debian's python3-torch (1.13, oneDNN and OpenMP; its build configuration is in
# torch-peer.log) with nproc threads, also installed with apt-get when missing. The conv sweep and its peer
# take BENCH_CONV_INPUTS inputs (default 10000; 2000 in quick mode), the same number on both sides.
# Results go to org.bnn.benchmarks/target/bench/<time>/ (JMH JSON and logs, peer logs, summary.txt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-full}"
case "$MODE" in
  full|quick|conv|verify) ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: scripts/bench.sh [quick|conv|verify]" >&2; exit 2 ;;
esac
JAR="$ROOT/org.bnn.benchmarks/target/benchmarks.jar"
PEER="$ROOT/org.bnn.benchmarks/python/peer_sweep.py"
TORCH_PEER="$ROOT/org.bnn.benchmarks/python/peer_conv_sweep.py"
PY=/usr/bin/python3
OUT="$ROOT/org.bnn.benchmarks/target/bench/$(date +%Y%m%d-%H%M%S)"
NPROC="$(nproc)"
DEFAULT_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA="${BENCH_JAVA:-$DEFAULT_JAVA}"

say() { printf '\n== %s\n' "$*"; }
feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
# The JVM options that let a JDK >= 21 use the Vector API kernel (none on 17).
kernel_opts() { local f; f="$(feature "$1")"; if [ "${f:-0}" -ge 21 ]; then echo "--add-modules jdk.incubator.vector"; fi; }
load() { printf '%-28s %s\n' "$1" "$(uptime | sed 's/.*load average/load average/')" | tee -a "$OUT/load.txt"; }

# --- build ---------------------------------------------------------------------------------------
say "building org.bnn.benchmarks/target/benchmarks.jar"
build() { (cd "$ROOT" && ./mvnw -B -q -DskipEclipse package -pl org.bnn.benchmarks -am -DskipTests); }
if ! build; then
  # Other builds in the same working tree can delete target/classes under this one: try once more.
  echo "bench: build failed; retrying once in 15 s (another build may be writing the same target/)" >&2
  sleep 15
  build
fi
[ -f "$JAR" ] || { echo "bench: $JAR was not built" >&2; exit 1; }
mkdir -p "$OUT"
# Run from a copy, so that a rebuild during the run cannot change the code being measured.
cp "$JAR" "$OUT/benchmarks.jar"
JAR="$OUT/benchmarks.jar"

# --- verify: the kernels agree ------------------------------------------------------------------
if [ "$MODE" = verify ]; then
  NEWER="${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
  check() { # label, java, options...: runs KernelCheck, leaves its output in $OUT/verify-<label>.{out,err}
    local label="$1" java="$2"; shift 2
    say "KernelCheck: $label ($("$java" -version 2>&1 | sed -n 2p))"
    "$java" "$@" -cp "$JAR" org.bnn.runtime.engine.KernelCheck > "$OUT/verify-$label.out" 2> "$OUT/verify-$label.err" \
      || { cat "$OUT/verify-$label.out" "$OUT/verify-$label.err"; echo "bench: KernelCheck failed on $label" >&2; exit 1; }
    cat "$OUT/verify-$label.out"
  }
  digest() { sed -n 's/^networks: //p' "$OUT/verify-$1.out"; }
  check base "$DEFAULT_JAVA"
  if [ ! -x "$NEWER" ] && ! command -v "$NEWER" > /dev/null || [ "$(feature "$NEWER")" -lt 21 ] 2>/dev/null; then
    echo "bench: no JDK >= 21 at $NEWER (set BENCH_JAVA): only the $(feature "$DEFAULT_JAVA") kernel was checked" >&2
    exit 1
  fi
  check vector "$NEWER" --add-modules jdk.incubator.vector
  check no-module "$NEWER"
  failed=0
  grep -q '^kernel: vector' "$OUT/verify-vector.out" || { echo "FAIL: $NEWER with the incubator module did not use the vector kernel"; failed=1; }
  grep -q '^kernel: scalar' "$OUT/verify-no-module.out" || { echo "FAIL: $NEWER without the incubator module did not fall back to the scalar kernel"; failed=1; }
  [ ! -s "$OUT/verify-no-module.err" ] || { echo "FAIL: the fallback to the scalar kernel printed on stderr:"; cat "$OUT/verify-no-module.err"; failed=1; }
  for label in vector no-module; do
    [ "$(digest "$label")" = "$(digest base)" ] || { echo "FAIL: whole-network digest on $label $(digest "$label") != $(digest base) on the base JDK"; failed=1; }
  done
  say "verify ($OUT)"
  if [ "$failed" -eq 0 ]; then
    echo "OK: the vector kernel's counts agree with the scalar definition, and every kernel and JDK gives digest $(digest base)"
  fi
  exit "$failed"
fi
KERNEL_OPTS="$(kernel_opts "$JAVA")"
KERNEL="$("$JAVA" $KERNEL_OPTS -cp "$JAR" org.bnn.runtime.engine.KernelCheck kernel 2>/dev/null | sed -n 's/^kernel: //p')"

# --- the peer's packages -------------------------------------------------------------------------
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
missing=()
for p in python3-numpy libopenblas0-pthread python3-torch; do installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "bench: the NumPy and PyTorch peers need the Debian packages ${missing[*]}, which are not installed," >&2
    echo "bench: and installing them needs root. Run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
# The peer's environment: OpenBLAS's own CPU detection (no inherited OPENBLAS_CORETYPE), nproc threads.
peer_env=(env -u OPENBLAS_CORETYPE -u OMP_NUM_THREADS OPENBLAS_NUM_THREADS="$NPROC")
detected="$("${peer_env[@]}" "$PY" -E -s "$PEER" --probe | sed -n 's/^CORETYPE //p')"
[ -n "$detected" ] && [ "$detected" != None ] \
  || { echo "bench: $PY's NumPy does not run on OpenBLAS; check 'update-alternatives --display libblas.so.3-x86_64-linux-gnu'" >&2; exit 1; }
flags="$(grep -m1 '^flags' /proc/cpuinfo)"
best=
case " $flags " in
  *" avx512_bf16 "*) best=Cooperlake ;;
  *" avx512f "*) best=SkylakeX ;;
  *" avx2 "*) best=Haswell ;;
esac
best="${BENCH_PEER_CORETYPE:-$best}"
if [ "$best" = none ] || [ "$best" = "$detected" ]; then best=; fi

# --- machine -------------------------------------------------------------------------------------
{
  echo "date:        $(date -Is)"
  echo "mode:        $MODE"
  echo "nproc:       $NPROC"
  echo "cpu:         $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1) (family $(sed -n 's/^cpu family[[:space:]]*: //p' /proc/cpuinfo | head -1), model $(sed -n 's/^model[[:space:]]*: //p' /proc/cpuinfo | head -1))"
  echo "jdk:         $("$JAVA" -version 2>&1 | sed -n 2p) ($JAVA)"
  echo "kernel:      $KERNEL${KERNEL_OPTS:+ (benchmark JVMs get $KERNEL_OPTS)}"
  echo "peer python: $PY $("$PY" -c 'import platform, numpy; print(platform.python_version(), "numpy", numpy.__version__)')"
  echo "openblas:    $(dpkg-query -W -f='${Package} ${Version}' libopenblas0-pthread); autodetected kernel: $detected${best:+; second peer run with OPENBLAS_CORETYPE=$best}"
  echo "inherited:   OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)} (removed for the peer)"
  echo "conv peer:   $("$PY" -c 'import torch; print("torch", torch.__version__, "oneDNN", torch.backends.mkldnn.is_available(), torch.__config__.parallel_info().splitlines()[-1].strip())' 2>&1 | tail -1); $(dpkg-query -W -f='${Package} ${Version}' python3-torch)"
} | tee "$OUT/machine.txt"

if [ "$MODE" = quick ]; then
  dense_opts=(-wi 2 -w 1 -i 3 -r 1)
  errors_opts=(-p ber=0,1e-4,1e-3,1e-2 -wi 2 -w 1 -i 3 -r 1)
  sweep_opts=(-i 1)
  conv_opts=(-wi 2 -w 1 -i 3 -r 1)
  conv_inputs="${BENCH_CONV_INPUTS:-2000}"
  conv_sweep_opts=(-i 1)
else
  conv_opts=(-wi 3 -w 1 -i 5 -r 1)
  conv_inputs="${BENCH_CONV_INPUTS:-10000}"
  conv_sweep_opts=(-i 2)
  dense_opts=(-wi 3 -w 1 -i 5 -r 1)
  errors_opts=(-p ber=0,1e-5,1e-4,1e-3,1e-2,1e-1 -wi 3 -w 1 -i 5 -r 1)
  sweep_opts=(-i 3)
fi

jmh() { # name, regex, options...
  local name="$1" regex="$2" waited=0 before; shift 2
  while :; do
    before="$(uptime | sed 's/.*load average/load average/')"
    if "$JAVA" -jar "$JAR" "$regex" -f 1 "$@" -rf json -rff "$OUT/jmh-$name.json" > "$OUT/jmh-$name.log" 2>&1; then
      printf '%-28s %s\n' "before $name:" "$before" | tee -a "$OUT/load.txt"
      break
    fi
    # JMH refuses to run beside another JMH run on this machine (/tmp/jmh.lock): wait for it, up to 15 min.
    if grep -q 'Unable to acquire the JMH lock' "$OUT/jmh-$name.log" && [ "$waited" -lt 900 ]; then
      [ "$waited" -eq 0 ] && echo "bench: another JMH run holds /tmp/jmh.lock; waiting for it to finish"
      sleep 10; waited=$((waited + 10)); continue
    fi
    tail -30 "$OUT/jmh-$name.log" >&2; echo "bench: JMH $name failed, see $OUT/jmh-$name.log" >&2; exit 1
  done
  grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' "$OUT/jmh-$name.log" || true
}

say "(a) DenseLayerBenchmark"
jmh_kernel=()
if [ -n "$KERNEL_OPTS" ]; then jmh_kernel=(-jvmArgsAppend "$KERNEL_OPTS"); fi
jmh dense '^org\.bnn\.benchmarks\.DenseLayerBenchmark\.' "${dense_opts[@]}" "${jmh_kernel[@]}"
if [ "$MODE" != conv ]; then
  say "(b) WeightErrorBenchmark"
  jmh errors '^org\.bnn\.benchmarks\.WeightErrorBenchmark\.' "${errors_opts[@]}" "${jmh_kernel[@]}"
  if [ "$MODE" = full ]; then
    say "(b) FlipCostBenchmark: drawing the flips vs applying them"
    jmh flipcost '^org\.bnn\.benchmarks\.FlipCostBenchmark\.' -wi 3 -w 1 -i 5 -r 1 "${jmh_kernel[@]}"
    say "(b) PopcountDomainBenchmark: per-inference errors as exact patterns vs in the popcount domain"
    jmh popcount '^org\.bnn\.benchmarks\.PopcountDomainBenchmark\.' -wi 3 -w 1 -i 5 -r 1 "${jmh_kernel[@]}"
  fi
  say "(c) SweepBenchmark (Java, $NPROC threads)"
  jmh sweep '^org\.bnn\.benchmarks\.SweepBenchmark\.' "${sweep_opts[@]}" \
    -jvmArgsAppend "${KERNEL_OPTS:+$KERNEL_OPTS }-Xms1g -Xmx4g -Dbnn.bench.sweepStats=$OUT/sweep-stats.txt"

  peer() { # log name, extra environment...
    local name="$1"; shift
    load "before peer $name:"
    "${peer_env[@]}" "$@" "$PY" -E -s "$PEER" > "$OUT/peer-$name.log" 2>&1 \
      || { tail -30 "$OUT/peer-$name.log" >&2; echo "bench: the NumPy peer failed, see $OUT/peer-$name.log" >&2; exit 1; }
    grep -E '^(OpenBLAS loaded|OPENBLAS_CORETYPE|PEER_RESULT)' "$OUT/peer-$name.log"
  }
  if [ -n "$best" ]; then
    say "(c) NumPy + OpenBLAS peer, OPENBLAS_CORETYPE=$best (autodetection picked $detected)"
    peer "1-$best" OPENBLAS_CORETYPE="$best"
  fi
  if [ "$MODE" = quick ] && [ -n "$best" ]; then
    say "(c) quick: skipping the peer with OpenBLAS's own detection ($detected), the slower one; the full run includes it"
  else
    say "(c) NumPy + OpenBLAS peer, OPENBLAS_CORETYPE unset (OpenBLAS's own detection: $detected)"
    peer "2-autodetected"
  fi
fi

say "(d) ConvLayerBenchmark: conv layers vs the scalar-popcount loop"
jmh convlayer '^org\.bnn\.benchmarks\.ConvLayerBenchmark\.' "${conv_opts[@]}" "${jmh_kernel[@]}"
say "(f) ConvNetworkBenchmark: Fashion-MNIST and CIFAR-10-size networks, one image per operation"
jmh convnet '^org\.bnn\.benchmarks\.ConvNetworkBenchmark\.' "${conv_opts[@]}" "${jmh_kernel[@]}"
say "(g) ConvSweepBenchmark (Java, $NPROC threads, $conv_inputs inputs)"
jmh convsweep '^org\.bnn\.benchmarks\.ConvSweepBenchmark\.' "${conv_sweep_opts[@]}" -p inputs="$conv_inputs" \
  -jvmArgsAppend "${KERNEL_OPTS:+$KERNEL_OPTS }-Xms1g -Xmx4g -Dbnn.bench.sweepStats=$OUT/conv-sweep-stats.txt"
say "(g) PyTorch float32 peer ($NPROC threads, $conv_inputs inputs)"
load "before torch peer:"
env -u OMP_NUM_THREADS -u MKL_NUM_THREADS -u OPENBLAS_CORETYPE "$PY" -E -s "$TORCH_PEER" --threads "$NPROC" --inputs "$conv_inputs" > "$OUT/torch-peer.log" 2>&1 \
  || { tail -30 "$OUT/torch-peer.log" >&2; echo "bench: the PyTorch peer failed, see $OUT/torch-peer.log" >&2; exit 1; }
grep -E '^(oneDNN|PEER_RESULT)|CPU capability' "$OUT/torch-peer.log"
load "after:"

say "summary ($OUT)"
{
  cat "$OUT/machine.txt"
  cat "$OUT/load.txt"
  "$JAVA" -cp "$JAR" org.bnn.benchmarks.BenchmarkReport "$OUT"
} | tee "$OUT/summary.txt"
