#!/usr/bin/env bash
# Many worker processes sharing one job store (issue 16): xms-claim-bench queues jobs on a fresh database of
# the lab's PostgreSQL and lets worker processes (each its own connection and XMS_HOST_NAME, as separate
# hosts) drain them with a real Engine whose only stage is a no-op. Prints, in one run:
#   - drains: claimNext (FOR UPDATE SKIP LOCKED) beside the old queued()+claim(id) loop, on PostgreSQL and
#     on one SQLite file: wall time, claims/s, jobs per worker (min/max/mean, Jain's index), claim→start
#     latency, commits and tuples written per job; every job Completed with exactly one job.started
#   - the write load per running job (pg_stat_database), the JobWatcher's write→seen latency
# and ends with
#   RESULT claims <naive seconds / SKIP LOCKED seconds>  (medians over alternating rounds)      (> 1: SKIP LOCKED drains faster)
# usage: tests/bench/bench-claims.sh [BUILD_DIR]
#   env: XMS_BENCH_JOBS (1000), XMS_BENCH_WORKERS (8), XMS_BENCH_SLOTS (2), XMS_BENCH_LOAD_SECONDS (10),
#        XMS_BENCH_WATCH_SECONDS (5), XMS_BENCH_SQLITE (1), XMS_BENCH_ROUNDS (3),
#        XMS_BENCH_KEEP (0: 1 keeps the worker logs); the lab's XMS_LAB_PG_URL and
#        XMS_LAB_PG_CREDENTIALS (eval "$(tests/lab/lab env)")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tool=$build/tests/bench/xms-claim-bench
[ -x "$tool" ] || { echo "bench: $tool missing; build it: cmake --build $build --target xms-claim-bench" >&2; exit 1; }
for v in XMS_LAB_PG_URL XMS_LAB_PG_CREDENTIALS; do
  [ -n "${!v:-}" ] || { echo "bench: $v is not set; run: eval \"\$(tests/lab/lab env)\"" >&2; exit 1; }
done
# Quiet workers: their logs (one per worker, in the bench's temporary directory) are not the figures.
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-"xms.*.info=false"}
# The machine's other load makes the figures: say what it was.
echo "bench: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
exec "$tool"
