"""The memo of the whole Wetboek van Strafrecht, 2002 vs 2014, next to the diff.

Both official versions (BWB XML captures 2002-05-04 and 2014-04-01) are written as the law
is kept on disk (a folder per article with its dated text and metadata); then, in one
run, each command is timed as a user runs it:

    wetdiff diff OLD NEW --format json > /dev/null
    wetdiff memo OLD NEW -o memo.md   (and .html, .docx)

and the ratio memo / diff is reported (target: at most 2x). The memo does everything the
diff does plus the notes, the questions index, generating the wijzigingsopdrachten and
proving them by applying them to the old version, and rendering. Runs are interleaved
(diff, memo.md, memo.html, memo.docx, again), after one untimed run of each so that
bytecode is cached as on an installed copy (``PYTHONDONTWRITEBYTECODE`` is dropped).

    python benchmarks/memo_whole_code.py [CORPUS_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_loader import load, write_official


def write_version(xml: Path, folder: Path) -> int:
    """The version as official law is kept on disk (a folder per article, dated text and
    metadata): wetdiff reads it as official data, as it reads the law."""
    artikelen = load(xml)
    write_official(artikelen, folder, dt.date.fromisoformat(xml.stem))
    return len(artikelen)


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", default=os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")
    )
    parser.add_argument("--old", default="2002-05-04")
    parser.add_argument("--new", default="2014-04-01")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    wetdiff = str(Path(sys.executable).with_name("wetdiff"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        n_old = write_version(corpus / f"{args.old}.xml", root / "old")
        n_new = write_version(corpus / f"{args.new}.xml", root / "new")
        print(
            f"Wetboek van Strafrecht {args.old} ({n_old} articles) vs {args.new} "
            f"({n_new} articles), median of {args.runs} runs"
        )
        old, new = str(root / "old"), str(root / "new")
        commands = {"diff": [wetdiff, "diff", old, new, "--format", "json"]}
        for fmt in ("md", "html", "docx"):
            commands[fmt] = [wetdiff, "memo", old, new, "-o", str(root / f"memo.{fmt}")]
        for argv in commands.values():  # untimed: bytecode cached
            timed(argv)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved: the same machine load for all
            for name, argv in commands.items():
                times[name].append(timed(argv))
        diff = statistics.median(times["diff"])
        print(f"  wetdiff diff --format json   {diff:6.2f} s   1.00x")
        worst = 0.0
        for fmt in ("md", "html", "docx"):
            out = root / f"memo.{fmt}"
            seconds = statistics.median(times[fmt])
            worst = max(worst, seconds / diff)
            print(
                f"  wetdiff memo -o memo.{fmt:<5}  {seconds:6.2f} s   {seconds / diff:.2f}x   "
                f"({out.stat().st_size / 1024:.0f} kB)"
            )
        print(f"worst ratio memo / diff: {worst:.2f}x (target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
