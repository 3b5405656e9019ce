#!/usr/bin/env bash
# run.sh: run the whole platform locally, without Docker.
#
#   ./run.sh [start]   build what is stale (a jar missing, or a src/ file or pom.xml newer than it:
#                      ./mvnw -DskipTests package, the whole reactor once; with RUN_ONLY only those
#                      modules and what they need), prepare what is stale (see prepare), start the local
#                      stack (Kafka, Mongo-wire store, SMTP, SMS sink, messages page), then the four
#                      services as separate JVMs; wait until all are healthy, print the URLs and stay in
#                      the foreground. Ctrl-C stops everything.
#   ./run.sh prepare   build what is stale, unpack each jar into .run/app/<name>/ (Spring Boot's extracted
#                      layout: <name>.jar + lib/) and record a class-data archive for it: one training
#                      start of the whole stack on a throwaway data folder, archived at exit. Start does
#                      this by itself when a jar changed; a later start maps the archive instead of loading
#                      and verifying those classes again. Runs nothing afterwards.
#   ./run.sh stop      stop the processes recorded in .run/pids (and nothing else: a pid counts only
#                      while its command line names the jar this script launched)
#   ./run.sh status    each process, its memory and its health
#   ./run.sh restart   stop, then start
#   ./run.sh logs [name...]   follow the logs (.run/logs/<name>.log)
#
# Environment (all optional):
#   RUN_ONLY             comma-separated subset to run, e.g. RUN_ONLY=local-stack or
#                        RUN_ONLY=local-stack,catalog-service (default: all six). Components not
#                        selected may keep running: RUN_ONLY=booking-service starts booking-service again
#                        next to a running platform (same LOCAL_STACK_DATA_DIR) after it crashed. A service
#                        selects its extra instances too; RUN_ONLY=booking-service-2 only that instance
#   INSTANCES            more than one instance of a service, e.g. INSTANCES=booking-service=2,catalog-service=2
#                        (catalog-, booking-, notification-, reporting-service; at most 5 each; web: 1). Instance n
#                        (2..5) is the component <service>-n: the service's ports plus (n-1)*10000 (booking-service-2
#                        on 18082, management 19082; booking-service-3 on 28082, 29082), its own pid and log file
#                        (.run/logs/booking-service-2.log), the same jar, archive, database and consumer groups. The
#                        gateway gets every instance's URL (BOOKING_SERVICE_URL=http://localhost:8082,http://localhost:18082)
#                        and balances over them. stop, status and logs find the instances a start launched.
#   JAVA_OPTS            JVM options of the services (default: $DEFAULT_JAVA_OPTS below)
#   LOCAL_STACK_JAVA_OPTS  JVM options of the local stack (default: $DEFAULT_LOCAL_STACK_JAVA_OPTS)
#   ADMIN_API_KEY        admin API key of the gateway (default: dev-admin-key-change-me; printed)
#   GATEWAY_ADDRESS      the address the gateway listens on (default 0.0.0.0; the services listen on 127.0.0.1 only)
#   GATEWAY_PORT, CATALOG_PORT, BOOKING_PORT, NOTIFICATION_PORT, REPORTING_PORT, WEB_PORT
#                        the main ports (default 8080, 8081, 8082, 8083, 8084), e.g. for a second checkout running beside a
#                        first; the gateway and the services are pointed at each other's ports
#   CATALOG_MANAGEMENT_PORT, BOOKING_MANAGEMENT_PORT, NOTIFICATION_MANAGEMENT_PORT, REPORTING_MANAGEMENT_PORT, WEB_MANAGEMENT_PORT
#                        each service's actuator port (default 9081, 9082, 9083, 9084; health, metrics at /actuator/prometheus),
#                        on 127.0.0.1 only (MANAGEMENT_ADDRESS); a service's main port serves no /actuator, only the
#                        probes /livez and /readyz
#   GATEWAY_SIGNING_KEYS_DIR  the gateway's signing key directory (default: <data folder>/gateway-keys)
#   LOG_FORMAT           the services' console logs: text (this script's default, readable) or json (ECS JSON, the
#                        services' own default, as in Docker); personal data is masked in both
#   SKIP_BUILD=1         never build, even when a jar is missing or stale
#   LOAD_DEMO=0          do not create the demo keys and data after start (the benchmarks run on their own tenants)
#   STARTUP_TIMEOUT      seconds the services get to become healthy (default 90)
#   START_PARALLEL       how many services start at the same time (default: the number of cores)
#   RUN_CDS=0            no class-data archives: no training start, JVMs start without -XX:SharedArchiveFile.
#                        With JAVA_HOME on a JDK 25+ the archive is JDK 25's AOT cache (-XX:AOTCache) instead
#                        of an AppCDS archive; the default java (17) uses AppCDS. Archives are per JVM version.
#   LOCAL_STACK_DATA_DIR, KAFKA_PORT, MONGO_PORT, SMTP_PORT, SMS_PORT, MESSAGES_PORT, SMS_SINK_TOKEN
#                        passed to the local stack (see local-stack/README.md); the services get
#                        KAFKA_BOOTSTRAP_SERVERS and MONGODB_URI pointing at it unless already set.
# Every other variable in the environment passes through to the services unchanged.
# Each JVM runs an unpacked copy of its jar (.run/app/<name>), so ./mvnw package during a run does not break it;
# a changed jar is unpacked and trained again on the next start. A missing, stale or unusable archive only
# costs start time: the JVM starts without it (-Xshare:auto).
# Data stays in .data/ (git-ignored), so a restart keeps topics, documents and messages.

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT" || exit 1

RUN_DIR="$ROOT/.run"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"

# Lean JVMs for a 2-core laptop: serial GC, small thread stacks, a fixed heap cap so no service grows
# past ~300 MB RSS. The start is fast through the class-data archive (see prepare) instead of C1 only:
# the JIT is tiered with C2 on, but C2 takes only what stays hot (100 times the default tier-4 thresholds:
# 500,000 calls or 4,000,000 loop turns). Start-up code is hot for a few seconds only, and compiling it
# with C2 doubled the CPU of a start on two cores; under load the request path's inner methods reach
# the thresholds within seconds. For load figures drop the Tier4 options (load-tests/run-all.sh sets its
# own JAVA_OPTS: C2 at the JVM's defaults). The code cache has room for C2's code.
C2_WHEN_HOT="-XX:Tier4InvocationThreshold=500000 -XX:Tier4MinInvocationThreshold=60000 -XX:Tier4CompileThreshold=1500000 -XX:Tier4BackEdgeThreshold=4000000"
DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx128m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=96m $C2_WHEN_HOT -XX:+ExitOnOutOfMemoryError"
DEFAULT_LOCAL_STACK_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx192m -XX:ReservedCodeCacheSize=96m $C2_WHEN_HOT -XX:+ExitOnOutOfMemoryError"

STARTED=()
declare -A PIDS=()
NAMES=()
SERVICES=()
TRAIN=()
KILLED=()
HEALTHY=()
TRAINING=0
JVM_TAG=""
ARCHIVE_KIND=jsa
JAVA=java
DATA_DIR="$ROOT/.data"

STACK_HEALTH_TIMEOUT=60
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-90}"
STOP_TIMEOUT=20

ALL=(local-stack gateway catalog-service booking-service notification-service reporting-service web)
declare -A JAR=(
    [local-stack]="local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"
    [gateway]="gateway/target/gateway.jar"
    [catalog-service]="catalog-service/target/catalog-service.jar"
    [booking-service]="booking-service/target/booking-service.jar"
    [notification-service]="notification-service/target/notification-service.jar"
    [reporting-service]="reporting-service/target/reporting-service.jar"
    [web]="web/target/web.jar"
)
declare -A PORT=(
    [local-stack]="${MESSAGES_PORT:-8025}"
    [gateway]="${GATEWAY_PORT:-8080}"
    [catalog-service]="${CATALOG_PORT:-8081}"
    [booking-service]="${BOOKING_PORT:-8082}"
    [notification-service]="${NOTIFICATION_PORT:-8083}"
    [reporting-service]="${REPORTING_PORT:-8084}"
    [web]="${WEB_PORT:-8085}"
)
# The services' actuator ports (management.server.port): health and metrics are served there, not on the main port.
declare -A MANAGEMENT_PORT_OF=(
    [catalog-service]="${CATALOG_MANAGEMENT_PORT:-9081}"
    [booking-service]="${BOOKING_MANAGEMENT_PORT:-9082}"
    [notification-service]="${NOTIFICATION_MANAGEMENT_PORT:-9083}"
    [reporting-service]="${REPORTING_MANAGEMENT_PORT:-9084}"
    [web]="${WEB_MANAGEMENT_PORT:-9085}"
)

# INSTANCES: instance n >= 2 of a service is the component <service>-n (BASE names its service), launched from the
# service's jar on the service's ports plus (n-1)*INSTANCE_PORT_STEP. ALL holds the components a start runs, each
# service followed by its extra instances; KNOWN adds the instances an earlier start launched (their pid files), for
# stop, status and logs.
COMPONENTS=("${ALL[@]}")
INSTANCE_PORT_STEP=10000
MAX_INSTANCES=5
declare -A BASE=()
KNOWN=()

add_instance() {
    local name=$1 base=$2 n=$3 offset
    [[ -n ${JAR[$name]+x} ]] && return 0
    offset=$(((n - 1) * INSTANCE_PORT_STEP))
    JAR[$name]=${JAR[$base]}
    PORT[$name]=$((${PORT[$base]} + offset))
    MANAGEMENT_PORT_OF[$name]=$((${MANAGEMENT_PORT_OF[$base]} + offset))
    BASE[$name]=$base
}

# The components in start order, each service followed by those of its instances that are declared ($1: the list).
with_instances() {
    local name base
    for base in "${COMPONENTS[@]}"; do
        printf '%s\n' "$base"
        for name in $1; do [[ ${BASE[$name]:-} == "$base" ]] && printf '%s\n' "$name"; done
    done
}

parse_instances() {
    local entry base count n declared=""
    local -a entries
    IFS=', ' read -r -a entries <<<"${INSTANCES:-}"
    for entry in "${entries[@]}"; do
        [[ -z $entry ]] && continue
        base=${entry%%=*} count=${entry#*=}
        if [[ $entry != *=* || -z ${MANAGEMENT_PORT_OF[$base]+x} || -n ${BASE[$base]+x} ]]; then
            fail "INSTANCES: '$entry' is not <service>=<count> with a service of: catalog-service booking-service notification-service reporting-service"
            exit 2
        fi
        if ! [[ $count =~ ^[1-9][0-9]*$ ]] || ((count > MAX_INSTANCES)); then
            fail "INSTANCES: the count of $base must be 1 to $MAX_INSTANCES, not '$count'"
            exit 2
        fi
        # the console's sessions live in the web process (ADR 0008): round robin would sign people out at random
        if [[ $base == web && $count -gt 1 ]]; then
            fail "INSTANCES: one web instance only here: its sign-in sessions are in its memory without Redis (compose shares them through Redis: docker-compose.yml)"
            exit 2
        fi
        for ((n = 2; n <= count; n++)); do
            add_instance "$base-$n" "$base" "$n"
            declared+=" $base-$n"
        done
    done
    mapfile -t ALL < <(with_instances "$declared")
    # instances an earlier start launched, perhaps with other INSTANCES
    local file name
    for file in "$PID_DIR"/*-[2-9].pid; do
        [[ -f $file ]] || continue
        name=$(basename "$file" .pid)
        base=${name%-*}
        [[ -n ${MANAGEMENT_PORT_OF[$base]+x} && -z ${BASE[$base]+x} ]] || continue
        add_instance "$name" "$base" "${name##*-}"
        [[ " $declared " == *" $name "* ]] || declared+=" $name"
    done
    mapfile -t KNOWN < <(with_instances "$declared")
}

# The service an instance belongs to (a service is its own); the distinct services of a list of components.
base_of() { printf '%s' "${BASE[$1]:-$1}"; }
bases_of() {
    local name
    for name in "$@"; do [[ -z ${BASE[$name]:-} ]] && printf '%s\n' "$name"; done
}

# The gateway's list of a service's instances: its URL, then each extra instance's, comma-separated.
instance_urls() {
    local base=$1 name urls="http://localhost:${PORT[$1]}"
    for name in "${ALL[@]}"; do
        [[ ${BASE[$name]:-} == "$base" ]] && urls+=",http://localhost:${PORT[$name]}"
    done
    printf '%s' "$urls"
}

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

# The jar the build produces, and the unpacked copy a run uses: a rebuild (./mvnw package in another
# terminal) rewrites target/*.jar in place, which breaks a JVM still reading classes from it. The copy is
# Spring Boot's extracted layout (<name>.jar naming lib/*.jar in its manifest): class-data sharing archives
# only classes loaded from plain jars on the class path, not from jars nested in the packaged one.
built_jar() { printf '%s/%s' "$ROOT" "${JAR[$1]}"; }
# (an instance runs its service's copy)
app_dir() { printf '%s/app/%s' "$RUN_DIR" "$(base_of "$1")"; }
jar_path() { printf '%s/%s.jar' "$(app_dir "$1")" "$(base_of "$1")"; }
# The class-data archive of a component for the java that runs it (one per JVM version, so switching
# JAVA_HOME back and forth keeps both).
archive_path() { printf '%s/%s-%s.%s' "$(app_dir "$1")" "$(base_of "$1")" "$JVM_TAG" "$ARCHIVE_KIND"; }
pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# A service's health is on its management port (127.0.0.1 only); the gateway's actuator stays on its main port.
health_url() {
    if [[ $1 == local-stack ]]; then
        printf 'http://localhost:%s/health' "${PORT[$1]}"
    elif [[ -n ${MANAGEMENT_PORT_OF[$1]:-} ]]; then
        printf 'http://127.0.0.1:%s/actuator/health' "${MANAGEMENT_PORT_OF[$1]}"
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
        [[ $wanted == *",$name,"* || $wanted == *",${BASE[$name]:-},"* ]] && printf '%s\n' "$name"
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
    [[ $cmdline == *"$(jar_path "$name")"* || $cmdline == *"$RUN_DIR/jars/$name.jar"* ]]  # (jars/: before the unpacked layout)
}

# Whether a process this run just launched still lives (not exited, not a zombie). Not is_ours: between the fork
# and the exec of java the child's command line is still this script's, which is_ours reads as "exited".
alive() {
    local state
    state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

recorded_pid() {
    local file
    file=$(pid_file "$1")
    [[ -f $file ]] && tr -dc '0-9' <"$file"
}

# Prints "name pid" for each recorded process that still runs; removes stale pid files.
running() {
    local name pid
    for name in "${KNOWN[@]}"; do
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
    if [[ ${#names[@]} -lt ${#COMPONENTS[@]} ]]; then
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

# Whether the run uses class-data archives: not with RUN_CDS=0, nor when JAVA_OPTS already choose
# their own sharing (-Xshare, an archive or an AOT cache of their own).
cds_enabled() {
    [[ ${RUN_CDS:-1} != 0 ]] || return 1
    [[ " ${JAVA_OPTS:-} ${LOCAL_STACK_JAVA_OPTS:-} " != *" -Xshare:"* ]] || return 1
    [[ "${JAVA_OPTS:-} ${LOCAL_STACK_JAVA_OPTS:-}" != *SharedArchiveFile* && "${JAVA_OPTS:-} ${LOCAL_STACK_JAVA_OPTS:-}" != *AOTCache* ]]
}

# JVM_TAG (its version, for the archive's name) and ARCHIVE_KIND: jsa (AppCDS, JDK 17–24) or aot (JDK 25+).
detect_jvm() {
    local version
    version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vm\.version = //p' | head -1)
    JVM_TAG=$(printf '%s' "${version:-unknown}" | tr -c 'A-Za-z0-9.+-' '_')
    local major=${version%%[.+-]*}
    if [[ $major =~ ^[0-9]+$ ]] && ((major >= 25)); then ARCHIVE_KIND=aot; else ARCHIVE_KIND=jsa; fi
}

# The archive options of one JVM: record at exit while training, map it afterwards (when present).
archive_opts() {
    local name=$1 archive
    cds_enabled || return 0
    [[ -f "$(app_dir "$name")/packaged" ]] && return 0  # could not be unpacked: nothing to share
    archive=$(archive_path "$name")
    if [[ ${TRAINING:-0} == 1 && " ${TRAIN[*]} " == *" $name "* ]]; then
        # JDK 25: record the configuration at exit and create the cache afterwards, one JVM at a time
        # (-XX:AOTCacheOutput would create it at exit, in every JVM at once)
        [[ $ARCHIVE_KIND == aot ]] && printf '%s\n' "-XX:AOTMode=record" "-XX:AOTConfiguration=$archive.config" \
            || printf '%s\n' "-XX:ArchiveClassesAtExit=$archive"
    elif [[ -f $archive ]]; then
        [[ $ARCHIVE_KIND == aot ]] && printf '%s\n' "-XX:AOTCache=$archive" || printf '%s\n' "-XX:SharedArchiveFile=$archive"
    fi
}

# What the unpacked copy was made from: the built jar's size and modification time.
jar_stamp() { stat -c '%s %Y' "$(built_jar "$1")" 2>/dev/null; }

# What the built jar holds, whatever its timestamps: every entry's name, size and CRC. A rebuild of unchanged
# sources (./mvnw package, verify) writes a new jar with the same fingerprint, and keeps the archives.
jar_fingerprint() {
    command -v python3 >/dev/null 2>&1 || return 1
    python3 -c '
import hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    entries = sorted((i.filename, i.file_size, i.CRC) for i in jar.infolist())
print(hashlib.sha256(repr(entries).encode()).hexdigest())' "$(built_jar "$1")" 2>/dev/null
}

# Unpacks the built jar into .run/app/<name>/ unless the copy there was made from this very jar; a new copy
# drops the archives of the old one. Spring Boot's `-Djarmode=tools extract` for the services; the local
# stack's jar has no jar mode (no Spring in it), so its BOOT-INF is laid out the same way with the JDK's jar
# tool. When neither works the packaged jar itself is copied (runs as before, without an archive).
prepare_app() {
    local name=$1 dir tmp stamp fingerprint
    dir=$(app_dir "$name")
    stamp=$(jar_stamp "$name")
    [[ -f $dir/source && $(<"$dir/source") == "$stamp" && -f $(jar_path "$name") ]] && return 0
    fingerprint=$(jar_fingerprint "$name") || fingerprint=""
    if [[ -n $fingerprint && -f $dir/fingerprint && $(<"$dir/fingerprint") == "$fingerprint" && -f $(jar_path "$name") ]]; then
        printf '%s' "$stamp" >"$dir/source"  # rebuilt, but the same classes: the copy and its archives stay
        return 0
    fi
    tmp="$dir.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp" || return 1
    if ! unpack "$name" "$tmp" >"$tmp.log" 2>&1; then
        warn "Could not unpack ${JAR[$name]} (see ${tmp#"$ROOT"/}.log): running the packaged jar, without a class-data archive."
        rm -rf "$tmp" && mkdir -p "$tmp" && cp "$(built_jar "$name")" "$tmp/$name.jar" && : >"$tmp/packaged" || return 1
    else
        rm -f "$tmp.log"
    fi
    printf '%s' "$stamp" >"$tmp/source"
    [[ -n $fingerprint ]] && printf '%s' "$fingerprint" >"$tmp/fingerprint"
    rm -rf "$dir" && mv "$tmp" "$dir"
}

unpack() {
    local name=$1 into=$2 jar
    jar=$(built_jar "$name")
    if [[ $name != local-stack ]]; then
        "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$into" --application-filename "$name.jar"
        return
    fi
    local jartool main
    jartool="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jar"
    [[ -x $jartool ]] || { echo "no jar tool next to $JAVA"; return 1; }
    (cd "$into" && "$jartool" xf "$jar" BOOT-INF META-INF/MANIFEST.MF) || return 1
    main=$(sed -n 's/^Start-Class: *//p' "$into/META-INF/MANIFEST.MF" | tr -d '\r')
    [[ -n $main && -d $into/BOOT-INF/classes && -f $into/BOOT-INF/classpath.idx ]] || { echo "not a Spring Boot jar"; return 1; }
    mv "$into/BOOT-INF/lib" "$into/lib" || return 1
    {
        printf 'Main-Class: %s\n' "$main"
        # the class path in the packaged order; manifest lines are at most 72 bytes, continued after a space
        sed -n 's|^- "BOOT-INF/lib/\(.*\)"$|lib/\1|p' "$into/BOOT-INF/classpath.idx" | tr '\n' ' ' | sed 's/ $//' \
            | awk '{ s = "Class-Path: " $0; print substr(s, 1, 70); s = substr(s, 71)
                     while (length(s) > 0) { print " " substr(s, 1, 69); s = substr(s, 70) } }'
    } >"$into/manifest.txt"
    "$jartool" --create --file "$into/$name.jar" --manifest "$into/manifest.txt" -C "$into/BOOT-INF/classes" . || return 1
    rm -rf "$into/BOOT-INF" "$into/META-INF" "$into/manifest.txt"
}

# Unpacks every selected jar that changed, two at a time (each is mostly one core's work).
prepare_apps() {
    local name
    local -a jobs=()
    mkdir -p "$RUN_DIR/app"
    for name in "$@"; do
        prepare_app "$name" &
        jobs+=("$!")
        if ((${#jobs[@]} >= 2)); then
            wait "${jobs[0]}"
            jobs=("${jobs[@]:1}")
        fi
    done
    ((${#jobs[@]} > 0)) && wait "${jobs[@]}"
    for name in "$@"; do
        [[ -f $(jar_path "$name") ]] || { fail "Cannot prepare ${RUN_DIR#"$ROOT"/}/app/$name from ${JAR[$name]}."; exit 1; }
    done
}

launch() {
    local name=$1 log
    log=$(log_file "$name")
    [[ ${TRAINING:-0} == 1 ]] && log="${log%.log}.training.log"
    [[ -f $log ]] && mv -f "$log" "$log.1"
    local -a opts archive
    mapfile -t archive < <(archive_opts "$name")
    if [[ $name == local-stack ]]; then
        read -r -a opts <<<"${LOCAL_STACK_JAVA_OPTS:-$DEFAULT_LOCAL_STACK_JAVA_OPTS}"
        (LOCAL_STACK_DATA_DIR="$DATA_DIR" exec "$JAVA" "${opts[@]}" "${archive[@]}" -jar "$(jar_path "$name")") \
            </dev/null >"$log" 2>&1 9>&- &
    else
        read -r -a opts <<<"${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
        # the gateway's signing keys: files only the gateway reads, the first one created on the first start
        # the services listen on this host only: every client comes through the gateway
        local keys="" address=127.0.0.1
        [[ $name == gateway ]] && keys="${GATEWAY_SIGNING_KEYS_DIR:-$DATA_DIR/gateway-keys}" && address="${GATEWAY_ADDRESS:-0.0.0.0}"
        # (empty for the gateway, which reads no MANAGEMENT_PORT: its actuator stays on its main port, admin only)
        (SERVER_PORT="${PORT[$name]}" SERVER_ADDRESS="$address" MANAGEMENT_PORT="${MANAGEMENT_PORT_OF[$name]:-}" \
            GATEWAY_SIGNING_KEYS_DIR="$keys" exec "$JAVA" "${opts[@]}" "${archive[@]}" -jar "$(jar_path "$name")") \
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
            for name in "${alive[@]}"; do kill -KILL "${target_pid[$name]}" 2>/dev/null; KILLED+=("$name"); done
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

# Checks shared by start and prepare; sets NAMES (the selected components) and JAVA, takes the start lock.
preflight() {
    check_run_only
    mapfile -t NAMES < <(selected)
    if [[ ${#NAMES[@]} -eq 0 ]]; then
        fail "RUN_ONLY='${RUN_ONLY:-}' selects nothing (known: ${ALL[*]})"
        exit 2
    fi
    command -v curl >/dev/null || { fail "curl is needed for the health checks"; exit 1; }
    JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    command -v "$JAVA" >/dev/null || { fail "java not found (set JAVA_HOME or put java on PATH)"; exit 1; }

    mkdir -p "$PID_DIR" "$LOG_DIR" "$RUN_DIR/app"
    # only the selected components must be stopped: RUN_ONLY=<name> starts one again next to the others
    # (after a crash, or the fault suite's kill -9), which keep running
    local -a live=() line
    while IFS= read -r line; do
        [[ " ${NAMES[*]} " == *" ${line%% *} "* ]] && live+=("$line")
    done < <(running)
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
    for name in "${NAMES[@]}"; do
        if [[ ! -f $(built_jar "$name") && ${SKIP_BUILD:-0} == 1 ]]; then
            fail "${JAR[$name]} is missing (SKIP_BUILD=1)."
            exit 1
        fi
        # (the local stack's health port too: another stack there would answer our health checks)
        if port_taken "${PORT[$name]}"; then
            fail "Port ${PORT[$name]} (for $name) is already in use by another program; free it first."
            exit 1
        fi
        # (the management port too: a service there would answer our health checks, and ours could not bind it)
        if [[ -n ${MANAGEMENT_PORT_OF[$name]:-} ]] && port_taken "${MANAGEMENT_PORT_OF[$name]}"; then
            local variable=${name%%-*}
            fail "Port ${MANAGEMENT_PORT_OF[$name]} (management port of $name) is already in use by another program; free it or set ${variable^^}_MANAGEMENT_PORT."
            exit 1
        fi
    done

    mapfile -t SERVICES < <(bases_of "${NAMES[@]}")
    build_if_needed "${SERVICES[@]}"

    DATA_DIR="${LOCAL_STACK_DATA_DIR:-$ROOT/.data}"
    export ADMIN_API_KEY="${ADMIN_API_KEY:-dev-admin-key-change-me}"
    # the demo people's password in the web console of a local run (demo/bootstrap-staff.py)
    DEMO_STAFF_PASSWORD="${DEMO_STAFF_PASSWORD:-promtour-demo-2026}"
    # readable logs in .run/logs (the services log ECS JSON by default); LOG_FORMAT=json ./run.sh for the JSON lines
    export LOG_FORMAT="${LOG_FORMAT:-text}"
    export SMS_SINK_TOKEN="${SMS_SINK_TOKEN:-local-dev-sms-token}"
    # notification-service sends SMS to the local stack's sink exactly as to a provider
    export SMS_TOKEN="${SMS_TOKEN:-$SMS_SINK_TOKEN}"
    export SMS_BASE_URL="${SMS_BASE_URL:-http://localhost:${SMS_PORT:-8026}}"
    # a local run may send operators' webhooks to http://localhost receivers (production: public https only)
    export WEBHOOKS_ALLOW_HTTP_LOOPBACK="${WEBHOOKS_ALLOW_HTTP_LOOPBACK:-true}"
    export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:${KAFKA_PORT:-9092}}"
    export MONGODB_URI="${MONGODB_URI:-mongodb://localhost:${MONGO_PORT:-27017}}"
    # the gateway and the services find each other on the ports above (their defaults name 8080-8084)
    # (a comma-separated list with INSTANCES: the gateway balances over them)
    export CATALOG_SERVICE_URL="${CATALOG_SERVICE_URL:-$(instance_urls catalog-service)}"
    export BOOKING_SERVICE_URL="${BOOKING_SERVICE_URL:-$(instance_urls booking-service)}"
    export NOTIFICATION_SERVICE_URL="${NOTIFICATION_SERVICE_URL:-$(instance_urls notification-service)}"
    export REPORTING_SERVICE_URL="${REPORTING_SERVICE_URL:-$(instance_urls reporting-service)}"
    export WEB_SERVICE_URL="${WEB_SERVICE_URL:-$(instance_urls web)}"
    # the web pages call the APIs through the gateway, as any client; the sign-in page shows the demo login
    export GATEWAY_URL="${GATEWAY_URL:-http://localhost:${PORT[gateway]}}"
    export WEB_DEMO_LOGIN="${WEB_DEMO_LOGIN:-staff@fruzhe.local / $DEMO_STAFF_PASSWORD}"
    export GATEWAY_JWKS_URI="${GATEWAY_JWKS_URI:-http://localhost:${PORT[gateway]}/.well-known/jwks.json}"
    export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:${PORT[gateway]}}"

    detect_jvm
    prepare_apps "${SERVICES[@]}"
    STARTED=()
    PIDS=()
    trap on_signal INT TERM HUP
}

# Launches the selected components (the local stack first: the services need its broker's topics) and
# waits until each is healthy, printing each one's time. Returns 1 with FAILURE set when one exits or
# times out, leaving the caller to stop what started.
start_components() {
    local name t0
    t0=$(now)
    FAILURE="" FAILED_LOG=""
    HEALTHY=()
    if [[ " $* " == *" local-stack "* ]]; then
        say "Starting ${BOLD}local-stack${RESET} (data in ${DATA_DIR#"$ROOT"/})…"
        launch local-stack
        local deadline=$((SECONDS + STACK_HEALTH_TIMEOUT))
        until port_taken "${PORT[local-stack]}" && is_healthy local-stack; do
            if ! alive "${PIDS[local-stack]}"; then
                FAILURE="local-stack exited during startup." FAILED_LOG=local-stack
                return 1
            fi
            if ((SECONDS >= deadline)); then
                FAILURE="local-stack is not healthy after ${STACK_HEALTH_TIMEOUT} s ($(health_url local-stack))." FAILED_LOG=local-stack
                return 1
            fi
            sleep 0.1
        done
        say "  ${GREEN}✓${RESET} local-stack healthy after $(since "$t0") s"
        HEALTHY+=(local-stack)
    fi

    local -a services=()
    for name in "$@"; do [[ $name != local-stack ]] && services+=("$name"); done
    [[ ${#services[@]} -eq 0 ]] && return 0
    # At most START_PARALLEL services start at once (default: one per core). A JVM that gets a core to itself
    # compiles its start-up code in time; four JVMs sharing two cores run interpreted code longer and spend
    # more CPU in all on the same start.
    local parallel=${START_PARALLEL:-$(nproc 2>/dev/null || echo 2)}
    [[ $parallel =~ ^[1-9][0-9]*$ ]] || parallel=2
    local t1
    t1=$(now)
    say "Starting ${BOLD}${services[*]}${RESET}…"
    local -a queue=("${services[@]}") pending=()
    local deadline=$((SECONDS + STARTUP_TIMEOUT))
    while [[ ${#queue[@]} -gt 0 || ${#pending[@]} -gt 0 ]]; do
        while [[ ${#queue[@]} -gt 0 && ${#pending[@]} -lt $parallel ]]; do
            launch "${queue[0]}"
            pending+=("${queue[0]}")
            queue=("${queue[@]:1}")
        done
        local -a still=()
        for name in "${pending[@]}"; do
            # the port opens only when the service is nearly up: no curl (a process each) before that
            if port_taken "${PORT[$name]}" && is_healthy "$name"; then
                say "  ${GREEN}✓${RESET} $name healthy after $(since "$t1") s"
                HEALTHY+=("$name")
            elif ! alive "${PIDS[$name]}"; then
                FAILURE="$name exited during startup." FAILED_LOG=$name
                return 1
            else
                still+=("$name")
            fi
        done
        pending=("${still[@]}")
        [[ ${#pending[@]} -eq 0 && ${#queue[@]} -eq 0 ]] && break
        if ((SECONDS >= deadline)); then
            for name in "${pending[@]}" "${queue[@]}"; do fail "$name is not healthy after ${STARTUP_TIMEOUT} s ($(health_url "$name"))."; done
            FAILURE="Startup failed: ${pending[*]} ${queue[*]}." FAILED_LOG=${pending[0]:-${queue[0]}}
            return 1
        fi
        sleep 0.2
    done
}

# The training start: every selected component that has no archive for this JVM yet is started for real
# (on a throwaway data folder, so the real data stays untouched) with -XX:ArchiveClassesAtExit
# (-XX:AOTCacheOutput on JDK 25+), waited for until healthy, and stopped: each JVM writes the classes it
# loaded — framework, web server, broker and store clients, health endpoint — into its archive as it exits.
# Components that have an archive already map it. A failed training costs nothing but start time.
train_archives() {
    cds_enabled || return 0
    local name
    TRAIN=()
    for name in "${SERVICES[@]}"; do
        [[ -f $(app_dir "$name")/packaged || -f $(archive_path "$name") ]] || TRAIN+=("$name")
    done
    [[ ${#TRAIN[@]} -eq 0 ]] && return 0
    local t0 real_data=$DATA_DIR
    t0=$(now)
    say "${BOLD}Recording class-data archives${RESET} (once per build and JVM) for ${TRAIN[*]}: a training start and stop on a throwaway data folder…"
    DATA_DIR="$RUN_DIR/training-data"
    rm -rf "$DATA_DIR"
    TRAINING=1
    local startup_timeout=$STARTUP_TIMEOUT
    STARTUP_TIMEOUT=$((STARTUP_TIMEOUT * 3))  # recording is slower than a start from the archive
    # (one JVM per service: an instance maps its service's archive)
    if ! start_components "${SERVICES[@]}"; then
        warn "Training start failed ($FAILURE, see .run/logs/$FAILED_LOG.training.log): starting without archives."
    fi
    local stop_timeout=$STOP_TIMEOUT
    STOP_TIMEOUT=180  # writing the archives takes a few seconds per JVM
    KILLED=()
    stop_started
    STOP_TIMEOUT=$stop_timeout
    STARTUP_TIMEOUT=$startup_timeout
    TRAINING=0
    DATA_DIR=$real_data
    rm -rf "$RUN_DIR/training-data"
    local -a made=()
    for name in "${TRAIN[@]}"; do
        if [[ " ${KILLED[*]} " == *" $name "* || " ${HEALTHY[*]} " != *" $name "* ]]; then
            rm -f "$(archive_path "$name")" "$(archive_path "$name").config"  # cut off while writing it, or from a failed start
        fi
        [[ $ARCHIVE_KIND == aot ]] && create_aot_cache "$name"
        [[ -f $(archive_path "$name") ]] && made+=("$name")
    done
    say "  archives for ${made[*]:-none} in $(since "$t0") s"
    TRAIN=()
}

# JDK 25+: the AOT cache from the configuration its training start recorded (same options, same class path).
create_aot_cache() {
    local name=$1 config
    config="$(archive_path "$name").config"
    [[ -f $config ]] || return 0
    local -a opts
    if [[ $name == local-stack ]]; then
        read -r -a opts <<<"${LOCAL_STACK_JAVA_OPTS:-$DEFAULT_LOCAL_STACK_JAVA_OPTS}"
    else
        read -r -a opts <<<"${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
    fi
    "$JAVA" "${opts[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$config" -XX:AOTCache="$(archive_path "$name")" \
        -jar "$(jar_path "$name")" >>"$LOG_DIR/$name.training.log" 2>&1 \
        || { warn "No AOT cache for $name (see .run/logs/$name.training.log)"; rm -f "$(archive_path "$name")"; }
    rm -f "$config"
}

cmd_start() {
    preflight
    train_archives
    local t0
    t0=$(now)
    start_components "${NAMES[@]}" || abort_start "$FAILURE" "$FAILED_LOG"
    exec 9>&-  # started: the start lock is free for RUN_ONLY=<name> ./run.sh next to this run
    summary "$(since "$t0")"
    monitor
}

cmd_prepare() {
    preflight
    train_archives
    local name
    for name in "${NAMES[@]}"; do
        if [[ -f $(archive_path "$name") ]]; then
            say "  $name: ${RUN_DIR#"$ROOT"/}/app/$name, archive $(basename "$(archive_path "$name")")"
        else
            say "  $name: ${RUN_DIR#"$ROOT"/}/app/$name, no archive"
        fi
    done
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
    [[ " ${STARTED[*]} " == *" gateway "* ]] && say "  Gateway         http://localhost:${PORT[gateway]}"
    if [[ " ${STARTED[*]} " == *" web "* ]]; then
        say "  Guide           http://localhost:${PORT[gateway]}/guide   (public excursion guide)"
        say "  Console         http://localhost:${PORT[gateway]}/console (staff sign-in; demo logins below)"
    fi
    if [[ " ${STARTED[*]} " == *" local-stack "* ]]; then
        say "  Messages page   http://localhost:${PORT[local-stack]}   (every email and SMS sent)"
        say "  SMTP            localhost:${SMTP_PORT:-2525}"
        say "  SMS API         http://localhost:${SMS_PORT:-8026}   (Authorization: Bearer $SMS_SINK_TOKEN)"
        say "  Kafka           localhost:${KAFKA_PORT:-9092}"
        say "  MongoDB         mongodb://localhost:${MONGO_PORT:-27017}"
    fi
    say "  Admin API key   $ADMIN_API_KEY   (gateway: Authorization: Bearer <key>; env ADMIN_API_KEY)"
    say "  API docs        http://localhost:${PORT[gateway]}/docs"
    local metrics=()
    for name in "${STARTED[@]}"; do
        [[ -n ${MANAGEMENT_PORT_OF[$name]:-} ]] && metrics+=("http://127.0.0.1:${MANAGEMENT_PORT_OF[$name]}/actuator/prometheus")
    done
    [[ ${#metrics[@]} -gt 0 ]] && say "  Metrics         ${metrics[*]}"
    say "  Logs            .run/logs/<name>.log   (./run.sh logs)"
    say ""
    [[ ${LOAD_DEMO:-1} == 0 ]] && return 0
    [[ " ${STARTED[*]} " == *" gateway "* ]] && demo_keys
    [[ " ${STARTED[*]} " == *" gateway "* && " ${STARTED[*]} " == *" catalog-service "* ]] && demo_data
    [[ " ${STARTED[*]} " == *" gateway "* && " ${STARTED[*]} " == *" web "* ]] && demo_staff
    return 0
}

# The demo operator and one key per seeded enterprise, created once and reused while still active.
demo_keys() {
    if ! command -v python3 >/dev/null 2>&1; then
        warn "python3 not found: demo keys not created (issue them with POST /admin/api-keys)"
        return 0
    fi
    say "  Demo API keys (also in .run/demo-keys.json):"
    python3 "$ROOT/demo/bootstrap-keys.py" "http://localhost:${PORT[gateway]}" "$ADMIN_API_KEY" "$RUN_DIR/demo-keys.json" \
        || warn "demo keys could not be created; see the message above"
    say ""
}

# The demo enterprises, programs and slots of demo/enterprises.json, through the gateway; idempotent.
demo_data() {
    command -v python3 >/dev/null 2>&1 || return 0
    python3 "$ROOT/demo/load-demo.py" "http://localhost:${PORT[gateway]}" "$ADMIN_API_KEY" "$RUN_DIR/demo-keys.json" \
        || warn "demo data not (fully) loaded; see the message above"
    say ""
}

# The console's demo people (the regional office and a staff member of «Фруже»), invited and activated; idempotent.
demo_staff() {
    command -v python3 >/dev/null 2>&1 || return 0
    say "  Console logins (http://localhost:${PORT[gateway]}/console):"
    python3 "$ROOT/demo/bootstrap-staff.py" "http://localhost:${PORT[gateway]}" "$ADMIN_API_KEY" "$DEMO_STAFF_PASSWORD" \
        || warn "demo staff not created; see the message above"
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
            elif [[ $(recorded_pid "$name") == "$pid" ]]; then
                warn "$name (pid $pid) exited on its own; see .run/logs/$name.log"
                rm -f "$(pid_file "$name")"
            elif [[ -f $(pid_file "$name") ]]; then
                warn "$name (pid $pid) exited; another ./run.sh runs it now (pid $(recorded_pid "$name"))"
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
    for name in "${KNOWN[@]}"; do
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
        for name in "${KNOWN[@]}"; do [[ -f $(log_file "$name") ]] && files+=("$(log_file "$name")"); done
    else
        for name in "$@"; do files+=("$(log_file "$name")"); done
    fi
    [[ ${#files[@]} -eq 0 ]] && { say "No logs yet (.run/logs)."; return 0; }
    exec tail -n 30 -F "${files[@]}"
}

usage() {
    sed -n '2,/^$/{s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

parse_instances

case "${1:-start}" in
    start) cmd_start ;;
    prepare) cmd_prepare ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    restart) cmd_stop && cmd_start ;;
    logs) shift; cmd_logs "$@" ;;
    -h | --help | help) usage ;;
    *) fail "Unknown command '$1'"; usage; exit 2 ;;
esac
