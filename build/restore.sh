#!/usr/bin/env bash
# Restore a build/backup.sh dump (pg_dump custom format) into a database with pg_restore.
#
#   build/restore.sh FILE                  into the database named by ConnectionStrings__Platform (Npgsql form)
#   build/restore.sh --dbname CONN FILE    into a database named by a libpq connection string or URI
#   build/restore.sh --clean ... FILE      drop the objects the dump contains first, instead of refusing a database
#                                          that already has tables
#
# Without a connection, libpq's PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD are used. The database must
# exist (createdb it first); it should be empty. Restore runs in one transaction with --exit-on-error, so a failure
# leaves the database as it was. Ownership and grants are not restored (--no-owner --no-privileges): the objects
# belong to the role that restores, which should be the role the service connects as. The dump includes
# `CREATE EXTENSION pg_trgm`, so that role needs CREATE on the database (as the migrations do).
#
# Stop the service (or point it elsewhere) before restoring over a live database. After restoring, start the service
# as usual: its migrator finds the restored schema_migrations and applies only migrations newer than the dump.
# It runs pg_restore from the binaries build/lib/pg.sh finds (PG_BIN to choose others).
# Exit status: 0 on success, 1 on failure, 64 on a usage error.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"
# shellcheck source=build/lib/pgconn.sh
source "$repo/build/lib/pgconn.sh"

usage() {
    sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 64
}

dbname=()
clean=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --dbname)
        [[ $# -ge 2 ]] || usage
        dbname=(--dbname "$2")
        shift 2
        ;;
    --clean) clean=1; shift ;;
    -h | --help) usage ;;
    --) shift; break ;;
    -*) echo "restore: unknown option $1" >&2; usage ;;
    *) break ;;
    esac
done
[[ $# -eq 1 ]] || usage
file=$1
[[ -r "$file" ]] || { echo "restore: cannot read $file" >&2; exit 1; }

if [[ ${#dbname[@]} -eq 0 && -n "${ConnectionStrings__Platform:-}" ]]; then
    pgconn_export "$ConnectionStrings__Platform"
fi

if [[ ${#dbname[@]} -eq 0 ]]; then
    # pg_restore without --dbname prints SQL instead of restoring: always name the target.
    [[ -n "${PGDATABASE:-}" ]] || { echo "restore: no target database (set ConnectionStrings__Platform, PGDATABASE or --dbname)" >&2; exit 64; }
    dbname=(--dbname "$PGDATABASE")
fi

pg_ensure_binaries >/dev/null || { echo "restore: no PostgreSQL client binaries (pg_restore)" >&2; exit 1; }

"$PG_BIN/pg_restore" --list "$file" >/dev/null || { echo "restore: $file is not a pg_dump custom-format archive" >&2; exit 1; }

tables=$("$PG_BIN/psql" --no-password --no-psqlrc --quiet --tuples-only --no-align "${dbname[@]}" \
    --command "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [[ "$tables" != 0 && $clean -eq 0 ]]; then
    echo "restore: the target database already has $tables tables in schema public; restore into an empty database or pass --clean" >&2
    exit 1
fi

options=(--no-owner --no-privileges --exit-on-error --single-transaction --no-password)
[[ $clean -eq 1 ]] && options+=(--clean --if-exists)
echo "restore: pg_restore ($PG_BIN) of $file into ${PGDATABASE:-the database} on ${PGHOST:-local socket}:${PGPORT:-5432}" >&2
"$PG_BIN/pg_restore" "${options[@]}" "${dbname[@]}" "$file"
echo "restore: done" >&2
