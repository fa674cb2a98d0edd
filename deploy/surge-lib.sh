# Shared by deploy/surge.sh, deploy/fault-single.sh and deploy/fault-cluster.sh (sourced, not run).

# surge_classpath: builds what is missing (the server's WAR, the benchmarks) and sets cp_ to the
# class path of SurgeData (the benchmarks' jar and its runtime dependencies)
surge_classpath() {
  if [ ! -f modules/benchmarks/target/hezuo-benchmarks-0.1.0-SNAPSHOT.jar ] \
    || [ ! -f modules/web/target/hezuo.war ] || [ "${SURGE_REBUILD:-0}" = 1 ]; then
    echo "building (./mvnw -B -q -o install -DskipTests) ..."
    ./mvnw -B -q -o -Dspotless.check.skip=true install -DskipTests
  fi
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
