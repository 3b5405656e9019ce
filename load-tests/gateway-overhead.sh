#!/usr/bin/env bash
# The gateway's added latency: the same call straight to catalog-service and through the gateway,
# one connection at a time (latency, not throughput), against the running local stack (./run.sh).
#   load-tests/gateway-overhead.sh [seconds]      needs wrk (apt-get install wrk) and python3
# Calls:
#   direct     GET http://localhost:8081/api/v1/catalog/overhead-probe   (public path; the service answers 404)
#   public     GET http://localhost:8080/api/v1/catalog/overhead-probe   (gateway: route, rate limit, breaker)
#   keyed      GET http://localhost:8080/api/v1/excursions/overhead-probe (gateway + API key lookup + JWT
#              minting; the service also validates the JWT) — with the first demo enterprise key
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-15}
KEYS=.run/demo-keys.json
[[ -f $KEYS ]] || { echo "no $KEYS: start the platform with ./run.sh first" >&2; exit 1; }
KEY=$(python3 -c "import json;print(json.load(open('$KEYS'))['enterprises'][0]['apiKey'])")

run() { # name url [header]
    local name=$1 url=$2 out
    if [[ $# -gt 2 ]]; then
        wrk -t1 -c1 -d3s -H "$3" "$url" >/dev/null            # warm-up
        out=$(wrk -t1 -c1 -d"${SECONDS_EACH}"s --latency -H "$3" "$url")
    else
        wrk -t1 -c1 -d3s "$url" >/dev/null
        out=$(wrk -t1 -c1 -d"${SECONDS_EACH}"s --latency "$url")
    fi
    local p50 p99 rps
    p50=$(awk '/^ +50%/{print $2}' <<<"$out")
    p99=$(awk '/^ +99%/{print $2}' <<<"$out")
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    printf '| %-7s | %-62s | %8s | %8s | %9s |\n' "$name" "$url" "$p50" "$p99" "$rps"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| call    | url                                                            |      p50 |      p99 | req/s (1 conn) |"
echo "|---|---|---|---|---|"
run direct "http://localhost:8081/api/v1/catalog/overhead-probe"
run public "http://localhost:8080/api/v1/catalog/overhead-probe"
run keyed  "http://localhost:8080/api/v1/excursions/overhead-probe" "Authorization: Bearer $KEY"
