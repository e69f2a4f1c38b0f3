#!/usr/bin/env bash
# The German catalogue covers every user string: lupdate run over the sources into a copy of the
# catalogue finds nothing new or unfinished. Usage: LUPDATE GENERATE_SCRIPT PROJECT_CMAKE TS_FILE
set -euo pipefail
lupdate=$1 generate=$2 project_cmake=$3 ts=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -DIN_FILE="$project_cmake" -DOUT_FILE="$work/project.json" -P "$generate"
cp "$ts" "$work/check.ts"
lupdate_out=$("$lupdate" -project "$work/project.json" -no-obsolete -locations none -ts "$work/check.ts" 2>&1)
echo "$lupdate_out" | grep -E "Found|new" || true
missing=$(grep -c 'type="unfinished"' "$work/check.ts" || true)
if [ "$missing" != 0 ]; then
  echo "FAIL: $missing string(s) have no German translation; run 'cmake --build BUILD --target xms_i18n_lupdate'" \
       "and translate them in translations/xms_de.ts:"
  grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' | sed 's/^ */  /'
  exit 1
fi
echo "PASS: every user string has a German translation"
