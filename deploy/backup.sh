#!/usr/bin/env bash
# A consistent backup of hezuo while it runs: the database (mariadb-dump --single-transaction, with
# routines, triggers and BLOBs as hex: every attachment and scan is a LONGBLOB) and what the
# application keeps on disk (the e-mails of data/mailbox, the similarity index of data/index),
# into <target-dir>/hezuo-<UTC time>/ with a MANIFEST: per table its row count and checksum, taken
# in the same snapshot as the dump, and the sha256 of every file.
#
# Usage: deploy/backup.sh [target-dir]      (default ./backups)
# The database is found as ./deploy/run.sh finds it: HEZUO_DB_URL / HEZUO_DB_USER /
# HEZUO_DB_PASSWORD, else the embedded MariaDB on 127.0.0.1:HEZUO_DB_PORT (3307), database hezuo.
# Files: HEZUO_DATA_DIR (./data), HEZUO_MAILBOX_DIR (<data>/mailbox). Loopback only.
# HEZUO_BACKUP_TIMEOUT (seconds, 1800) bounds the whole dump.
#
# The snapshot: one session holds FLUSH TABLES WITH READ LOCK (commits wait) for the moment it
# takes a second session and mariadb-dump to open their consistent snapshots, so both see the same
# committed data; the checksums are then computed in the second session while the application
# writes again. Files are copied after the snapshot: an e-mail pending in the database but already
# written is kept (after a restore it may be written once more), none is lost.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/backup-lib.sh

target="${1:-backups}"
timeout_s="${HEZUO_BACKUP_TIMEOUT:-1800}"
lock_wait="${HEZUO_BACKUP_LOCK_WAIT:-20}"
resolve_app_db
require_loopback
data_dir="${HEZUO_DATA_DIR:-$PWD/data}"
mailbox="${HEZUO_MAILBOX_DIR:-$data_dir/mailbox}"
index_dir="$data_dir/index"

command -v mariadb-dump >/dev/null || die "mariadb-dump is missing (Debian: apt-get install mariadb-client)"
command -v rsync >/dev/null || die "rsync is missing (Debian: apt-get install rsync)"
command -v mariadb >/dev/null || die "mariadb (the client) is missing (Debian: apt-get install mariadb-client)"

tmp="$(mktemp -d)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do
    pkill -TERM -P "$p" 2>/dev/null || true # the dump's pipeline runs under a subshell
    kill "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
  if [ -n "${partial:-}" ] && [ -d "$partial" ]; then rm -rf "$partial"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cnf="$tmp/client.cnf"
write_client_config "$cnf"

t0=$(date +%s)
if ! err="$(sql "$cnf" -e 'SELECT 1' 2>&1)"; then
  die "the database at $db_host:$db_port is unreachable (is ./deploy/run.sh running?): $err"
fi
exists="$(sql "$cnf" -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name='$db_name'")"
[ "$exists" = 1 ] || die "no database '$db_name' at $db_host:$db_port"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
dest="$(cd "$target" && pwd)/hezuo-$stamp"
[ ! -e "$dest" ] || die "$dest exists already"
partial="$dest.partial"
mkdir -p "$partial/files"

# a session fed through a FIFO, its output in a file; await waits for a marker line in it
open_session() { # name
  local name="$1"
  mkfifo "$tmp/$name.in"
  timeout "$timeout_s" mariadb --defaults-extra-file="$cnf" --connect-timeout=10 -N -B --unbuffered \
    <"$tmp/$name.in" >"$tmp/$name.out" 2>&1 &
  pids+=($!)
  eval "session_pid_$name=$!"
}
await() { # name marker seconds
  local name="$1" marker="$2" n=$(($3 * 10)) pid
  eval "pid=\$session_pid_$name"
  while ! grep -qx "$marker" "$tmp/$name.out" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$n" -le 0 ]; then
      die "session $name did not reach '$marker': $(cat "$tmp/$name.out")"
    fi
    n=$((n - 1))
    sleep 0.1
  done
}

say "backing up database $db_name at $db_host:$db_port into $dest"
open_session lock
exec {lock_fd}>"$tmp/lock.in"
open_session snap
exec {snap_fd}>"$tmp/snap.in"

echo "SET SESSION lock_wait_timeout=$lock_wait; FLUSH TABLES WITH READ LOCK; SELECT 'LOCKED';" >&$lock_fd
await lock LOCKED $((lock_wait + 5))
t_lock=$(date +%s%N)
cat >&$snap_fd <<SQL
SET SESSION time_zone='+00:00';
SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ;
START TRANSACTION WITH CONSISTENT SNAPSHOT;
SELECT 'SNAPSHOT';
SQL
await snap SNAPSHOT 10
: >"$tmp/dump.err"
(
  set -o pipefail
  timeout "$timeout_s" mariadb-dump --defaults-extra-file="$cnf" --single-transaction \
    --routines --triggers --events --hex-blob --max-allowed-packet=1G --skip-dump-date \
    --verbose "$db_name" 2>"$tmp/dump.err" | gzip -6 >"$partial/db.sql.gz"
) &
dump_pid=$!
pids+=($dump_pid)
n=300
while ! grep -q -e '^-- Setting savepoint' -e '^-- Retrieving table structure' "$tmp/dump.err"; do
  if ! kill -0 "$dump_pid" 2>/dev/null || [ "$n" -le 0 ]; then
    die "mariadb-dump did not start its snapshot: $(grep -v '^-- ' "$tmp/dump.err" || true)"
  fi
  n=$((n - 1))
  sleep 0.1
done
echo "UNLOCK TABLES; SELECT 'UNLOCKED';" >&$lock_fd
await lock UNLOCKED 10
exec {lock_fd}>&-
locked_ms=$((($(date +%s%N) - t_lock) / 1000000))

# the checksums in the snapshot session (while the application writes again)
checksum_queries "$cnf" "$db_name" >"$tmp/checksums.sql"
{
  cat "$tmp/checksums.sql"
  echo "COMMIT; SELECT 'CHECKSUMS-DONE';"
} >&$snap_fd
exec {snap_fd}>&-
if ! wait "$session_pid_snap"; then die "the checksum session failed: $(cat "$tmp/snap.out")"; fi
grep -qx CHECKSUMS-DONE "$tmp/snap.out" || die "the checksum session failed: $(cat "$tmp/snap.out")"
if ! wait "$dump_pid"; then
  die "mariadb-dump failed: $(grep -v '^-- ' "$tmp/dump.err" || true)"
fi

# the files, after the snapshot (see above); an .eml being written (*.tmp) is left out
copy_dir() { # source name
  local src="$1" name="$2"
  if [ -d "$src" ]; then
    mkdir -p "$partial/files/$name"
    rsync -a --exclude='*.tmp' "$src/" "$partial/files/$name/"
  fi
}
copy_dir "$mailbox" mailbox
copy_dir "$index_dir" index

server="$(sql "$cnf" -e 'SELECT VERSION()')"
charset="$(sql "$cnf" -e "SELECT CONCAT(default_character_set_name,' ',default_collation_name) FROM information_schema.schemata WHERE schema_name='$db_name'")"
{
  echo "# hezuo backup: deploy/restore.sh <this directory> restores it and checks every line"
  printf 'created\t%s\n' "$stamp"
  printf 'database\t%s\n' "$db_name"
  printf 'server\t%s\n' "$server"
  printf 'charset\t%s\n' "$charset"
  printf 'dump\t%s\t%s\n' "$(sha256sum "$partial/db.sql.gz" | cut -d' ' -f1)" db.sql.gz
  grep -v -x -e SNAPSHOT -e CHECKSUMS-DONE "$tmp/snap.out" | awk -F'\t' 'NF == 3 { printf "table\t%s\t%s\t%s\n", $1, $2, $3 }'
  (cd "$partial/files" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) |
    awk '{ h = $1; p = substr($0, 67); sub(/^\.\//, "", p); printf "file\t%s\t%s\n", h, p }'
} >"$partial/MANIFEST"
tables=$(grep -c '^table' "$partial/MANIFEST" || true)
[ "$tables" -gt 0 ] || die "no table checksums (session output: $(cat "$tmp/snap.out"))"
files=$(grep -c '^file' "$partial/MANIFEST" || true)
rows=$(awk -F'\t' '$1 == "table" { s += $3 } END { print s + 0 }' "$partial/MANIFEST")
mv "$partial" "$dest"
partial=
pids=() # all waited for: nothing to stop (a reused pid must not be hit)
say "backup done in $(($(date +%s) - t0)) s: $tables tables, $rows rows, $files files," \
  "$(du -sh "$dest" | cut -f1); commits waited ${locked_ms} ms for the snapshot"
echo "$dest"
