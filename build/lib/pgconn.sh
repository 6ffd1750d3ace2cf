# shellcheck shell=bash
# Turns Platform's Npgsql connection string into libpq's environment, for build/backup.sh and build/restore.sh.
# Source this file.
#
#   pgconn_export CONNECTION_STRING   export PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE from an Npgsql
#                                     connection string ("Host=db;Port=5432;Database=platform;Username=u;Password=p")
#
# Keywords are matched without regard to case or spaces, with Npgsql's synonyms (Server, User ID, PWD, ...).
# Other keywords (pool sizes, timeouts) mean nothing to libpq and are ignored. Values that contain ';' or are quoted
# are not supported: pass a libpq connection string or URI with --dbname instead.
# Nothing here prints a value, so the password never reaches a terminal or a log.

pgconn_export() {
    local conn=${1:?pgconn_export CONNECTION_STRING} part key value
    local IFS=';'
    # shellcheck disable=SC2206 # splitting on ';' is the point
    local parts=($conn)
    unset IFS
    for part in "${parts[@]}"; do
        [[ "$part" == *=* ]] || continue
        key=${part%%=*}
        value=${part#*=}
        key=$(printf '%s' "$key" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
        # Trim surrounding spaces of the value.
        value=${value#"${value%%[![:space:]]*}"}
        value=${value%"${value##*[![:space:]]}"}
        case "$key" in
        host | server) export PGHOST="$value" ;;
        port) export PGPORT="$value" ;;
        database | db) export PGDATABASE="$value" ;;
        username | userid | user | uid) export PGUSER="$value" ;;
        password | pwd) export PGPASSWORD="$value" ;;
        sslmode) export PGSSLMODE=$(printf '%s' "$value" | tr '[:upper:]' '[:lower:]') ;;
        *) ;;
        esac
    done
}
