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
    # Quiet when it works; on failure apt's own last lines say why (no network, unknown package, dpkg lock).
    local log
    log=$(mktemp) || return 1
    {
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
    } >"$log" 2>&1 || rc=$?
    [[ $made_policy -eq 1 ]] && "${sudo[@]}" rm -f "$policy"
    if [[ $rc -ne 0 ]]; then
        _tools_log "apt-get failed (exit $rc) installing $*; its last lines:"
        tail -n 15 "$log" >&2
    fi
    rm -f "$log"
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

# Debian's Alertmanager, for the alerting test (PrometheusAlertingProcessTests): Prometheus sends it the alert, it
# sends it on to a webhook receiver of the test's own.
ensure_alertmanager() {
    command -v prometheus-alertmanager >/dev/null 2>&1 && return 0
    apt_install prometheus-alertmanager || { _tools_log "could not install prometheus-alertmanager"; return 1; }
    # Like prometheus, the package may start a daemon on a machine with an init system; the test runs its own.
    pkill -x prometheus-alertmanager >/dev/null 2>&1 || true
    command -v prometheus-alertmanager >/dev/null 2>&1
}

# Debian's Chromium, for the status-page browser test (tests/browser). fonts-liberation gives it metric-compatible
# sans fonts, so screenshots look the same whatever fonts the base image happens to have.
ensure_chromium() {
    if [[ ! -x /usr/bin/chromium ]]; then
        apt_install chromium fonts-liberation || { _tools_log "error: could not install chromium with apt-get"; return 1; }
    fi
    # Present but unable to start (a missing shared library after a partial upgrade) is as bad as missing.
    local version
    version=$(/usr/bin/chromium --version 2>&1) || { _tools_log "error: /usr/bin/chromium does not run: $version"; return 1; }
}

# tests/browser's node_modules (playwright-core, which drives /usr/bin/chromium and downloads no browser of its own).
# Installed with `npm ci` when missing or when package-lock.json changed since the last install; the lockfile's
# hash is kept in node_modules/.lock-sha256 to tell.
ensure_browser_deps() {
    local dir=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/tests/browser}
    command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
        { _tools_log "error: node and npm are needed for $dir (the browser test) but are not on PATH"; return 1; }
    local want have=""
    [[ -f "$dir/package-lock.json" ]] || { _tools_log "error: no $dir/package-lock.json"; return 1; }
    want=$(sha256sum "$dir/package-lock.json") || return 1
    want=${want%% *}
    [[ -f "$dir/node_modules/.lock-sha256" ]] && have=$(<"$dir/node_modules/.lock-sha256")
    [[ "$have" == "$want" ]] && return 0
    _tools_log "installing $dir/node_modules with npm ci"
    # A failed or interrupted install must not look current next time.
    rm -f "$dir/node_modules/.lock-sha256"
    local log
    if ! log=$(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error 2>&1); then
        printf '%s\n' "$log" >&2
        _tools_log "error: npm ci in $dir failed"
        return 1
    fi
    printf '%s\n' "$want" >"$dir/node_modules/.lock-sha256"
}
