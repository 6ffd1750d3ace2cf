#!/usr/bin/env bash
# Build the solution and run every test against a real, throwaway PostgreSQL.
#
#   build/test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Orders]
#
# Environment:
#   ConnectionStrings__Platform  if set, use that server and start no cluster
#   PLATFORM_TEST_PG_PORT        port of the throwaway cluster (default 55433; if the default is
#                                taken the next free port is used, an explicit one must be free)
#
# The last line printed is exactly "N passed, N failed" (summed over every project's .trx).
# Exit status is non-zero if the build or the test run failed, any test failed, or no test ran.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1
# shellcheck source=build/lib/pg.sh
source "$repo/build/lib/pg.sh"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$repo/artifacts/test-results"
pg_area=""

cleanup() {
    if [[ -n "$pg_area" ]]; then
        pg_stop "$pg_area" >/dev/null 2>&1
        rm -rf "$pg_area"
        pg_area=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=build/lib/tools.sh
source "$repo/build/lib/tools.sh"
ensure_promtool || exit 1
ensure_alertmanager || exit 1
# The status-page browser test (tests/Platform.Api.Tests/StatusPageBrowserTests.cs) drives Debian's Chromium with
# playwright-core from tests/browser. Stop here, loudly, if either cannot be installed: that test fails without them.
ensure_chromium || { echo "[test] error: Chromium is needed by the browser test and could not be installed" >&2; exit 1; }
ensure_browser_deps "$repo/tests/browser" ||
    { echo "[test] error: tests/browser's node modules are needed by the browser test and could not be installed" >&2; exit 1; }
# The standardwebhooks npm package verifies delivered webhooks (tests/Platform.Api.Tests/WebhookNodeVerificationTests.cs).
ensure_browser_deps "$repo/tests/webhooks-node" ||
    { echo "[test] error: tests/webhooks-node's node modules are needed by the webhook verification test and could not be installed" >&2; exit 1; }

if [[ -z "${ConnectionStrings__Platform:-}" ]]; then
    pg_ensure_binaries || exit 1
    if [[ -n "${PLATFORM_TEST_PG_PORT:-}" ]]; then
        port=$PLATFORM_TEST_PG_PORT
    else
        port=$(pg_free_port 55433) || exit 1
    fi
    pg_area=$(mktemp -d /tmp/platform-test-pg.XXXXXX) || exit 1
    chmod 755 "$pg_area"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$pg_area"
    pg_start "$pg_area" "$port" throwaway || exit 1
    export ConnectionStrings__Platform="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
    echo "[test] throwaway PostgreSQL on 127.0.0.1:$port ($pg_area)"
else
    echo "[test] using ConnectionStrings__Platform from the environment"
fi

rm -rf "$results"
mkdir -p "$results"
# Tests that make files worth keeping (the browser test's screenshots) write them under here.
export PLATFORM_TEST_RESULTS="$results"

build_rc=0
test_rc=0
dotnet build Platform.sln -c Release || build_rc=$?
if [[ $build_rc -eq 0 ]]; then
    # Line and branch coverage (coverlet) of the product's assemblies, merged across test projects below.
    dotnet test Platform.sln -c Release --no-build \
        --logger "trx" --logger "console;verbosity=normal" \
        --collect "XPlat Code Coverage" --settings "$repo/build/coverage.runsettings" \
        --results-directory "$results" "$@" || test_rc=$?
else
    echo "[test] dotnet build failed (exit $build_rc); tests not run" >&2
fi

# Stop the cluster now so that nothing is printed after the summary line.
cleanup

# Sum the <Counters .../> of every .trx: prints "passed failed".
sum_trx() {
    local dir=$1
    if command -v python3 >/dev/null 2>&1 && python3 -c 'pass' >/dev/null 2>&1; then
        python3 - "$dir" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "Counters":
            a = el.attrib
            passed += int(a.get("passed", 0))
            failed += sum(int(a.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
print(passed, failed)
PY
    else
        local p=0 f=0 line n k f_
        while IFS= read -r -d '' file; do
            line=$(tr '\n' ' ' <"$file" | grep -o '<Counters [^>]*>' | head -n 1)
            [[ -n "$line" ]] || continue
            n=$(printf '%s' "$line" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
            p=$((p + ${n:-0}))
            for k in failed error timeout aborted; do
                f_=$(printf '%s' "$line" | sed -n "s/.* $k=\"\([0-9]*\)\".*/\1/p")
                f=$((f + ${f_:-0}))
            done
        done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)
        echo "$p $f"
    fi
}

# Name every failed test, with the first lines of its message, just above the summary, so that a CI log whose
# head was cut still says what failed.
list_failures() {
    command -v python3 >/dev/null 2>&1 || return 0
    python3 - "$1" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] != "UnitTestResult" or el.attrib.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = ""
        for child in el.iter():
            if child.tag.rsplit("}", 1)[-1] == "Message" and child.text:
                message = child.text
                break
        print(f"[test] FAILED {el.attrib.get('testName', '?')}")
        lines = [l for l in message.strip().splitlines() if l.strip() and not l.strip().startswith("at ")]
        for line in lines[:12]:
            print(f"[test]     {line[:300]}")
PY
}

list_failures "$results"
# The coverage ratchet: line coverage may not fall more than 0.1 points under build/coverage-baseline.json.
# PLATFORM_COVERAGE_WRITE_BASELINE=1 writes the measured figures as the new baseline instead (docs/development.md).
coverage_rc=0
if [[ $build_rc -eq 0 ]] && command -v python3 >/dev/null 2>&1; then
    python3 "$repo/build/coverage.py" "$results" "$results/coverage-summary.json" "$repo/build/coverage-baseline.json" \
        ${PLATFORM_COVERAGE_WRITE_BASELINE:+--write-baseline} || coverage_rc=$?
fi
read -r passed failed < <(sum_trx "$results")
passed=${passed:-0}
failed=${failed:-0}

rc=0
if [[ $build_rc -ne 0 ]]; then
    rc=$build_rc
elif [[ $test_rc -ne 0 ]]; then
    rc=$test_rc
    [[ $failed -eq 0 ]] &&
        echo "[test] dotnet test failed although no test did: a fixture's set-up or tear-down failed (see RunInfos in the .trx files)" >&2
elif [[ $failed -gt 0 ]]; then
    rc=1
elif [[ $((passed + failed)) -eq 0 ]]; then
    echo "[test] no test ran" >&2
    rc=1
elif [[ $coverage_rc -ne 0 ]]; then
    rc=$coverage_rc
fi
echo "$passed passed, $failed failed"
exit $rc
