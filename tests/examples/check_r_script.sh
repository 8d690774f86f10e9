#!/usr/bin/env bash
# docs/examples/read_store.R on a store the command wrote: it must print the run and write its plot.
# Usage: check_r_script.sh LIANGZHU SOURCE_DIR RSCRIPT
set -euo pipefail
liangzhu=$1
source_dir=$2
rscript=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$liangzhu" run "$source_dir/tests/model/data/small.toml" --ticks 40 --out "$work/runs.db" -q
"$rscript" "$source_dir/docs/examples/read_store.R" "$work/runs.db" tigers_total "$work/tigers.png" \
  > "$work/out.txt"
cat "$work/out.txt"
grep -q "tigers_total of run 1 (small): 40 weeks" "$work/out.txt" ||
  { echo "check_r_script: the script did not read the run's series" >&2; exit 1; }
[ -s "$work/tigers.png" ] || { echo "check_r_script: no plot written" >&2; exit 1; }
echo "1 passed, 0 failed"
