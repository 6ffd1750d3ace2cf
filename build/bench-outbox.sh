#!/usr/bin/env bash
# Outbox dispatch throughput (messages per second to a no-op handler) next to the ticket-create rate of the real
# pipeline (idempotent, audited, one outbox row each), measured in alternating rounds in one run on one PostgreSQL.
#
#   build/bench-outbox.sh [--rounds 5] [--messages 20000] [--instances 1] [--batch-size 100]
#                         [--max-concurrency 4] [--create-seconds 10] [--create-concurrency 16] [--target 5000]
#
# Starts a throwaway PostgreSQL on loopback and stops it on exit. Exits non-zero when the median dispatch rate is
# below --target. A benchmark, not part of the test run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-outbox-bench.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
cleanup() {
    pg_stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

pg_port=$(pg_free_port 55520)
pg_start "$work/pg" "$pg_port" throwaway

dotnet build build/bench/OutboxBench -c Release -v quiet -nologo >/dev/null
ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres" \
    dotnet build/bench/OutboxBench/bin/Release/net10.0/OutboxBench.dll "$@"
