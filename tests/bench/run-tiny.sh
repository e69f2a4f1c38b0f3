#!/usr/bin/env bash
# CTest's check that a benchmark still works (label bench): runs it once at a tiny size and requires its
# last line to be "RESULT <name> <number>". The figures of such a run mean nothing; full runs are by hand.
# usage: run-tiny.sh NAME SCRIPT BUILD_DIR   (the size comes from XMS_BENCH_* set by the caller)
set -euo pipefail
name=$1 script=$2 build=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
bash "$script" "$build" 2>&1 | tee "$out"
last=$(tail -n 1 "$out")
[[ $last =~ ^RESULT\ $name\ [0-9]+(\.[0-9]+)?$ ]] || { echo "run-tiny: $script did not end with 'RESULT $name <ratio>': $last" >&2; exit 1; }
