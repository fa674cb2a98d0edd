#!/usr/bin/env bash
# Checks the cluster of deploy/cluster.sh, with assertions; exits 1 on the first failure.
# Starts its own cluster (fresh data, its own ports: LB 8190, nodes 18181/18182, MariaDB 3410,
# Hazelcast 6950) and stops it at the end; loopback only; bounded (about 5 minutes).
#   1. both nodes are in one Hazelcast cluster and HAProxy sees both up;
#   2. every answer through HAProxy has the security headers (as HeadersAndSessionsIT checks on
#      one node), a request id, and HAProxy's stickiness cookie is HttpOnly;
#   3. the request's id is in the node's (JSON) log;
#   4. kill -9 the node that holds a signed-in session: the next REST call and the next save of
#      the form that was open in the browser (the same Faces view state) work on the other node
#      without signing in again, and the typed title is saved;
#   5. e-mails queued while both nodes run are each sent once (the timers run on both nodes; the
#      outbox's claims let one node send each message);
#   6. the killed node starts again and rejoins the cluster.
# Usage: ./deploy/cluster-check.sh [--galera]   (HEZUO_KEEP=1 leaves the cluster running)
set -euo pipefail
cd "$(dirname "$0")/.."

export HEZUO_CLUSTER_DIR="${HEZUO_CHECK_DIR:-/tmp/hezuo-cluster-check}"
export HEZUO_LB_PORT=8190 HEZUO_LB_STATS_PORT=8191 HEZUO_NODE_PORTS="18181 18182"
export HEZUO_HZ_PORT=6950 HEZUO_CLUSTER_DB_PORT=3410
lb="http://127.0.0.1:$HEZUO_LB_PORT"
work="$(mktemp -d)"
passed=0

say() { echo "[cluster-check] $*"; }
fail() {
  echo "[cluster-check] FAIL: $*" >&2
  exit 1
}
ok() {
  passed=$((passed + 1))
  say "ok: $*"
}
finish() {
  local rc=$?
  if [ "${HEZUO_KEEP:-0}" != 1 ]; then
    ./deploy/cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$HEZUO_CLUSTER_DIR"
  fi
  rm -rf "$work"
  [ $rc = 0 ] && say "PASS: $passed checks" || say "stopped after $passed checks"
}
trap finish EXIT

galera_flag=()
[ "${1:-}" = --galera ] && galera_flag=(--galera)
if [ -d "$HEZUO_CLUSTER_DIR" ]; then
  ./deploy/cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$HEZUO_CLUSTER_DIR"
fi
t0=$(date +%s)
./deploy/cluster.sh up "${galera_flag[@]}" | sed 's/^/  /'
say "cluster up in $(($(date +%s) - t0)) s"
db_port="$HEZUO_CLUSTER_DB_PORT"
[ "${galera_flag[*]:-}" = --galera ] && db_port=3320
sql() { mariadb --no-defaults -h127.0.0.1 -P"$db_port" -uhezuo -phezuo-cluster hezuo -N -e "$1"; }

# 1. one cluster of two
for p in 18181 18182; do
  members="$(curl -s "http://127.0.0.1:$p/health/ready" | grep -o '"clusterMembers":"[0-9]*' | cut -d'"' -f4)"
  [ "$members" = 2 ] || fail "node on $p sees $members cluster members, not 2"
done
ok "both nodes in one Hazelcast cluster of 2"

# 2. the security headers through HAProxy
headers() { # headers NAME CURL-ARGS...: the answer's headers into $work/NAME
  local name="$1"
  shift
  curl -s -o /dev/null -D "$work/$name" "$@"
  tr -d '\r' <"$work/$name" >"$work/$name.h"
}
has() { grep -qi "^$2" "$work/$1.h" || fail "$1: no '$2' in $(tr '\n' '|' <"$work/$1.h")"; }
headers login "$lb/login.xhtml"
headers catalogue "$lb/call/catalogue.xhtml"
headers missing "$lb/no-such-page.xhtml"
headers api -u demo_officer:Demo@2026 "$lb/api/v1/submission/search"
headers apiAnon "$lb/api/v1/call/calls/current"
for h in login catalogue missing api apiAnon; do
  has "$h" "X-Content-Type-Options: nosniff"
  has "$h" "Referrer-Policy: same-origin"
  has "$h" "X-Frame-Options: DENY"
  has "$h" "Content-Security-Policy: .*frame-ancestors 'none'"
  has "$h" "X-Request-Id: [0-9A-Za-z]"
  [ "$(grep -ci '^Content-Security-Policy:' "$work/$h.h")" = 1 ] || fail "$h: not exactly one policy"
done
has api "Cache-Control: no-store"
has api "Set-Cookie: HZNODE=n[12]; path=/; HttpOnly"
has missing "HTTP/1.1 404"
ok "security headers, request ids and an HttpOnly stickiness cookie on 5 kinds of answer through HAProxy"

# 3. the request id in the node's log (a JSON line per request)
rid="check$(date +%s%N)"
curl -s -o /dev/null -H "X-Request-Id: $rid" "$lb/login.xhtml"
sleep 1
grep -h "$rid" "$HEZUO_CLUSTER_DIR"/logs/node*.log | grep -q '"LogMessage":"request rid='"$rid"' method=GET path=/login.xhtml status=200' ||
  fail "no JSON log line of request $rid"
ok "request $rid found in the node's JSON log"

# 5 (queued now, checked later). e-mails queued with both nodes up: each sent exactly once
marker="cluster-check-$(date +%s)"
for i in $(seq 1 30); do
  sql "INSERT INTO krn_mail_outbox (to_address, subject, body, entity_type, entity_id, status, attempts, created_at, next_attempt_at) VALUES ('check$i@example.com', '$marker $i', 'once', 'CHECK', '$i', 'PENDING', 0, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
done

# 4. kill -9 the node of a signed-in session: the session and the open form go on on the other
jar="$work/cookies"
code="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' -u demo_pi:Demo@2026 "$lb/api/v1/submission/applications")"
[ "$code" = 200 ] || fail "demo_pi's list: HTTP $code"
curl -s -c "$jar" -b "$jar" -o "$work/edit.html" "$lb/app/submission/edit.xhtml?id=900001"
view_state="$(grep -o 'name="jakarta.faces.ViewState" id="[^"]*" value="[^"]*"' "$work/edit.html" | head -1 | sed 's/.*value="//; s/"$//')"
[ -n "$view_state" ] || fail "the form page has no view state"
# PrimeFaces sends the page's CSP nonce with every ajax request
nonce="$(grep -o "PrimeFaces.csp.init('[^']*')" "$work/edit.html" | head -1 | sed "s/.*init('//; s/')//")"
[ -n "$nonce" ] || fail "the form page has no CSP nonce"
node="$(grep -o 'HZNODE[[:space:]]*n[12]' "$jar" | grep -o '[12]$')"
[ -n "$node" ] || fail "no stickiness cookie"
./deploy/cluster.sh node-kill "$node" | sed 's/^/  /'
code="$(curl -s -c "$jar" -b "$jar" -o "$work/list.json" -w '%{http_code}' "$lb/api/v1/submission/applications")"
[ "$code" = 200 ] && grep -q '"piUsername":"demo_pi"' "$work/list.json" ||
  fail "after node$node died, the session's REST call: HTTP $code $(head -c 300 "$work/list.json")"
other="$(grep -o 'HZNODE[[:space:]]*n[12]' "$jar" | grep -o '[12]$')"
[ "$other" != "$node" ] || fail "still on node$node"
ok "node$node killed: the signed-in session goes on on node$other without signing in again"
title="集群故障切换后保存的标题 $marker"
code="$(curl -s -c "$jar" -b "$jar" -o "$work/save.xml" -w '%{http_code}' \
  -H 'Faces-Request: partial/ajax' -H 'X-Requested-With: XMLHttpRequest' \
  --data-urlencode "jakarta.faces.partial.ajax=true" --data-urlencode "jakarta.faces.source=app:save" \
  --data-urlencode "jakarta.faces.partial.execute=@all" --data-urlencode "jakarta.faces.partial.render=app messages" \
  --data-urlencode "app:save=app:save" --data-urlencode "app=app" \
  --data-urlencode "app:titleZh=$title" --data-urlencode "jakarta.faces.ViewState=$view_state" \
  --data-urlencode "primefaces.nonce=$nonce" \
  "$lb/app/submission/edit.xhtml?id=900001")"
[ "$code" = 200 ] || fail "saving the open form on node$other: HTTP $code"
grep -q "ViewExpired\|expired" "$work/save.xml" && fail "the form's view expired on node$other: $(head -c 400 "$work/save.xml")"
saved="$(sql "SELECT title_zh FROM sub_application WHERE id = 900001")"
[ "$saved" = "$title" ] || fail "the typed title was not saved: '$saved' ($(grep -o '草稿已保存\|ui-messages-error-summary">[^<]*' "$work/save.xml" | head -3))"
ok "the form opened on node$node was saved on node$other with its view state: the typed title is in the database"

# 6. the killed node comes back and rejoins
./deploy/cluster.sh node-start "$node" | sed 's/^/  /'
members="$(curl -s "http://127.0.0.1:$((18180 + node))/health/ready" | grep -o '"clusterMembers":"[0-9]*' | cut -d'"' -f4)"
[ "$members" = 2 ] || fail "node$node rejoined a cluster of $members"
ok "node$node started again and rejoined the cluster of 2"

# 5. every queued e-mail sent once, whichever node sent it
for _ in $(seq 1 90); do
  pending="$(sql "SELECT COUNT(*) FROM krn_mail_outbox WHERE subject LIKE '$marker %' AND status <> 'SENT'")"
  [ "$pending" = 0 ] && break
  sleep 2
done
[ "$pending" = 0 ] || fail "$pending of 30 e-mails not sent within 3 minutes"
[ "$(sql "SELECT COUNT(*) FROM krn_mail_outbox WHERE subject LIKE '$marker %' AND attempts = 1")" = 30 ] ||
  fail "an e-mail took more than one attempt"
files="$(grep -l "$marker" "$HEZUO_CLUSTER_DIR"/mailbox/*.eml 2>/dev/null | wc -l)"
[ "$files" = 30 ] || fail "$files e-mail files for 30 messages (a timer ran twice?)"
ok "30 e-mails queued with both nodes running: each sent once (30 files, one attempt each)"
