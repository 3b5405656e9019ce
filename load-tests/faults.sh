#!/usr/bin/env bash
# load-tests/faults.sh: the fault suite (issue 15), then the fault section of docs/reliability.md.
#
# Builds what is stale, starts ./run.sh on a new empty data folder (its default JVM flags and limits: the platform as
# a developer runs it), creates its own enterprise and operators, then runs each scenario — a bounded booking workload
# from several operators through the gateway while one thing breaks: kill -9 of each service and the gateway (started
# again with RUN_ONLY=<name> ./run.sh), the local stack stopped for 10 s, the SMTP catcher and SMS API down for 60 s,
# the SMS API answering 500 or late, poison records on every consumed topic — then settles and counts: bookings lost,
# messages lost or doubled, seats oversold, poison on the dead-letter topics (ru.promtour.faults.FaultSuite).
#
# Usage: load-tests/faults.sh            (about 25 min on 2 cores; nothing else should run)
# Environment: SCENARIOS   comma-separated subset, of: kill-booking kill-catalog kill-notification kill-gateway
#                          stack-outage sinks-down sms-500 sms-slow poison (default all)
#              FAULTS_OPTS extra -Dfaults.* properties, e.g. "-Dfaults.loadSeconds=30 -Dfaults.threads=8"
#              KEEP=1      leave the stack running afterwards (./run.sh stop stops it)
# Results: load-tests/target/faults/results.json, restart logs next to it; the table: docs/reliability.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/load-tests/target/faults"

if ./run.sh status 2>/dev/null | grep -q "pid"; then
    echo "The local stack is already running: stop it first (./run.sh stop); the fault suite starts its own." >&2
    exit 1
fi

echo "== building the services and the suite"
./mvnw -B -q -DskipTests package
./mvnw -B -q -f load-tests/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="$ROOT/load-tests/target/test-classes:$(cat "$ROOT/load-tests/target/classpath.txt")"
rm -rf "$OUT" && mkdir -p "$OUT"

DATA="$(mktemp -d /tmp/promtour-faults-XXXXXX)"
# every message of the run stays listed (the count reads them all back), so the stack needs a larger heap than
# ./run.sh's 192 MB: with it, the message log of the whole run ran it out of memory in the eighth scenario
export MESSAGES_RETAIN=1000000
export LOCAL_STACK_JAVA_OPTS="${LOCAL_STACK_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xms128m -Xmx768m -XX:+ExitOnOutOfMemoryError}"
RUN_PID=""
stop_stack() {
    [[ -n $RUN_PID ]] || return 0
    ./run.sh stop >/dev/null 2>&1 || true
    wait "$RUN_PID" 2>/dev/null || true
    rm -rf "$DATA"
}
trap '[[ ${KEEP:-0} == 1 ]] || stop_stack' EXIT

echo "== ./run.sh (data in $DATA)"
LOCAL_STACK_DATA_DIR="$DATA" LOAD_DEMO=0 SKIP_BUILD=1 STARTUP_TIMEOUT=300 ./run.sh >"$OUT/run.log" 2>&1 &
RUN_PID=$!
until grep -q "Platform healthy in" "$OUT/run.log"; do
    kill -0 "$RUN_PID" 2>/dev/null || { cat "$OUT/run.log"; echo "The stack did not start" >&2; exit 1; }
    sleep 0.5
done
echo "   $(grep -o 'Platform healthy in [0-9.]* s' "$OUT/run.log")"

echo "== scenarios"
# shellcheck disable=SC2086  # FAULTS_OPTS is a list of options
java -Xmx512m -Dfaults.root="$ROOT" -Dfaults.data="$DATA" -Dfaults.dir="$OUT" -Dfaults.scenarios="${SCENARIOS:-}" \
    ${FAULTS_OPTS:-} -cp "$CP" ru.promtour.faults.FaultSuite
