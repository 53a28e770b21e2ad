#!/usr/bin/env bash
# Target 4, out of process: `ceseda evaluate` end to end, stdin -> stdout, in lines per second.
#
#   tests/Ceseda.Benchmarks/evaluate-throughput.sh [LINES] [RUNS]
#
# Publishes the host as it ships (Release, for this machine's runtime identifier, ReadyToRun: see
# Ceseda.Host.csproj), builds this project, generates LINES request lines (default 200000;
# retention.appeal with an act, cpc.deadline with months, administrative.recourse, thirteen
# territories, fixed seed) twice, with the contract's default (explanation in every response) and
# with "options":{"explain":false}, then times `ceseda evaluate < lines > /dev/null`
# RUNS times each (default 5) and prints the best and median wall-clock times and lines per
# second. An empty input is timed too: its time is the process start-up, shown separately.
# Uses hyperfine when installed (apt-get install -y hyperfine) for its report, else bash's clock.
set -euo pipefail

lines=${1:-200000}
runs=${2:-5}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ceseda-throughput.XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$root"
rid=$(dotnet msbuild src/Ceseda.Host/Ceseda.Host.csproj -getProperty:NETCoreSdkRuntimeIdentifier)
if ! dotnet publish src/Ceseda.Host/Ceseda.Host.csproj -c Release -r "$rid" --self-contained false \
  --nologo -v quiet -o "$work/publish" >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "publish of the host failed" >&2
  exit 1
fi
if ! dotnet build -c Release --nologo -v quiet tests/Ceseda.Benchmarks/Ceseda.Benchmarks.csproj >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  echo "build of the benchmarks failed" >&2
  exit 1
fi
ceseda="$work/publish/ceseda"
generator="$root/tests/Ceseda.Benchmarks/bin/Release/net10.0/Ceseda.Benchmarks.dll"

dotnet "$generator" generate-lines "$lines" "$work/explain.jsonl"
dotnet "$generator" generate-lines "$lines" "$work/no-explain.jsonl" --no-explain
: >"$work/empty.jsonl"

# A sanity check: one response per request, and no error.
out=$("$ceseda" evaluate <"$work/explain.jsonl" | tee "$work/responses.jsonl" | wc -l)
if [[ "$out" -ne "$lines" ]]; then
  echo "expected $lines responses, got $out" >&2
  exit 1
fi
if grep -q '"error":{' "$work/responses.jsonl"; then
  echo "some responses carry an error, e.g.:" >&2
  grep -m1 '"error":{' "$work/responses.jsonl" >&2
  exit 1
fi
echo "machine: $(nproc) cores, dotnet $(dotnet --version), host published for $rid with ReadyToRun, $(date -u +%Y-%m-%dT%H:%MZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $lines lines, $(du -h "$work/explain.jsonl" | cut -f1) ($(head -c 200 "$work/explain.jsonl" | head -1))"
echo "output (explain): $(du -h "$work/responses.jsonl" | cut -f1)"

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --input "$work/empty.jsonl" -n startup "$ceseda evaluate" --output null
  hyperfine --warmup 1 --runs "$runs" --input "$work/explain.jsonl" -n explain "$ceseda evaluate" --output null
  hyperfine --warmup 1 --runs "$runs" --input "$work/no-explain.jsonl" -n no-explain "$ceseda evaluate" --output null
fi

# Best and median of RUNS wall-clock times, in seconds.
measure() {
  local input=$1 times=() t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s.%N)
    "$ceseda" evaluate <"$input" >/dev/null
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.3f %.3f\n", a[1], a[int((NR + 1) / 2)] }'
}

read -r startup_best startup_median < <(measure "$work/empty.jsonl")
printf 'startup (empty input): best %.3f s, median %.3f s\n' "$startup_best" "$startup_median"
for name in explain no-explain; do
  read -r best median < <(measure "$work/$name.jsonl")
  awk -v n="$name" -v l="$lines" -v b="$best" -v m="$median" -v s="$startup_best" 'BEGIN {
    printf "%-10s best %.3f s, median %.3f s: %.0f lines/s end to end (best), %.0f lines/s without start-up; target 200000: %s\n",
      n, b, m, l / b, l / (b - s), (l / b >= 200000 ? "met" : "missed")
  }'
done
