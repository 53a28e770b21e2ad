#!/usr/bin/env bash
# Builds the solution and runs every test project. Prints "N passed, N failed" last and exits
# non-zero when a test fails or the build breaks.
# The runtime's PostgreSQL tests run against a throwaway cluster (eng/postgres.sh) started here when
# PostgreSQL 15 is installed or installable (as root), and stopped on exit; CESEDA_TEST_POSTGRES
# carries its connection string. Set CESEDA_TEST_POSTGRES yourself to use another server. Without
# a server those tests are reported as skipped.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
pg_dir=""
cleanup() {
  rm -f "$log"
  if [ -n "$pg_dir" ]; then bash eng/postgres.sh stop "$pg_dir"; fi
}
trap cleanup EXIT

if ! dotnet build Ceseda.sln -c Release -nologo -v quiet 2>&1 | tee "$log" | grep -E "error|Warn|warn" ; then :; fi
if ! grep -q "Build succeeded" "$log" && grep -qE " error [A-Z]+[0-9]+" "$log"; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

if [ -z "${CESEDA_TEST_POSTGRES:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ] || [ "$(id -u)" -eq 0 ]; then
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/ceseda-pg.XXXXXX")
    if connection=$(CESEDA_PG_DIR="$pg_dir" bash eng/postgres.sh start); then
      export CESEDA_TEST_POSTGRES="$connection"
      echo "PostgreSQL for the tests: $CESEDA_TEST_POSTGRES"
    else
      echo "PostgreSQL could not be started (see above); its tests will be reported as skipped."
    fi
  else
    echo "PostgreSQL 15 is not installed and installing it needs root; its tests will be reported as skipped."
  fi
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
