"""1 process against 2: ``--workers`` (and ``--scheduler`` on a local Dask cluster) end to end.

    python benchmarks/workers.py [--lines 100000 1000000] [--copies 1 10] [--repeat 2]
                                 [--no-cluster]

Runs the real command in a fresh process on (a) N random answer lines (``batch --summary``,
fixed seed) and (b) K copies of the dev postings (``decode --jsonl``; read at run time from
``../shared/data/postings-dev.jsonl``, reduced to id, title and text in a temporary folder,
never copied into the repository). For each: seconds with ``--workers 1`` and ``--workers
2``, their ratio (the aim is 1.7x on 2 cores; done means 1.5x), that the two outputs are
the same bytes, and the peak memory of the whole process tree (the command and its
workers, sampled every 20 ms), which should not grow with the input. With the dask extra
installed, also ``--scheduler`` on a LocalCluster of two worker processes on this machine
(the cluster's own processes are not in the memory figure). Best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from batch import generate  # benchmarks/batch.py: the same answer lines

EXE = str(Path(sys.executable).parent / "rolematch")
POSTINGS = Path(__file__).resolve().parents[2] / "shared" / "data" / "postings-dev.jsonl"


def _rss(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in kB (0 once it has ended)."""
    total = 0
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                total += sum(_rss(int(child)) for child in children.read().split())
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return total


def timed(argv: list[str], out: Path) -> tuple[float, float, str]:
    """Seconds, peak MiB of the process tree, and the output's SHA-256."""
    start = time.perf_counter()
    env = os.environ | {"SOURCE_DATE_EPOCH": "1700000000"}  # created_at, the same each run
    proc = subprocess.Popen([EXE, *argv, "-o", str(out), "--force"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _rss(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"rolematch {' '.join(argv)} failed: {err.decode()[-500:]}")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    out.unlink()
    return elapsed, peak[0] / 1024, digest


def compare(label: str, argv: list[str], tmp: Path, repeat: int, scheduler: str | None) -> None:
    runs: dict[str, tuple[float, float, str]] = {}
    ways = [("1", ["--workers", "1"]), ("2", ["--workers", "2"])]
    if scheduler:
        ways.append(("dask", ["--scheduler", scheduler]))
    for _ in range(repeat):  # interleaved, so a noisy moment hurts both
        for name, extra in ways:
            got = timed([*argv, *extra], tmp / "out.jsonl")
            best = runs.get(name)
            runs[name] = got if best is None or got[0] < best[0] else (
                best[0], max(best[1], got[1]), best[2])
    one = runs["1"]
    line = f"{label:<28} 1: {one[0]:7.2f} s {one[1]:6.0f} MiB"
    for name in [w for w, _ in ways][1:]:
        secs, mib, digest = runs[name]
        same = "same bytes" if digest == one[2] else "DIFFERENT OUTPUT"
        line += (f" | {name}: {secs:7.2f} s {mib:6.0f} MiB  {one[0] / secs:4.2f}x faster, "
                 f"{same}")
    print(line, flush=True)


def postings(path: Path, copies: int) -> None:
    """``copies`` copies of the dev postings, each line reduced to id, title and text."""
    lines = []
    with POSTINGS.open() as source:
        for raw in source:
            item = json.loads(raw)
            lines.append({k: item[k] for k in ("id", "title", "text") if k in item})
    with path.open("w") as out:
        for copy in range(copies):
            for item in lines:
                out.write(json.dumps(item | {"id": f"{item.get('id')}#{copy}"}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-cluster", action="store_true", help="skip --scheduler")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; best of {args.repeat} interleaved runs; peak memory of the "
          "command's process tree\n")
    cluster = None
    if not args.no_cluster:
        try:
            from distributed import LocalCluster
        except ImportError:
            print("(dask not installed: no --scheduler runs)")
        else:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
    try:
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            address = cluster.scheduler_address if cluster else None
            for n in args.lines:
                path = tmp / f"answers-{n}.jsonl"
                generate(path, n, args.seed)
                compare(f"batch --summary, {n:,} lines", ["batch", str(path), "--summary"],
                        tmp, args.repeat, address)
                path.unlink()
            for k in args.copies:
                path = tmp / f"postings-{k}.jsonl"
                postings(path, k)
                count = sum(1 for _ in path.open())
                compare(f"decode --jsonl, {count:,} postings", ["decode", "--jsonl", str(path)],
                        tmp, args.repeat, address)
    finally:
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
