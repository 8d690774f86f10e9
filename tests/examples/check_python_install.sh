#!/usr/bin/env bash
# The Python package as a user installs it: `cmake --install` of this build into a scratch prefix
# (the command, the shipped scenarios and the package), then imported from a clean folder with
# nothing of the build tree on the path, and a short run of a shipped scenario by name.
# Usage: check_python_install.sh BUILD_DIR PYTHON
set -euo pipefail
build=$1
python=$2
prefix=$(mktemp -d)
elsewhere=$(mktemp -d)
trap 'rm -rf "$prefix" "$elsewhere"' EXIT
cmake --install "$build" --prefix "$prefix" > /dev/null
site="$prefix/lib/python3/dist-packages"
[ -f "$site/liangzhu/__init__.py" ] || { echo "check_python_install: no package in $site" >&2; exit 1; }
cd "$elsewhere"
env -u PYTHONPATH -u LIANGZHU_SCENARIO_DIR -u LIANGZHU_EXECUTABLE PYTHONPATH="$site" "$python" - <<'PY'
import os
import liangzhu
assert os.path.dirname(liangzhu.__file__).startswith(os.environ["PYTHONPATH"]), liangzhu.__file__
run = liangzhu.run("baseline", ticks=2, progress=False)
assert run.scenario_name == "baseline" and len(run.series) > 0
print(f"check_python_install: liangzhu {liangzhu.__version__} imported from {liangzhu.__file__}")
PY
echo "1 passed, 0 failed"
