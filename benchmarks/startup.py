"""Start-up time of rolematch commands, as a ratio to bare ``python -c pass`` in the same run.

    python benchmarks/startup.py [--runs 15]

Machines here are shared and noisy, so runs are interleaved and every figure is reported
against a baseline measured in the same run, both as the best run (the command's own cost)
and the median. Aims: ``--help`` within 3x of bare Python, ``roles`` within 10x.

The content commands read the content from the content cache (warmed by the first round, as
it is on a user's machine after the first run); ``roles, no content cache`` shows what a start
costs that validates the content (ROLEMATCH_NO_CACHE=1: pydantic and yaml imported).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

# As on a user's machine: bytecode caches are written (pip also compiles them at install).
ENV = {k: v for k, v in os.environ.items()
       if k not in ("PYTHONDONTWRITEBYTECODE", "ROLEMATCH_NO_CACHE")}
NO_CACHE = "ROLEMATCH_NO_CACHE=1"


def one(cmd: list[str]) -> float:
    env = ENV
    if cmd[0] == NO_CACHE:
        cmd, env = cmd[1:], {**ENV, "ROLEMATCH_NO_CACHE": "1"}
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env=env)
    return time.perf_counter() - start


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Runs interleaved (every command once per round), so load spikes hit all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(one(cmd))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    exe = shutil.which("rolematch") or str(Path(sys.executable).parent / "rolematch")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "rolematch --help": [exe, "--help"],
        "rolematch roles": [exe, "roles"],
        "rolematch questions --json": [exe, "questions", "--json"],
        "rolematch validate": [exe, "validate"],
        "roles, no content cache": [NO_CACHE, exe, "roles"],
    }
    for cmd in commands.values():  # warm the file and bytecode caches once
        one(cmd)
    times = measure(commands, args.runs)
    base_min = min(times["python -c pass"])
    base_med = statistics.median(times["python -c pass"])
    print(f"{'command':<28} {'min':>9} {'x bare':>7} {'median':>9} {'x bare':>7}")
    for name, t in times.items():
        print(f"{name:<28} {min(t) * 1000:>7.1f}ms {min(t) / base_min:>6.2f}x "
              f"{statistics.median(t) * 1000:>7.1f}ms {statistics.median(t) / base_med:>6.2f}x")
    ratio = min(times["rolematch --help"]) / base_min
    print(f"\naim: --help within 3x of bare python (best runs): "
          f"{'met' if ratio <= 3 else 'NOT met'} ({ratio:.2f}x)")
    ratio = statistics.median(times["rolematch roles"]) / base_med
    print(f"aim: roles within 10x of bare python (medians): "
          f"{'met' if ratio <= 10 else 'NOT met'} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
