"""Quiz latency in a real pseudo-terminal, as a ratio to ``python -c pass`` in the same run.

    python benchmarks/quiz_latency.py [--runs 5] [--pauses 0,0.3]

Drives the installed ``rolematch`` with pexpect and measures, per run:
  * start: from starting the command to the first question on screen (aim: within 10x of
    ``python -c pass``; the content comes from the content cache, as on a user's machine
    after the first run);
  * result: from the last Enter to the result table on screen (aim: within 0.1 s).
Figures are medians over the runs, for each pause before an answer: 0 types the answers as
fast as the program accepts them (28 answers in well under a second), which is harder on the
background warm-up (the scoring path: numpy, the result models and the result screen, started
after the first answer, also timed here) than any person; 0.3 s is still faster than anyone
reads a question.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

from engine.content import load_content

EXE = str(Path(sys.executable).parent / "rolematch")


def env(data: str) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items()
         if k not in ("LC_ALL", "PYTHONDONTWRITEBYTECODE", "ROLEMATCH_NO_CACHE")}
    e.update({"LANG": "en_US.UTF-8", "ROLEMATCH_DATA_DIR": data, "TERM": "xterm",
              "PROMPT_TOOLKIT_NO_CPR": "1"})
    return e


def keys(qtype: str, i: int) -> str:
    if qtype == "likert":
        return f"{1 + i % 5}\r"
    if qtype == "single":
        return "2\r"
    return " \r"


def one_run(types: list[str], pause: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as data:
        start = time.perf_counter()
        child = pexpect.spawn(EXE, [], env=env(data), dimensions=(24, 80), encoding="utf-8",
                              timeout=60)
        child.delaybeforesend = None  # pexpect's default 50 ms pause would be counted
        child.expect("Question 1 of")
        child.expect(r"\?")
        first = time.perf_counter() - start
        for i, qtype in enumerate(types):
            if i:
                child.expect(f"Question {i + 1} of")
                child.expect(r"\?")
            if i == len(types) - 1:
                sent = time.perf_counter()
            else:
                time.sleep(pause)
            child.send(keys(qtype, i))
        child.expect("Your matches")
        result = time.perf_counter() - sent
        child.expect("Quit")  # the one-screen summary's menu
        child.send("q")
        child.expect(pexpect.EOF)
        return first, result


def baseline() -> float:
    start = time.perf_counter()
    child = pexpect.spawn(sys.executable, ["-c", "pass"], encoding="utf-8")
    child.expect(pexpect.EOF)
    return time.perf_counter() - start


def warm_up_time() -> float:
    """Seconds the warm-up thread takes (imports and one scoring), in a fresh interpreter
    where the content is already loaded, as it is when the quiz starts it."""
    code = ("import time; from engine.content import load_content; c = load_content(); "
            "from engine.cli.quiz import _warm; t = time.perf_counter(); _warm(c); "
            "print(time.perf_counter() - t)")
    child = pexpect.spawn(sys.executable, ["-c", code], encoding="utf-8")
    child.expect(pexpect.EOF)
    return float(child.before.strip().splitlines()[-1])


def pauses_list(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


pauses_list.__name__ = "comma-separated seconds"  # what argparse names in its error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pauses", default=[0.0, 0.3],
                        type=pauses_list,
                        help="seconds to wait before each answer, comma-separated "
                             "(a person takes several; default 0,0.3)")
    args = parser.parse_args()
    pauses: list[float] = args.pauses
    types = [q.type for q in load_content().questionnaire.questions]
    one_run(types, 0.0)  # warm the caches
    base = statistics.median(baseline() for _ in range(max(5, args.runs)))
    warm = statistics.median(warm_up_time() for _ in range(3))
    print(f"python -c pass in a pty:             {base * 1000:7.1f} ms   1.00x")
    print(f"warm-up (scoring path):              {warm * 1000:7.1f} ms  {warm / base:5.2f}x")
    verdicts: list[str] = []
    starts: list[str] = []
    for pause in pauses:
        runs = [one_run(types, pause) for _ in range(args.runs)]
        first = statistics.median(r[0] for r in runs)
        result = statistics.median(r[1] for r in runs)
        print(f"pause {pause:.1f}s: start -> first question: {first * 1000:7.1f} ms  "
              f"{first / base:5.2f}x")
        print(f"pause {pause:.1f}s: last Enter -> result:    {result * 1000:7.1f} ms  "
              f"{result / base:5.2f}x")
        verdicts.append(f"{'met' if result <= 0.1 else 'NOT met'} at {pause:.1f}s per answer "
                        f"({result * 1000:.0f} ms)")
        starts.append(f"{'met' if first <= 10 * base else 'NOT met'} at {pause:.1f}s per answer "
                      f"({first / base:.2f}x)")
    print(f"\naim: result within 100 ms of the last Enter (median of {args.runs} runs): "
          + "; ".join(verdicts))
    print(f"aim: first question within 10x of python -c pass (median of {args.runs} runs): "
          + "; ".join(starts))


if __name__ == "__main__":
    main()
