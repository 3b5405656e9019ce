#!/usr/bin/env bash
# load-tests/run-all.sh: every benchmark, then docs/benchmarks.md.
#
# Prepares the jars as ./run.sh does once per build (./run.sh prepare: unpacked, class-data archives recorded),
# measures the cold start of ./run.sh as a newcomer's second start runs it (empty data folder, default flags), then
# starts a fresh stack for the load (larger heaps, rate limits lifted so that nothing is refused for being fast);
# creates its own tenants (Setup); runs the Gatling simulations (arrival rates through the gateway and straight to
# booking-service, saturation, 4× the saturating concurrency, the race, a reseller's availability polls), each phase
# with the CPU every process spent on it per ON_HOLD answer (/proc/<pid>/stat) and the events it wrote; measures the
# floors and the sequential figures (Floors: Kafka round trip, the store's conditional update, reserve one at a time
# with and without the gateway, confirm → email); reads each process's resident memory and the stored sizes of
# documents and events (Sizes); then the scale step (issue 20): saturation again on a fresh stack
# with one booking-service instance and on another with two (INSTANCES=booking-service=2), the same levels each
# time; writes the generated table into docs/benchmarks.md (Report) and stops the stack.
#
# Usage: load-tests/run-all.sh            (about 20 min on 2 cores with BENCH_OPTS="-Dbench.phaseSeconds=10"; nothing else should run)
# Environment: BENCH_OPTS   extra -Dbench.* properties, e.g. "-Dbench.phaseSeconds=10 -Dbench.raceRepetitions=2"
#              STEPS        the steps to run, of: coldstart rates saturation overload race availability floors memory sizes scale report
#                           (default all; the set-up always runs; overload needs saturation's results of this run)
#              KEEP=1       leave the stack running afterwards (./run.sh stop stops it)
#              REUSE=1      measure the stack that runs now (started as below; no cold-start figure, no scale step)
#              SCALE_USERS  the scale step's levels of concurrent clients (default 8,32,64)
#              SCALE_WARMUP_SECONDS  its unmeasured warm-up at the highest level, on each fresh stack (default 120)
#              PROFILE=1    record each process with JFR (load-tests/target/bench/jfr/, written at stop)
# Gatling's HTML reports: load-tests/target/gatling/; raw results: load-tests/target/bench/results/*.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH="$ROOT/load-tests/target/bench"
BENCH_OPTS="${BENCH_OPTS:-}"
STEPS=" ${STEPS:-coldstart rates saturation overload race availability floors memory sizes scale report} "
step() { [[ $STEPS == *" $1 "* ]]; }

if [[ ${REUSE:-0} != 1 ]] && ./run.sh status 2>/dev/null | grep -q "pid"; then
    echo "The local stack is already running: stop it first (./run.sh stop); the benchmarks start their own." >&2
    exit 1
fi

echo "== building the services and the benchmarks"
./mvnw -B -q -DskipTests package
./mvnw -B -q -f load-tests/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="$ROOT/load-tests/target/test-classes:$(cat "$ROOT/load-tests/target/classpath.txt")"
rm -rf "$BENCH" && mkdir -p "$BENCH/results"
[[ ${REUSE:-0} == 1 ]] && KEEP=1
# shellcheck disable=SC2086  # BENCH_OPTS is a list of options
# BENCH_PROPS: more -D options for one call (an array: values may hold spaces)
BENCH_PROPS=()
bench() { java -Xmx1g --add-opens java.base/java.lang=ALL-UNNAMED -Dbench.dir="$BENCH" -Dbench.pids="$ROOT/.run/pids" -Dbench.signingKeys="$DATA/gateway-keys" $BENCH_OPTS "${BENCH_PROPS[@]}" -cp "$CP" "$@"; }

# Starts ./run.sh in the background on a new empty data folder; waits for "Platform healthy in X s".
RUN_PID=""
DATA=""
start_stack() {
    DATA="$(mktemp -d /tmp/promtour-bench-XXXXXX)"
    LOCAL_STACK_DATA_DIR="$DATA" LOAD_DEMO=0 SKIP_BUILD=1 STARTUP_TIMEOUT=300 ./run.sh >"$BENCH/$1.log" 2>&1 &
    RUN_PID=$!
    until grep -q "Platform healthy in" "$BENCH/$1.log"; do
        kill -0 "$RUN_PID" 2>/dev/null || { cat "$BENCH/$1.log"; echo "The stack did not start" >&2; exit 1; }
        sleep 0.2
    done
}
stop_stack() {
    [[ -n $RUN_PID ]] || return 0
    ./run.sh stop >/dev/null 2>&1 || true
    wait "$RUN_PID" 2>/dev/null || true
    rm -rf "$DATA"
    RUN_PID=""
}
trap '[[ ${KEEP:-0} == 1 ]] || stop_stack' EXIT

if [[ ${REUSE:-0} == 1 ]]; then
    echo "== REUSE=1: measuring the stack that runs now (no cold start; its rate limits must be lifted as below)"
else
echo "== ./run.sh prepare (once per build: unpack the jars, record their class-data archives)"
PREPARE_STARTED=$SECONDS
LOAD_DEMO=0 SKIP_BUILD=1 STARTUP_TIMEOUT=300 ./run.sh prepare >"$BENCH/prepare.log" 2>&1 || { cat "$BENCH/prepare.log"; exit 1; }
PREPARE_SECONDS=$((SECONDS - PREPARE_STARTED))
grep -E "archive|Could not" "$BENCH/prepare.log" | sed 's/^/   /'
if step coldstart; then
    echo "== cold start (./run.sh as a newcomer's next start runs it: default JVM flags, empty data folder)"
    start_stack coldstart
    SECONDS_TO_HEALTHY=$(sed -n 's/.*Platform healthy in \([0-9.]*\) s.*/\1/p' "$BENCH/coldstart.log" | head -1)
    printf '{"seconds": %s, "prepareSeconds": %s}\n' "$SECONDS_TO_HEALTHY" "$PREPARE_SECONDS" >"$BENCH/results/coldstart.json"
    echo "   healthy in $SECONDS_TO_HEALTHY s"
    stop_stack
fi

echo "== the stack for the load (C2 JIT, larger heaps, rate limits lifted)"
# A young generation sized for the load (-Xmn): with -Xms64m it started at ~20 MB, and a profile of the
# saturation phase showed 50-80 ms young collections every few hundred requests in every JVM (issue 13)
export JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms192m -Xmx256m -Xmn96m -XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError"
export LOCAL_STACK_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms512m -Xmx768m -Xmn256m -XX:+ExitOnOutOfMemoryError"
if [[ ${PROFILE:-0} == 1 ]]; then  # one JFR recording per service, written when it stops
    mkdir -p "$BENCH/jfr"
    JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$BENCH/jfr/"
    LOCAL_STACK_JAVA_OPTS="$LOCAL_STACK_JAVA_OPTS -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$BENCH/jfr/"
fi
LIFTED_RATE_LIMITS='{"platform":{"rate-limits":{"defaults":{"replenish-rate":1000000,"burst-capacity":1000000},"routes":{"booking-octo":{"replenish-rate":1000000,"burst-capacity":1000000},"catalog-octo":{"replenish-rate":1000000,"burst-capacity":1000000}}}}}'
export SPRING_APPLICATION_JSON="${BENCH_SPRING_JSON:-$LIFTED_RATE_LIMITS}"
start_stack load
echo "   healthy in $(sed -n 's/.*Platform healthy in \([0-9.]*\) s.*/\1/p' "$BENCH/load.log" | head -1) s"
fi

echo "== set-up (own enterprise, operator, programs, slots)"
bench ru.promtour.bench.Setup
for simulation in rates:ReserveRatesSimulation saturation:SaturationSimulation overload:OverloadSimulation race:RaceSimulation availability:AvailabilitySimulation; do
    step "${simulation%%:*}" || continue
    simulation=${simulation#*:}
    echo "== Gatling: $simulation"
    bench io.gatling.app.Gatling -s "ru.promtour.bench.$simulation" -rf "$ROOT/load-tests/target/gatling" -rd "$simulation" \
        | grep -E "^(> |---- |=+$|Reports generated)" || true
done
if step floors; then
    echo "== floors and sequential figures"
    bench ru.promtour.bench.Floors >/dev/null
fi
if step memory; then
    echo "== resident memory"
    bench ru.promtour.bench.Processes "$ROOT/.run/pids"
fi
if step sizes; then
    echo "== stored sizes (documents and records the load left behind: docs/capacity.md's storage figures)"
    bench ru.promtour.bench.Sizes >/dev/null
fi
if step scale; then
    if [[ ${REUSE:-0} == 1 ]]; then
        echo "== scale: skipped with REUSE=1 (it starts stacks of its own)"
    else
        # the same levels on a fresh stack with 1, then 2 booking-service instances (the gateway balances over them);
        # CPU counts a service's instances together (Processes.service)
        for count in 1 2; do
            echo "== scale: saturation with $count booking-service instance(s), fresh stack"
            stop_stack
            INSTANCES="booking-service=$count" start_stack "scale-$count"
            bench ru.promtour.bench.Setup
            # an unmeasured warm-up first: a fresh stack's JVMs compile the reserve path for minutes, and two instances
            # each see half the requests (the main run's saturation comes after the rates phases, warm already)
            BENCH_PROPS=(-Dbench.saturationResult="scale-$count" "-Dbench.phasePrefix=booking-service ×$count, "
                -Dbench.saturationUsers="${SCALE_USERS:-8,32,64}" -Dbench.warmUpSeconds="${SCALE_WARMUP_SECONDS:-120}")
            bench io.gatling.app.Gatling -s ru.promtour.bench.SaturationSimulation -rf "$ROOT/load-tests/target/gatling" -rd "scale-$count" \
                | grep -E "^(> |---- |=+$|Reports generated)" || true
            BENCH_PROPS=()
        done
    fi
fi
if step report; then
    echo "== docs/benchmarks.md"
    bench ru.promtour.bench.Report "$ROOT/docs/benchmarks.md"
    echo "== docs/capacity.md (the capacity plan's derived figures)"
    python3 load-tests/capacity.py "$BENCH/results" "$ROOT/docs/capacity.md" >/dev/null || echo "   (no capacity figures: the run had no saturation or availability step)"
fi
