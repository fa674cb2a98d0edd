#!/usr/bin/env bash
# Fault test (issue 15): kill -9 the single node during submits. On a fresh data directory and
# ports of its own: starts ./deploy/run.sh (the clock at 17:00 of the deadline day), loads N
# applicants (SurgeData LOAD), runs the surge in its persistent mode (SurgeSimulation with
# surge.persistent=true: a failed step is tried again, signing in again, and the submit is sent
# again with the same version until a receipt comes back), kills the Payara Micro JVM with SIGKILL
# once a quarter of the receipts are in, restarts the server on the same database, and then asserts:
#   1. every acknowledged receipt is in the database, SUBMITTED with its number (SurgeData VERIFY);
#   2. every applicant got a receipt in the end;
#   3. a retried submit of an already submitted application (the same version, the same PI)
#      answers 200 with the same receipt and writes nothing (VERIFY again: no duplicates);
# and prints the requests that failed while the node was down (they are expected: connection
# refused / reset, and a stale session's 401 before the new sign-in). Stops what it started.
# Loopback only, bounded (N applicants, timeouts on every wait). Exit status 1 on any failure.
#
# Usage: ./deploy/fault-single.sh [--users N (150)]
# Environment: FAULT_PORT (18720), FAULT_DB_PORT (13720), FAULT_DATA_DIR (a new /tmp directory),
# FAULT_KEEP=1 keeps the data directory (logs) after a passing run.
set -euo pipefail
cd "$(dirname "$0")/.."

users=150
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
port="${FAULT_PORT:-18720}"
db_port="${FAULT_DB_PORT:-13720}"
data="${FAULT_DATA_DIR:-$(mktemp -d /tmp/hezuo-fault-single.XXXXXX)}"
mkdir -p "$data"
url="http://127.0.0.1:$port/"
db="jdbc:mysql://127.0.0.1:$db_port/hezuo?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
say() { printf '[fault-single %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }

. deploy/surge-lib.sh
surge_classpath

server_pid=""
gatling_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  if [ -n "$gatling_pid" ]; then kill -- -"$gatling_pid" 2>/dev/null || true; fi
  stop_server
}
trap cleanup EXIT

shift_s=$(( $(date -u -d 2025-09-15T09:00:00Z +%s) - $(date -u +%s) ))
start_server() { # $1: log name
  HEZUO_CLOCK_SHIFT_SECONDS="$shift_s" HEZUO_PORT="$port" HEZUO_DB_PORT="$db_port" \
    HEZUO_DATA_DIR="$data" setsid ./deploy/run.sh >"$data/$1" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    grep -q "Ctrl-C stops" "$data/$1" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 1
  done
  tail -30 "$data/$1" >&2
  return 1
}

say "starting ./deploy/run.sh on port $port (db $db_port, data $data), clock shift $shift_s s"
start_server run1.log
java -cp "$cp_" io.hezuo.benchmarks.SurgeData LOAD "$db" "$users"
receipts="$data/receipts.csv"
: >"$receipts"

say "surge (persistent clients): $users applicants over 30 s, 2 autosaves each"
setsid timeout 900 ./mvnw -B -o -Dspotless.check.skip=true -pl modules/benchmarks gatling:test \
  -Dsurge.url="$url" -Dsurge.users="$users" -Dsurge.ramp=30 -Dsurge.autosaves=2 -Dsurge.pause=1 \
  -Dsurge.persistent=true -Dsurge.noReaders=true -Dsurge.receipts="$receipts" \
  -Dsurge.failures="$data/failures.txt" \
  >"$data/gatling.log" 2>&1 &
gatling_pid=$!

# kill -9 the node once a quarter of the receipts are in (submits are then under way)
for _ in $(seq 1 600); do
  [ "$(wc -l <"$receipts")" -ge $(( users / 4 )) ] && break
  kill -0 "$gatling_pid" 2>/dev/null || break
  sleep 0.2
done
payara=""
for p in $(pgrep -P "$server_pid" || true); do
  if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q "payara-micro"; then payara="$p"; fi
done
if [ -z "$payara" ]; then
  fail "no Payara Micro JVM under the launcher (pid $server_pid)"
  exit 1
fi
before=$(wc -l <"$receipts")
kill -KILL "$payara"
killed_at=$(date -u +%s)
say "kill -9 Payara Micro (pid $payara) with $before/$users receipts acknowledged"
# the launcher ends when its Payara Micro does (and stops the embedded MariaDB)
for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
stop_server
say "restarting on the same database"
start_server run2.log
say "server back after $(( $(date -u +%s) - killed_at )) s"

# the clients carry on by themselves; wait for them (bounded by the simulation's own limits)
for _ in $(seq 1 900); do kill -0 "$gatling_pid" 2>/dev/null || break; sleep 1; done
wait "$gatling_pid" 2>/dev/null || true
gatling_pid=""
run_dir="$(surge_run_dir)"
say "requests (failures while the node was down are expected):"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData REPORT "$run_dir" | sed 's/^/  /'
# the final error summary of the run (the last "---- Errors" block of its console)
surge_errors "$data/gatling.log"
surge_failures "$data/failures.txt" "$killed_at"

say "1. every acknowledged submission is in the database"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData VERIFY "$db" "$receipts" || fail "VERIFY after the restart"

acknowledged=$(cut -d, -f1 "$receipts" | sort -u | wc -l)
say "2. $acknowledged/$users applicants acknowledged"
[ "$acknowledged" -eq "$users" ] || fail "only $acknowledged of $users applicants got a receipt"

say "3. a retried submit of an already submitted application returns the same receipt"
retried=0
while IFS=, read -r id number; do
  user=$(printf 'surge_%04d' $(( id - 620001 + 1 )))
  view=$(curl -s -u "$user:Demo@2026" "${url}api/v1/submission/applications/$id")
  version=$(printf '%s' "$view" | grep -o '"version":[0-9]*' | tail -1 | cut -d: -f2)
  answer=$(curl -s -o "$data/retry.json" -w '%{http_code}' -u "$user:Demo@2026" \
    -H 'Content-Type: application/json' -d "{\"version\":$(( version - 1 ))}" \
    "${url}api/v1/submission/applications/$id/submit")
  if [ "$answer" != 200 ] || ! grep -q "\"acceptanceNo\":\"$number\"" "$data/retry.json"; then
    fail "retry of application $id (version $((version - 1))): HTTP $answer $(head -c 300 "$data/retry.json")"
  fi
  printf '%s,%s\n' "$id" "$number" >>"$receipts"
  retried=$((retried + 1))
done < <(sort -u "$receipts" | shuf -n 20 --random-source=<(yes))
say "   $retried retries answered"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData VERIFY "$db" "$receipts" || fail "VERIFY after the retries"

stop_server
if [ "$failures" -eq 0 ]; then
  say "PASSED"
  if [ "${FAULT_KEEP:-0}" = 1 ]; then say "data kept in $data"; else rm -rf "$data"; fi
  exit 0
fi
say "FAILED ($failures); data kept in $data"
exit 1
