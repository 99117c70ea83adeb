"""How long the worked example (the whole Wetboek van Strafrecht, 93 captures' history, and
bill 36 547) takes to build on a first run, side by side with what it is built from.

    .venv/bin/python benchmarks/example_build.py [--repeat N] [--no-paint]

Two comparisons, each run interleaved in one process, medians of N runs:

1. **Build vs plain fast-import.** wetdiff's first-run build (``ensure_example()`` in a
   fresh data folder: find and hash the shipped files, read them, write the history and
   the working files) against a plain ``git init`` + ``git fast-import`` of the same
   commits and files from a stream prepared beforehand (the least git itself needs to
   write that history; it leaves no working files), and against the same followed by
   ``git checkout`` (a repository with the same files on disk, as the example has).
2. **First run vs second run, first paint** (with ``../shared/tools/tui_first_paint.py``,
   when present): ``wetdiff`` in a 160x48 terminal until the first article's words are
   on screen, with a fresh data folder (the first run builds the example) against one
   where it is built.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wetdiff.store.commits import BUILDER
from wetdiff.store.example import ensure_example, example_folder, history
from wetdiff.store.gitrepo import NewCommit

ROOT = Path(__file__).resolve().parent.parent
PAINT_TOOL = ROOT.parent / "shared" / "tools" / "tui_first_paint.py"
MARKER = "voorafgegane"  # a word of artikel 1, eerste lid: the first text on screen


def stream(commits: list[NewCommit]) -> bytes:
    """The same history as a plain fast-import stream (fixed dates: same work for git)."""
    out = []
    for mark, commit in enumerate(commits, 1):
        message = commit.message.encode()
        out.append(
            f"commit refs/heads/main\nmark :{mark}\n"
            f"author {commit.author[0]} <{commit.author[1]}> 1700000000 +0000\n"
            f"committer {BUILDER[0]} <{BUILDER[1]}> 1700000000 +0000\n"
            f"data {len(message)}\n".encode()
            + message
            + b"\n"
        )
        for path, data in commit.files:
            out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        if commit.tag:
            out.append(f"reset refs/tags/{commit.tag}\nfrom :{mark}\n\n".encode())
    out.append(b"done\n")
    return b"".join(out)


def time_wetdiff(scratch: Path) -> float:
    data = Path(tempfile.mkdtemp(dir=scratch))
    os.environ["WETDIFF_DATA_DIR"] = str(data)
    start = time.perf_counter()
    ensure_example()
    took = time.perf_counter() - start
    shutil.rmtree(data)
    return took


def time_plain(scratch: Path, data: bytes, *, checkout: bool = False) -> float:
    repo = Path(tempfile.mkdtemp(dir=scratch)) / "repo"
    start = time.perf_counter()
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "fast-import", "--quiet", "--done"], cwd=repo, input=data, check=True)
    if checkout:
        subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    took = time.perf_counter() - start
    shutil.rmtree(repo.parent)
    return took


def first_paint(repeat: int, scratch: Path) -> None:
    if not PAINT_TOOL.is_file():
        print(f"first paint: skipped ({PAINT_TOOL} is not here)")
        return
    wetdiff = str(Path(sys.executable).with_name("wetdiff"))
    built = scratch / "built"
    os.environ["WETDIFF_DATA_DIR"] = str(built)
    ensure_example()
    fresh = f'WETDIFF_DATA_DIR="$(mktemp -d -p {scratch})" exec {wetdiff}'
    again = f'WETDIFF_DATA_DIR="{built}" exec {wetdiff}'
    subprocess.run(
        [
            sys.executable,
            str(PAINT_TOOL),
            str(repeat),
            MARKER,
            "sh",
            "-c",
            fresh,
            "--",
            MARKER,
            "sh",
            "-c",
            again,
        ],
        check=True,
        cwd=scratch,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-paint", action="store_true", help="only the build comparison")
    args = parser.parse_args()
    _, source, files = example_folder()
    commits = list(history(source, files))
    data = stream(commits)
    size = sum(len(d) for c in commits for _, d in c.files)
    print(
        f"the example: {len(files)} files ({size / 1e6:.1f} MB), {len(commits)} commits, "
        f"fast-import stream {len(data) / 1e6:.1f} MB"
    )
    with tempfile.TemporaryDirectory(prefix="wetdiff-bench-") as folder:
        scratch = Path(folder)
        ours, plain, checked_out = [], [], []
        for _ in range(args.repeat):
            ours.append(time_wetdiff(scratch))
            plain.append(time_plain(scratch, data))
            checked_out.append(time_plain(scratch, data, checkout=True))
        a, b, c = (statistics.median(x) for x in (ours, plain, checked_out))
        for label, runs, median in (
            ("wetdiff first-run build", ours, a),
            ("plain git init + fast-import", plain, b),
            ("plain git init + fast-import + checkout", checked_out, c),
        ):
            print(f"{label}: median {median:.3f}s  runs {[round(x, 3) for x in runs]}")
        print(f"build ratio wetdiff / plain fast-import = {a / b:.2f}")
        print(f"build ratio wetdiff / plain fast-import + checkout = {a / c:.2f}")
        if not args.no_paint:
            first_paint(args.repeat, scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
