#!/usr/bin/env bash
# HTTP throughput of the main API paths, each reported as a ratio to a bare GET /health measured in the same run.
#
#   build/bench.sh [seconds per endpoint, default 15]
#
# Starts a throwaway PostgreSQL and the Release build of the API on loopback, seeds one customer with 200
# tickets and a status page (four services, status events, an open incident), drives each endpoint with wrk
# (installed from Debian's packages if missing) and prints a table.
# Nothing leaves 127.0.0.1; everything it starts is stopped on exit. Not part of the test run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
# shellcheck source=build/lib/tools.sh
source "$repo/build/lib/tools.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

duration=${1:-15}
command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v jq >/dev/null 2>&1 || apt_install jq
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-bench.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
api_pid=""
cleanup() {
    [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
    pg_stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

pg_port=$(pg_free_port 55500)
pg_start "$work/pg" "$pg_port" throwaway
"$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres platform

dotnet build src/Platform.Api -c Release -v quiet -nologo >/dev/null
api_port=$(pg_free_port 18100)
base="http://127.0.0.1:$api_port"
ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=platform;Username=postgres;Maximum Pool Size=64" \
ASPNETCORE_ENVIRONMENT=Production \
Auth__SecretKey=$(head -c 32 /dev/urandom | base64) \
Auth__SigningKeys__0__Id=bench \
Auth__SigningKeys__0__PrivateKey="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)" \
Webhooks__SecretEncryptionKey=$(head -c 32 /dev/urandom | base64) \
Bootstrap__AdminEmails=bench-admin@example.com \
RateLimiting__Auth__PermitLimit=100000 \
RateLimiting__Authenticated__PermitLimit=100000000 \
RateLimiting__Anonymous__PermitLimit=100000000 \
Jobs__Enabled=false \
Serilog__MinimumLevel__Default=Warning \
    dotnet src/Platform.Api/bin/Release/net10.0/Platform.Api.dll --urls "$base" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
    curl -fs "$base/health" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$base/health" >/dev/null || { tail -20 "$work/api.log"; echo "[bench] API did not start" >&2; exit 1; }

json='Content-Type: application/json'
curl -fs -X POST "$base/api/v1/auth/register" -H "$json" \
    -d '{"email":"bench@example.com","password":"correct horse battery","display_name":"Bench"}' >/dev/null
token=$(curl -fs -X POST "$base/api/v1/auth/token" -H "$json" \
    -d '{"email":"bench@example.com","password":"correct horse battery"}' | jq -r .access_token)
for i in $(seq 1 200); do
    curl -fs -X POST "$base/api/v1/tickets" -H "$json" -H "Authorization: Bearer $token" \
        -d "{\"subject\":\"Seed $i\",\"body\":\"Seeded for the benchmark\"}" >/dev/null
done
ticket=$(curl -fs "$base/api/v1/tickets?page_size=1" -H "Authorization: Bearer $token" | jq -r '.items[0].id')

# The status page: four services (three in a group), a few status events, an open incident with an update.
curl -fs -X POST "$base/api/v1/auth/register" -H "$json" \
    -d '{"email":"bench-admin@example.com","password":"correct horse battery","display_name":"Bench admin"}' >/dev/null
admin=$(curl -fs -X POST "$base/api/v1/auth/token" -H "$json" \
    -d '{"email":"bench-admin@example.com","password":"correct horse battery"}' | jq -r .access_token)
admin_post() { # path, body: prints the response body
    curl -fs -X POST "$base$1" -H "$json" -H "Authorization: Bearer $admin" -d "$2"
}
services=()
for spec in api:API:Core web:Web\ app:Core worker:Workers:Core billing:Billing:; do
    IFS=: read -r slug name group <<<"$spec"
    group_json=null
    [[ -n "$group" ]] && group_json="\"$group\""
    services+=("$(admin_post /api/v1/status/services \
        "{\"slug\":\"$slug\",\"name\":\"$name\",\"description\":\"Seeded for the benchmark\",\"group\":$group_json}" | jq -r .id)")
done
for status in degraded_performance operational partial_outage; do
    admin_post "/api/v1/status/services/${services[0]}/events" "{\"status\":\"$status\",\"message\":\"Bench\"}" >/dev/null
done
admin_post "/api/v1/status/services/${services[1]}/events" '{"status":"degraded_performance"}' >/dev/null
incident=$(admin_post /api/v1/status/incidents \
    "{\"title\":\"Bench incident\",\"status\":\"investigating\",\"impact\":\"minor\",\"affected_service_ids\":[\"${services[0]}\"],\"message\":\"Looking into it\"}" |
    jq -r .id)
admin_post "/api/v1/status/incidents/$incident/updates" '{"status":"identified","message":"Found it"}' >/dev/null
curl -fs "$base/status" | grep -q "Bench incident" || { echo "[bench] the status page does not show the seeded incident" >&2; exit 1; }

cat >"$work/create.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject":"Bench","body":"Created by wrk"}'
LUA

run() { # name, extra wrk args..., url
    local name=$1
    shift
    local out
    out=$(wrk -t2 -c32 -d"${duration}s" --latency "$@" 2>&1)
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    if grep -q "Non-2xx" <<<"$out"; then
        echo "[bench] $name had non-2xx responses:" >&2
        grep "Non-2xx" <<<"$out" >&2
    fi
    printf '%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" >>"$work/results.tsv"
}

auth=(-H "Authorization: Bearer $token")
run "GET /health (baseline)" "$base/health"
run "GET /ready" "$base/ready"
run "GET /api/v1/tickets/{id}" "${auth[@]}" "$base/api/v1/tickets/$ticket"
run "GET /api/v1/tickets (page of 20)" "${auth[@]}" "$base/api/v1/tickets?page_size=20"
run "POST /api/v1/tickets" "${auth[@]}" -s "$work/create.lua" "$base/api/v1/tickets"
run "GET /api/v1/status (anonymous)" "$base/api/v1/status"
run "GET /status (HTML page)" "$base/status"

baseline=$(awk -F'\t' 'NR==1 {print $2}' "$work/results.tsv")
echo
printf '%-34s %12s %10s %10s %10s\n' "endpoint ($duration s, 2 threads, 32 connections)" "req/s" "p50" "p99" "vs /health"
awk -F'\t' -v b="$baseline" '{ printf "%-34s %12.0f %10s %10s %10.3f\n", $1, $2, $3, $4, $2 / b }' "$work/results.tsv"
