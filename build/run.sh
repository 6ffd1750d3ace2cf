#!/usr/bin/env bash
# Run the API locally with one command, on a fresh machine too.
#
#   build/run.sh [args for the app]     start (or reuse) the local database, then run the API
#   build/run.sh --stop-db              stop the local database cluster and exit
#
# Environment:
#   ConnectionStrings__Platform  if set, use that database and start no cluster
#   PLATFORM_PG_PORT             port of the local cluster (default 55432)
#   PLATFORM_URLS                where the API listens (default http://127.0.0.1:8080)
#   ASPNETCORE_ENVIRONMENT       default Development
#
# The local cluster lives in <repo>/.local/pgdata and keeps running after the API stops, so the
# next run reuses it (stop it with --stop-db).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_area="$repo/.local/pgdata"
pg_port=${PLATFORM_PG_PORT:-55432}
urls=${PLATFORM_URLS:-http://127.0.0.1:8080}

if [[ "${1:-}" == "--stop-db" ]]; then
    pg_stop "$pg_area"
    echo "[run] local PostgreSQL in $pg_area stopped"
    exit 0
fi

if [[ -z "${ConnectionStrings__Platform:-}" ]]; then
    pg_ensure_binaries
    mkdir -p "$repo/.local"
    chmod 755 "$repo/.local"
    pg_start "$pg_area" "$pg_port"
    exists=$("$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -XtAq \
        -c "select 1 from pg_database where datname = 'platform'")
    if [[ "$exists" != "1" ]]; then
        "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres platform
        echo "[run] created database 'platform'"
    fi
    export ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Database=platform;Username=postgres"
    echo "[run] PostgreSQL on 127.0.0.1:$pg_port, data in $pg_area (stop it with: build/run.sh --stop-db)"
else
    echo "[run] using ConnectionStrings__Platform from the environment"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# Development keeps the signing key and server secret it generates here, so tokens survive a restart.
export Auth__DevelopmentKeyFile=${Auth__DevelopmentKeyFile:-$repo/.local/dev-auth-keys.json}
echo "[run] serving on $urls (ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT)"
exec dotnet run --project src/Platform.Api -c Release -- --urls "$urls" "$@"
