# Shared by deploy/surge.sh, deploy/fault-single.sh and deploy/fault-cluster.sh (sourced, not run).

# surge_classpath: builds what is missing (the server's WAR, the benchmarks) and sets cp_ to the
# class path of SurgeData (the benchmarks' jar and its runtime dependencies)
surge_classpath() {
  if [ ! -f modules/benchmarks/target/hezuo-benchmarks-0.1.0-SNAPSHOT.jar ] \
    || [ ! -f modules/web/target/hezuo.war ] || [ "${SURGE_REBUILD:-0}" = 1 ]; then
    echo "building (./mvnw -B -q install -DskipTests) ..."
    ./mvnw -B -q -o -Dspotless.check.skip=true install -DskipTests 2>/dev/null \
      || ./mvnw -B -q -Dspotless.check.skip=true install -DskipTests
  fi
  # the Gatling plugin is not part of the build: on a fresh machine it is fetched once here, so
  # that the simulations can run offline
  ./mvnw -B -q -o -pl modules/benchmarks dependency:resolve-plugins >/dev/null 2>&1 \
    || ./mvnw -B -q -pl modules/benchmarks dependency:resolve-plugins >/dev/null
  ./mvnw -B -q -o -Dspotless.check.skip=true -pl modules/benchmarks install -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath
  cp_="modules/benchmarks/target/hezuo-benchmarks-0.1.0-SNAPSHOT.jar:$(cat modules/benchmarks/target/bench.classpath)"
}

# surge_run_dir: the newest Gatling report of the simulation
surge_run_dir() {
  echo "modules/benchmarks/target/gatling/$(ls -t modules/benchmarks/target/gatling | grep -i surgesimulation | head -1)"
}

# surge_errors LOG: the final error summary of a Gatling run (the last "---- Errors" block)
surge_errors() {
  awk '/^---- Errors/ { block = ""; on = 1; next } on && /^====/ { on = 0; last = block } on { block = block "  " $0 "\n" } END { printf "%s", last }' "$1"
}

# surge_failures FILE [SINCE_EPOCH]: the failed tries the persistent clients noted (SurgeSimulation
# surge.failures), grouped by HTTP status and the start of the answer, with the seconds after
# SINCE_EPOCH (the kill) of the first and the last of each group
surge_failures() {
  [ -s "$1" ] || { echo "  no failed try noted"; return 0; }
  local since="${2:-0}"
  while read -r at _user _http code rest; do
    printf '%s\t%s %s\n' "$(( $(date -u -d "$at" +%s) - since ))" "$code" "$(printf '%s' "$rest" | cut -c1-90)"
  done <"$1" | sort -t$'\t' -k2,2 -k1,1n | awk -F'\t' '
    { n[$2]++; if (!($2 in first)) first[$2] = $1; last[$2] = $1 }
    END { for (k in n) printf "  %5d x HTTP %s (from +%s s to +%s s)\n", n[k], k, first[k], last[k] }'
}
