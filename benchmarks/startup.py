"""Start-up time of rolematch commands, as a ratio to bare ``python -c pass`` in the same run.

    python benchmarks/startup.py [--runs 15]

Machines here are shared and noisy, so every figure is a median over several runs and is
reported against a baseline measured in the same run. Aim: ``--help`` within 3x of bare Python.
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
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    }
    for cmd in commands.values():  # warm the file and bytecode caches once
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=ENV)
    base = wall(commands["python -c pass"], args.runs)
    print(f"{'command':<28} {'median':>9} {'x bare python':>14}")
    for name, cmd in commands.items():
        t = base if name == "python -c pass" else wall(cmd, args.runs)
        print(f"{name:<28} {t * 1000:>7.1f}ms {t / base:>13.2f}x")
    help_ratio = wall(commands["rolematch --help"], args.runs) / base
    print(f"\naim: --help within 3x of bare python: {'met' if help_ratio <= 3 else 'NOT met'} "
          f"({help_ratio:.2f}x)")


if __name__ == "__main__":
    main()
