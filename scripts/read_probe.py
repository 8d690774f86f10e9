#!/usr/bin/env python3
"""Reads of runs as they start, against a real `liangzhu serve` (docs/reliability.md).

Each round starts a run of the `tiny` test scenario and reads /api/runs/<id>/data from eight
threads for 0.4 s while the run's catalog and first weeks are written. Any answer other than a
whole 200 (a 5xx, a dropped connection, series shorter or longer than the dates), or the server
dying, fails the probe. Loopback only; bounded in rounds and time.

    python3 scripts/read_probe.py build/release/liangzhu --rounds 300
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def request(url, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def whole(body):
    """'' if the run's document has as many values per series as dates, else what is wrong."""
    run = json.loads(body)["runs"][0]
    weeks = len(run["dates"])
    for hub in run["hubs"]:
        for name, values in hub["series"].items():
            if len(values) != weeks:
                return f"{name}: {len(values)} values for {weeks} weeks"
    return ""


def reader(url, until, problems):
    while time.monotonic() < until and not problems:
        try:
            status, body = request(url)
        except Exception as e:  # a dropped connection, a reset: the server may have died
            problems.append(f"no answer: {e}")
            return
        if status != 200:
            problems.append(f"HTTP {status}: {body[:200]!r}")
        elif why := whole(body):
            problems.append(why)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("liangzhu", help="the liangzhu binary")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=0.4, help="reading time per round")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        server = subprocess.Popen(
            [args.liangzhu, "serve", "--port", "0", "--rate-limit", "0", "--max-waiting", "100",
             "--scenario-dir", os.path.join(ROOT, "tests/serve/data"),
             "--store", os.path.join(scratch, "probe.db")],
            stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            port = re.search(r"http://[^:]+:(\d+)/", line)
            if not port:
                sys.exit(f"read_probe: the server did not say where it listens: {line!r}")
            base = f"http://127.0.0.1:{port.group(1)}"
            for round_ in range(1, args.rounds + 1):
                status, body = request(base + "/api/runs", {"scenario": "tiny"})
                if status != 202:
                    sys.exit(f"read_probe: round {round_}: starting a run gave {status}: {body!r}")
                url = f"{base}/api/runs/{json.loads(body)['run_id']}/data"
                problems = []
                until = time.monotonic() + args.seconds
                threads = [threading.Thread(target=reader, args=(url, until, problems))
                           for _ in range(args.threads)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                if server.poll() is not None:
                    problems.append(f"the server died (exit {server.returncode})")
                if problems:
                    sys.exit(f"read_probe: round {round_}: {problems[0]}")
            print(f"read_probe: {args.rounds} rounds x {args.threads} readers: every answer whole")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
