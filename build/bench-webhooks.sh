#!/usr/bin/env bash
# Webhook deliveries per second from the real delivery worker to a local receiver that answers 204, next to the bare
# HTTP request rate to the same receiver (a plain HttpClient loop at the worker's concurrency), in alternating rounds
# of one run; then the time from a ticket's commit to its receipt at p50/p99 under light load.
#
#   build/bench-webhooks.sh [--rounds 3] [--messages 20000] [--endpoints 16] [--max-concurrency 32] [--per-endpoint 4]
#                           [--batch-size 50] [--latency-events 1000] [--latency-rate 50] [--target 2000]
#
# Messages are seeded straight into webhook_messages, so the figure is delivery, not ticket creation. Starts a
# throwaway PostgreSQL on loopback and stops it on exit. Exits non-zero when the median delivery rate is below
# --target. A benchmark, not part of the test run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-webhook-bench.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
cleanup() {
    pg_stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

pg_port=$(pg_free_port 55540)
pg_start "$work/pg" "$pg_port" throwaway

dotnet build build/bench/WebhookBench -c Release -v quiet -nologo >/dev/null
ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres" \
    dotnet build/bench/WebhookBench/bin/Release/net10.0/WebhookBench.dll "$@"
