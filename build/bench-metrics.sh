#!/usr/bin/env bash
# Cost of the /metrics exporter candidates, measured in one run against the same app with metrics off.
#
#   build/bench-metrics.sh [seconds per run, default 10] [rounds, default 2] [git revision, default 9c0ac55]
#
# For each round it runs every mode in turn (none, opentelemetry, prometheus-net: A,B,C,A,B,C...), each in a fresh
# Release process of the API on loopback with request logging at Warning (so logging does not dominate):
#   - throughput: wrk on GET /health (2 threads, 32 connections) after a 5 s warm-up;
#   - scrape cost: GET /metrics back to back from one wrk connection for 5 s, after traffic on a few routes (ms per
#     scrape, and the size of the text);
#   - validity: the scraped text through `promtool check metrics`.
# It prints each run and then the means, as ratios to "none". The modes are the temporary `Metrics:Exporter` setting,
# which the decision (adr/0022) removed with the losing exporter, so by default the script builds revision 9c0ac55
# (the last with the setting) in a temporary worktree. Pass "." to build the working tree instead.
# Nothing leaves 127.0.0.1; everything it starts is stopped on exit.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
# shellcheck source=build/lib/tools.sh
source "$repo/build/lib/tools.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

duration=${1:-10}
rounds=${2:-2}
rev=${3:-9c0ac55}
modes=(${MODES:-none opentelemetry prometheus-net})
command -v wrk >/dev/null 2>&1 || apt_install wrk
ensure_promtool
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-bench-metrics.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
api_pid=""
tree="$repo"
cleanup() {
    if [[ -n "$api_pid" ]]; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
    pg_stop "$work/pg" >/dev/null 2>&1 || true
    [[ "$tree" != "$repo" ]] && git -C "$repo" worktree remove --force "$tree" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

if [[ "$rev" != "." ]]; then
    tree="$work/tree"
    git -C "$repo" worktree add --detach "$tree" "$rev" >/dev/null
fi

pg_port=$(pg_free_port 55520)
pg_start "$work/pg" "$pg_port" throwaway >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres platform

echo "[bench-metrics] building $tree (Release)"
dotnet build "$tree/src/Platform.Api" -c Release -v quiet -nologo >/dev/null
dll="$tree/src/Platform.Api/bin/Release/net10.0/Platform.Api.dll"
secret=$(head -c 32 /dev/urandom | base64)
pem=$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)
api_port=$(pg_free_port 18200)
base="http://127.0.0.1:$api_port"

start_api() { # mode
    ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=platform;Username=postgres;Maximum Pool Size=64" \
    ASPNETCORE_ENVIRONMENT=Production Auth__SecretKey="$secret" Auth__SigningKeys__0__Id=bench Auth__SigningKeys__0__PrivateKey="$pem" \
    RateLimiting__Anonymous__PermitLimit=1000000000 RateLimiting__Authenticated__PermitLimit=1000000000 \
    Jobs__Enabled=false Serilog__MinimumLevel__Default=Warning Metrics__Exporter="$1" \
        dotnet "$dll" --urls "$base" >"$work/api-$1.log" 2>&1 &
    api_pid=$!
    for _ in $(seq 1 120); do
        curl -fs "$base/health" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    tail -20 "$work/api-$1.log" >&2
    echo "[bench-metrics] API did not start ($1)" >&2
    exit 1
}

stop_api() {
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
}

printf 'round\tmode\treq_per_s\tp99\tscrape_ms\tscrape_bytes\tpromtool\n' >"$work/runs.tsv"
for round in $(seq 1 "$rounds"); do
    for mode in "${modes[@]}"; do
        start_api "$mode"
        # One scrape first: prometheus-net's MeterAdapter only starts collecting after its first collection
        # (prometheus-net issue #487), and a real deployment is scraped from the start.
        curl -s -o /dev/null "$base/metrics"
        wrk -t2 -c32 -d5s "$base/health" >/dev/null 2>&1
        out=$(wrk -t2 -c32 -d"${duration}s" --latency "$base/health" 2>&1)
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p99=$(awk '$1=="99%" {print $2}' <<<"$out")
        # Series on a few routes and statuses, then the scrape cost.
        for _ in $(seq 1 20); do
            curl -s -o /dev/null "$base/ready"; curl -s -o /dev/null "$base/api/v1/tickets"; curl -s -o /dev/null "$base/nope"
        done
        scrape_ms=n/a bytes=n/a check=n/a
        if [[ $(curl -s -o "$work/metrics.txt" -w '%{http_code}' "$base/metrics") == 200 ]]; then
            bytes=$(wc -c <"$work/metrics.txt")
            check=ok
            promtool check metrics <"$work/metrics.txt" >"$work/promtool-$mode.txt" 2>&1 || check="FAIL(see below)"
            # Scrape cost: one scraper, back to back, for 5 s; milliseconds per scrape.
            scrapes=$(wrk -t1 -c1 -d5s "$base/metrics" 2>&1 | awk '/Requests\/sec/ {print $2}')
            scrape_ms=$(awk -v r="$scrapes" 'BEGIN { printf "%.2f", 1000 / r }')
        fi
        stop_api
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$rps" "$p99" "$scrape_ms" "$bytes" "$check" | tee -a "$work/runs.tsv"
        [[ "$check" == ok || "$check" == n/a ]] || cat "$work/promtool-$mode.txt"
    done
done

echo
echo "means over $rounds rounds ($duration s each; GET /health, wrk 2 threads, 32 connections; scrapes by one wrk connection)"
awk -F'\t' 'NR > 1 { n[$2]++; rps[$2] += $3; if ($5 != "n/a") { s[$2] += $5; b[$2] = $6 } ; order[$2] = NR }
    END {
        base = rps["none"] / n["none"]
        printf "%-16s %10s %12s %12s %12s\n", "mode", "req/s", "vs none", "scrape ms", "bytes"
        for (m in n) printf "%-16s %10.0f %12.3f %12s %12s\n", m, rps[m] / n[m], (rps[m] / n[m]) / base,
            (m in s) ? sprintf("%.2f", s[m] / n[m]) : "n/a", (m in b) ? b[m] : "n/a"
    }' "$work/runs.tsv"
