#!/usr/bin/env bash
# Measures the time from starting ./deploy/run.sh (already built, ./data/ already initialised by
# an earlier run) to a login page that answers HTTP 200, N times (default 3), then stops it.
# Usage: ./deploy/startup-benchmark.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
port=${HEZUO_PORT:-8080}
times=()
for i in $(seq 1 "$n"); do
  start=$(date +%s%N)
  ./deploy/run.sh > /tmp/hezuo-startup-$i.log 2>&1 &
  pid=$!
  ok=0
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login.xhtml" || true)" = "200" ]; then ok=1; break; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$ok" = 1 ] || { echo "run $i: no login page within 120 s (see /tmp/hezuo-startup-$i.log)"; exit 1; }
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: login page HTTP 200 after $ms ms"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "median: $(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms over $n runs ($(nproc) cores)"
