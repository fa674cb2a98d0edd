#!/usr/bin/env bash
# Fault test: the database restarts under load (issue 15). Starts the cluster of deploy/cluster.sh
# (its own directory and ports: HAProxy 8390, nodes 18381/18382, MariaDB 3610, Hazelcast 6970),
# puts a steady load on it (4 signed-in clients reading and autosaving over REST through HAProxy),
# then stops the database for HEZUO_DB_DOWN_SECONDS (8) and starts it again:
#   single MariaDB:   ./deploy/fault-db.sh
#   a Galera node:    ./deploy/fault-db.sh --galera   (g1, the node HAProxy sends the writes to)
# and asserts, with the application never restarted (the nodes keep their process ids):
#   - /health/ready says so meanwhile: 503 while the single database is away (with Galera,
#     HAProxy moves the connections to g2 and the readiness may stay up), 200 again after;
#   - every request of the last 15 seconds succeeds: the application recovered by itself;
#   - with Galera, g1 is back in the cluster of 3 and synced.
# Errors of the load during the outage are counted and printed with their HTTP status. Loopback
# only; bounded (about 3 minutes); stops what it started. Exit status 0 when every assertion held.
set -euo pipefail
cd "$(dirname "$0")/.."

export HEZUO_CLUSTER_DIR="${HEZUO_FAULT_DIR:-/tmp/hezuo-fault-db}"
export HEZUO_LB_PORT=8390 HEZUO_LB_STATS_PORT=8391 HEZUO_NODE_PORTS="18381 18382"
export HEZUO_HZ_PORT=6970 HEZUO_CLUSTER_DB_PORT=3610
down_seconds="${HEZUO_DB_DOWN_SECONDS:-8}"
lb="http://127.0.0.1:$HEZUO_LB_PORT"
work="$(mktemp -d)"
galera=0
[ "${1:-}" = --galera ] && galera=1

say() { echo "[fault-db] $*"; }
fail() {
  echo "[fault-db] FAIL: $*" >&2
  exit 1
}
finish() {
  local rc=$?
  jobs -p | xargs -r kill 2>/dev/null || true
  ./deploy/cluster.sh down >/dev/null 2>&1 || true
  [ "${HEZUO_KEEP:-0}" = 1 ] || rm -rf "$HEZUO_CLUSTER_DIR"
  rm -rf "$work"
  [ $rc = 0 ] && say "PASS" || say "FAILED (exit $rc)"
}
trap finish EXIT
./deploy/cluster.sh down >/dev/null 2>&1 || true
rm -rf "$HEZUO_CLUSTER_DIR"

if [ $galera = 1 ]; then
  ./deploy/cluster.sh up --galera | sed 's/^/  /'
else
  ./deploy/cluster.sh up | sed 's/^/  /'
fi
pids_before="$(cat "$HEZUO_CLUSTER_DIR"/pids/node*.pid | tr '\n' ' ')"
now_ms() { date +%s%3N; }

# the load: each client signs in once (HTTP Basic), then keeps its session cookies
client() { # client NAME USER PATH [PUT-APPLICATION-ID]
  local name="$1" user="$2" path="$3" id="${4:-}" jar="$work/$1.jar" code version token
  curl -s -c "$jar" -b "$jar" -o /dev/null -u "$user:Demo@2026" "$lb/api/v1/submission/applications" || true
  while [ ! -f "$work/stop" ]; do
    if [ -n "$id" ]; then
      # an autosave: the draft's version, then a PUT of its form with the session's token
      code="$(curl -s -c "$jar" -b "$jar" -D "$work/$name.h" -o "$work/$name.json" -w '%{http_code}' --max-time 10 "$lb/api/v1/submission/applications/$id" || true)"
      if [ "$code" = 200 ]; then
        token="$(grep -i '^X-CSRF-Token:' "$work/$name.h" | tr -d '\r' | cut -d' ' -f2)"
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["form"]; f["version"]=d["version"]; print(json.dumps(f))' "$work/$name.json" >"$work/$name.form" 2>/dev/null || true
        code="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --max-time 10 -X PUT \
          -H 'Content-Type: application/json' -H "X-CSRF-Token: $token" --data-binary "@$work/$name.form" \
          "$lb/api/v1/submission/applications/$id" || true)"
      fi
    else
      code="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --max-time 10 "$lb$path" || true)"
    fi
    echo "$(now_ms) $code" >>"$work/load.$name"
    sleep 0.2
  done
}
health() { # health NODE PORT
  while [ ! -f "$work/stop" ]; do
    echo "$(now_ms) $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$2/health/ready" || true)" >>"$work/health.$1"
    sleep 0.5
  done
}
client pi demo_pi /api/v1/submission/applications &
client officer demo_officer /api/v1/submission/search &
client unit demo_unit /api/v1/submission/unit/applications &
client save demo_pi "" 900001 &
health node1 18381 &
health node2 18382 &

sleep 15
t_down="$(now_ms)"
if [ $galera = 1 ]; then
  HEZUO_DB_DOWN_SECONDS="$down_seconds" ./deploy/cluster.sh db-restart g1 | sed 's/^/  /'
else
  HEZUO_DB_DOWN_SECONDS="$down_seconds" ./deploy/cluster.sh db-restart | sed 's/^/  /'
fi
t_up="$(now_ms)"
# until both nodes are ready again (at most 60 s), then 20 s more of load
for _ in $(seq 1 120); do
  [ "$(tail -1 "$work/health.node1" | cut -d' ' -f2)" = 200 ] && [ "$(tail -1 "$work/health.node2" | cut -d' ' -f2)" = 200 ] && break
  sleep 0.5
done
t_ready="$(now_ms)"
if [ $galera = 1 ]; then
  # until g1 is synced and HAProxy sends the connections to it again (at most 90 s)
  for _ in $(seq 1 180); do
    curl -s "http://127.0.0.1:$HEZUO_LB_STATS_PORT/;csv" | awk -F, '$1 == "galera" && $2 == "g1"' | grep -q ',UP,' && break
    sleep 0.5
  done
  say "g1 synced and taking the connections again $((($(now_ms) - t_up) / 1000)) s after it started"
  sleep 3
fi
sleep 20
touch "$work/stop"
wait 2>/dev/null || true
t_end="$(now_ms)"

cat "$work"/load.* | sort -n >"$work/load"
total="$(wc -l <"$work/load")"
errors="$(awk '$2 != 200' "$work/load" | wc -l)"
say "load: $total requests, $errors not 200 ($(awk '$2 != 200 {print $2}' "$work/load" | sort | uniq -c | tr -s ' ' | tr '\n' ';'))"
say "database away $(((t_up - t_down) / 1000)) s; both nodes ready again $(((t_ready - t_up) / 1000)) s after it was back"
for n in node1 node2; do
  downs="$(awk -v a="$t_down" -v b="$t_ready" '$1 >= a && $1 <= b && $2 != 200' "$work/health.$n" | wc -l)"
  say "$n /health/ready: $downs answers not 200 while the database was away; last: $(tail -1 "$work/health.$n" | cut -d' ' -f2)"
  [ "$(tail -1 "$work/health.$n" | cut -d' ' -f2)" = 200 ] || fail "$n not ready again"
  if [ $galera = 0 ] && [ "$downs" = 0 ]; then
    fail "$n's readiness never said the database was away"
  fi
done
late_errors="$(awk -v t=$((t_end - 15000)) '$1 >= t && $2 != 200' "$work/load" | wc -l)"
late_total="$(awk -v t=$((t_end - 15000)) '$1 >= t' "$work/load" | wc -l)"
say "last 15 s: $late_total requests, $late_errors errors"
[ "$late_total" -gt 20 ] || fail "too little load at the end ($late_total requests)"
[ "$late_errors" = 0 ] || fail "the application did not recover: $late_errors errors in the last 15 s"
early_errors="$(awk -v t="$t_down" '$1 < t && $2 != 200' "$work/load" | wc -l)"
[ "$early_errors" = 0 ] || fail "$early_errors errors before the database went away"
[ "$(cat "$HEZUO_CLUSTER_DIR"/pids/node*.pid | tr '\n' ' ')" = "$pids_before" ] || fail "a node was restarted"
for p in $pids_before; do kill -0 "$p" 2>/dev/null || fail "node process $p died"; done
say "the nodes kept running (pids $pids_before) and recovered by themselves"
if [ $galera = 1 ]; then
  state="$(mariadb --no-defaults --socket="$HEZUO_CLUSTER_DIR/db/g1.sock" -uroot -N -e "show status where variable_name in ('wsrep_cluster_size','wsrep_local_state_comment')" | tr '\t\n' '= ')"
  say "g1: $state"
  echo "$state" | grep -q 'wsrep_cluster_size=3' && echo "$state" | grep -q 'Synced' || fail "g1 did not rejoin: $state"
fi
