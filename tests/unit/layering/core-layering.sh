#!/usr/bin/env bash
# core_layering: the module include graph matches the allow table, and the check can fail.
#   core-layering.sh TABLE CORE_DIR CXX STORE_FLAGS…
# 1. the real core against the table the build links by: no violation;
# 2. a broken tree (a cycle; an upward include; "../"; a folder outside any module): each is reported;
# 3. the compiler: the store module's include path cannot reach an engine header, but reaches model's.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
table=$1 core=$2 cxx=$3
shift 3
failed=0
fail() { echo "FAIL: $*"; failed=1; }
expect() { # expect OUTPUT TEXT — the check's output must name this violation
    grep -qF -- "$2" <<<"$1" || fail "the check did not report: $2"
}

echo "== 1. core against $table"
python3 "$here/check-layering.py" "$table" "$core" || fail "core breaks the layering (above)"

echo "== 2. a broken tree must be refused"
out=$(python3 "$here/check-layering.py" "$here/broken-tree/cycle.txt" "$here/broken-tree")
rc=$?
echo "$out"
[ $rc -ne 0 ] || fail "a cyclic table passed"
expect "$out" "cycle engine -> store -> engine"
out=$(python3 "$here/check-layering.py" "$here/broken-tree/upward.txt" "$here/broken-tree")
rc=$?
echo "$out"
[ $rc -ne 0 ] || fail "an upward include passed"
expect "$out" 'store/jobstore.h:2: store includes "engine/jobrunner.h"'
expect "$out" 'stray/orphan.h:2: includes "../engine/jobrunner.h" by a relative path'
out=$(python3 "$here/check-layering.py" "$here/broken-tree/upward.txt" "$core")
[ $? -ne 0 ] || fail "core folders outside the table passed"
expect "$out" "a core folder that is no module"

echo "== 3. the compiler refuses an upward include"
out=$("$cxx" -std=c++23 -fsyntax-only "$@" -x c++ "$here/upward_include.cpp" 2>&1)
rc=$?
echo "$out" | head -3
[ $rc -ne 0 ] || fail "store's include path reached engine/jobrunner.h"
expect "$out" "engine/jobrunner.h: No such file or directory"
out=$("$cxx" -std=c++23 -fsyntax-only "$@" -x c++ "$here/allowed_include.cpp" 2>&1)
[ $? -eq 0 ] || { echo "$out" | head -5; fail "store's include path did not reach model/jobrecords.h"; }

[ $failed -eq 0 ] && echo "core_layering: OK"
exit $failed
