#!/usr/bin/env bash
# Runs the system as a cluster on this machine, every part bound to 127.0.0.1:
#   - two Payara Micro nodes with the WAR, one cluster through Payara's built-in Hazelcast (TCP/IP
#     discovery on loopback, no multicast); HTTP sessions replicate between them (<distributable/>),
#   - HAProxy (Debian's package) in front: sticky sessions (cookie HZNODE) and health checks on
#     /health/ready; a request whose node is down goes to the other node, which has the session,
#   - the database: one MariaDB (Debian's mariadb-server), or with --galera a three-node MariaDB
#     Galera cluster (galera-4) behind a second HAProxy listener that sends every connection to one
#     node at a time (the others are backups): no two nodes take writes at once, so Galera's
#     certification never rejects the application's transactions.
#
# Usage: ./deploy/cluster.sh up [--galera] [--db-only] | down | status
#   --db-only: the database side and HAProxy without the Payara nodes (deploy/galera-races.sh)
#   HEZUO_LB_PORT (8090): HAProxy, the URL users open; HEZUO_LB_STATS_PORT (8091): its statistics
#   HEZUO_NODE_PORTS ("18081 18082"): the Payara nodes' HTTP ports; HEZUO_HZ_PORT (6900): Hazelcast
#   HEZUO_CLUSTER_DB_PORT (3310): the single MariaDB; with --galera 3311-3313 and HAProxy on 3320
#   HEZUO_CLUSTER_DIR (./data/cluster): data, logs and pid files; HEZUO_DEMO=false: no demo data
#   HEZUO_CLOCK_SHIFT_SECONDS: passed to every node (load and fault tests only)
# The nodes log JSON lines (deploy/cluster-logging.properties) into <dir>/logs/nodeN.log; every
# request has an id (X-Request-Id, set by HAProxy) that the node's log lines carry.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

dir="${HEZUO_CLUSTER_DIR:-$root/data/cluster}"
lb_port="${HEZUO_LB_PORT:-8090}"
stats_port="${HEZUO_LB_STATS_PORT:-8091}"
read -r -a node_ports <<<"${HEZUO_NODE_PORTS:-18081 18082}"
hz_port="${HEZUO_HZ_PORT:-6900}"
db_port="${HEZUO_CLUSTER_DB_PORT:-3310}"
galera_ports=(3311 3312 3313)
galera_lb_port=3320
war="$root/modules/web/target/hezuo.war"
micro="$root/modules/web/target/payara-micro.jar"

say() { echo "[cluster] $*"; }
die() {
  echo "[cluster] $*" >&2
  exit 1
}

pidfile() { echo "$dir/pids/$1.pid"; }
alive() {
  local f
  f="$(pidfile "$1")"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# start NAME LOG CMD...: runs CMD in the background, in a session of its own, its pid in a file
start() {
  local name="$1" log="$2"
  shift 2
  if alive "$name"; then
    say "$name is running already (pid $(cat "$(pidfile "$name")"))"
    return
  fi
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pidfile "$name")"
}

# stop NAME [SIGNAL]: ends the process of the pid file and waits up to 30 s for it
stop() {
  local name="$1" sig="${2:-TERM}" f pid
  f="$(pidfile "$name")"
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name did not stop within 30 s: killed"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

need_packages() {
  local missing=()
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ "${galera:-0}" = 1 ]; then
    [ -f /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
    command -v rsync >/dev/null 2>&1 || missing+=(rsync)
    command -v socat >/dev/null 2>&1 || missing+=(socat)
  fi
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "needs Debian's ${missing[*]}: as root, apt-get install -y ${missing[*]}"
  fi
}

mariadbd_bin() { command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd; }

# the user the databases run as: root starts them as Debian's mysql user (a Galera state transfer
# runs an rsync daemon, which as root would write as nobody), anyone else as themselves
db_user() {
  if [ "$(id -u)" = 0 ] && id mysql >/dev/null 2>&1; then echo mysql; else id -un; fi
}

# own_db: the database directories and logs belong to that user
own_db() {
  [ "$(id -u)" = 0 ] || return 0
  chown -R "$(db_user)" "$dir/db" "$dir/logs"
  # the user must reach the directory (a data directory under /tmp/… or /root/…)
  local d="$dir"
  while [ "$d" != / ]; do
    chmod o+x "$d" 2>/dev/null || true
    d="$(dirname "$d")"
  done
}

# db_args NAME PORT: the options every MariaDB of the cluster starts with
db_args() {
  local name="$1" port="$2"
  local a=(--no-defaults "--datadir=$dir/db/$name" "--port=$port" --bind-address=127.0.0.1
    "--socket=$dir/db/$name.sock" "--pid-file=$dir/db/$name.pid" "--log-error=$dir/logs/$name.err"
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max_allowed_packet=64M
    --innodb_buffer_pool_size=256M --max_connections=400 --skip-name-resolve "--user=$(db_user)")
  printf '%s\n' "${a[@]}"
}

install_db() {
  local name="$1"
  [ -d "$dir/db/$name/mysql" ] && return
  mkdir -p "$dir/db/$name"
  touch "$dir/logs/$name.err"
  own_db
  mariadb-install-db --no-defaults "--datadir=$dir/db/$name" --auth-root-authentication-method=normal \
    --skip-test-db "--user=$(db_user)" >>"$dir/logs/$name.err" 2>&1 || die "mariadb-install-db failed: see $dir/logs/$name.err"
}

# wait_db SOCKET: until the server answers on its socket (60 s)
wait_db() {
  for _ in $(seq 1 120); do
    mariadb --no-defaults --socket="$1" -uroot -e 'select 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

# the application's database and account (TCP from 127.0.0.1, a password)
grant_app() {
  mariadb --no-defaults --socket="$1" -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS hezuo CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'hezuo'@'127.0.0.1' IDENTIFIED BY 'hezuo-cluster';
GRANT ALL PRIVILEGES ON *.* TO 'hezuo'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'haproxy'@'127.0.0.1';
SQL
}

start_single_db() {
  install_db db
  mapfile -t args < <(db_args db "$db_port")
  start db "$dir/logs/db.out" "$(mariadbd_bin)" "${args[@]}"
  wait_db "$dir/db/db.sock" || die "MariaDB did not start: see $dir/logs/db.err"
  grant_app "$dir/db/db.sock"
  say "MariaDB on 127.0.0.1:$db_port (data $dir/db/db)"
  echo "jdbc:mysql://127.0.0.1:$db_port/hezuo" >"$dir/db-url"
}

galera_args() {
  local i="$1" gport=$((4567 + 10 * (i - 1)))
  printf '%s\n' --wsrep_on=ON --wsrep_provider=/usr/lib/galera/libgalera_smm.so \
    --wsrep_cluster_name=hezuo \
    --wsrep_cluster_address=gcomm://127.0.0.1:4567,127.0.0.1:4577,127.0.0.1:4587 \
    --wsrep_node_name="g$i" --wsrep_node_address="127.0.0.1:$gport" \
    "--wsrep_provider_options=base_host=127.0.0.1;base_port=$gport;gmcast.listen_addr=tcp://127.0.0.1:$gport;ist.recv_addr=127.0.0.1:$((gport + 1))" \
    "--wsrep_sst_receive_address=127.0.0.1:$((4444 + 10 * (i - 1)))" --wsrep_sst_method=rsync \
    --binlog_format=ROW --default_storage_engine=InnoDB --innodb_autoinc_lock_mode=2
}

# start_galera_node I [--wsrep-new-cluster]
start_galera_node() {
  local i="$1" name="g$1"
  shift
  install_db "$name"
  mapfile -t args < <(db_args "$name" "${galera_ports[$((i - 1))]}")
  mapfile -t wsrep < <(galera_args "$i")
  start "$name" "$dir/logs/$name.out" "$(mariadbd_bin)" "${args[@]}" "${wsrep[@]}" "$@"
  wait_db "$dir/db/$name.sock" || die "Galera node $name did not start: see $dir/logs/$name.err"
}

start_galera() {
  # the first node starts a new cluster only when no node has data yet (or after a full stop,
  # from the node that was last to stop: it is marked safe_to_bootstrap in its grastate.dat)
  local boot=1
  for i in 1 2 3; do
    if [ -f "$dir/db/g$i/grastate.dat" ] && grep -q 'safe_to_bootstrap: 1' "$dir/db/g$i/grastate.dat"; then
      boot=$i
    fi
  done
  start_galera_node "$boot" --wsrep-new-cluster
  grant_app "$dir/db/g$boot.sock"
  for i in 1 2 3; do
    [ "$i" = "$boot" ] || start_galera_node "$i"
  done
  for _ in $(seq 1 120); do
    size="$(mariadb --no-defaults --socket="$dir/db/g1.sock" -uroot -N -e "show status like 'wsrep_cluster_size'" 2>/dev/null | awk '{print $2}')"
    [ "$size" = 3 ] && break
    sleep 0.5
  done
  say "MariaDB Galera: 3 nodes on 127.0.0.1:${galera_ports[*]} (cluster size ${size:-?}); HAProxy sends connections to 127.0.0.1:$galera_lb_port, one node at a time"
  echo "jdbc:mysql://127.0.0.1:$galera_lb_port/hezuo" >"$dir/db-url"
}

write_haproxy() {
  local cfg="$dir/haproxy.cfg" i=0
  {
    cat <<EOF
# written by deploy/cluster.sh
global
  maxconn 4096
  pidfile $dir/pids/haproxy.real.pid

defaults
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout check 2s
  retries 2

# the users' URL: sticky sessions (cookie HZNODE names the node); a node that fails its health
# check (the application's readiness: database reached, migrations applied) takes no new requests;
# a request for a node that is down is sent to the other node (option redispatch), which has the
# replicated session
frontend web
  mode http
  bind 127.0.0.1:$lb_port
  option forwardfor
  unique-id-format %{+X}o%ci%cp%fp%Ts%rt%pid
  http-request set-header X-Request-Id %[unique-id] unless { req.hdr(X-Request-Id) -m found }
  default_backend nodes

backend nodes
  mode http
  balance roundrobin
  option redispatch
  # a GET whose node died before it answered is tried again on the other node; a PUT or POST is
  # not (it may have been carried out): the client sees the error and may retry (a submit's retry
  # returns the same receipt)
  retry-on conn-failure empty-response response-timeout
  http-request disable-l7-retry unless METH_GET || METH_HEAD
  cookie HZNODE insert indirect nocache httponly
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2 slowstart 5s
EOF
    for p in "${node_ports[@]}"; do
      i=$((i + 1))
      echo "  server node$i 127.0.0.1:$p check cookie n$i"
    done
    cat <<EOF

listen stats
  mode http
  bind 127.0.0.1:$stats_port
  stats enable
  stats uri /
  stats refresh 5s
EOF
    if [ "${galera:-0}" = 1 ]; then
      cat <<EOF

# the database: every connection to one Galera node at a time (the others are backups, taken when
# it fails its check); writes never meet on two nodes, so certification conflicts cannot happen
listen galera
  mode tcp
  bind 127.0.0.1:$galera_lb_port
  # a pooled connection may rest for minutes: not closed before the server's own wait_timeout (8 h);
  # at 120 s an idle connection was cut, its pool's next check failed and closed every connection
  # of the pool, in-flight transactions included (4 errors in the surge on Galera)
  timeout client 8h
  timeout server 8h
# A node counts only when it is synced: besides the MySQL handshake, HAProxy asks the node's agent
# (deploy/cluster.sh galera-agent, on port 9201–9203), which answers "down" while the node joins or
# donates. When g1 is back and synced, the connections to the backup are closed and go to g1 again
# (one writing node at a time).
  option mysql-check user haproxy post-41
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
  server g1 127.0.0.1:${galera_ports[0]} check agent-check agent-port 9201 agent-inter 1s on-marked-up shutdown-backup-sessions
  server g2 127.0.0.1:${galera_ports[1]} check agent-check agent-port 9202 agent-inter 1s backup
  server g3 127.0.0.1:${galera_ports[2]} check agent-check agent-port 9203 agent-inter 1s backup
EOF
    fi
  } >"$cfg"
  haproxy -c -q -f "$cfg" || die "HAProxy refused $cfg"
}

# the agent of Galera node I for HAProxy: "up" when the node is synced and ready, else "down"
galera_agent() {
  local state ready
  state="$(mariadb --no-defaults --socket="$dir/db/g$1.sock" -uroot -N -e "show status like 'wsrep_local_state'" 2>/dev/null | awk '{print $2}')"
  ready="$(mariadb --no-defaults --socket="$dir/db/g$1.sock" -uroot -N -e "show status like 'wsrep_ready'" 2>/dev/null | awk '{print $2}')"
  if [ "$state" = 4 ] && [ "$ready" = ON ]; then echo up; else echo down; fi
}

start_agents() {
  local i
  for i in 1 2 3; do
    start "agent$i" "$dir/logs/agent$i.log" socat "TCP-LISTEN:$((9200 + i)),bind=127.0.0.1,fork,reuseaddr" \
      "EXEC:$root/deploy/cluster.sh galera-agent $i"
  done
}

start_haproxy() {
  [ "${galera:-0}" = 1 ] && start_agents
  write_haproxy
  start haproxy "$dir/logs/haproxy.log" haproxy -db -f "$dir/haproxy.cfg"
  for _ in $(seq 1 20); do
    curl -s -o /dev/null "http://127.0.0.1:$stats_port/" && break
    sleep 0.25
  done
}

# the Jakarta Batch job repository in the application's database (as deploy/launcher does)
write_post_boot() {
  local url="$1"
  mkdir -p "$dir/payara"
  unzip -p "$war" 'WEB-INF/lib/mysql-connector-j-*.jar' >"$dir/payara/mysql-connector-j.jar"
  umask 077
  cat >"$dir/payara/post-boot.asadmin" <<EOF
create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource --restype javax.sql.DataSource --isolationlevel read-committed --property url=${url//:/\\:}:user=hezuo:password=hezuo-cluster hezuoBatchPool
create-jdbc-resource --connectionpoolid hezuoBatchPool jdbc/hezuoBatch
set-batch-runtime-configuration --dataSourceLookupName jdbc/hezuoBatch --schemaName hezuo
EOF
  umask 022
}

# the Hazelcast members, one per node: 127.0.0.1:6900,127.0.0.1:6901
hz_members() {
  local i out=()
  for i in $(seq 0 $((${#node_ports[@]} - 1))); do out+=("127.0.0.1:$((hz_port + i))"); done
  (IFS=,; echo "${out[*]}")
}

# start_node I: Payara Micro node I (1-based)
start_node() {
  local i="$1" port="${node_ports[$(($1 - 1))]}" url
  url="$(cat "$dir/db-url")?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
  mkdir -p "$dir/node$i/tmp" "$dir/index"
  HEZUO_DB_URL="$url" HEZUO_DB_USER=hezuo HEZUO_DB_PASSWORD=hezuo-cluster \
    HEZUO_INDEX_DIR="$dir/node$i/index" HEZUO_MAILBOX_DIR="$dir/mailbox" \
    HEZUO_NODE_NAME="node$i" \
    start "node$i" "$dir/logs/node$i.log" java -Xmx1g -Xms512m -XX:+UseParallelGC -Duser.timezone=UTC \
    "-Djava.io.tmpdir=$dir/node$i/tmp" ${HEZUO_NODE_JVM_OPTS:-} \
    -jar "$micro" --deploy "$war" --contextroot / --port "$port" --disablephonehome --maxhttpthreads 400 \
    --name "node$i" --clustername hezuo --clustermode "tcpip:$(hz_members)" \
    --interfaces 127.0.0.1 --startport $((hz_port + i - 1)) --nohostaware \
    --logproperties "$root/deploy/cluster-logging.properties" \
    --addlibs "$dir/payara/mysql-connector-j.jar" --postbootcommandfile "$dir/payara/post-boot.asadmin"
}

# wait_node I: until node I's readiness says the database and the migrations are there (300 s)
wait_node() {
  local i="$1" port="${node_ports[$(($1 - 1))]}"
  for _ in $(seq 1 600); do
    alive "node$i" || die "node$i stopped: see $dir/logs/node$i.log"
    if curl -sf "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q database; then
      return 0
    fi
    sleep 0.5
  done
  die "node$i did not become ready within 300 s: see $dir/logs/node$i.log"
}

up() {
  [ -f "$war" ] && [ -f "$micro" ] || {
    say "building (./mvnw -B -q clean install -DskipTests) ..."
    ./mvnw -B -q clean install -DskipTests -Dspotless.check.skip=true
  }
  need_packages
  mkdir -p "$dir/pids" "$dir/logs" "$dir/db" "$dir/mailbox"
  if [ "${galera:-0}" = 1 ]; then
    echo galera >"$dir/mode"
    start_galera
  else
    echo single >"$dir/mode"
    start_single_db
  fi
  start_haproxy
  if [ "${db_only:-0}" = 1 ]; then
    status
    say "the database side only (--db-only): $(cat "$dir/db-url"), user hezuo, password hezuo-cluster"
    return
  fi
  write_post_boot "$(cat "$dir/db-url")"
  # the first node applies the migrations; the second starts when the first is ready (two nodes
  # migrating at once would wait for each other's lock, and their boots would share two cores)
  start_node 1
  wait_node 1
  say "node1 ready on 127.0.0.1:${node_ports[0]}"
  if [ "${HEZUO_DEMO:-true}" != false ] && [ ! -f "$dir/demo-loaded" ]; then
    mariadb --no-defaults -h127.0.0.1 -P"$(sed -E 's#.*:([0-9]+)/.*#\1#' "$dir/db-url")" -uhezuo -phezuo-cluster hezuo \
      <"$root/deploy/demo-data.sql" && touch "$dir/demo-loaded"
    say "demo data loaded (deploy/demo-data.sql)"
  fi
  for i in $(seq 2 ${#node_ports[@]}); do
    start_node "$i"
    wait_node "$i"
    say "node$i ready on 127.0.0.1:${node_ports[$((i - 1))]}"
  done
  # HAProxy takes a node after two good health checks
  for _ in $(seq 1 20); do
    [ "$(curl -s "http://127.0.0.1:$stats_port/;csv" | awk -F, '$1 == "nodes" && $2 ~ /^node/ && $18 == "UP"' | wc -l)" = "${#node_ports[@]}" ] && break
    sleep 0.5
  done
  status
  echo "=================================================================="
  echo "  hezuo (cluster) is running: http://127.0.0.1:$lb_port/   (HAProxy statistics: http://127.0.0.1:$stats_port/)"
  echo "  demo logins as for ./deploy/run.sh (password Demo@2026); ./deploy/cluster.sh down stops it"
  echo "=================================================================="
}

down() {
  local i
  for i in $(seq ${#node_ports[@]} -1 1); do stop "node$i"; done
  stop haproxy
  for i in 1 2 3; do stop "agent$i"; done
  stop db
  # Galera: the last node to stop is the one that may start the cluster again
  for i in 3 2 1; do stop "g$i"; done
  say "stopped (data kept in $dir)"
}

status() {
  local i p code members
  [ -d "$dir/pids" ] || die "not set up: ./deploy/cluster.sh up"
  echo "mode: $(cat "$dir/mode" 2>/dev/null || echo ?)   dir: $dir"
  for i in $(seq 1 ${#node_ports[@]}); do
    p="${node_ports[$((i - 1))]}"
    if alive "node$i"; then
      code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$p/health/ready" || true)"
      members="$(curl -s "http://127.0.0.1:$p/health/ready" | grep -o '"clusterMembers":"[0-9]*' | cut -d'"' -f4 || true)"
      echo "node$i  pid $(cat "$(pidfile "node$i")")  http 127.0.0.1:$p  ready: HTTP $code  cluster members: ${members:-?}"
    else
      echo "node$i  down"
    fi
  done
  if alive haproxy; then
    echo "haproxy pid $(cat "$(pidfile haproxy)")  http://127.0.0.1:$lb_port/  backends:"
    curl -s "http://127.0.0.1:$stats_port/;csv" | awk -F, '$1 !~ /^#/ && $2 != "FRONTEND" && $2 != "BACKEND" {printf "  %-8s %-6s %s\n", $1, $2, $18}'
  else
    echo "haproxy down"
  fi
  if [ "$(cat "$dir/mode" 2>/dev/null)" = galera ]; then
    for i in 1 2 3; do
      if alive "g$i"; then
        echo "g$i    pid $(cat "$(pidfile "g$i")")  127.0.0.1:${galera_ports[$((i - 1))]}  $(mariadb --no-defaults --socket="$dir/db/g$i.sock" -uroot -N -e "show status where variable_name in ('wsrep_cluster_size','wsrep_local_state_comment','wsrep_cluster_status')" 2>/dev/null | tr '\t\n' '= ')"
      else
        echo "g$i    down"
      fi
    done
  elif alive db; then
    echo "db     pid $(cat "$(pidfile db)")  127.0.0.1:$db_port"
  else
    echo "db     down"
  fi
}

# for the fault tests: node-kill N (kill -9), node-start N (and wait until it is ready),
# db-restart [gN] (the single MariaDB, or Galera node gN: stopped, then started again)
node_kill() {
  alive "node$1" || die "node$1 is not running"
  kill -KILL "$(cat "$(pidfile "node$1")")"
  rm -f "$(pidfile "node$1")"
  say "node$1 killed (kill -9)"
}

node_start() {
  write_post_boot "$(cat "$dir/db-url")"
  start_node "$1"
  wait_node "$1"
  say "node$1 ready on 127.0.0.1:${node_ports[$(($1 - 1))]}"
}

db_restart() {
  local which="${1:-}"
  if [ "$(cat "$dir/mode")" = galera ]; then
    [[ "$which" =~ ^g[123]$ ]] || die "db-restart needs a Galera node: g1, g2 or g3"
    stop "$which"
    say "$which stopped"
    sleep "${HEZUO_DB_DOWN_SECONDS:-5}"
    start_galera_node "${which#g}"
    say "$which started again"
  else
    stop db
    say "MariaDB stopped"
    sleep "${HEZUO_DB_DOWN_SECONDS:-5}"
    mapfile -t args < <(db_args db "$db_port")
    start db "$dir/logs/db.out" "$(mariadbd_bin)" "${args[@]}"
    wait_db "$dir/db/db.sock" || die "MariaDB did not start again: see $dir/logs/db.err"
    say "MariaDB started again"
  fi
}

usage() {
  echo "usage: ./deploy/cluster.sh up [--galera] [--db-only] | down | status | node-kill N | node-start N | db-restart [gN]" >&2
  exit 2
}

cmd="${1:-}"
shift || true
galera=0
db_only=0
arg=""
for a in "$@"; do
  case "$a" in
    --galera) galera=1 ;;
    --db-only) db_only=1 ;;
    [1-9] | g[123]) arg="$a" ;;
    *) usage ;;
  esac
done
case "$cmd" in
  up) up ;;
  down) down ;;
  status) status ;;
  node-kill) [ -n "$arg" ] || usage; node_kill "$arg" ;;
  node-start) [ -n "$arg" ] || usage; node_start "$arg" ;;
  db-restart) db_restart "$arg" ;;
  galera-agent) galera_agent "$arg" ;;
  *) usage ;;
esac
