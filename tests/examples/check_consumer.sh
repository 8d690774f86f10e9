#!/usr/bin/env bash
# The engine as a package, used the way another project uses it:
#  1. installs this build into a scratch prefix (cmake --install);
#  2. compiles every installed engine header in a project that only does find_package(liangzhu);
#  3. builds examples/ against the prefix, and checks that the compiler saw the installed headers,
#     not the source tree's, and that each program prints what the in-tree build's prints;
#  4. runs the installed `liangzhu` on a shipped scenario found beside it (share/liangzhu).
# Usage: check_consumer.sh BUILD_DIR SOURCE_DIR WORK_DIR IN_TREE_EXAMPLES_DIR [CMAKE_ARGS...]
# (CMAKE_ARGS configure the consumer projects: generator, compiler, build type, ccache launcher.)
set -euo pipefail
build=$1
source_dir=$2
work=$3
in_tree=$4
shift 4
prefix=$work/prefix

fail() { echo "check_consumer: $*" >&2; exit 1; }

# A fixed folder, emptied first: the same paths every time let ccache reuse the compilations.
rm -rf "$work"
mkdir -p "$work"

cmake --install "$build" --prefix "$prefix" > "$work/install.log" ||
  fail "cmake --install failed: $(cat "$work/install.log")"
config=$(echo "$prefix"/lib*/cmake/liangzhu/liangzhuConfig.cmake)
for file in "$config" "$prefix/bin/liangzhu" "$prefix/include/liangzhu/engine/rng.hpp" \
  "$prefix/share/liangzhu/scenarios/baseline.toml"; do
  [ -f "$file" ] || fail "the install has no $file"
done
echo "check_consumer: installed into $prefix"

# Builds a project against the prefix; stops the check with the log if any step fails.
build_against_prefix() {
  local project=$1 binary=$2
  cmake -S "$project" -B "$binary" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${@:3}" > "$binary.log" 2>&1 ||
    fail "configuring $project failed: $(cat "$binary.log")"
  cmake --build "$binary" --parallel 2 >> "$binary.log" 2>&1 ||
    fail "building $project failed: $(cat "$binary.log")"
}

mkdir -p "$work/headers"
cat > "$work/headers/CMakeLists.txt" << 'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(every_engine_header LANGUAGES CXX)
find_package(liangzhu 0.1 REQUIRED)
add_executable(every_engine_header main.cpp)
target_link_libraries(every_engine_header PRIVATE liangzhu::engine)
CMAKE
{
  for header in "$prefix"/include/liangzhu/engine/*.hpp; do
    echo "#include \"liangzhu/engine/${header##*/}\""
  done
  echo "int main() {}"
} > "$work/headers/main.cpp"
build_against_prefix "$work/headers" "$work/headers-build" "$@"
echo "check_consumer: every installed engine header compiles with find_package(liangzhu)"

build_against_prefix "$source_dir/examples" "$work/examples" "$@"
commands=$work/examples/compile_commands.json
grep -q -- "$prefix/include" "$commands" ||
  fail "the examples were not compiled with $prefix/include"
! grep -q -- "$source_dir/include" "$commands" ||
  fail "the examples were compiled with the source tree's headers ($source_dir/include)"

for program in run_schelling run_wolf_sheep run_flocking; do
  "$work/examples/$program" > "$work/$program.out" || fail "$program (installed engine) failed"
  "$in_tree/$program" > "$work/$program.expected" || fail "$program (in-tree) failed"
  [ -s "$work/$program.out" ] || fail "$program printed nothing"
  diff "$work/$program.expected" "$work/$program.out" > "$work/$program.diff" ||
    fail "$program prints otherwise on the installed engine than in-tree:
$(cat "$work/$program.diff")"
  echo "check_consumer: $program as in-tree: $(tail -n 1 "$work/$program.out")"
done

# From the scratch folder, where the only scenarios within reach of the command are the installed
# ones (it looks in scenarios/ and share/liangzhu/scenarios/ up to three folders above itself).
(cd "$work" && "$prefix/bin/liangzhu" run baseline --ticks 2 --out "$work/run.db") \
  > "$work/run.log" 2>&1 ||
  fail "the installed liangzhu could not run baseline: $(cat "$work/run.log")"
echo "check_consumer: the installed liangzhu ran the installed baseline scenario"
