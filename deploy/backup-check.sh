#!/usr/bin/env bash
# The backup fault test: starts ./deploy/run.sh on spare ports and a temporary data directory,
# writes some data (drafts with PDF attachments, a submission whose e-mails land in the mailbox),
# then backs up with deploy/backup.sh WHILE demo users keep reading and writing over REST (HTTP
# Basic), restores the backup with deploy/restore.sh into a scratch database on the machine's
# MariaDB (127.0.0.1:3306, root) and a scratch data directory, and asserts that every table's row
# count and checksum and every file's sha256 equal the MANIFEST and that every write acknowledged
# before the backup began is in the restored database. Stops everything it started, drops the
# scratch database and says PASS or FAIL. Loopback only, bounded in time (HEZUO_CHECK_MAX_SECONDS,
# 900 in all).
# Usage: ./deploy/backup-check.sh   (HEZUO_CHECK_PORT 18380, HEZUO_CHECK_DB_PORT 13607 move its ports;
#         HEZUO_CHECK_RESTORE_PORT 3306 the MariaDB it restores into, user root, empty password)
set -uo pipefail
cd "$(dirname "$0")/.."
. deploy/backup-lib.sh

port="${HEZUO_CHECK_PORT:-18380}"
db_port="${HEZUO_CHECK_DB_PORT:-13607}"
restore_port="${HEZUO_CHECK_RESTORE_PORT:-3306}"
max_seconds="${HEZUO_CHECK_MAX_SECONDS:-900}"
base="http://127.0.0.1:$port"
password='Demo@2026'
data="$(mktemp -d /tmp/hezuo-backup-check.XXXXXX)"
log="$data/run.log"
scratch="hezuo_backup_check_$$"
t0=$(date +%s)
run_pid=
watchdog=
load_pids=()
verdict=FAIL

step() { echo "== backup-check [$(($(date +%s) - t0)) s] $*"; }
fail() {
  echo "== backup-check: FAIL: $*" >&2
  exit 1
}
stop_pid() { # pid seconds: TERM, then KILL after the grace period
  local p="$1" n=$(($2 * 10))
  kill "$p" 2>/dev/null || return 0
  while kill -0 "$p" 2>/dev/null && [ "$n" -gt 0 ]; do
    sleep 0.1
    n=$((n - 1))
  done
  kill -9 "$p" 2>/dev/null || true
}
cleanup() {
  local rc=$? p kids
  [ -z "$watchdog" ] || kill "$watchdog" 2>/dev/null || true
  touch "$data/stop-load" 2>/dev/null || true
  for p in "${load_pids[@]}"; do stop_pid "$p" 5; done
  if [ -n "$run_pid" ]; then
    # the launcher's shutdown hook stops Payara Micro and the embedded MariaDB; its children are
    # noted first so that they are stopped too should the launcher not manage it in time
    kids="$(pgrep -P "$run_pid" 2>/dev/null || true)"
    stop_pid "$run_pid" 60
    for p in $kids; do stop_pid "$p" 10; done
    wait "$run_pid" 2>/dev/null || true
  fi
  mariadb -h 127.0.0.1 -P "$restore_port" -u root --protocol=TCP --connect-timeout=10 \
    -e "DROP DATABASE IF EXISTS \`$scratch\`" 2>/dev/null || true
  if [ "$verdict" != PASS ] && [ -f "$log" ]; then
    echo "-- the last lines of $log:" >&2
    tail -20 "$log" >&2
  fi
  rm -rf "$data"
  echo "== backup-check: $verdict after $(($(date +%s) - t0)) s"
  exit $rc
}
trap cleanup EXIT
trap 'fail "interrupted or over the time limit ($max_seconds s)"' INT TERM
(
  sleep "$max_seconds"
  kill -TERM $$ 2>/dev/null
) &
watchdog=$!

if mariadb -h 127.0.0.1 -P "$restore_port" -u root --protocol=TCP --connect-timeout=10 -N -B \
  -e "SELECT 1" >/dev/null 2>&1; then :; else
  fail "no MariaDB for the restore at 127.0.0.1:$restore_port (root, empty password)"
fi
for p in "$port" "$db_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then fail "port $p is taken"; fi
done

step "starting ./deploy/run.sh (ports $port and $db_port, data in $data)"
HEZUO_PORT="$port" HEZUO_DB_PORT="$db_port" HEZUO_DATA_DIR="$data" ./deploy/run.sh >"$log" 2>&1 &
run_pid=$!
for _ in $(seq 1 300); do
  grep -q "Ctrl-C stops" "$log" 2>/dev/null && break
  kill -0 "$run_pid" 2>/dev/null || fail "run.sh ended before the system was up"
  sleep 1
done
grep -q "Ctrl-C stops" "$log" || fail "the system was not up within 5 minutes"
step "the system is up"

# c USER METHOD PATH [curl args…]: one REST call as USER by HTTP Basic, prints the body
c() {
  local who="$1" method="$2" path="$3"
  shift 3
  curl -sS -m 30 -f -u "$who:$password" -X "$method" "$@" "$base$path"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

pdf="$data/agreement.pdf"
c demo_pi GET /api/v1/submission/applications/900001/attachments/900001 -o "$pdf" ||
  fail "could not read demo_pi's attachment"
head -c 5 "$pdf" | grep -q '%PDF' || fail "demo_pi's attachment is not a PDF"
acked="$data/acked" # ids of the drafts whose creation was acknowledged, one a line
: >"$acked"
new_draft() { # prints the new draft's id after attaching a PDF to it
  local id
  id="$(c demo_pi POST /api/v1/submission/applications -H 'Content-Type: application/json' \
    -d '{"lineCode":"A1"}' | json 'd["id"]')" || return 1
  c demo_pi POST "/api/v1/submission/applications/$id/attachments?kind=OTHER&fileName=load-$id.pdf" \
    -H 'Content-Type: application/pdf' --data-binary @"$pdf" >/dev/null || return 1
  echo "$id"
}

step "writing before the backup: 3 drafts with an attachment each, demo_pi's draft saved and submitted"
for _ in 1 2 3; do new_draft >>"$acked" || fail "could not create a draft"; done
# a 3 MB scan-like attachment (a valid PDF carrying random bytes) on the first of them
big="$data/big.pdf"
python3 - "$big" <<'PY' || fail "could not write a test PDF"
import os, sys
blob = os.urandom(3_000_000)
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
        b"<< /Length %d >>\nstream\n" % len(blob) + blob + b"\nendstream"]
data, offs = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(data))
    data += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(data)
data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
data += b"".join(b"%010d 00000 n \n" % o for o in offs)
data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(data)
PY
c demo_pi POST "/api/v1/submission/applications/$(head -1 "$acked")/attachments?kind=PLATFORM_PROOF&fileName=scan.pdf" \
  -H 'Content-Type: application/pdf' --data-binary @"$big" >/dev/null || fail "the 3 MB attachment was refused"
form="$(c demo_pi GET /api/v1/submission/applications/900001 | json 'json.dumps(d["form"])')" ||
  fail "could not read demo_pi's draft"
version="$(c demo_pi PUT /api/v1/submission/applications/900001 -H 'Content-Type: application/json' \
  --data-binary "$form" | json 'd["version"]')" || fail "could not save demo_pi's draft"
c demo_pi POST /api/v1/submission/applications/900001/submit -H 'Content-Type: application/json' \
  -d "{\"version\":$version}" >/dev/null || fail "could not submit demo_pi's draft"
for _ in $(seq 1 60); do
  [ -z "$(find "$data/mailbox" -name '*.eml' -print -quit 2>/dev/null)" ] || break
  sleep 1
done
emails=$(find "$data/mailbox" -name '*.eml' 2>/dev/null | wc -l)
[ "$emails" -gt 0 ] || fail "the submission wrote no e-mail into $data/mailbox within a minute"
step "$emails e-mail(s) in the mailbox"

# the load while backing up: readers and a writer, bounded (count and the stop file)
reader() { # user path…
  local who="$1" n=0 errors=0 path
  shift
  while [ ! -e "$data/stop-load" ] && [ "$n" -lt 2000 ]; do
    for path in "$@"; do
      if [ "$who" = - ]; then
        curl -sS -m 30 -f -o /dev/null "$base$path" 2>/dev/null || errors=$((errors + 1))
      else
        c "$who" GET "$path" -o /dev/null 2>/dev/null || errors=$((errors + 1))
      fi
      n=$((n + 1))
    done
  done
  echo "$n $errors" >"$data/load-$who"
}
writer() {
  local n=0 errors=0 id
  while [ ! -e "$data/stop-load" ] && [ "$n" -lt 200 ]; do
    if id="$(new_draft)"; then echo "$id" >>"$data/acked-during"; else errors=$((errors + 1)); fi
    c demo_pi POST /api/v1/submission/applications/900001/messages \
      -H 'Content-Type: application/json' -d "{\"body\":\"backup-check $n\"}" >/dev/null 2>&1 ||
      errors=$((errors + 1))
    n=$((n + 1))
  done
  echo "$((n * 3)) $errors" >"$data/load-writer" # three requests an iteration
}
reader - /login.xhtml /api/v1/call/calls/current /health/ready &
load_pids+=($!)
reader demo_pi /api/v1/submission/applications /api/v1/submission/applications/900001/messages &
load_pids+=($!)
reader demo_unit /api/v1/submission/unit/applications &
load_pids+=($!)
writer &
load_pids+=($!)
sleep 3
step "backing up under load: deploy/backup.sh"
b0=$(date +%s%N)
out="$(HEZUO_DATA_DIR="$data" HEZUO_DB_PORT="$db_port" HEZUO_BACKUP_TIMEOUT=300 \
  ./deploy/backup.sh "$data/backups" 2>&1)" || fail "deploy/backup.sh failed: $out"
backup_ms=$((($(date +%s%N) - b0) / 1000000))
echo "$out" | sed 's/^/   /'
backup="$(echo "$out" | tail -1)"
[ -f "$backup/MANIFEST" ] || fail "no MANIFEST in $backup"
sleep 3
touch "$data/stop-load"
for p in "${load_pids[@]}"; do wait "$p" 2>/dev/null || true; done
load_pids=()
load_errors=0
for f in "$data"/load-*; do
  read -r n e <"$f"
  echo "   load ${f##*/load-}: $n requests, $e errors"
  load_errors=$((load_errors + e))
done
[ "$load_errors" -eq 0 ] || fail "$load_errors requests of the load failed during the backup"
grep -q $'^file\tmailbox/.*\.eml$' <(awk -F'\t' '$1 == "file" { print "file\t" $3 }' "$backup/MANIFEST") ||
  fail "the backup holds no e-mail"

step "restoring into the scratch database $scratch at 127.0.0.1:$restore_port: deploy/restore.sh"
r0=$(date +%s%N)
HEZUO_DB_PASSWORD= ./deploy/restore.sh "$backup" --db-url "jdbc:mysql://127.0.0.1:$restore_port/$scratch" \
  --db-user root --data-dir "$data/restored" | sed 's/^/   /'
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "the restore differs from the backup (above)"
restore_ms=$((($(date +%s%N) - r0) / 1000000))

# every draft acknowledged before the backup began is in the restore, with its attachment
missing=0
while read -r id; do
  got="$(mariadb -h 127.0.0.1 -P "$restore_port" -u root --protocol=TCP -N -B -e \
    "SELECT COUNT(*) FROM \`$scratch\`.sub_application a JOIN \`$scratch\`.sub_attachment t
       ON t.application_id = a.id WHERE a.id = $id")"
  [ "${got:-0}" -ge 1 ] || missing=$((missing + 1))
done <"$acked"
[ "$missing" -eq 0 ] || fail "$missing draft(s) acknowledged before the backup are not in the restore"
submitted="$(mariadb -h 127.0.0.1 -P "$restore_port" -u root --protocol=TCP -N -B -e \
  "SELECT status FROM \`$scratch\`.sub_application WHERE id = 900001")"
bad_blobs="$(mariadb -h 127.0.0.1 -P "$restore_port" -u root --protocol=TCP -N -B -e \
  "SELECT COUNT(*) FROM \`$scratch\`.sub_attachment WHERE SHA2(content, 256) <> sha256")"
[ "$bad_blobs" = 0 ] || fail "$bad_blobs restored attachment(s) do not match their sha256"
[ "$submitted" = SUBMITTED ] || fail "demo_pi's submission is '$submitted' in the restore"
during=$(wc -l <"$data/acked-during" 2>/dev/null || echo 0)
step "backup ${backup_ms} ms, restore and check ${restore_ms} ms; $(wc -l <"$acked") drafts written before it all restored; $during written during it"
verdict=PASS
