#!/usr/bin/env bash
# Fault test (issue 15): kill -9 one node of the cluster in the middle of the deadline surge.
# Starts the cluster of deploy/cluster.sh (its own directory and ports: HAProxy 8890, nodes
# 18881/18882, MariaDB 3810, Hazelcast 7010) with the clock at 17:00 of the deadline day, loads N
# applicants (SurgeData LOAD), runs the surge through HAProxy with persistent clients
# (SurgeSimulation, surge.persistent=true: a failed step is tried again; the submit is sent again
# with the same version until a receipt comes back) and the unit, recommender and officer readers,
# kills node1 with SIGKILL once a quarter of the receipts are in, starts it again while the surge
# goes on, and asserts:
#   1. every acknowledged receipt is in the database, SUBMITTED with its number, no duplicate
#      (SurgeData VERIFY);
#   2. every applicant got a receipt in the end;
#   3. node1 rejoined the cluster of 2;
# and prints every request that failed with its reason (expected: the requests node1 was handling
# when it died, answered 502/503 by HAProxy or cut, and retried by the clients), and how many
# sessions were lost (401 after the kill: the other node did not have them).
# Loopback only; bounded (N applicants, timeouts on every wait). Exit status 1 on any failure.
#
# Usage: ./deploy/fault-cluster.sh [--users N (300)]   FAULT_KEEP=1 keeps the logs
set -euo pipefail
cd "$(dirname "$0")/.."

users=300
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export HEZUO_CLUSTER_DIR="${FAULT_CLUSTER_DIR:-/tmp/hezuo-fault-cluster}"
export HEZUO_LB_PORT=8890 HEZUO_LB_STATS_PORT=8891 HEZUO_NODE_PORTS="18881 18882"
export HEZUO_HZ_PORT=7010 HEZUO_CLUSTER_DB_PORT=3810
export HEZUO_CLOCK_SHIFT_SECONDS=$(($(date -u -d 2025-09-15T09:00:00Z +%s) - $(date -u +%s)))
url="http://127.0.0.1:$HEZUO_LB_PORT/"
db="jdbc:mysql://127.0.0.1:$HEZUO_CLUSTER_DB_PORT/hezuo?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
dbauth=(-Duser=hezuo -Dpassword=hezuo-cluster)
say() { printf '[fault-cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
failures=0
fail() { say "FAIL: $*"; failures=$((failures + 1)); }

. deploy/surge-lib.sh
surge_classpath

gatling_pid=""
cleanup() {
  if [ -n "$gatling_pid" ]; then kill -- -"$gatling_pid" 2>/dev/null || true; fi
  ./deploy/cluster.sh down >/dev/null 2>&1 || true
  if [ "$failures" = 0 ] && [ "${FAULT_KEEP:-0}" != 1 ]; then rm -rf "$HEZUO_CLUSTER_DIR"; fi
}
trap cleanup EXIT
./deploy/cluster.sh down >/dev/null 2>&1 || true
rm -rf "$HEZUO_CLUSTER_DIR"

say "starting the cluster (clock shift $HEZUO_CLOCK_SHIFT_SECONDS s)"
./deploy/cluster.sh up | sed 's/^/  /'
java "${dbauth[@]}" -cp "$cp_" io.hezuo.benchmarks.SurgeData LOAD "$db" "$users"
receipts="$HEZUO_CLUSTER_DIR/receipts.csv"
: >"$receipts"

say "surge through HAProxy (persistent clients, readers on): $users applicants over 60 s, 4 autosaves each"
setsid timeout 900 ./mvnw -B -o -Dspotless.check.skip=true -pl modules/benchmarks gatling:test \
  -Dsurge.url="$url" -Dsurge.users="$users" -Dsurge.ramp=60 -Dsurge.autosaves=4 -Dsurge.pause=1 \
  -Dsurge.persistent=true -Dsurge.receipts="$receipts" \
  -Dsurge.failures="$HEZUO_CLUSTER_DIR/failures.txt" \
  >"$HEZUO_CLUSTER_DIR/gatling.log" 2>&1 &
gatling_pid=$!

for _ in $(seq 1 900); do
  [ "$(wc -l <"$receipts")" -ge $((users / 4)) ] && break
  kill -0 "$gatling_pid" 2>/dev/null || break
  sleep 0.2
done
before=$(wc -l <"$receipts")
./deploy/cluster.sh node-kill 1 | sed 's/^/  /'
killed_at=$(date -u +%s)
say "node1 killed with $before/$users receipts acknowledged; node2 serves alone"
./deploy/cluster.sh node-start 1 | sed 's/^/  /'
say "node1 back after $(($(date -u +%s) - killed_at)) s"

for _ in $(seq 1 900); do kill -0 "$gatling_pid" 2>/dev/null || break; sleep 1; done
wait "$gatling_pid" 2>/dev/null || true
gatling_pid=""
run_dir="$(surge_run_dir)"
say "requests per type:"
java -cp "$cp_" io.hezuo.benchmarks.SurgeData REPORT "$run_dir" | sed 's/^/  /'
say "the requests that failed, with their reasons (each retried by its client):"
surge_errors "$HEZUO_CLUSTER_DIR/gatling.log" | tee "$HEZUO_CLUSTER_DIR/errors.txt"
surge_failures "$HEZUO_CLUSTER_DIR/failures.txt" "$killed_at"
lost="$(grep -o 'found 401[^0-9]*[0-9]*' "$HEZUO_CLUSTER_DIR/errors.txt" | head -1 || true)"
say "sessions lost to the kill (401 answers): ${lost:-none}"

say "1. every acknowledged submission is in the database"
java "${dbauth[@]}" -cp "$cp_" io.hezuo.benchmarks.SurgeData VERIFY "$db" "$receipts" || fail "VERIFY"
acknowledged=$(cut -d, -f1 "$receipts" | sort -u | wc -l)
say "2. $acknowledged/$users applicants acknowledged"
[ "$acknowledged" -eq "$users" ] || fail "only $acknowledged of $users applicants got a receipt"
members="$(curl -s "http://127.0.0.1:18881/health/ready" | grep -o '"clusterMembers":"[0-9]*' | cut -d'"' -f4)"
say "3. node1 sees a cluster of ${members:-?}"
[ "$members" = 2 ] || fail "node1 did not rejoin"

if [ "$failures" -eq 0 ]; then
  say "PASSED"
  exit 0
fi
say "FAILED ($failures); logs kept in $HEZUO_CLUSTER_DIR"
exit 1
