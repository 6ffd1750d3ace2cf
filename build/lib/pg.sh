# shellcheck shell=bash
# Local PostgreSQL helpers for build/run.sh and build/test.sh. Source this file.
#
#   pg_ensure_binaries               install Debian's postgresql if no initdb exists; sets PG_BIN
#   pg_start AREA PORT [throwaway]   initdb (if needed) and start a cluster; waits until it accepts connections
#   pg_stop AREA                     stop the cluster (no-op if it is not running)
#   pg_is_running AREA               exit 0 if the cluster in AREA is running
#   pg_free_port PORT                print PORT, or the next free TCP port on 127.0.0.1 after it
#
# AREA is a folder this script owns completely:
#   AREA/data        the cluster (PGDATA)
#   AREA/socket      unix_socket_directories (kept out of /var/run/postgresql and /tmp)
#   AREA/log/postgresql.log
#
# PostgreSQL refuses to run as root, so when we are root every server-side binary runs as the
# `postgres` OS user (runuser), which owns AREA. Not root: everything runs as the current user.
# Authentication is `trust` for local sockets and 127.0.0.1/::1 only; the server listens on
# 127.0.0.1 only. Superuser: postgres, no password.

_pg_log() { printf '[pg] %s\n' "$*" >&2; }

_pg_die() {
    _pg_log "error: $*"
    return 1
}

# Run a command as the cluster's OS user, from a directory that user can read.
_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# Print the newest /usr/lib/postgresql/<version>/bin that has initdb (or $PG_BIN if set and valid).
_pg_find_bin() {
    if [[ -n "${PG_BIN:-}" && -x "${PG_BIN}/initdb" ]]; then
        printf '%s\n' "$PG_BIN"
        return 0
    fi
    local d newest=""
    while IFS= read -r d; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && newest="$d"
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    [[ -n "$newest" ]] || return 1
    printf '%s\n' "$newest"
}

_pg_apt_install() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || _pg_die "postgresql is not installed and we are not root (no sudo)" || return 1
        sudo=(sudo -E)
    fi
    command -v apt-get >/dev/null 2>&1 || _pg_die "postgresql is not installed and apt-get is missing" || return 1
    # Keep the package's post-install from starting its default cluster on 5432: we start our own.
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy" && made_policy=1
    fi
    _pg_log "installing postgresql with apt-get (no initdb under /usr/lib/postgresql/*/bin)"
    local rc=0
    {
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql
    } >&2 || rc=$?
    [[ $made_policy -eq 1 ]] && "${sudo[@]}" rm -f "$policy"
    return $rc
}

pg_ensure_binaries() {
    local bin
    if ! bin=$(_pg_find_bin); then
        _pg_apt_install || _pg_die "apt-get install postgresql failed" || return 1
        bin=$(_pg_find_bin) || _pg_die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin" || return 1
    fi
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        _pg_die "running as root but there is no 'postgres' OS user to run the server" || return 1
    fi
    PG_BIN="$bin"
    export PG_BIN
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
_pg_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_free_port() {
    local port=$1 last=$(($1 + 100))
    while ((port <= last)); do
        if ! _pg_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
        port=$((port + 1))
    done
    _pg_die "no free port in $1..$last"
}

# State letter of a process (R, S, Z...) from /proc, empty if it does not exist.
_pg_proc_state() {
    [[ -n "$1" && -r "/proc/$1/stat" ]] || return 0
    sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1
}

pg_is_running() {
    local area=$1 pid
    [[ -f "$area/data/PG_VERSION" ]] || return 1
    pg_ensure_binaries || return 1
    # A killed postmaster can linger as a zombie that pg_ctl status still counts as running.
    pid=$(head -n 1 "$area/data/postmaster.pid" 2>/dev/null || true)
    [[ "$(_pg_proc_state "$pid")" == Z ]] && return 1
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$area/data" status >/dev/null 2>&1
}

# Port a running cluster listens on (from postmaster.pid line 4).
_pg_running_port() {
    sed -n '4p' "$1/data/postmaster.pid" 2>/dev/null
}

_pg_wait_ready() {
    local port=$1 tries=${2:-60} i
    for ((i = 0; i < tries; i++)); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; then
            return 0
        fi
        sleep 0.5
    done
    return 1
}

pg_start() {
    local area=${1:?pg_start AREA PORT [throwaway]} port=${2:?pg_start AREA PORT [throwaway]} mode=${3:-}
    pg_ensure_binaries || return 1

    mkdir -p "$area" || return 1
    area=$(cd "$area" && pwd -P)
    local data="$area/data" sock="$area/socket" logdir="$area/log"

    if pg_is_running "$area"; then
        local running_port
        running_port=$(_pg_running_port "$area")
        if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
            _pg_die "cluster in $area is already running on port $running_port, not $port" || return 1
        fi
        _pg_wait_ready "$port" || _pg_die "cluster in $area runs but does not answer on port $port" || return 1
        _pg_log "reusing running cluster $data on 127.0.0.1:$port"
        return 0
    fi

    # After a crash: wait for a dead postmaster (zombie) to be reaped, or the new one refuses the lock file.
    local old_pid i
    old_pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
    for ((i = 0; i < 60; i++)); do
        [[ -n "$(_pg_proc_state "$old_pid")" ]] || break
        sleep 0.5
    done

    if _pg_port_in_use "$port"; then
        _pg_die "port $port on 127.0.0.1 is taken by another process; choose another port" || return 1
    fi

    if [[ $(id -u) -eq 0 ]]; then
        mkdir -p "$data" "$sock" "$logdir"
        chown postgres: "$area" "$sock" "$logdir"
        chown -R postgres: "$data"
        chmod 700 "$data"
        chmod 755 "$area" "$sock" "$logdir"
        # The postgres user must be able to reach the area through its parents.
        if ! runuser -u postgres -- test -x "$area"; then
            _pg_die "the postgres OS user cannot traverse to $area (a parent folder is not world-executable)" || return 1
        fi
    else
        mkdir -p "$data" "$sock" "$logdir"
        chmod 700 "$data"
    fi

    if [[ ! -f "$data/PG_VERSION" ]]; then
        _pg_log "initdb $data"
        if ! _pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=trust \
            --encoding=UTF8 --no-locale >"$logdir/initdb.log" 2>&1; then
            cat "$logdir/initdb.log" >&2
            _pg_die "initdb failed" || return 1
        fi
        printf "\n# Settings managed by build/lib/pg.sh (rewritten on every start)\ninclude_if_exists = 'platform.conf'\n" |
            _pg_as_owner tee -a "$data/postgresql.conf" >/dev/null
    fi

    {
        printf '# Written by build/lib/pg.sh on every start: edits here are lost.\n'
        printf "listen_addresses = '127.0.0.1'\n"
        printf 'port = %s\n' "$port"
        printf "unix_socket_directories = '%s'\n" "$sock"
        printf 'max_connections = 300\n'
        if [[ "$mode" == throwaway ]]; then
            printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
        fi
    } | _pg_as_owner tee "$data/platform.conf" >/dev/null

    _pg_log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$port, data $data${mode:+ ($mode)}"
    if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$logdir/postgresql.log" -w -t 60 start >/dev/null 2>&1; then
        tail -n 30 "$logdir/postgresql.log" >&2 2>/dev/null
        _pg_die "pg_ctl start failed (log: $logdir/postgresql.log)" || return 1
    fi
    _pg_wait_ready "$port" || _pg_die "PostgreSQL on port $port did not become ready (log: $logdir/postgresql.log)" || return 1
}

pg_stop() {
    local area=${1:?pg_stop AREA}
    [[ -d "$area" ]] || return 0
    area=$(cd "$area" && pwd -P)
    pg_is_running "$area" || return 0
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$area/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$area/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
        _pg_die "could not stop the cluster in $area"
}
