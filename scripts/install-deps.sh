#!/usr/bin/env bash
# Installs the Debian packages liangzhu needs that are not installed yet (the npm packages of the
# front end come from `make web`: npm ci in web/).
# Runs apt-get directly as root, through sudo otherwise; does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libcli11-dev libtomlplusplus-dev libfmt-dev nlohmann-json3-dev libsqlite3-dev sqlite3
  librandom123-dev libtbb-dev libboost-dev libboost-math-dev libboost-random-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libopenmpi-dev openmpi-bin libnlopt-dev libcpp-httplib-dev libeigen3-dev chromium
  clang libclang-rt-14-dev clang-format clang-tidy
  # The Python module (pybind11) and what its tests and the example notebook use; R for the
  # example script that reads a store.
  pybind11-dev python3-dev python3-numpy python3-pandas python3-pytest python3-matplotlib
  python3-nbclient python3-nbformat python3-ipykernel python3-nbconvert
  r-base-core r-cran-rsqlite
)
# The report's front end is built with Node.js and npm; Debian's are used only when the machine
# has none (an image may ship a newer Node.js with its own npm, which Debian's npm would clash with).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
