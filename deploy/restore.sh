#!/usr/bin/env bash
# Restores a backup of deploy/backup.sh into a FRESH database and the files beside it, then checks
# every line of its MANIFEST: each table's row count and checksum, each file's sha256. Prints a
# summary; exits non-zero on any difference.
#
# Usage: deploy/restore.sh <backup-dir> [--db-url jdbc:mysql://127.0.0.1:PORT/NAME]
#          [--db-user USER] [--data-dir DIR] [--mailbox-dir DIR] [--no-files] [--force]
# Without --db-url the database is the application's, found as ./deploy/run.sh finds it
# (HEZUO_DB_URL / HEZUO_DB_USER / HEZUO_DB_PASSWORD, else the embedded one on 127.0.0.1:HEZUO_DB_PORT,
# 3307, database hezuo). The password is HEZUO_DB_PASSWORD (on no command line). The database is
# created when missing; one that has tables is refused unless --force, which drops and recreates it.
# Files go to --data-dir (HEZUO_DATA_DIR, ./data): <data>/mailbox (or --mailbox-dir /
# HEZUO_MAILBOX_DIR) and <data>/index; a non-empty mailbox is refused unless --force. Stop the
# application before restoring into its own database (or restart it after: it caches entities).
# Loopback only; HEZUO_RESTORE_TIMEOUT (seconds, 1800) bounds the load.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/backup-lib.sh

usage() { die "usage: deploy/restore.sh <backup-dir> [--db-url URL] [--db-user USER] [--data-dir DIR] [--mailbox-dir DIR] [--no-files] [--force]"; }
[ $# -ge 1 ] || usage
backup="$1"
shift
url= user= data_dir= mailbox= force=0 files=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db-url) url="${2:?}"; shift 2 ;;
    --db-url=*) url="${1#*=}"; shift ;;
    --db-user) user="${2:?}"; shift 2 ;;
    --db-user=*) user="${1#*=}"; shift ;;
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --data-dir=*) data_dir="${1#*=}"; shift ;;
    --mailbox-dir) mailbox="${2:?}"; shift 2 ;;
    --mailbox-dir=*) mailbox="${1#*=}"; shift ;;
    --no-files) files=0; shift ;;
    --force) force=1; shift ;;
    *) usage ;;
  esac
done
manifest="$backup/MANIFEST"
[ -f "$manifest" ] || die "$backup is not a backup of deploy/backup.sh (no MANIFEST)"
[ -f "$backup/db.sql.gz" ] || die "$backup/db.sql.gz is missing"

if [ -n "$url" ]; then
  parse_jdbc_url "$url"
  db_user="${user:-${HEZUO_DB_USER:-root}}"
  db_password="${HEZUO_DB_PASSWORD:-}"
else
  resolve_app_db
  [ -z "$user" ] || db_user="$user"
fi
require_loopback
data_dir="${data_dir:-${HEZUO_DATA_DIR:-$PWD/data}}"
mailbox="${mailbox:-${HEZUO_MAILBOX_DIR:-$data_dir/mailbox}}"
index_dir="$data_dir/index"
timeout_s="${HEZUO_RESTORE_TIMEOUT:-1800}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cnf="$tmp/client.cnf"
write_client_config "$cnf"
t0=$(date +%s)

# the backup itself first: the dump's sha256
want="$(awk -F'\t' '$1 == "dump" { print $2 }' "$manifest")"
have="$(sha256sum "$backup/db.sql.gz" | cut -d' ' -f1)"
[ "$want" = "$have" ] || die "db.sql.gz does not match its MANIFEST (sha256 $have, expected $want): the backup is damaged"

if ! err="$(sql "$cnf" -e 'SELECT 1' 2>&1)"; then
  die "the database server at $db_host:$db_port is unreachable: $err"
fi
tables_now="$(sql "$cnf" -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$db_name'")"
exists="$(sql "$cnf" -e "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name='$db_name'")"
if [ "$tables_now" -gt 0 ] && [ "$force" != 1 ]; then
  die "database $db_name at $db_host:$db_port has $tables_now tables: restore only into a fresh database (or --force to drop it first)"
fi
if [ "$files" = 1 ] && [ "$force" != 1 ] && [ -d "$mailbox" ] && [ -n "$(find "$mailbox" -type f -print -quit)" ]; then
  die "$mailbox is not empty: restore into a fresh data directory (or --force to add to it)"
fi
# the longest statement of the dump (a 20 MB attachment is a 40 MB INSERT in hex) must fit the
# target server's max_allowed_packet, which a client cannot raise for its session: say so first
longest="$(gzip -dc "$backup/db.sql.gz" | LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')"
packet="$(sql "$cnf" -e 'SELECT @@global.max_allowed_packet')"
if [ "$longest" -ge "$packet" ]; then
  die "the dump has a statement of $longest bytes, more than max_allowed_packet ($packet) of $db_host:$db_port: start that server with --max-allowed-packet=$(((longest / 1048576 + 2)))M (or SET GLOBAL max_allowed_packet) and restore again"
fi
read -r cs coll < <(awk -F'\t' '$1 == "charset" { print $2 }' "$manifest")
if [ "$exists" = 1 ]; then
  if [ "$tables_now" -gt 0 ]; then
    say "--force: dropping database $db_name ($tables_now tables) at $db_host:$db_port"
  fi
  sql "$cnf" -e "DROP DATABASE \`$db_name\`"
fi
if ! sql "$cnf" -e "CREATE DATABASE \`$db_name\` CHARACTER SET ${cs:-utf8mb4} COLLATE ${coll:-utf8mb4_unicode_ci}" 2>/dev/null; then
  sql "$cnf" -e "CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4"
fi

say "restoring $backup into database $db_name at $db_host:$db_port ..."
if ! gzip -dc "$backup/db.sql.gz" |
  timeout "$timeout_s" mariadb --defaults-extra-file="$cnf" --connect-timeout=10 \
    --max-allowed-packet=1G "$db_name" 2>"$tmp/load.err"; then
  die "loading the dump failed: $(cat "$tmp/load.err")"
fi
t_db=$(($(date +%s) - t0))

if [ "$files" = 1 ]; then
  for name in mailbox index; do
    if [ -d "$backup/files/$name" ]; then
      dest="$mailbox"
      [ "$name" = mailbox ] || dest="$index_dir"
      mkdir -p "$dest"
      rsync -a "$backup/files/$name/" "$dest/"
    fi
  done
fi

# the check: every table and every file of the MANIFEST
checksum_queries "$cnf" "$db_name" >"$tmp/checksums.sql"
{
  echo "SET SESSION time_zone='+00:00';"
  cat "$tmp/checksums.sql"
} | sql "$cnf" >"$tmp/restored"
bad=0
ok_tables=0
ok_files=0
while IFS=$'\t' read -r kind a b c; do
  case "$kind" in
    table)
      got="$(awk -F'\t' -v t="$a" '$1 == t { print $2 "\t" $3 }' "$tmp/restored")"
      if [ "$got" = "$b"$'\t'"$c" ]; then
        ok_tables=$((ok_tables + 1))
      else
        echo "DIFFERENT table $a: backup $b rows, checksum $c; restored: ${got:-missing}" >&2
        bad=$((bad + 1))
      fi
      ;;
    file)
      [ "$files" = 1 ] || continue
      case "$b" in
        mailbox/*) f="$mailbox/${b#mailbox/}" ;;
        index/*) f="$index_dir/${b#index/}" ;;
        *) f="" ;;
      esac
      if [ -n "$f" ] && [ -f "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$a" ]; then
        ok_files=$((ok_files + 1))
      else
        echo "DIFFERENT file $b: ${f:-no place for it} missing or not its sha256" >&2
        bad=$((bad + 1))
      fi
      ;;
  esac
done < <(grep -v '^#' "$manifest")
# a table in the database that the backup does not have is a difference too
while IFS=$'\t' read -r t _; do
  if ! awk -F'\t' -v t="$t" '$1 == "table" && $2 == t { f = 1 } END { exit !f }' "$manifest"; then
    echo "DIFFERENT table $t: in the restored database, not in the backup" >&2
    bad=$((bad + 1))
  fi
done <"$tmp/restored"

want_tables=$(grep -c '^table' "$manifest" || true)
want_files=$(grep -c '^file' "$manifest" || true)
[ "$files" = 1 ] || want_files=0
rows=$(awk -F'\t' '$1 == "table" { s += $3 } END { print s + 0 }' "$manifest")
echo "== restore of $(basename "$backup") into $db_name at $db_host:$db_port (load ${t_db} s, total $(($(date +%s) - t0)) s)"
echo "   tables: $ok_tables of $want_tables equal (row count and checksum; $rows rows)"
echo "   files:  $ok_files of $want_files equal (sha256)"
if [ "$bad" -gt 0 ]; then
  echo "== restore: $bad DIFFERENCES" >&2
  exit 1
fi
echo "== restore: every table and file equals the MANIFEST"
