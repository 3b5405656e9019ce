#!/usr/bin/env bash
# The gateway's added latency: the same call straight to catalog-service and through the gateway,
# one connection at a time (latency, not throughput), against the running local stack (./run.sh).
#   load-tests/gateway-overhead.sh [seconds]      needs wrk (apt-get install wrk) and python3
# Calls:
#   direct     GET http://localhost:8081/api/v1/catalog/overhead-probe   (public path; the service answers 404)
#   public     GET http://localhost:8080/api/v1/catalog/overhead-probe   (gateway: route, rate limit, breaker)
#   keyed      GET http://localhost:8080/api/v1/excursions/overhead-probe (gateway + API key lookup + JWT
#              minting; the service also validates the JWT) — with the first demo enterprise key
# Beside latency it prints the CPU time the gateway and catalog-service spent per request during the measured
# run (utime+stime from /proc/<pid>/stat of the processes ./run.sh recorded): steadier than a median when other
# work shares the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}
KEYS=.run/demo-keys.json
[[ -f $KEYS ]] || { echo "no $KEYS: start the platform with ./run.sh first" >&2; exit 1; }
KEY=$(python3 -c "import json;print(json.load(open('$KEYS'))['enterprises'][0]['apiKey'])")

TICKS=$(getconf CLK_TCK)
cpu_ticks() { # component: utime+stime of the process ./run.sh recorded, or 0
    local pid
    pid=$(cat ".run/pids/$1.pid" 2>/dev/null) && [[ -r /proc/$pid/stat ]] && awk '{print $14+$15}' "/proc/$pid/stat" || echo 0
}
per_request() { # ticks requests -> ms of CPU per request
    awk -v t="$1" -v n="$2" -v hz="$TICKS" 'BEGIN{ if (n > 0 && t > 0) printf "%.2f ms", t * 1000 / hz / n; else print "-" }'
}

run() { # name url [header]
    local name=$1 url=$2 out
    local -a header=()
    [[ $# -gt 2 ]] && header=(-H "$3")
    wrk -t1 -c1 -d3s "${header[@]}" "$url" >/dev/null            # warm-up
    local g0 c0 g1 c1
    g0=$(cpu_ticks gateway); c0=$(cpu_ticks catalog-service)
    out=$(wrk -t1 -c1 -d"${SECONDS_EACH}"s --latency "${header[@]}" "$url")
    g1=$(cpu_ticks gateway); c1=$(cpu_ticks catalog-service)
    local p50 p99 rps n
    p50=$(awk '/^ +50%/{print $2}' <<<"$out")
    p99=$(awk '/^ +99%/{print $2}' <<<"$out")
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    n=$(awk '/requests in/{print $1}' <<<"$out")
    printf '| %-7s | %-62s | %8s | %8s | %9s | %8s | %8s |\n' "$name" "$url" "$p50" "$p99" "$rps" \
        "$(per_request $((g1 - g0)) "$n")" "$(per_request $((c1 - c0)) "$n")"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| call    | url                                                            |      p50 |      p99 | req/s (1 conn) | gateway CPU/req | catalog CPU/req |"
echo "|---|---|---|---|---|---|---|"
run direct "http://localhost:8081/api/v1/catalog/overhead-probe"
run public "http://localhost:8080/api/v1/catalog/overhead-probe"
run keyed  "http://localhost:8080/api/v1/excursions/overhead-probe" "Authorization: Bearer $KEY"
