#!/usr/bin/env bash
# Builds the solution and runs every test project. Prints "N passed, N failed" last and exits
# non-zero when a test fails or the build breaks.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! dotnet build Ceseda.sln -c Release -nologo -v quiet 2>&1 | tee "$log" | grep -E "error|Warn|warn" ; then :; fi
if ! grep -q "Build succeeded" "$log" && grep -qE " error [A-Z]+[0-9]+" "$log"; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Ceseda.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE "Passed: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE "Failed: +[0-9]+" "$log" | awk '{s += $2} END {print s + 0}')
runs=$(grep -cE "^(Passed|Failed)! " "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status without a failed test (a test host crashed or a project did not run)."
  failed=1
fi
if [ "$runs" -eq 0 ]; then
  echo "No test project ran."
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
