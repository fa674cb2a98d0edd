#!/usr/bin/env bash
# The quota race and the transfer race against a MariaDB Galera cluster (issue 15): starts the
# three-node Galera cluster of deploy/cluster.sh (--galera --db-only: its own directory and ports,
# HAProxy on 3520 sending every connection to one node at a time), creates a fresh test database
# through HAProxy and runs the integration tests of the races on it (Maven profile external-db):
#   RecommendationIT  fiftyAttemptsForTenPlacesEndWithTen, twoRecommendersRacingForOnePlatformEndWithOne
#   LedgerIT          twoTransfersAtTheSameMomentCanNeverBothPass
# Stops what it started; bounded (about 4 minutes). Exit status 0 when every test passed.
# (A Galera node restarted under load: deploy/fault-db.sh --galera.)
set -euo pipefail
cd "$(dirname "$0")/.."

export HEZUO_CLUSTER_DIR="${HEZUO_RACES_DIR:-/tmp/hezuo-galera-races}"
export HEZUO_LB_PORT=8590 HEZUO_LB_STATS_PORT=8591 HEZUO_NODE_PORTS="18581 18582" HEZUO_HZ_PORT=6990
say() { echo "[galera-races] $*"; }
finish() {
  ./deploy/cluster.sh down >/dev/null 2>&1 || true
  rm -rf "$HEZUO_CLUSTER_DIR"
}
trap finish EXIT
finish

./deploy/cluster.sh up --galera --db-only | sed 's/^/  /'
url="jdbc:mysql://127.0.0.1:3320/hezuo_it?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=DISABLED"
races='RecommendationIT#fiftyAttemptsForTenPlacesEndWithTen+twoRecommendersRacingForOnePlatformEndWithOne,LedgerIT#twoTransfersAtTheSameMomentCanNeverBothPass'

run_races() {
  mariadb --no-defaults -h127.0.0.1 -P3320 -uhezuo -phezuo-cluster \
    -e "DROP DATABASE IF EXISTS hezuo_it; CREATE DATABASE hezuo_it CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  ./mvnw -B -o -q -Dspotless.check.skip=true -pl modules/web verify -Pexternal-db \
    "-Dit.db.url=$url" -Dit.db.user=hezuo -Dit.db.password=hezuo-cluster \
    "-Dit.test=$races" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
}

say "the races on Galera (writes through HAProxy to one node)"
run_races
say "PASS: the races end right on Galera"

