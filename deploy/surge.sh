#!/usr/bin/env bash
# The deadline surge (issue 15, "Load test"): the last half hour of the submission day on the test
# clock. On a fresh data directory and ports of its own it starts ./deploy/run.sh with
# HEZUO_CLOCK_SHIFT_SECONDS so that the server believes it is 2025-09-15 17:00 (Asia/Shanghai;
# the call closes at 17:30), loads the surge's applicants and drafts (SurgeData LOAD), runs the
# Gatling simulation (SurgeSimulation), checks every acknowledged receipt against the database
# (SurgeData VERIFY), prints the table per request type and stops what it started. Loopback only,
# bounded in count (--users) and time (the simulation's maxDuration, a timeout around it).
#
# Usage: ./deploy/surge.sh [--users N] [--ramp SECONDS] [--autosaves N] [--pause SECONDS]
#                          [--warmup N] [--jfr] [--keep] [--url URL --db JDBC_URL] [-Dsurge.*=…]
#   -Dsurge.rate=R -Dsurge.seconds=S   autosave capacity instead of the surge: the applicants sign
#                in over the ramp, then autosave together at R a second in all for S seconds
#                (SurgeSimulation.capacity); passes when p99 <= 100 ms and >= 98 % of R*S were done
#   --warmup N   first a short surge of N other applicants (default 200, 0: none) whose figures
#                are not reported: the server's JIT and pools warm, as on a real deadline day
#   --url/--db   target an already running server or cluster (e.g. the HAProxy of
#                deploy/cluster.sh, started with the same HEZUO_CLOCK_SHIFT_SECONDS) and its
#                database instead of starting one; nothing is started or stopped then.
#   --jfr        record the server with Java Flight Recorder (profile settings) into the data dir
#   --keep       leave the data directory (default: removed after a passing run)
# Environment: SURGE_PORT (18700), SURGE_DB_PORT (13700), SURGE_DATA_DIR (a new /tmp directory).
# Exit status: 0 when every assertion held and VERIFY found no loss; 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

users=1000 ramp=300 autosaves=12 pause=3 warmup=200 url="" db="" jfr=0 keep=0 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    --ramp) ramp="$2"; shift 2 ;;
    --autosaves) autosaves="$2"; shift 2 ;;
    --pause) pause="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --keep) keep=1; shift ;;
    -D*) extra+=("$1"); shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ $(( users + warmup )) -gt 9999 ] || [ "$users" -lt 1 ]; then
  echo "--users: 1…9999" >&2
  exit 2
fi

port="${SURGE_PORT:-18700}"
db_port="${SURGE_DB_PORT:-13700}"
data="${SURGE_DATA_DIR:-$(mktemp -d /tmp/hezuo-surge.XXXXXX)}"
mkdir -p "$data"
say() { printf '[surge %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# the load generator's classes (and the server, when missing: run.sh builds it)
. deploy/surge-lib.sh
surge_classpath

server_pid=""
loadavg_pid=""
cleanup() {
  if [ -n "$loadavg_pid" ]; then kill "$loadavg_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then
    say "stopping the server (pid $server_pid)"
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ -z "$url" ]; then
  # the server believes it is 2025-09-15 09:00:00 UTC (17:00 in Shanghai): the call closes at 17:30
  shift_s=$(( $(date -u -d 2025-09-15T09:00:00Z +%s) - $(date -u +%s) ))
  jvm_opts="-XX:+UseParallelGC -Xms1g -Xmn512m -Xshare:auto"
  if [ "$jfr" = 1 ]; then
    jvm_opts="$jvm_opts -XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$data/server.jfr,settings=profile,dumponexit=true"
  fi
  say "starting ./deploy/run.sh on port $port (db $db_port, data $data), clock shift $shift_s s"
  HEZUO_CLOCK_SHIFT_SECONDS="$shift_s" HEZUO_PORT="$port" HEZUO_DB_PORT="$db_port" \
    HEZUO_DATA_DIR="$data" HEZUO_JVM_OPTS="$jvm_opts" \
    setsid ./deploy/run.sh >"$data/run.log" 2>&1 &
  server_pid=$!
  echo "$server_pid" >"$data/run.pid"
  for _ in $(seq 1 300); do
    grep -q "Ctrl-C stops" "$data/run.log" 2>/dev/null && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      tail -40 "$data/run.log" >&2
      exit 1
    fi
    sleep 1
  done
  grep -q "Ctrl-C stops" "$data/run.log" || { say "server not up in 5 minutes"; exit 1; }
  url="http://127.0.0.1:$port/"
  db="jdbc:mysql://127.0.0.1:$db_port/hezuo?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
elif [ -z "$db" ]; then
  echo "--url needs --db JDBC_URL (the database the surge's data is loaded into)" >&2
  exit 2
fi
case "$url" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "loopback only: $url" >&2; exit 2 ;;
esac

say "loading $users applicants (and $warmup for the warm-up) and their drafts"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData LOAD "$db" $(( users + warmup ))
receipts="$data/receipts.csv"
: >"$receipts"

gatling() { # the simulation, bounded: it stops itself (maxDuration); the timeout is a second fence
  local ramp_="$1" log_="$2"
  shift 2
  timeout $(( ramp_ + autosaves * 5 + 1200 )) ./mvnw -B -o -Dspotless.check.skip=true \
    -pl modules/benchmarks gatling:test -Dsurge.url="$url" -Dsurge.ramp="$ramp_" \
    -Dsurge.autosaves="$autosaves" "$@" >"$log_" 2>&1
}
if [ "$warmup" -gt 0 ]; then
  say "warm-up: $warmup other applicants over 60 s (not reported)"
  gatling 60 "$data/warmup.log" -Dsurge.users="$warmup" -Dsurge.offset="$users" \
    -Dsurge.pause=1 -Dsurge.readSeconds=60 -Dsurge.receipts="$data/warmup-receipts.csv" || true
  grep -E "^> request count" "$data/warmup.log" | tail -1 | sed 's/^/  warm-up /' || true
  sleep 10
fi

# the load average every 5 s while the surge runs
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done ) \
  >"$data/loadavg.txt" &
loadavg_pid=$!

rate_="" readers_="; readers meanwhile"
for x in "${extra[@]}"; do
  case "$x" in
    -Dsurge.rate=*) rate_="${x#-Dsurge.rate=}" ;;
    -Dsurge.noReaders=true) readers_="" ;;
  esac
done
if [ -n "$rate_" ]; then
  say "autosave capacity: $users applicants sign in over $ramp s, then $rate_ autosaves a second in all$readers_"
else
  say "surge: $users applicants over $ramp s, $autosaves autosaves ~$pause s apart$readers_"
fi
set +e
gatling "$ramp" "$data/gatling.log" -Dsurge.users="$users" -Dsurge.pause="$pause" \
  -Dsurge.receipts="$receipts" "${extra[@]}"
gatling_rc=$?
set -e
kill "$loadavg_pid" 2>/dev/null || true
loadavg_pid=""
grep -E "^(Reports generated|.*: (true|false) \(actual)" "$data/gatling.log" | sed 's/^/  /' || true

run_dir="$(surge_run_dir)"
say "per request type ($run_dir):"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData REPORT "$run_dir" | sed 's/^/  /'
awk '{ if ($2 > max) max = $2; sum += $2; n++ } END { if (n) printf "  load average (1 min) during the surge: mean %.1f, max %.1f (%d samples)\n", sum / n, max, n }' \
  "$data/loadavg.txt"

set +e
# every receipt acknowledged, the warm-up's included
cat "$receipts" "$data/warmup-receipts.csv" 2>/dev/null >"$data/all-receipts.csv" || true
java -cp "$cp_" io.hezuo.benchmarks.SurgeData VERIFY "$db" "$data/all-receipts.csv"
verify_rc=$?
set -e
if [ "$jfr" = 1 ] && [ -n "$server_pid" ]; then
  say "server recording: $data/server.jfr (written when the server stops)"
  keep=1
fi
if [ "$gatling_rc" -eq 0 ] && [ "$verify_rc" -eq 0 ]; then
  say "PASSED (assertions and VERIFY)"
  rc=0
else
  say "FAILED (gatling exit $gatling_rc, verify exit $verify_rc); log: $data/gatling.log"
  keep=1
  rc=1
fi
cleanup
server_pid=""
if [ "$keep" = 0 ] && [ -z "${SURGE_DATA_DIR:-}" ]; then
  rm -rf "$data"
else
  say "data kept in $data"
fi
exit "$rc"
