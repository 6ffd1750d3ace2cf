#!/usr/bin/env bash
# Platform measured against its own baseline (issue 9), in one run on one PostgreSQL.
#
#   build/bench.sh [--quick] [--seconds N] [--rounds N] [--out FILE]
#
#   --seconds N  length of each measured run (default 10); warm-up runs are half as long (at least 2 s)
#   --rounds N   measured runs per app and case (default 3)
#   --quick      a smoke check: 3 s runs, 1 round
#   --out FILE   also write the results as TSV to FILE: metric, case, baseline (BareApi's figure, or Platform's own
#                GET /health for the *_vs_platform_health rows), platform, ratio
#
# What it does, all on 127.0.0.1:
#   1. starts a throwaway PostgreSQL (build/lib/pg.sh) and builds Release: Platform.Api, build/bench/BareApi (the bare
#      reference: the same routes on raw Npgsql, no authentication, pipeline or logging) and build/bench/OpenLoop;
#   2. starts Platform in its shipped Production configuration, request logging at Information and jobs on; only the
#      rate limits are raised, because one user sends all the load. It migrates the database;
#   3. seeds through the API: one customer with 200 tickets, and a status page (four services, status events, an
#      open incident with an update);
#   4. starts BareApi on the same database and checks that it answers the same JSON as Platform;
#   5. drives each case with wrk (1 thread, 32 connections), a warm-up run per app and then alternating runs
#      (bare, Platform, bare, Platform, ...), and takes the medians. Cases: GET one ticket (Platform with a bearer
#      token), a keyset page of 20 tickets, an idempotent and audited create (a unique Idempotency-Key per request;
#      bare: a plain INSERT), anonymous GET /api/v1/status, GET /health, and GET /status (Platform's HTML page,
#      compared with Platform's own GET /health: bare has no page). The last three share their rounds, so the two
#      comparisons of Platform with itself alternate as well;
#   6. right after the GET rounds, latency at a fixed rate of half of Platform's median maximum for GET one ticket,
#      both apps at the same rate, alternating, with build/bench/OpenLoop: an open-loop client that sends each
#      request when it is due and times it from then. (wrk is closed-loop, and so is `hey -q`, whose workers wait for
#      each response before the next tick; wrk2 is not packaged here.)
#   7. allocated bytes per request of Platform for each case: dotnet-counters' dotnet.gc.heap.total_allocated over
#      one more run, divided by the requests wrk made;
#   8. RSS (VmRSS) of both processes after all of that.
# Prints a markdown table for docs/performance.md. Everything it starts is stopped on exit. Not part of the test run.
set -euo pipefail

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

seconds=10
rounds=3
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
    --quick) seconds=3 rounds=1 ;;
    --seconds) seconds=${2:?--seconds needs a value}; shift ;;
    --rounds) rounds=${2:?--rounds needs a value}; shift ;;
    --out) out=${2:?--out needs a file}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "build/bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[[ "$seconds" =~ ^[1-9][0-9]*$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "build/bench.sh: --seconds and --rounds take whole numbers of at least 1" >&2; exit 2; }
warmup=$((seconds / 2 > 2 ? seconds / 2 : 2))
[[ -n "$out" ]] && out=$(realpath -m "$out")

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
# shellcheck source=build/lib/tools.sh
source "$repo/build/lib/tools.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export PATH="$PATH:$HOME/.dotnet/tools"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v wrk >/dev/null 2>&1 || apt_install wrk
command -v jq >/dev/null 2>&1 || apt_install jq
command -v curl >/dev/null 2>&1 || apt_install curl
command -v dotnet-counters >/dev/null 2>&1 || dotnet tool install --global dotnet-counters >&2
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-bench.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
platform_pid="" bare_pid="" counters_pid=""
cleanup() {
    local status=$?
    local pid
    for pid in "$counters_pid" "$bare_pid" "$platform_pid"; do
        if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    done
    if [[ $status -ne 0 ]]; then
        [[ -s "$work/platform.log" ]] && { log "last lines of Platform's log:"; tail -n 5 "$work/platform.log" >&2; }
        [[ -s "$work/bare.log" ]] && { log "last lines of BareApi's log:"; tail -n 5 "$work/bare.log" >&2; }
    fi
    pg_stop "$work/pg" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=$(date +%s)
pg_port=$(pg_free_port 55500)
pg_start "$work/pg" "$pg_port" throwaway
"$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres platform
psql_value() { "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d platform -Atqc "$1"; }

log "building Release (Platform.Api, BareApi, OpenLoop)"
for project in src/Platform.Api build/bench/BareApi build/bench/OpenLoop; do
    dotnet build "$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; die "dotnet build $project failed"; }
done

connection="Host=127.0.0.1;Port=$pg_port;Database=platform;Username=postgres;Maximum Pool Size=64"
secret=$(head -c 32 /dev/urandom | base64)
platform_port=$(pg_free_port 18100)
bare_port=$(pg_free_port $((platform_port + 1)))
platform="http://127.0.0.1:$platform_port"
bare="http://127.0.0.1:$bare_port"

wait_healthy() { # name, base url, pid
    local _
    for _ in $(seq 1 120); do
        curl -fs "$2/health" >/dev/null 2>&1 && return 0
        kill -0 "$3" 2>/dev/null || die "$1 exited during start-up"
        sleep 0.5
    done
    die "$1 did not answer $2/health within a minute"
}

# The shipped Production configuration; the only overrides are the required secrets and the raised rate limits.
# Its log goes to a file opened for appending, so it can be emptied between runs (see check_log).
log "starting Platform on $platform"
platform_env=(
    ConnectionStrings__Platform="$connection"
    ASPNETCORE_ENVIRONMENT=Production
    Auth__SecretKey="$secret"
    Auth__SigningKeys__0__Id=bench
    Auth__SigningKeys__0__PrivateKey="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)"
    Webhooks__SecretEncryptionKey="$(head -c 32 /dev/urandom | base64)"
    Bootstrap__AdminEmails=bench-admin@example.com
    RateLimiting__Auth__PermitLimit=100000
    RateLimiting__Authenticated__PermitLimit=100000000
    RateLimiting__Anonymous__PermitLimit=100000000
)
platform_dll=src/Platform.Api/bin/Release/net10.0/Platform.Api.dll
env "${platform_env[@]}" dotnet "$platform_dll" --urls "$platform" >>"$work/platform.log" 2>&1 &
platform_pid=$!
wait_healthy Platform "$platform" "$platform_pid"

log "seeding through the API: one customer, 200 tickets, a status page"
json='Content-Type: application/json'
password='correct horse battery'
curl -fs -X POST "$platform/api/v1/auth/register" -H "$json" \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\",\"display_name\":\"Bench\"}" >/dev/null
# Access tokens live five minutes as shipped: every Platform run signs in afresh.
login() {
    curl -fs -X POST "$platform/api/v1/auth/token" -H "$json" -d "{\"email\":\"bench@example.com\",\"password\":\"$password\"}" |
        jq -er .access_token || die "could not sign in to Platform"
}
token=$(login)
for i in $(seq 1 200); do
    curl -fs -X POST "$platform/api/v1/tickets" -H "$json" -H "Authorization: Bearer $token" \
        -d "{\"subject\":\"Seed $i\",\"body\":\"Seeded for the benchmark\"}" >/dev/null
done
first_page=$(curl -fs "$platform/api/v1/tickets?page_size=20" -H "Authorization: Bearer $token")
ticket=$(jq -er '.items[0].id' <<<"$first_page")
requester=$(jq -er '.items[0].requester_id' <<<"$first_page")
# The keyset case reads the second page: without a cursor, Platform answers an offset page with its total.
cursor=$(jq -er '.next_cursor' <<<"$first_page")

curl -fs -X POST "$platform/api/v1/auth/register" -H "$json" \
    -d "{\"email\":\"bench-admin@example.com\",\"password\":\"$password\",\"display_name\":\"Bench admin\"}" >/dev/null
# A bootstrap address becomes admin once verified: the operator command vouches for it, as before mail works.
env "${platform_env[@]}" dotnet "$platform_dll" verify-email bench-admin@example.com >>"$work/platform.log" 2>&1 ||
    die "verify-email for the bench admin failed (see $work/platform.log)"
admin=$(curl -fs -X POST "$platform/api/v1/auth/token" -H "$json" \
    -d "{\"email\":\"bench-admin@example.com\",\"password\":\"$password\"}" | jq -er .access_token)
admin_post() { # path, body: prints the response body
    curl -fs -X POST "$platform$1" -H "$json" -H "Authorization: Bearer $admin" -d "$2"
}
services=()
for spec in api:API:Core web:Web\ app:Core worker:Workers:Core billing:Billing:; do
    IFS=: read -r slug name group <<<"$spec"
    group_json=null
    [[ -n "$group" ]] && group_json="\"$group\""
    services+=("$(admin_post /api/v1/status/services \
        "{\"slug\":\"$slug\",\"name\":\"$name\",\"description\":\"Seeded for the benchmark\",\"group\":$group_json}" | jq -er .id)")
done
for status in degraded_performance operational partial_outage; do
    admin_post "/api/v1/status/services/${services[0]}/events" "{\"status\":\"$status\",\"message\":\"Bench\"}" >/dev/null
done
admin_post "/api/v1/status/services/${services[1]}/events" '{"status":"degraded_performance"}' >/dev/null
incident=$(admin_post /api/v1/status/incidents \
    "{\"title\":\"Bench incident\",\"status\":\"investigating\",\"impact\":\"minor\",\"affected_service_ids\":[\"${services[0]}\"],\"message\":\"Looking into it\"}" |
    jq -er .id)
admin_post "/api/v1/status/incidents/$incident/updates" '{"status":"identified","message":"Found it"}' >/dev/null
curl -fs "$platform/status" | grep -q "Bench incident" || die "the status page does not show the seeded incident"

log "starting BareApi on $bare"
ConnectionStrings__Platform="$connection" Bare__SecretKey="$secret" Bare__RequesterId="$requester" \
    dotnet build/bench/BareApi/bin/Release/net10.0/BareApi.dll --urls "$bare" >"$work/bare.log" 2>&1 &
bare_pid=$!
wait_healthy BareApi "$bare" "$bare_pid"

# The comparison only means something if both answer the same rows in the same shape.
same_json() { # path
    diff <(curl -fs "$platform$1" -H "Authorization: Bearer $token" | jq -S .) <(curl -fs "$bare$1" | jq -S .) >&2 ||
        die "BareApi and Platform answer $1 differently (above: < Platform, > BareApi)"
}
same_json "/api/v1/tickets/$ticket"
same_json "/api/v1/tickets?page_size=20"
same_json "/api/v1/tickets?page_size=20&cursor=$cursor"
same_json "/api/v1/status"
same_json "/health"
created_shape='del(.id, .created_at, .updated_at)'
diff <(curl -fs -X POST "$platform/api/v1/tickets" -H "$json" -H "Authorization: Bearer $token" -H "Idempotency-Key: shape-check" \
    -d '{"subject":"Shape check","body":"Both apps"}' | jq -S "$created_shape") \
    <(curl -fs -X POST "$bare/api/v1/tickets" -H "$json" -d '{"subject":"Shape check","body":"Both apps"}' | jq -S "$created_shape") >&2 ||
    die "BareApi and Platform create tickets differently (above: < Platform, > BareApi)"

# The create: the same request to both apps, with an Idempotency-Key that is new on every request (the run's own
# prefix, the script's argument, and a counter), so Platform really creates each time; BareApi ignores it.
cat >"$work/create.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject":"Printer on fire","body":"Created by wrk for the benchmark"}'
local prefix, sent = "", 0
function init(args) prefix = args[1] or "" end
function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. sent
  return wrk.format()
end
LUA

# Cases: label, path, whether Platform needs a token, whether BareApi serves it.
cases=(get list create status health page)
declare -A label=([get]="GET one ticket" [list]="keyset list, 20 tickets" [create]="idempotent + audited create"
    [status]="anonymous GET /api/v1/status" [health]="GET /health" [page]="GET /status (HTML page)")
declare -A path=([get]="/api/v1/tickets/$ticket" [list]="/api/v1/tickets?page_size=20&cursor=$cursor" [create]="/api/v1/tickets"
    [status]="/api/v1/status" [health]="/health" [page]="/status")
declare -A needs_token=([get]=1 [list]=1 [create]=1 [status]=0 [health]=0 [page]=0)
declare -A has_bare=([get]=1 [list]=1 [create]=1 [status]=1 [health]=1 [page]=0)

# wrk_case APP CASE SECONDS: one wrk run; prints "req/s p50_ms p99_ms non2xx socket_errors requests".
wrk_case() {
    local app=$1 case=$2 duration=$3 base args=()
    [[ $app == bare ]] && base=$bare || base=$platform
    [[ $app == platform && ${needs_token[$case]} == 1 ]] && args+=(-H "Authorization: Bearer $(login)")
    [[ $case == create ]] && args+=(-s "$work/create.lua")
    wrk -t1 -c32 -d"${duration}s" --timeout 5s --latency "${args[@]}" "$base${path[$case]}" -- "run-$(date +%s%N)" >"$work/wrk.out" 2>&1 ||
        { cat "$work/wrk.out" >&2; die "wrk failed on $app ${path[$case]}"; }
    awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /m$/) return v * 60000
            if (v ~ /s$/) return v * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { requests = $1 }
        /Socket errors/ { errors = $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx/ { non2xx = $NF }
        /^Requests\/sec/ { rps = $2 }
        END { printf "%s %s %s %d %d %d\n", rps, p50, p99, non2xx, errors, requests }
    ' "$work/wrk.out"
}

# After a Platform run: report what it logged above Information (each kind of event once, with its exception's first
# frames and the request line of its first occurrence), then empty the log: a line per request adds up.
check_log() { # what
    local problems
    problems=$(grep -c '"@l":"\(Warning\|Error\|Fatal\)"' "$work/platform.log" || true)
    if [[ $problems -gt 0 ]]; then
        log "warning: Platform logged $problems warnings or errors during $1:"
        grep '"@l":"\(Warning\|Error\|Fatal\)"' "$work/platform.log" |
            jq -rs 'group_by(."@i")[] | [length, .[0]."@l", .[0]."@m", ((.[0]."@x" // "") | split("\n") | map(select(length > 0)) | [.[0]] + (map(select(test("^ +at ")) | sub("^ +at "; "at ")) | .[0:4]) | map(select(. != null)) | join(" ")), (.[0]."@tr" // "")] | map(tostring | gsub("[\u001f\n]"; " ")) | join("\u001f")' |
            while IFS=$'\x1f' read -r count level message exception trace; do
                request=""
                [[ -n "$trace" ]] && request=$(grep -m 1 "\"@tr\":\"$trace\".*\"SourceContext\":\"Serilog.AspNetCore.RequestLoggingMiddleware\"" "$work/platform.log" |
                    jq -r '"\(.RequestMethod) \(.RequestPath) responded \(.StatusCode)"' || true)
                log "  $count x $level: $message${exception:+ | $exception}${request:+ ($request)}"
            done || true
    fi
    : >"$work/platform.log"
}

# After Platform's creates: let the outbox dispatcher drain them, so it does not compete with the next run.
wait_outbox() {
    local pending _
    for _ in $(seq 1 240); do
        pending=$(psql_value "SELECT count(*) FROM outbox_messages WHERE status = 'pending'")
        [[ $pending -eq 0 ]] && return 0
        sleep 0.5
    done
    log "warning: $pending outbox messages still pending after two minutes; measuring on"
}

# measure APP CASE SECONDS KIND: one run, recorded in runs.tsv (kind: warmup or round N).
measure() {
    local app=$1 case=$2 duration=$3 kind=$4 result rps p50 p99 non2xx errors requests
    result=$(wrk_case "$app" "$case" "$duration")
    # A pause between runs, before the log is read: requests wrk left in flight finish (or fail) meanwhile.
    sleep 1
    read -r rps p50 p99 non2xx errors requests <<<"$result"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$app" "$kind" "$rps" "$p50" "$p99" "$non2xx" "$errors" >>"$work/runs.tsv"
    log "$(printf '%-28s %-8s %-8s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s' "${label[$case]}" "$app" "$kind" "$rps" "$p50" "$p99" \
        "$([[ $non2xx -gt 0 || $errors -gt 0 ]] && echo "  ($non2xx non-2xx, $errors socket errors of $requests)")")"
    if [[ $app == platform ]]; then
        check_log "$case $kind"
        [[ $case == create ]] && wait_outbox
    fi
    return 0
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_of() { # case app column (4 req/s, 5 p50, 6 p99) from the measured rounds
    awk -F'\t' -v c="$1" -v a="$2" -v k="$3" '$1 == c && $2 == a && $3 ~ /^round/ { print $k }' "$work/runs.tsv" | median
}

check_log "start-up and seeding"
# Latency at a fixed rate: half of Platform's median maximum for GET one ticket, the same rate for both apps,
# alternating. It runs right after the GET rounds, in the conditions that maximum was measured in (before the creates
# grow the tables and give the outbox dispatcher work).
measure_latency() {
    local platform_get line pair round app args
    platform_get=$(median_of get platform 4)
    rate=$(awk -v r="$platform_get" 'BEGIN { printf "%d", r / 2 }')
    [[ $rate -ge 1 ]] || die "Platform's GET rate ($platform_get req/s) is too low for a latency run"
    log "latency: GET one ticket at $rate req/s (half of Platform's $platform_get), open loop, 32 connections, $rounds round(s) of ${seconds} s"
    : >"$work/latency.tsv"
    for round in $(seq 1 "$rounds"); do
        for app in bare platform; do
            sleep 1
            args=(--url "$([[ $app == bare ]] && echo "$bare" || echo "$platform")${path[get]}" --rate "$rate" --seconds "$seconds" --connections 32)
            [[ $app == platform ]] && args+=(--header "Authorization: Bearer $(login)")
            line=$(dotnet build/bench/OpenLoop/bin/Release/net10.0/OpenLoop.dll "${args[@]}")
            declare -A r=()
            for pair in $line; do r[${pair%%=*}]=${pair#*=}; done
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$app" "${r[rate]}" "${r[p50_ms]}" "${r[p99_ms]}" "$((r[non2xx] + r[errors]))" "${r[send_lag_p99_ms]}" >>"$work/latency.tsv"
            log "$(printf 'fixed rate %-8s round%-3s %9s req/s  p50 %7s ms  p99 %7s ms  (%s non-2xx, %s errors; client send lag p99 %s ms)' \
                "$app" "$round" "${r[rate]}" "${r[p50_ms]}" "${r[p99_ms]}" "${r[non2xx]}" "${r[errors]}" "${r[send_lag_p99_ms]}")"
            [[ $app == platform ]] && check_log "the latency run"
        done
    done
}

# Cases run in groups: within a group each round runs every case, bare then Platform, so the cases Platform is
# compared with itself on (status and page against /health) alternate too.
groups=(get list create "status health page")
log "throughput: $rounds round(s) of ${seconds} s per app and case after a ${warmup} s warm-up, wrk 1 thread 32 connections"
: >"$work/runs.tsv"
for group in "${groups[@]}"; do
    read -r -a members <<<"$group"
    for case in "${members[@]}"; do
        for app in bare platform; do
            [[ $app == bare && ${has_bare[$case]} == 0 ]] || measure "$app" "$case" "$warmup" warmup
        done
    done
    for round in $(seq 1 "$rounds"); do
        for case in "${members[@]}"; do
            for app in bare platform; do
                [[ $app == bare && ${has_bare[$case]} == 0 ]] || measure "$app" "$case" "$seconds" "round$round"
            done
        done
    done
    if [[ $group == get ]]; then measure_latency; fi
done

latency_of() { awk -F'\t' -v a="$1" -v k="$2" '$1 == a { print $k }' "$work/latency.tsv" | median; }

# Allocated bytes per request: one more run per case with dotnet-counters attached for a fixed time around it. Its
# CSV (written when the session ends) has one row per second with the bytes allocated in that second; their sum,
# divided by the requests wrk made, is the figure. The few tens of KB a second an idle Platform allocates before and
# after the run are included, and negligible.
alloc_seconds=$((seconds < 5 ? seconds : 5))
# Starts a dotnet-counters session on Platform for a fixed time; fails if it has not started within a minute.
start_counters() { # csv
    local _
    dotnet-counters collect -p "$platform_pid" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' \
        --refresh-interval 1 --format csv -o "$1" --duration "00:00:00:$(printf '%02d' $((alloc_seconds + 5)))" >"$work/counters.log" 2>&1 &
    counters_pid=$!
    for _ in $(seq 1 240); do
        grep -qs "Starting a counter session" "$work/counters.log" && return 0
        kill -0 "$counters_pid" 2>/dev/null || break
        sleep 0.25
    done
    kill "$counters_pid" 2>/dev/null || true
    wait "$counters_pid" 2>/dev/null || true
    counters_pid=""
    log "dotnet-counters did not start a session on Platform: $(tr '\n' ' ' <"$work/counters.log")"
    return 1
}
log "allocations: one ${alloc_seconds} s Platform run per case with dotnet-counters"
declare -A alloc=()
for case in "${cases[@]}"; do
    csv="$work/alloc-$case.csv"
    alloc[$case]=nan
    # The figure is a side measurement: a session that will not start (a second try included) costs it, not the run.
    start_counters "$csv" || start_counters "$csv" || { log "warning: no allocation figure for $case"; continue; }
    sleep 2
    result=$(wrk_case platform "$case" "$alloc_seconds")
    read -r rps _ _ non2xx errors requests <<<"$result"
    wait "$counters_pid" || true
    counters_pid=""
    if [[ -s "$csv" ]]; then
        alloc[$case]=$(awk -F, -v n="$requests" 'NR > 1 && $3 ~ /total_allocated/ { s += $5 } END { printf "%.0f", (n > 0 ? s / n : 0) }' "$csv")
        log "$(printf '%-28s platform %9.0f req/s  %s bytes allocated per request' "${label[$case]}" "$rps" "${alloc[$case]}")"
    else
        log "warning: dotnet-counters wrote no figures for $case: $(tr '\n' ' ' <"$work/counters.log")"
    fi
    check_log "the allocation run for $case"
    if [[ $case == create ]]; then wait_outbox; fi
done

# RSS after the whole benchmark (attaching dotnet-counters does not move it: checked by hand).
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
platform_rss=$(rss_mb "$platform_pid")
bare_rss=$(rss_mb "$bare_pid")

# The results. Ratios are Platform / bare (for latency: Platform's milliseconds / bare's, lower is better).
ratio() { awk -v p="$1" -v b="$2" 'BEGIN { if (b > 0 && p != "nan" && b != "nan") printf "%.2f", p / b; else print "n/a" }'; }
kilo() { awk -v v="$1" 'BEGIN { if (v == "nan") print "n/a"; else if (v >= 10000) printf "%.1fk", v / 1000; else printf "%.0f", v }'; }
: >"$work/results.tsv"
result_row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$work/results.tsv"; }

declare -A target=([get]=">= 0.60" [list]=">= 0.60" [create]=">= 0.40")
table=()
for case in "${cases[@]}"; do
    p=$(median_of "$case" platform 4)
    if [[ ${has_bare[$case]} == 1 ]]; then
        b=$(median_of "$case" bare 4)
        result_row req_per_s "$case" "$b" "$p" "$(ratio "$p" "$b")"
        table+=("| ${label[$case]} | $(kilo "$b") req/s | $(kilo "$p") | $(ratio "$p" "$b") | ${target[$case]:-} |")
    else
        result_row req_per_s "$case" "" "$p" ""
    fi
done
platform_health=$(median_of health platform 4)
status_vs_health=$(ratio "$(median_of status platform 4)" "$platform_health")
page_vs_health=$(ratio "$(median_of page platform 4)" "$platform_health")
result_row req_per_s_vs_platform_health status "$platform_health" "$(median_of status platform 4)" "$status_vs_health"
result_row req_per_s_vs_platform_health page "$platform_health" "$(median_of page platform 4)" "$page_vs_health"
table+=("| anonymous status JSON vs Platform's GET /health | | $(kilo "$(median_of status platform 4)") vs $(kilo "$platform_health") | $status_vs_health | >= 0.90 |")
table+=("| GET /status (HTML page) vs Platform's GET /health | | $(kilo "$(median_of page platform 4)") vs $(kilo "$platform_health") | $page_vs_health | |")
for k in 3:p50 4:p99; do
    column=${k%%:*} name=${k#*:}
    b=$(latency_of bare "$column")
    p=$(latency_of platform "$column")
    result_row "${name}_ms_at_${rate}_req_per_s" get "$b" "$p" "$(ratio "$p" "$b")"
    must=""
    if [[ $name == p99 ]]; then must="<= 2.00"; fi
    table+=("| $name, GET one ticket at $rate req/s (half of Platform's max), open loop | $b ms | $p ms | $(ratio "$p" "$b") | $must |")
done
result_row rss_mb all "$bare_rss" "$platform_rss" "$(ratio "$platform_rss" "$bare_rss")"
table+=("| RSS after the whole benchmark | $bare_rss MB | $platform_rss MB | | <= 192 MB |")
for case in "${cases[@]}"; do
    result_row bytes_allocated_per_request "$case" "" "${alloc[$case]}" ""
    table+=("| allocated per request, ${label[$case]} | | $(awk -v v="${alloc[$case]}" 'BEGIN { if (v == "nan") print "n/a"; else printf "%.1f KB", v / 1024 }') | | |")
done

problems=$(awk -F'\t' '$3 !~ /^warmup/ && ($7 > 0 || $8 > 0)' "$work/runs.tsv" | wc -l)
problems=$((problems + $(awk -F'\t' '$5 > 0' "$work/latency.tsv" | wc -l)))
elapsed=$(($(date +%s) - started))

echo
echo "build/bench.sh --seconds $seconds --rounds $rounds: $(git rev-parse --short HEAD), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $((elapsed / 60)) min $((elapsed % 60)) s."
echo "Medians of $rounds alternating run(s) per app (bare, Platform, ...); wrk 1 thread, 32 connections, ${seconds} s runs after a ${warmup} s warm-up."
echo
echo "| path | bare | Platform | ratio | must reach |"
echo "|---|---|---|---|---|"
printf '%s\n' "${table[@]}"
echo
echo "BareApi reads the status tables on every request; Platform serves GET /api/v1/status from an in-memory snapshot, so"
echo "that ratio may exceed 1. The bare create is a plain INSERT; Platform's also writes its idempotency key, audit row and outbox row."
[[ $problems -gt 0 ]] && { echo; echo "Warning: $problems measured run(s) had non-2xx responses or socket errors (see the [bench] lines above)."; }
if [[ -n "$out" ]]; then
    { printf 'metric\tcase\tbaseline\tplatform\tratio\n'; cat "$work/results.tsv"; } >"$out"
    log "wrote $out"
fi
