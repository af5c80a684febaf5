#!/usr/bin/env bash
# Whole-process benchmark: Tessera against the Dask tutorial code (/work/shared/bench/peer.py),
# side by side, on the same files. See bench/README.md.
#
#   bench/run.sh [options] [WORKLOAD ...]
#
# WORKLOAD: W1 W1m W2 W2u W3 W3d W4 W5, or "all" (default: W1 W1m W3 W3d).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
PY=/usr/bin/python3

# ------------------------------------------------------------------ defaults
TESSERA="$repo/tessera"
PEER="${PEER:-/work/shared/bench/peer.py}"
BENCH_DATA="${BENCH_DATA:-/work/bench-data}"
RESULTS="/work/bench-results"
REPS=3
SMALL=0
WARMUP=1
STARTUP=1
DROP_CACHES=0
COLD=0
MEMORY_LIMIT=""
THREADS=""
ENGINES="tessera dask"
T_TIMEOUT=300
D_TIMEOUT=600
LABEL=""
IDLE_WAIT=60
JAVA_OPTS="${JAVA_OPTS:-}"
WORKLOADS=()

# Workloads whose Tessera feature is not implemented yet: skipped unless named explicitly.
NOT_READY=""
DEFAULT_WORKLOADS="W1 W1m W2 W2u W3 W3d W4 W5"
ALL_WORKLOADS="W1 W1m W2 W2u W3 W3d W4 W5"

usage() {
  cat <<EOF
usage: bench/run.sh [options] [WORKLOAD ...]

Runs each workload with Tessera and with the Dask tutorial code (peer.py --impl dask),
alternating the two, under /usr/bin/time -v, and prints a table of medians.

WORKLOAD            W1 W1m W2 W2u W3 W3d W4 W5 or "all" (default: $DEFAULT_WORKLOADS).
                    "all" and the default skip the workloads Tessera cannot run yet
                    ($NOT_READY) with a note; name one of them to run it anyway.
options:
  --small           the 1/100 data set under \$BENCH_DATA/small (peer.py --small)
  --reps N          measured repetitions per engine and workload (default $REPS)
  --no-warmup       count the first run too (by default one extra first run per engine and
                    workload is made, reported as "first" and left out of the medians)
  --drop-caches     drop the page cache (root) before each engine's first run: a truly cold read
  --cold            drop the page cache (root) before every run: every measured run reads from disk
  --results DIR     where results go (default $RESULTS); each invocation writes DIR/<stamp>/
  --label TEXT      appended to the result folder's name
  --data DIR        the data root (default \$BENCH_DATA or /work/bench-data)
  --tessera PATH    the tessera command to time (default $TESSERA)
  --peer PATH       peer.py (default $PEER)
  --java-opts STR   JAVA_OPTS for Tessera (default: the JAVA_OPTS environment variable)
  --memory-limit S  Tessera's --memory-limit (e.g. 2GB)
  --threads N       Tessera's --threads
  --only ENGINE     tessera or dask: time one engine only
  --timeout S       per Tessera run (default $T_TIMEOUT); --dask-timeout S per Dask run (default $D_TIMEOUT)
  --idle-wait S     before each run wait (at most S s, default $IDLE_WAIT; 0: never) for a quiet
                    second (< 10% of the machine's CPU busy): other processes on this machine
                    distort the timings. The CPU others used during each run is recorded anyway.
  --no-startup      skip the startup probes (tessera --version, SELECT 1, python import dask)
  -h, --help
environment: BENCH_DATA, JAVA_OPTS, PEER
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --small) SMALL=1 ;;
    --reps) REPS="$2"; shift ;;
    --reps=*) REPS="${1#*=}" ;;
    --no-warmup) WARMUP=0 ;;
    --drop-caches) DROP_CACHES=1 ;;
    --cold) DROP_CACHES=1; COLD=1 ;;
    --results) RESULTS="$2"; shift ;;
    --results=*) RESULTS="${1#*=}" ;;
    --label) LABEL="$2"; shift ;;
    --data) BENCH_DATA="$2"; shift ;;
    --tessera) TESSERA="$2"; shift ;;
    --peer) PEER="$2"; shift ;;
    --java-opts) JAVA_OPTS="$2"; shift ;;
    --java-opts=*) JAVA_OPTS="${1#*=}" ;;
    --memory-limit) MEMORY_LIMIT="$2"; shift ;;
    --memory-limit=*) MEMORY_LIMIT="${1#*=}" ;;
    --threads) THREADS="$2"; shift ;;
    --only) ENGINES="$2"; shift ;;
    --timeout) T_TIMEOUT="$2"; shift ;;
    --dask-timeout) D_TIMEOUT="$2"; shift ;;
    --no-startup) STARTUP=0 ;;
    --idle-wait) IDLE_WAIT="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) WORKLOADS+=("$1") ;;
  esac
  shift
done

case "$ENGINES" in tessera|dask|"tessera dask") ;; *) echo "run.sh: --only tessera|dask" >&2; exit 2 ;; esac
[[ "$REPS" =~ ^[0-9]+$ ]] || { echo "run.sh: --reps needs a number" >&2; exit 2; }

# ------------------------------------------------------------------ which workloads
explicit=1
if [ ${#WORKLOADS[@]} -eq 0 ]; then
  WORKLOADS=($DEFAULT_WORKLOADS); explicit=0
elif [ "${WORKLOADS[*]}" = "all" ]; then
  WORKLOADS=($ALL_WORKLOADS); explicit=0
fi
selected=(); skipped=()
for w in "${WORKLOADS[@]}"; do
  case " $ALL_WORKLOADS " in *" $w "*) ;; *) echo "run.sh: unknown workload $w" >&2; exit 2 ;; esac
  if [ $explicit = 0 ] && [[ " $NOT_READY " == *" $w "* ]]; then
    skipped+=("$w")
  else
    selected+=("$w")
  fi
done

# ------------------------------------------------------------------ queries
if [ $SMALL = 1 ]; then
  P="small/"; WCH="(100, 100)"; NSHAPE="(2000, 2000)"; NCH="(100, 100)"; SIZE=small; PEER_SMALL=--small
else
  P=""; WCH="(500, 500)"; NSHAPE="(20000, 20000)"; NCH="(1000, 1000)"; SIZE=full; PEER_SMALL=
fi
STACK="stack('${P}weather-big/*.hdf5', 't2m', chunks => $WCH)"
OUT_H5="${P}tessera-out.hdf5"

# The query of each workload (README of /work/shared/bench), paths relative to --root $BENCH_DATA.
# W2/W2u: mean of the result, as peer.py prints. W4: a second statement reads back the mean of
# /output[0] (peer.py's result); only the first statement's elapsed_ms is counted.
query() {
  case "$1" in
    W1)  echo "SELECT sum(x) AS s FROM hdf5('${P}random.hdf5', '/x', chunks => (1000000))" ;;
    W1m) echo "SELECT mean(x) AS m, std(x) AS s FROM hdf5('${P}random.hdf5', '/x', chunks => (1000000))" ;;
    W2)  echo "SELECT mean(mean(x, axis => 0)[::100]) AS r FROM random_normal(10, 0.1, shape => $NSHAPE, chunks => $NCH) AS x" ;;
    W2u) echo "SELECT mean(mean(x, axis => 0)) AS r FROM random_normal(10, 0.1, shape => $NSHAPE, chunks => $NCH) AS x" ;;
    W3)  echo "SELECT mean(mean(t2m, axis => 0)) AS m FROM $STACK" ;;
    W3d) echo "SELECT mean(t2m[0] - mean(t2m, axis => 0)) AS d FROM $STACK" ;;
    W4)  echo "SELECT t2m[:, ::2, ::2] AS output FROM $STACK INTO hdf5('$OUT_H5', '/output'); SELECT mean(output[0]) AS r FROM hdf5('$OUT_H5', '/output')" ;;
    W5)  echo "CREATE FUNCTION lj(r2) AS 4 * ((1 / r2) ^ 6 - (1 / r2) ^ 3); SELECT nansum(lj(sum((c[:, newaxis, :] - c[newaxis, :, :]) ^ 2, axis => -1))) / 2 AS e FROM npy('${P}cluster.npy') AS c" ;;
  esac
}

# ------------------------------------------------------------------ checks
[ -x "$TESSERA" ] || { echo "run.sh: no tessera command at $TESSERA" >&2; exit 2; }
[ -f "$PEER" ] || { echo "run.sh: no peer.py at $PEER" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
data_dir="$BENCH_DATA"; [ $SMALL = 1 ] && data_dir="$BENCH_DATA/small"
[ -f "$data_dir/random.hdf5" ] || { echo "run.sh: no data under $data_dir: run /usr/bin/python3 /work/shared/bench/make_data.py ${PEER_SMALL}" >&2; exit 2; }
export BENCH_DATA

stamp="$(date +%Y%m%d-%H%M%S)-$SIZE${LABEL:+-$LABEL}"
RUN_DIR="$RESULTS/$stamp"
mkdir -p "$RUN_DIR/raw" || exit 2
manifest="$RUN_DIR/manifest.tsv"
: > "$manifest"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# build Tessera (outside any timing) and record the environment
log "building / checking $TESSERA"
if ! "$TESSERA" --version >"$RUN_DIR/raw/build.log" 2>&1; then
  cat "$RUN_DIR/raw/build.log" >&2; echo "run.sh: tessera does not start" >&2; exit 1
fi
tess_repo="$(cd "$(dirname "$TESSERA")" && pwd)"
for w in "${selected[@]}"; do printf '%s\t%s\n' "$w" "$(query "$w")"; done > "$RUN_DIR/queries.tsv"
M_SIZE="$SIZE" M_REPS="$REPS" M_WARMUP="$WARMUP" M_DROP="$DROP_CACHES" M_COLD="$COLD" M_SELECTED="${selected[*]}" \
M_SKIPPED="${skipped[*]}" M_NOT_READY="$NOT_READY" M_ENGINES="$ENGINES" M_TESSERA="$TESSERA" \
M_TREPO="$tess_repo" M_JAVA_OPTS="$JAVA_OPTS" M_MEMORY_LIMIT="$MEMORY_LIMIT" M_THREADS="$THREADS" \
M_TT="$T_TIMEOUT" M_DT="$D_TIMEOUT" M_PEER="$PEER" M_RUN_DIR="$RUN_DIR" \
  "$PY" "$here/summarize.py" meta "$RUN_DIR"

[ ${#skipped[@]} -gt 0 ] && log "skipping ${skipped[*]}: Tessera does not implement them yet (generators, INTO); name them to run anyway"
log "results: $RUN_DIR   workloads: ${selected[*]}   size: $SIZE   reps: $REPS   warm-up: $WARMUP"

drop_caches() {
  if [ $DROP_CACHES = 1 ]; then
    sync; if echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then log "dropped the page cache"; else log "cannot drop the page cache (not root?)"; fi
  fi
}

# cpu_jiffies: "busy steal" jiffies of the whole machine so far (/proc/stat)
cpu_jiffies() {
  local cpu user nice system idle iowait irq softirq steal rest
  read -r cpu user nice system idle iowait irq softirq steal rest < /proc/stat
  echo "$((user + nice + system + irq + softirq)) $steal"
}
NCPU="$(nproc)"
HZ="$(getconf CLK_TCK)"

# wait_idle: wait (at most IDLE_WAIT s) for one second in which under 10% of the machine's CPU is busy
wait_idle() {
  [ "$IDLE_WAIT" -gt 0 ] 2>/dev/null || return 0
  local t0=$SECONDS a b busy limit=$((NCPU * HZ / 10)) warned=0
  while :; do
    a=($(cpu_jiffies)); sleep 1; b=($(cpu_jiffies))
    busy=$(( b[0] - a[0] + b[1] - a[1] ))
    [ "$busy" -le "$limit" ] && return 0
    if [ $((SECONDS - t0)) -ge "$IDLE_WAIT" ]; then
      log "machine still busy ($busy of $((NCPU * HZ)) jiffies/s) after ${IDLE_WAIT}s: running anyway"; return 0
    fi
    [ $warned = 0 ] && { log "waiting for other processes to quiet down ($busy of $((NCPU * HZ)) jiffies/s busy)"; warned=1; }
  done
}

# run_one WORKLOAD ENGINE PHASE REP  -- one timed process; appends a row to the manifest
run_one() {
  local w="$1" engine="$2" phase="$3" rep="$4"
  local base="$RUN_DIR/raw/$w.$engine.$phase$rep"
  local rc start j0 j1
  wait_idle
  j0="$(cpu_jiffies)"
  start="$(date +%s.%N)"
  if [ "$engine" = tessera ]; then
    local args=(--root "$BENCH_DATA" --format json)
    [ -n "$MEMORY_LIMIT" ] && args+=(--memory-limit "$MEMORY_LIMIT")
    [ -n "$THREADS" ] && args+=(--threads "$THREADS")
    [ "$w" = W4 ] && rm -f "$BENCH_DATA/$OUT_H5"
    JAVA_OPTS="$JAVA_OPTS" /usr/bin/time -v -o "$base.time" \
      timeout -k 10 "$T_TIMEOUT" "$TESSERA" "${args[@]}" -c "$(query "$w")" >"$base.out" 2>"$base.err"
    rc=$?
    [ "$w" = W4 ] && rm -f "$BENCH_DATA/$OUT_H5"
  elif [ "$engine" = dask ]; then
    /usr/bin/time -v -o "$base.time" \
      timeout -k 10 "$D_TIMEOUT" "$PY" "$PEER" "$w" --impl dask $PEER_SMALL >"$base.out" 2>"$base.err"
    rc=$?
  else  # startup probes
    case "$w" in
      S-jvm) /usr/bin/time -v -o "$base.time" timeout 120 "$TESSERA" --version >"$base.out" 2>"$base.err" ;;
      S-sql) JAVA_OPTS="$JAVA_OPTS" /usr/bin/time -v -o "$base.time" timeout 120 "$TESSERA" --format json -c "SELECT 1 AS one" >"$base.out" 2>"$base.err" ;;
      S-py)  /usr/bin/time -v -o "$base.time" timeout 120 "$PY" -c "import dask, dask.array, h5py, numpy" >"$base.out" 2>"$base.err" ;;
    esac
    rc=$?
  fi
  j1="$(cpu_jiffies)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$engine" "$phase" "$rep" "$rc" "$start" "$(basename "$base")" \
    "$j0" "$j1" "$HZ" >> "$manifest"
  log "$($PY "$here/summarize.py" line "$RUN_DIR" "$(basename "$base")" "$w" "$engine" "$rc" "$j0" "$j1" "$HZ")"
}

# ------------------------------------------------------------------ startup probes
if [ $STARTUP = 1 ]; then
  log "startup probes (JVM: tessera --version; JVM + planner: SELECT 1; Python: import dask.array, h5py)"
  for r in 1 2 3; do
    run_one S-jvm startup rep "$r"; run_one S-sql startup rep "$r"; run_one S-py startup rep "$r"
  done
fi

# ------------------------------------------------------------------ the workloads
has() { [[ " $ENGINES " == *" $1 "* ]]; }
for w in "${selected[@]}"; do
  log "== $w ($SIZE): $(query "$w")"
  if [ $WARMUP = 1 ]; then
    has tessera && { drop_caches; run_one "$w" tessera first 0; }
    has dask && { drop_caches; run_one "$w" dask first 0; }
  fi
  for ((r = 1; r <= REPS; r++)); do
    # alternate which engine goes first in each repetition, so drift hits both
    if (( r % 2 == 1 )); then order="tessera dask"; else order="dask tessera"; fi
    for e in $order; do
      has "$e" || continue
      if [ $COLD = 1 ] || { [ $WARMUP = 0 ] && [ "$r" = 1 ]; }; then drop_caches; fi
      run_one "$w" "$e" rep "$r"
    done
  done
done

$PY "$here/summarize.py" report "$RUN_DIR"
ln -sfn "$stamp" "$RESULTS/latest"
log "wrote $RUN_DIR/{runs.json,summary.json,summary.md} (also $RESULTS/latest)"
