#!/usr/bin/env bash
# The in-process cost of the request pipeline: a command through every behaviour (logging, authorisation,
# validation, transaction, idempotency, audit) and a query through its three, against the bare handler, with
# BenchmarkDotNet on EF Core's in-memory provider. No database, so a regression in the pipeline shows up on its own.
#
#   build/bench-pipeline.sh [BenchmarkDotNet arguments, e.g. --filter '*Query*']
#
# Prints BenchmarkDotNet's summary table (mean, allocated bytes, ratio to the bare handler) and where the full log
# and the markdown report are. Takes about a minute on a 2-core machine. A benchmark, not part of the test run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

artifacts="$repo/artifacts/bench-pipeline"
rm -rf "$artifacts"
mkdir -p "$artifacts"
log="$artifacts/run.log"

dotnet build build/bench/PipelineBench -c Release -v quiet -nologo >/dev/null
echo "[bench-pipeline] running; full log: $log"
rc=0
dotnet build/bench/PipelineBench/bin/Release/net10.0/PipelineBench.dll --artifacts "$artifacts" "$@" >"$log" 2>&1 || rc=$?

# The summary as BenchmarkDotNet prints it at the end of its log: environment, job, table, warnings, legend.
sed -n '/^\/\/ \* Summary \*/,/^\/\/ \* Legends \*/p' "$log" | sed '$d'
report=$(find "$artifacts/results" -name '*-report-github.md' 2>/dev/null | head -n 1)
if [[ -n "$report" ]]; then
    echo "[bench-pipeline] markdown report: $report"
elif [[ $rc -eq 0 ]]; then
    rc=1
fi
if [[ $rc -ne 0 ]]; then
    echo "[bench-pipeline] the benchmark failed (exit $rc); see $log" >&2
    tail -n 30 "$log" >&2
fi
exit "$rc"
