#!/usr/bin/env bash
# Latency of small statements: the JMH benchmark SmallQueryLatency (in process and over JDBC, once
# warm), then the whole `./tessera -c "SELECT 1 + 1"` process from a cold JVM start (median of runs).
#   bench/latency.sh [--runs N] [--results DIR] [-- JMH options...]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs=11
results=/work/bench-results
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        --) shift; break ;;
        -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 1 ;;
    esac
done
out="$results/$(date +%Y%m%d-%H%M%S)-latency"
mkdir -p "$out"

(cd "$repo" && mvn -q -B install -DskipTests)
echo "== JMH: SmallQueryLatency (results in $out/jmh.json)"
java -cp "$repo/bench/jmh/target/classes:$repo/bench/jmh/target/lib/*" org.openjdk.jmh.Main SmallQueryLatency \
    -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.txt" | grep -E "^(Benchmark|SmallQueryLatency)"

echo "== cold start: ./tessera -c \"SELECT 1 + 1\", $runs runs"
"$repo/tessera" -c "SELECT 1 + 1" > /dev/null   # builds and records the class-data archive if needed
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" "$repo/tessera" -c "SELECT 1 + 1" 2>> "$out/cold.txt" > /dev/null
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }'; }
read -r t tmin tmax < <(cut -d' ' -f1 "$out/cold.txt" | median)
read -r m _ _ < <(cut -d' ' -f2 "$out/cold.txt" | median)
printf "median %s s (min %s, max %s), median peak RSS %d MiB\n" "$t" "$tmin" "$tmax" $((m / 1024)) \
    | tee "$out/cold-summary.txt"
