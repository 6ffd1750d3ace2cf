#!/usr/bin/env bash
# Sourceable helpers that install the command-line tools the tests use, from Debian's packages.

_tools_log() { printf '[tools] %s\n' "$*" >&2; }

# apt_install PACKAGE...: non-interactive install that never starts the packages' own services.
apt_install() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { _tools_log "cannot install $*: not root and no sudo"; return 1; }
        sudo=(sudo -E)
    fi
    local policy=/usr/sbin/policy-rc.d made_policy=0 rc=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy" && made_policy=1
    fi
    _tools_log "installing $* with apt-get"
    {
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
    } >/dev/null 2>&1 || rc=$?
    [[ $made_policy -eq 1 ]] && "${sudo[@]}" rm -f "$policy"
    return $rc
}

# promtool (from Debian's prometheus package) checks that /metrics is valid Prometheus text exposition.
ensure_promtool() {
    command -v promtool >/dev/null 2>&1 && return 0
    apt_install prometheus || { _tools_log "could not install prometheus (promtool)"; return 1; }
    # The package may start a prometheus server on a machine with an init system; the tests do not want it.
    pkill -x prometheus >/dev/null 2>&1 || true
    command -v promtool >/dev/null 2>&1
}
