#!/usr/bin/env bash
# Builds the fuzz preset and runs every libFuzzer target for SECONDS (default 60) from its seed
# corpus in fuzz/corpus/<target>. Inputs that reach new code are kept in build/fuzz/corpus/<target>
# (the repository's seeds are not touched); a finding (crash, sanitizer report, unexpected
# exception, timeout, leak, out of memory) is saved as build/fuzz/findings/<target>-crash-<sha1>
# and makes the script fail, after the other targets have run. FUZZ_TARGETS limits the targets.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
targets=(${FUZZ_TARGETS:-scenario extends experiment checkpoint serve http})
build=$root/build/fuzz

cmake --preset fuzz -DLIANGZHU_WERROR=ON > /dev/null
cmake --build --preset fuzz -j "${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

# Where each target runs: `extends` in scenarios and experiments is relative to the working folder.
declare -A workdir=([scenario]=scenarios [extends]=. [experiment]=experiments [checkpoint]=. [serve]=. [http]=.)
mkdir -p "$build/findings" "$build/logs"
failed=()
printf '%-12s %12s %10s %s\n' target executions exec/s result > "$build/logs/summary.txt"
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="$root/fuzz/$t.dict")
  log=$build/logs/$t.log
  echo "fuzz: $t for ${seconds}s"
  status=0
  (cd "${workdir[$t]}" && "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
     -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "${dict[@]}" \
     "$build/corpus/$t" "$root/fuzz/corpus/$t") > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FINDING (exit $status, see $log)"
    failed+=("$t")
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error|terminate called|.*what\(\))" "$log" | head -5 || true
  fi
  printf '%-12s %12s %10s %s\n' "$t" "${runs:-?}" "${rate:-?}" "$result" | tee -a "$build/logs/summary.txt"
done
cat "$build/logs/summary.txt"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}; inputs in $build/findings/" >&2
  exit 1
fi
