#!/usr/bin/env bash
# Similarity (复制比) report on the command line.
#   deploy/similarity.sh report --corpus DIR [--library DIR] [--template FILE] --out FILE.csv [--threads N]
# Builds formal-review (and what it needs) when it is missing or older than its sources, then runs
# io.hezuo.formalreview.similarity.SimilarityReport. JAVA_OPTS sets the JVM options (default -Xmx2g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE="$ROOT/modules/formal-review"
CLASSES="$MODULE/target/classes"
CP_FILE="$MODULE/target/similarity.classpath"

if [ "${1:-}" != "report" ]; then
  echo "usage: $0 report --corpus DIR [--library DIR] [--template FILE] --out FILE.csv [--threads N]" >&2
  exit 2
fi

stale() {
  [ ! -f "$CP_FILE" ] && return 0
  [ ! -f "$CLASSES/io/hezuo/formalreview/similarity/SimilarityReport.class" ] && return 0
  [ -n "$(find "$MODULE/src/main" "$MODULE/pom.xml" -newer "$CP_FILE" -print -quit)" ] && return 0
  return 1
}

if stale; then
  echo "similarity: building formal-review ..." >&2
  (cd "$ROOT" && ./mvnw -B -q -pl modules/formal-review -am install -DskipTests) >&2
  (cd "$ROOT" && ./mvnw -B -q -pl modules/formal-review dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE") >&2
fi

exec java ${JAVA_OPTS:--Xmx2g} -cp "$CLASSES:$(cat "$CP_FILE")" \
  io.hezuo.formalreview.similarity.SimilarityReport "$@"
