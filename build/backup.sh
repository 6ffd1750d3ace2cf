#!/usr/bin/env bash
# Back up Platform's database with pg_dump in custom format (compressed, restorable with build/restore.sh).
#
#   build/backup.sh FILE                   the database named by ConnectionStrings__Platform (the service's own
#                                          setting, Npgsql form: "Host=db;Database=platform;Username=u;Password=p")
#   build/backup.sh --dbname CONN FILE     a libpq connection string or URI instead (postgresql://u@db/platform)
#
# Without either, libpq's own PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD (or ~/.pgpass) are used.
# The dump is written to FILE.partial and renamed to FILE only once pg_dump has finished and the archive's table of
# contents reads back, so FILE is never a truncated dump. It holds everything in the database: the schema and
# migrations table, users, sessions and refresh-token hashes, tickets, the status page's history, the outbox,
# idempotency keys and Quartz's tables. Treat it as secret (it is created with owner-only permissions).
#
# It runs pg_dump from the PostgreSQL binaries that build/lib/pg.sh finds (installing Debian's postgresql if there
# are none); set PG_BIN to use others. pg_dump must be the server's major version or newer.
# It takes a consistent snapshot while the service keeps running (pg_dump does not block writers).
# Exit status: 0 on success, 1 on failure (the partial file is removed), 64 on a usage error.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
# shellcheck source=build/lib/pgconn.sh
source "$repo/build/lib/pgconn.sh"

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

dbname=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --dbname)
        [[ $# -ge 2 ]] || usage
        dbname=(--dbname "$2")
        shift 2
        ;;
    -h | --help) usage ;;
    --) shift; break ;;
    -*) echo "backup: unknown option $1" >&2; usage ;;
    *) break ;;
    esac
done
[[ $# -eq 1 ]] || usage
file=$1

if [[ ${#dbname[@]} -eq 0 && -n "${ConnectionStrings__Platform:-}" ]]; then
    pgconn_export "$ConnectionStrings__Platform"
fi

pg_ensure_binaries >/dev/null || { echo "backup: no PostgreSQL client binaries (pg_dump)" >&2; exit 1; }

partial="$file.partial"
rm -f "$partial"
umask 077
trap 'rm -f "$partial"' EXIT
echo "backup: pg_dump ($PG_BIN) of ${PGDATABASE:-the database} on ${PGHOST:-local socket}:${PGPORT:-5432} to $file" >&2
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-password "${dbname[@]}" --file "$partial"
# The archive must read back before it replaces anything.
"$PG_BIN/pg_restore" --list "$partial" >/dev/null
mv -f "$partial" "$file"
trap - EXIT
echo "backup: done, $(wc -c <"$file" | tr -d ' ') bytes" >&2
