#!/usr/bin/env bash
# Load test of a running Platform (staging, say), from an operator's machine: no local database, nothing started.
#
#   build/load-test.sh --url https://staging.example.com --email EMAIL --password PASSWORD
#                      [--seconds 30] [--connections 32] [--threads 2] [--rate N] [--warmup 5]
#                      [--cases get,list,create,status]
#
#   --url          the API's base address (what serves /api/v1/...)
#   --email        an existing account; every request is sent as this user
#   --password     its password (or set LOAD_TEST_PASSWORD instead, to keep it out of the shell history)
#   --seconds N    length of each measured run (default 30)
#   --connections  keep-alive connections to hold open (default 32)
#   --threads N    wrk threads (default 2)
#   --rate N       instead of as fast as the connections allow, send N requests per second per case, on schedule,
#                  and time each from when it was due (open loop: build/bench/OpenLoop, built here with the .NET SDK)
#   --warmup N     seconds of load before each measured run, not counted (default 5)
#   --cases LIST   which of get, list, create, status to run, comma-separated (default all four)
#
# It signs in with POST /api/v1/auth/token (again whenever the access token would expire during a run), finds the
# newest ticket the account can see (creating one if there is none, and up to 21 so that a second page exists), and
# then runs, one after the other:
#   get     GET /api/v1/tickets/{id}                         with the bearer token
#   list    GET /api/v1/tickets?page_size=20&cursor=...       a keyset page (the second page)
#   create  POST /api/v1/tickets                              a new Idempotency-Key per request: every one creates
#   status  GET /api/v1/status                                anonymous
# and prints, per case, requests per second, p50 and p99 latency, and the responses that were not 2xx by class.
#
# Mind what it does to the target: create writes a ticket, an audit row and an outbox row per request, and every
# request counts against the rate limits. As shipped those allow one user 600 requests a minute and one client IP
# 120 anonymous ones: raise RateLimiting:Authenticated and RateLimiting:Anonymous on the target for the test, or most
# responses will be 429 (counted and shown, not hidden). Needs curl, jq and wrk (installed with apt-get when missing
# and possible); --rate also needs the .NET SDK.
set -euo pipefail

usage() { sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }

url="" email="" password=${LOAD_TEST_PASSWORD:-} seconds=30 connections=32 threads=2 rate="" warmup=5 cases_arg=get,list,create,status
while [[ $# -gt 0 ]]; do
    case "$1" in
    --url) url=${2:?--url needs a value}; shift ;;
    --email) email=${2:?--email needs a value}; shift ;;
    --password) password=${2:?--password needs a value}; shift ;;
    --seconds) seconds=${2:?--seconds needs a value}; shift ;;
    --connections) connections=${2:?--connections needs a value}; shift ;;
    --threads) threads=${2:?--threads needs a value}; shift ;;
    --rate) rate=${2:?--rate needs a value}; shift ;;
    --warmup) warmup=${2:?--warmup needs a value}; shift ;;
    --cases) cases_arg=${2:?--cases needs a value}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "build/load-test.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

bad() { echo "build/load-test.sh: $*" >&2; echo "Run build/load-test.sh --help for the options." >&2; exit 2; }
[[ -n "$url" ]] || bad "--url is required"
[[ "$url" =~ ^https?://[^/]+ ]] || bad "--url must start with http:// or https://, got '$url'"
url=${url%/}
[[ -n "$email" ]] || bad "--email is required"
[[ -n "$password" ]] || bad "--password (or LOAD_TEST_PASSWORD) is required"
for n in seconds connections threads; do
    [[ "${!n}" =~ ^[1-9][0-9]*$ ]] || bad "--$n takes a whole number of at least 1, got '${!n}'"
done
[[ "$warmup" =~ ^[0-9]+$ ]] || bad "--warmup takes a whole number of seconds, got '$warmup'"
[[ -z "$rate" || "$rate" =~ ^[1-9][0-9]*$ ]] || bad "--rate takes a whole number of requests per second, got '$rate'"
((connections >= threads)) || bad "--connections ($connections) must be at least --threads ($threads)"
IFS=, read -r -a cases <<<"$cases_arg"
for c in "${cases[@]}"; do
    [[ "$c" =~ ^(get|list|create|status)$ ]] || bad "--cases takes get, list, create and status, got '$c'"
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/lib/tools.sh
source "$repo/build/lib/tools.sh"
log() { printf '[load-test] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

for tool in curl jq wrk; do
    command -v "$tool" >/dev/null 2>&1 || apt_install "$tool" || die "$tool is needed and could not be installed"
done
openloop=""
if [[ -n "$rate" ]]; then
    command -v dotnet >/dev/null 2>&1 || die "--rate needs the .NET SDK (dotnet) to build build/bench/OpenLoop"
    log "building build/bench/OpenLoop (the open-loop client for --rate)"
    DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet build "$repo/build/bench/OpenLoop" -c Release -v quiet -nologo >&2 ||
        die "dotnet build build/bench/OpenLoop failed"
    openloop="$repo/build/bench/OpenLoop/bin/Release/net10.0/OpenLoop.dll"
fi

work=$(mktemp -d /tmp/platform-load-test.XXXXXX)
trap 'rm -rf "$work"' EXIT

json='Content-Type: application/json'
token="" token_expires=0
# A token that stays valid for the next $1 seconds (a fresh sign-in when the current one would not).
token_for() {
    local needed=$1 now body
    now=$(date +%s)
    if ((now + needed + 30 >= token_expires)); then
        body=$(jq -n --arg email "$email" --arg password "$password" '{email: $email, password: $password, device_name: "build/load-test.sh"}')
        local response
        response=$(curl -sS -X POST "$url/api/v1/auth/token" -H "$json" -d "$body" -w '\n%{http_code}') || die "could not reach $url"
        [[ ${response##*$'\n'} == 200 ]] || die "sign-in failed with ${response##*$'\n'}: ${response%$'\n'*}"
        token=$(jq -er .access_token <<<"${response%$'\n'*}")
        token_expires=$((now + $(jq -er .expires_in <<<"${response%$'\n'*}")))
        ((now + needed + 30 < token_expires)) ||
            log "warning: access tokens live $((token_expires - now)) s, less than a ${needed} s run: later requests will be 401"
    fi
}
api() { # method path [body]: prints the body, fails on a non-2xx status
    local args=(-fsS -X "$1" "$url$2" -H "Authorization: Bearer $token")
    [[ $# -ge 3 ]] && args+=(-H "$json" -H "Idempotency-Key: load-test-$(date +%s%N)" -d "$3")
    curl "${args[@]}"
}

log "signing in to $url as $email"
token_for 60
page=$(api GET "/api/v1/tickets?page_size=20") || die "GET /api/v1/tickets failed"
visible=$(jq -er '.total' <<<"$page")
if [[ " ${cases[*]} " =~ \ (get|list)\  ]] && ((visible < 21)); then
    log "the account sees $visible tickets; creating $((21 - visible)) so that a second page exists"
    for _ in $(seq 1 $((21 - visible))); do
        api POST /api/v1/tickets '{"subject":"Load test","body":"Created by build/load-test.sh"}' >/dev/null || die "POST /api/v1/tickets failed"
    done
    page=$(api GET "/api/v1/tickets?page_size=20")
fi
ticket=$(jq -r '.items[0].id // empty' <<<"$page")
cursor=$(jq -r '.next_cursor // empty' <<<"$page")

create_body='{"subject":"Load test","body":"Created by build/load-test.sh"}'
# wrk scripts: count responses by class in each thread and report the totals; create sends a new Idempotency-Key per
# request (a run prefix, the thread's number and a counter).
lua_common=$(
    cat <<'LUA'
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function response(status, headers, body)
  local class = status == 429 and "c429" or ("c" .. math.floor(status / 100) .. "xx")
  _G[class] = (_G[class] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, name in ipairs({ "c2xx", "c3xx", "c4xx", "c429", "c5xx" }) do
    total[name] = 0
    for _, thread in ipairs(threads) do total[name] = total[name] + (thread:get(name) or 0) end
  end
  io.write(string.format("statuses %d %d %d %d %d\n", total.c2xx, total.c3xx, total.c4xx, total.c429, total.c5xx))
end
LUA
)
printf '%s\n' "$lua_common" >"$work/read.lua"
{
    printf '%s\n' "$lua_common"
    cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$create_body'
local prefix, sent = "", 0
function init(args) prefix = (args[1] or "load-test") .. "-" .. id end
function request()
  sent = sent + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. sent
  return wrk.format()
end
LUA
} >"$work/create.lua"

declare -A path=([get]="/api/v1/tickets/$ticket" [list]="/api/v1/tickets?page_size=20&cursor=$cursor" [create]="/api/v1/tickets" [status]="/api/v1/status")
declare -A label=([get]="GET one ticket" [list]="keyset list, 20 tickets" [create]="idempotent create" [status]="anonymous GET /api/v1/status")

# run CASE SECONDS (with the token the caller made sure of): prints "req/s p50_ms p99_ms non2xx 4xx 429 5xx socket_errors".
run() {
    local case=$1 duration=$2 auth=()
    [[ $case != status ]] && auth=(-H "Authorization: Bearer $token")
    if [[ -n "$rate" ]]; then
        local args=(--url "$url${path[$case]}" --rate "$rate" --seconds "$duration" --connections "$connections")
        [[ $case != status ]] && args+=(--header "Authorization: Bearer $token")
        [[ $case == create ]] && args+=(--method POST --body "$create_body" --unique-header Idempotency-Key)
        dotnet "$openloop" "${args[@]}" | tr ' ' '\n' | awk -F= '
            { v[$1] = $2 }
            END {
                n = split(v["codes"], codes, ",")
                for (i = 1; i <= n; i++) {
                    split(codes[i], c, ":")
                    if (c[1] == 429) t429 += c[2]; else if (c[1] >= 500) t5xx += c[2]; else if (c[1] >= 400) t4xx += c[2]
                }
                printf "%s %s %s %d %d %d %d %d\n", v["rate"], v["p50_ms"], v["p99_ms"], v["non2xx"], t4xx, t429, t5xx, v["errors"]
            }'
        return
    fi
    local script="$work/read.lua"
    [[ $case == create ]] && script="$work/create.lua"
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency -s "$script" "${auth[@]}" "$url${path[$case]}" \
        -- "load-test-$(date +%s%N)" >"$work/wrk.out" 2>&1 || { cat "$work/wrk.out" >&2; die "wrk failed on ${path[$case]}"; }
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
        /Socket errors/ { errors = $4 + $6 + $8 + $10 }
        /^Requests\/sec/ { rps = $2 }
        $1 == "statuses" { c3xx = $3; c4xx = $4; c429 = $5; c5xx = $6 }
        END { printf "%s %s %s %d %d %d %d %d\n", rps, p50, p99, c3xx + c4xx + c429 + c5xx, c4xx, c429, c5xx, errors }
    ' "$work/wrk.out"
}

mode="wrk, $threads thread(s), $connections connections, as fast as they go"
[[ -n "$rate" ]] && mode="open loop at $rate req/s, up to $connections connections"
log "$mode; ${warmup} s warm-up and ${seconds} s measured per case"
rows=()
for case in "${cases[@]}"; do
    if [[ $case == get && -z "$ticket" ]] || [[ $case == list && -z "$cursor" ]]; then
        log "skipping $case: the account sees no ticket to read (or no second page)"
        continue
    fi
    # One sign-in covers both runs; run is called in a subshell, so it could not keep a fresh token of its own.
    [[ $case != status ]] && token_for $((warmup + seconds))
    ((warmup > 0)) && run "$case" "$warmup" >/dev/null
    read -r rps p50 p99 non2xx c4xx c429 c5xx errors <<<"$(run "$case" "$seconds")"
    log "$(printf '%-30s %9.0f req/s  p50 %8.2f ms  p99 %8.2f ms  non-2xx %d (4xx %d, 429 %d, 5xx %d)  socket errors %d' \
        "${label[$case]}" "$rps" "$p50" "$p99" "$non2xx" "$c4xx" "$c429" "$c5xx" "$errors")"
    rows+=("$(printf '| %s | %.0f | %.2f ms | %.2f ms | %d (4xx %d, 429 %d, 5xx %d) | %d |' \
        "${label[$case]}" "$rps" "$p50" "$p99" "$non2xx" "$c4xx" "$c429" "$c5xx" "$errors")")
done

echo
echo "build/load-test.sh against $url, $(date -u +%Y-%m-%dT%H:%MZ): $mode, ${seconds} s per case after a ${warmup} s warm-up."
echo
echo "| path | req/s | p50 | p99 | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
