#!/usr/bin/env bash
# The documented experiments, end to end on the real baseline (shortened so CI stays quick):
#  1. experiments/subsidy_x_noncompete.toml with threads, and with `mpirun -n 2`: same store content;
#  2. experiments/baseline_sensitivity.toml (Morris screening) ranks the factors for the tigers
#     and the chip-independence date.
# Usage: check_examples.sh LIANGZHU SOURCE_DIR [MPIEXEC]
set -euo pipefail
liangzhu=$1
source_dir=$2
mpiexec=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir"

fail() { echo "check_examples: $*" >&2; exit 1; }

# Each (point, replicate) with its run's summary, in a form two stores can be diffed by.
summaries() {
  sqlite3 "$1" "SELECT r.point, r.replicate, s.group_name, s.name, quote(s.value), s.text
                FROM sweep_runs AS r JOIN summary AS s USING (run_id)
                ORDER BY r.point, r.replicate, s.group_name, s.name"
}
series_digest() {
  sqlite3 "$1" "SELECT r.point, r.replicate, count(*), total(x.value)
                FROM sweep_runs AS r JOIN series AS x USING (run_id)
                GROUP BY r.point, r.replicate ORDER BY r.point, r.replicate"
}

sweep=experiments/subsidy_x_noncompete.toml
"$liangzhu" sweep "$sweep" --ticks 52 --jobs 2 --out "$work/threads.db" --csv "$work/threads.csv" \
  > "$work/threads.out"
grep -q "9 points x 10 replicates = 90 runs" "$work/threads.out" ||
  fail "the example sweep did not run 90 runs: $(cat "$work/threads.out")"
[ "$(wc -l < "$work/threads.csv")" -eq $((1 + 9 * 6)) ] || fail "results CSV has the wrong size"
echo "check_examples: $sweep with threads: 90 runs"

if [ -n "$mpiexec" ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  "$mpiexec" -n 2 --oversubscribe "$liangzhu" sweep "$sweep" --ticks 52 --out "$work/mpi.db" \
    > "$work/mpi.out"
  grep -q "90 runs (90 done now" "$work/mpi.out" || fail "mpirun sweep: $(cat "$work/mpi.out")"
  diff <(summaries "$work/threads.db") <(summaries "$work/mpi.db") > /dev/null ||
    fail "mpirun -n 2 stored other summaries than threads"
  diff <(series_digest "$work/threads.db") <(series_digest "$work/mpi.db") > /dev/null ||
    fail "mpirun -n 2 stored other series than threads"
  echo "check_examples: $sweep with mpirun -n 2: the same store content"
else
  echo "check_examples: built without MPI: the mpirun part is skipped"
fi

"$liangzhu" sensitivity experiments/baseline_sensitivity.toml --method morris --trajectories 4 \
  --ticks 260 --out "$work/sa.db" > "$work/sa.out"
for output in tigers chip_independence_years; do
  grep -A8 "^$output:" "$work/sa.out" | grep -q "^ *1  " || fail "no ranking for $output"
done
[ "$(sqlite3 "$work/sa.db" "SELECT count(*) FROM sensitivity_indices")" -eq $((3 * 6 * 2)) ] ||
  fail "sensitivity indices missing from the store"
echo "check_examples: baseline sensitivity ranked the factors for tigers and chip independence"

# The policy question of docs/scenarios.md as one command (shortened): a figure at a date, a date
# printed as a date, money in bn, and a table that fits a terminal.
"$liangzhu" compare baseline noncompete_ban_vouchers_2026 --output tigers_total@2030-12-31 \
  --output chip_independence_tick --output government_spending_cny --replicates 2 --ticks 320 \
  --out "$work/question.db" > "$work/question.out"
grep -q "^tigers_total@2030-12-31" "$work/question.out" || fail "no tigers at 2030-12-31: $(cat "$work/question.out")"
grep -Eq "^noncompete_ban_vouchers_2026 +20[0-9]{2}-[0-9]{2}-[0-9]{2} " "$work/question.out" ||
  fail "chip independence is not a date: $(cat "$work/question.out")"
grep -q " bn " "$work/question.out" || fail "spending is not in bn: $(cat "$work/question.out")"
widest=$(awk '{ if (length($0) > w) w = length($0) } END { print w }' "$work/question.out")
[ "$widest" -le 120 ] || fail "the question's table is $widest columns wide"
echo "check_examples: the policy question answered in one command, $widest columns wide"
