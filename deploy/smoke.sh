#!/usr/bin/env bash
# Smoke test of ./deploy/run.sh as a new user meets it: a fresh embedded MariaDB (a data directory
# of its own, so the first-run path is what runs), the migrations, the demo data, Payara Micro;
# then the login page, the public guide and a demo login must answer. Stops what it started.
# Usage: ./deploy/smoke.sh   (HEZUO_SMOKE_PORT, HEZUO_SMOKE_DB_PORT to move its ports)
set -euo pipefail
cd "$(dirname "$0")/.."

port="${HEZUO_SMOKE_PORT:-18080}"
db_port="${HEZUO_SMOKE_DB_PORT:-13307}"
data="$(mktemp -d /tmp/hezuo-smoke.XXXXXX)"
log="$data/run.log"
HEZUO_PORT="$port" HEZUO_DB_PORT="$db_port" HEZUO_DATA_DIR="$data" ./deploy/run.sh >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

echo "== smoke: ./deploy/run.sh on a fresh data directory ($data), port $port"
for _ in $(seq 1 240); do
  if grep -q "Ctrl-C stops" "$log" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "run.sh ended before the system was up:" >&2
    tail -60 "$log" >&2
    exit 1
  fi
  sleep 1
done
if ! grep -q "Ctrl-C stops" "$log"; then
  echo "run.sh did not print its URL within 4 minutes:" >&2
  tail -60 "$log" >&2
  exit 1
fi
base="http://127.0.0.1:$port"
check() {
  local what="$1" url="$2" expect="$3"
  local body
  body="$(curl -fsS -m 20 "$url")" || { echo "smoke: $what failed ($url)" >&2; exit 1; }
  if ! grep -q "$expect" <<<"$body"; then
    echo "smoke: $what did not contain '$expect' ($url)" >&2
    exit 1
  fi
  echo "   ok: $what"
}
check "readiness" "$base/health/ready" '"UP"'
check "login page" "$base/login.xhtml" 'login:username'
check "public guide" "$base/api/v1/call/calls/current" '"lines"'
check "demo data" "$base/api/v1/directory/whitelist" '演示'
echo "== smoke: passed"
