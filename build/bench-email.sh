#!/usr/bin/env bash
# Email messages per second from the real email worker into a local SMTP sink and a local Postmark stand-in, next
# to the bare rate of each sink (MailKit clients, or an HttpClient loop, at the worker's concurrency), in alternating
# rounds of one run. Messages are queued first through the real queue (IEmailQueue) with the worker off; only
# sending is timed.
#
#   build/bench-email.sh [--rounds 3] [--messages 3000] [--max-concurrency 8] [--target 1000]
#
# Starts a throwaway PostgreSQL on loopback and stops it on exit. Exits non-zero when neither provider's median rate
# reaches --target. A benchmark, not part of the test run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_ensure_binaries

work=$(mktemp -d /tmp/platform-email-bench.XXXXXX)
chmod 755 "$work"
[[ $(id -u) -eq 0 ]] && chown postgres: "$work"
cleanup() {
    pg_stop "$work/pg" || true
    rm -rf "$work"
}
trap cleanup EXIT

pg_port=$(pg_free_port 55560)
pg_start "$work/pg" "$pg_port" throwaway

dotnet build build/bench/EmailBench -c Release -v quiet -nologo >/dev/null
ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres" \
    dotnet build/bench/EmailBench/bin/Release/net10.0/EmailBench.dll "$@"
