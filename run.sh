#!/usr/bin/env bash
# run.sh: run the whole platform locally, without Docker.
#
#   ./run.sh [start]   build what is stale (a jar missing, or a src/ file or pom.xml newer than it:
#                      ./mvnw -DskipTests package, the whole reactor once; with RUN_ONLY only those
#                      modules and what they need), start the local stack (Kafka, Mongo-wire store, SMTP, SMS
#                      sink, messages page), then the four services as separate JVMs; wait until all
#                      are healthy, print the URLs and stay in the foreground. Ctrl-C stops everything.
#   ./run.sh stop      stop the processes recorded in .run/pids (and nothing else: a pid counts only
#                      while its command line names the jar this script launched)
#   ./run.sh status    each process, its memory and its health
#   ./run.sh restart   stop, then start
#   ./run.sh logs [name...]   follow the logs (.run/logs/<name>.log)
#
# Environment (all optional):
#   RUN_ONLY             comma-separated subset to run, e.g. RUN_ONLY=local-stack or
#                        RUN_ONLY=local-stack,catalog-service (default: all five)
#   JAVA_OPTS            JVM options of the services (default: $DEFAULT_JAVA_OPTS below)
#   LOCAL_STACK_JAVA_OPTS  JVM options of the local stack (default: $DEFAULT_LOCAL_STACK_JAVA_OPTS)
#   ADMIN_API_KEY        admin API key of the gateway (default: dev-admin-key-change-me; printed)
#   SKIP_BUILD=1         never build, even when a jar is missing or stale
#   LOAD_DEMO=0          do not create the demo keys and data after start (the benchmarks run on their own tenants)
#   STARTUP_TIMEOUT      seconds the services get to become healthy (default 90)
#   LOCAL_STACK_DATA_DIR, KAFKA_PORT, MONGO_PORT, SMTP_PORT, SMS_PORT, MESSAGES_PORT, SMS_SINK_TOKEN
#                        passed to the local stack (see local-stack/README.md); the services get
#                        KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI pointing at it unless already set.
# Every other variable in the environment passes through to the services unchanged.
# Each JVM runs a copy of its jar (.run/jars), so ./mvnw package during a run does not break it.
# Data stays in .data/ (git-ignored), so a restart keeps topics, documents and messages.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT" || exit 1

RUN_DIR="$ROOT/.run"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"

# Lean JVMs for a 2-core laptop: serial GC, C1 only (fast start, small code cache), small thread
# stacks, a fixed heap cap so no service grows past ~300 MB RSS. For load tests drop
# -XX:TieredStopAtLevel=1 (C2 makes steady-state throughput much higher).
DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx128m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError"
DEFAULT_LOCAL_STACK_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx192m -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError"

STARTED=()
declare -A PIDS=()
JAVA=java
DATA_DIR="$ROOT/.data"

STACK_HEALTH_TIMEOUT=60
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-90}"
STOP_TIMEOUT=20

ALL=(local-stack gateway catalog-service booking-service notification-service)
declare -A JAR=(
    [local-stack]="local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"
    [gateway]="gateway/target/gateway.jar"
    [catalog-service]="catalog-service/target/catalog-service.jar"
    [booking-service]="booking-service/target/booking-service.jar"
    [notification-service]="notification-service/target/notification-service.jar"
)
declare -A PORT=(
    [local-stack]="${MESSAGES_PORT:-8025}"
    [gateway]=8080
    [catalog-service]=8081
    [booking-service]=8082
    [notification-service]=8083
)

if [[ -t 1 ]]; then
    BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' RESET=$'\e[0m'
else
    BOLD="" RED="" GREEN="" YELLOW="" RESET=""
fi

say() { printf '%s\n' "$*"; }
warn() { printf '%s%s%s\n' "$YELLOW" "$*" "$RESET" >&2; }
fail() { printf '%s%s%s\n' "$RED" "$*" "$RESET" >&2; }
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The jar the build produces, and the copy a run uses: a rebuild (./mvnw package in another terminal)
# rewrites target/*.jar in place, which breaks a JVM still reading classes from it.
built_jar() { printf '%s/%s' "$ROOT" "${JAR[$1]}"; }
jar_path() { printf '%s/jars/%s.jar' "$RUN_DIR" "$1"; }
pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

health_url() {
    if [[ $1 == local-stack ]]; then
        printf 'http://localhost:%s/health' "${PORT[$1]}"
    else
        printf 'http://localhost:%s/actuator/health' "${PORT[$1]}"
    fi
}

# The components to run, in start order: RUN_ONLY or all five.
selected() {
    if [[ -z ${RUN_ONLY:-} ]]; then
        printf '%s\n' "${ALL[@]}"
        return
    fi
    local wanted=",${RUN_ONLY// /},"
    local name
    for name in "${ALL[@]}"; do
        [[ $wanted == *",$name,"* ]] && printf '%s\n' "$name"
    done
}

check_run_only() {
    [[ -z ${RUN_ONLY:-} ]] && return 0
    local name
    local -a names
    IFS=', ' read -r -a names <<<"$RUN_ONLY"
    for name in "${names[@]}"; do
        [[ -z $name ]] && continue
        if [[ -z ${JAR[$name]+x} ]]; then
            fail "RUN_ONLY: unknown component '$name' (known: ${ALL[*]})"
            exit 2
        fi
    done
}

# Whether pid is alive and is our JVM for this component (its command line names the jar).
# A zombie or a recycled pid has another (or an empty) command line, so it does not count.
is_ours() {
    local name=$1 pid=$2
    [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    local cmdline
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$(jar_path "$name")"* ]]
}

recorded_pid() {
    local file
    file=$(pid_file "$1")
    [[ -f $file ]] && tr -dc '0-9' <"$file"
}

# Prints "name pid" for each recorded process that still runs; removes stale pid files.
running() {
    local name pid
    for name in "${ALL[@]}"; do
        pid=$(recorded_pid "$name")
        [[ -z $pid ]] && { rm -f "$(pid_file "$name")"; continue; }
        if is_ours "$name" "$pid"; then
            printf '%s %s\n' "$name" "$pid"
        else
            rm -f "$(pid_file "$name")"
        fi
    done
}

is_healthy() {
    local body
    body=$(curl -fsS -m 2 "$(health_url "$1")" 2>/dev/null) || return 1
    [[ $body == *'"status":"UP"'* ]]
}

rss_mb() {
    local kb
    kb=$(ps -o rss= -p "$1" 2>/dev/null | tr -d ' ')
    [[ -n $kb ]] && printf '%d' $((kb / 1024)) || printf '?'
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Rebuilds (once, the whole reactor) when a selected jar is missing or older than a source or pom.
build_if_needed() {
    [[ ${SKIP_BUILD:-0} == 1 ]] && return 0
    local -a names=("$@")
    local name jar reason=""
    local -a sources=(pom.xml)
    local lib
    for lib in platform-*/; do  # shared libraries the services embed (platform-test is test-only)
        lib=${lib%/}
        [[ $lib == platform-test || ! -f $lib/pom.xml ]] && continue
        sources+=("$lib/pom.xml")
        [[ -d $lib/src/main ]] && sources+=("$lib/src/main")
    done
    for name in "${names[@]}"; do
        jar=$(built_jar "$name")
        if [[ ! -f $jar ]]; then
            reason="${JAR[$name]} is missing"
            break
        fi
        local -a inputs=("${sources[@]}" "$name/pom.xml")
        [[ -d $name/src ]] && inputs+=("$name/src")
        local newer
        newer=$(find "${inputs[@]}" -newer "$jar" -type f -print -quit 2>/dev/null)
        if [[ -n $newer ]]; then
            reason="$newer is newer than ${JAR[$name]}"
            break
        fi
    done
    [[ -z $reason ]] && return 0

    local -a cmd=(./mvnw -B -q -DskipTests package)
    if [[ ${#names[@]} -lt ${#ALL[@]} ]]; then
        cmd+=(-pl "$(IFS=,; printf '%s' "${names[*]}")" -am)
    fi
    say "${BOLD}Building${RESET}: $reason; running ${cmd[*]}"
    local started
    started=$(now)
    if ! "${cmd[@]}"; then
        fail "Build failed; fix it and run ./run.sh again."
        exit 1
    fi
    say "Built in $(since "$started") s"
    for name in "${names[@]}"; do
        if [[ ! -f $(built_jar "$name") ]]; then
            fail "The build did not produce ${JAR[$name]}."
            exit 1
        fi
    done
}

launch() {
    local name=$1 log
    log=$(log_file "$name")
    [[ -f $log ]] && mv -f "$log" "$log.1"
    if ! { cp "$(built_jar "$name")" "$(jar_path "$name").tmp" && mv -f "$(jar_path "$name").tmp" "$(jar_path "$name")"; }; then
        abort_start "Cannot copy ${JAR[$name]} to ${RUN_DIR#"$ROOT"/}/jars."
    fi
    local -a opts
    if [[ $name == local-stack ]]; then
        read -r -a opts <<<"${LOCAL_STACK_JAVA_OPTS:-$DEFAULT_LOCAL_STACK_JAVA_OPTS}"
        (LOCAL_STACK_DATA_DIR="$DATA_DIR" exec "$JAVA" "${opts[@]}" -jar "$(jar_path "$name")") \
            </dev/null >"$log" 2>&1 9>&- &
    else
        read -r -a opts <<<"${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
        (SERVER_PORT="${PORT[$name]}" exec "$JAVA" "${opts[@]}" -jar "$(jar_path "$name")") \
            </dev/null >"$log" 2>&1 9>&- &
    fi
    local pid=$!
    printf '%s\n' "$pid" >"$(pid_file "$name")"
    STARTED+=("$name")
    PIDS[$name]=$pid
}

show_log_tail() {
    local log
    log=$(log_file "$1")
    say "----- last 40 lines of ${log#"$ROOT"/} -----"
    tail -n 40 "$log" 2>/dev/null
    say "-----"
}

# Stops the given components: TERM, up to STOP_TIMEOUT seconds, then KILL. Only processes whose
# command line still names their jar are signalled; their pid files are removed.
stop_components() {
    local name pid
    local -a targets=()
    declare -A target_pid=()
    for name in "$@"; do
        pid=$(recorded_pid "$name")
        [[ -z $pid && -n ${PIDS[$name]:-} ]] && pid=${PIDS[$name]}
        if [[ -n $pid ]] && is_ours "$name" "$pid"; then
            kill -TERM "$pid" 2>/dev/null
            targets+=("$name")
            target_pid[$name]=$pid
        fi
        rm -f "$(pid_file "$name")"
    done
    [[ ${#targets[@]} -eq 0 ]] && return 0
    say "Stopping ${targets[*]}…"
    local deadline=$((SECONDS + STOP_TIMEOUT)) alive
    while :; do
        alive=()
        for name in "${targets[@]}"; do
            is_ours "$name" "${target_pid[$name]}" && alive+=("$name")
        done
        [[ ${#alive[@]} -eq 0 ]] && break
        if ((SECONDS >= deadline)); then
            warn "Still running after ${STOP_TIMEOUT} s, killing: ${alive[*]}"
            for name in "${alive[@]}"; do kill -KILL "${target_pid[$name]}" 2>/dev/null; done
            break
        fi
        sleep 0.2
    done
}

# Stops what this run started: the services first, the local stack (Kafka, Mongo) last.
stop_started() {
    local -a services=() name
    for name in "${STARTED[@]}"; do [[ $name != local-stack ]] && services+=("$name"); done
    [[ ${#services[@]} -gt 0 ]] && stop_components "${services[@]}"
    [[ " ${STARTED[*]} " == *" local-stack "* ]] && stop_components local-stack
    STARTED=()
}

on_signal() {
    trap '' INT TERM HUP
    say ""
    stop_started
    say "Stopped."
    exit 130
}

abort_start() {
    fail "$1"
    [[ -n ${2:-} ]] && show_log_tail "$2"
    stop_started
    exit 1
}

cmd_start() {
    check_run_only
    local -a names
    mapfile -t names < <(selected)
    if [[ ${#names[@]} -eq 0 ]]; then
        fail "RUN_ONLY='${RUN_ONLY:-}' selects nothing (known: ${ALL[*]})"
        exit 2
    fi
    command -v curl >/dev/null || { fail "curl is needed for the health checks"; exit 1; }
    JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    command -v "$JAVA" >/dev/null || { fail "java not found (set JAVA_HOME or put java on PATH)"; exit 1; }

    mkdir -p "$PID_DIR" "$LOG_DIR" "$RUN_DIR/jars"
    local -a live
    mapfile -t live < <(running)
    if [[ ${#live[@]} -gt 0 ]]; then
        fail "already running (pids $(printf '%s ' "${live[@]}" | awk '{for (i = 2; i <= NF; i += 2) printf "%s%s", (i > 2 ? ", " : ""), $i}')); use ./run.sh stop"
        exit 1
    fi
    exec 9>"$RUN_DIR/start.lock"
    if ! flock -w 5 9; then
        fail "Another ./run.sh is starting the platform right now; use ./run.sh status or ./run.sh stop"
        exit 1
    fi

    local name
    for name in "${names[@]}"; do
        if [[ ! -f $(built_jar "$name") && ${SKIP_BUILD:-0} == 1 ]]; then
            fail "${JAR[$name]} is missing (SKIP_BUILD=1)."
            exit 1
        fi
        if [[ $name != local-stack ]] && port_taken "${PORT[$name]}"; then
            fail "Port ${PORT[$name]} (for $name) is already in use by another program; free it first."
            exit 1
        fi
    done

    build_if_needed "${names[@]}"

    DATA_DIR="${LOCAL_STACK_DATA_DIR:-$ROOT/.data}"
    export ADMIN_API_KEY="${ADMIN_API_KEY:-dev-admin-key-change-me}"
    export SMS_SINK_TOKEN="${SMS_SINK_TOKEN:-local-dev-sms-token}"
    # notification-service sends SMS to the local stack's sink exactly as to a provider
    export SMS_TOKEN="${SMS_TOKEN:-$SMS_SINK_TOKEN}"
    export SMS_BASE_URL="${SMS_BASE_URL:-http://localhost:${SMS_PORT:-8026}}"
    export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:${KAFKA_PORT:-9092}}"
    export MONGODB_URI="${MONGODB_URI:-mongodb://localhost:${MONGO_PORT:-27017}}"

    STARTED=()
    PIDS=()
    trap on_signal INT TERM HUP
    local t0
    t0=$(now)

    if [[ " ${names[*]} " == *" local-stack "* ]]; then
        say "Starting ${BOLD}local-stack${RESET} (data in ${DATA_DIR#"$ROOT"/})…"
        launch local-stack
        local deadline=$((SECONDS + STACK_HEALTH_TIMEOUT))
        until is_healthy local-stack; do
            is_ours local-stack "${PIDS[local-stack]}" \
                || abort_start "local-stack exited during startup." local-stack
            ((SECONDS >= deadline)) \
                && abort_start "local-stack is not healthy after ${STACK_HEALTH_TIMEOUT} s ($(health_url local-stack))." local-stack
            sleep 0.3
        done
        say "  ${GREEN}✓${RESET} local-stack healthy after $(since "$t0") s"
    fi

    local -a services=()
    for name in "${names[@]}"; do [[ $name != local-stack ]] && services+=("$name"); done
    if [[ ${#services[@]} -gt 0 ]]; then
        local t1
        t1=$(now)
        say "Starting ${BOLD}${services[*]}${RESET}…"
        for name in "${services[@]}"; do launch "$name"; done
        local -a pending=("${services[@]}")
        local deadline=$((SECONDS + STARTUP_TIMEOUT))
        while [[ ${#pending[@]} -gt 0 ]]; do
            local -a still=()
            for name in "${pending[@]}"; do
                if is_healthy "$name"; then
                    say "  ${GREEN}✓${RESET} $name healthy after $(since "$t1") s"
                elif ! is_ours "$name" "${PIDS[$name]}"; then
                    abort_start "$name exited during startup." "$name"
                else
                    still+=("$name")
                fi
            done
            pending=("${still[@]}")
            [[ ${#pending[@]} -eq 0 ]] && break
            if ((SECONDS >= deadline)); then
                for name in "${pending[@]}"; do fail "$name is not healthy after ${STARTUP_TIMEOUT} s ($(health_url "$name"))."; done
                abort_start "Startup failed: ${pending[*]}." "${pending[0]}"
            fi
            sleep 0.5
        done
    fi

    summary "$(since "$t0")"
    monitor
}

summary() {
    local name
    say ""
    say "${BOLD}${GREEN}Platform healthy in $1 s${RESET}  (Ctrl-C stops everything)"
    say ""
    for name in "${STARTED[@]}"; do
        printf '  %-22s pid %-7s %4s MB  %s\n' "$name" "${PIDS[$name]}" "$(rss_mb "${PIDS[$name]}")" "$(health_url "$name")"
    done
    say ""
    [[ " ${STARTED[*]} " == *" gateway "* ]] && say "  Gateway         http://localhost:8080"
    if [[ " ${STARTED[*]} " == *" local-stack "* ]]; then
        say "  Messages page   http://localhost:${PORT[local-stack]}   (every email and SMS sent)"
        say "  SMTP            localhost:${SMTP_PORT:-2525}"
        say "  SMS API         http://localhost:${SMS_PORT:-8026}   (Authorization: Bearer $SMS_SINK_TOKEN)"
        say "  Kafka           localhost:${KAFKA_PORT:-9092}"
        say "  MongoDB         mongodb://localhost:${MONGO_PORT:-27017}"
    fi
    say "  Admin API key   $ADMIN_API_KEY   (gateway: Authorization: Bearer <key>; env ADMIN_API_KEY)"
    say "  API docs        http://localhost:8080/docs"
    say "  Logs            .run/logs/<name>.log   (./run.sh logs)"
    say ""
    [[ ${LOAD_DEMO:-1} == 0 ]] && return 0
    [[ " ${STARTED[*]} " == *" gateway "* ]] && demo_keys
    [[ " ${STARTED[*]} " == *" gateway "* && " ${STARTED[*]} " == *" catalog-service "* ]] && demo_data
    return 0
}

# The demo operator and one key per seeded enterprise, created once and reused while still active.
demo_keys() {
    if ! command -v python3 >/dev/null 2>&1; then
        warn "python3 not found: demo keys not created (issue them with POST /admin/api-keys)"
        return 0
    fi
    say "  Demo API keys (also in .run/demo-keys.json):"
    python3 "$ROOT/demo/bootstrap-keys.py" "http://localhost:8080" "$ADMIN_API_KEY" "$RUN_DIR/demo-keys.json" \
        || warn "demo keys could not be created; see the message above"
    say ""
}

# The demo enterprises, programs and slots of demo/enterprises.json, through the gateway; idempotent.
demo_data() {
    command -v python3 >/dev/null 2>&1 || return 0
    python3 "$ROOT/demo/load-demo.py" "http://localhost:8080" "$ADMIN_API_KEY" "$RUN_DIR/demo-keys.json" \
        || warn "demo data not (fully) loaded; see the message above"
    say ""
}

# Stays in the foreground; reports a process that exits on its own; returns when none is left.
monitor() {
    local name pid
    while [[ ${#STARTED[@]} -gt 0 ]]; do
        wait -n 2>/dev/null
        local -a still=()
        for name in "${STARTED[@]}"; do
            pid=${PIDS[$name]}
            if is_ours "$name" "$pid"; then
                still+=("$name")
            elif [[ -f $(pid_file "$name") ]]; then
                warn "$name (pid $pid) exited on its own; see .run/logs/$name.log"
                rm -f "$(pid_file "$name")"
            else
                say "$name stopped (./run.sh stop)"
            fi
        done
        STARTED=("${still[@]}")
    done
    say "All processes have exited."
}

cmd_stop() {
    local -a live
    mapfile -t live < <(running)
    if [[ ${#live[@]} -eq 0 ]]; then
        say "Nothing is running."
        return 0
    fi
    STARTED=()
    PIDS=()
    local line name services=()
    for line in "${live[@]}"; do
        name=${line%% *}
        PIDS[$name]=${line##* }
        STARTED+=("$name")
        [[ $name != local-stack ]] && services+=("$name")
    done
    [[ ${#services[@]} -gt 0 ]] && stop_components "${services[@]}"
    [[ -n ${PIDS[local-stack]:-} ]] && stop_components local-stack
    say "Stopped."
}

cmd_status() {
    local name pid health any=0 all_up=0
    for name in "${ALL[@]}"; do
        pid=$(recorded_pid "$name")
        if [[ -n $pid ]] && is_ours "$name" "$pid"; then
            any=1
            if is_healthy "$name"; then health="${GREEN}UP${RESET}"; else health="${RED}DOWN${RESET}"; all_up=1; fi
            printf '  %-22s running  pid %-7s %4s MB  %-5s %s\n' "$name" "$pid" "$(rss_mb "$pid")" "$health" "$(health_url "$name")"
        else
            [[ -n $pid ]] && rm -f "$(pid_file "$name")"
            printf '  %-22s stopped\n' "$name"
        fi
    done
    ((any)) || return 3
    return $all_up
}

cmd_logs() {
    local -a files=()
    local name
    if [[ $# -eq 0 ]]; then
        for name in "${ALL[@]}"; do [[ -f $(log_file "$name") ]] && files+=("$(log_file "$name")"); done
    else
        for name in "$@"; do files+=("$(log_file "$name")"); done
    fi
    [[ ${#files[@]} -eq 0 ]] && { say "No logs yet (.run/logs)."; return 0; }
    exec tail -n 30 -F "${files[@]}"
}

usage() {
    sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    restart) cmd_stop && cmd_start ;;
    logs) shift; cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *) fail "Unknown command '$1'"; usage; exit 2 ;;
esac
