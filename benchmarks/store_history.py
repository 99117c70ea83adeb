"""Benchmark: a workspace with the whole official history of the Wetboek van Strafrecht.

Builds a workspace from all toestanden in a corpus folder (default
``/tmp/corpus/BWBR0001854``; ``WETDIFF_CORPUS`` or the first argument overrides): one
commit per date on which the law changed. Then times, on the same repository in the
same run, wetdiff's ``log`` and ``blame`` (through the diff engine) against git's own
``git log -p -- FILE`` and ``git blame`` (line based, per file), for one article (273f)
and for all articles, and prints the ratios.

    .venv/bin/python benchmarks/store_history.py [CORPUS] [--articles N]

Note what git's numbers measure: each law version is its own dated file, so
``git blame`` of an article's latest file credits every line to the one commit that
added that file; ``git log -p`` prints whole-file additions. wetdiff's blame walks every
version through the diff engine and credits words. The ratios say what that costs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wetdiff.importers.series import import_series
from wetdiff.store import law
from wetdiff.store.blame import blame_article
from wetdiff.store.gitrepo import open_repo
from wetdiff.store.history import record_law_versions
from wetdiff.store.log import article_log
from wetdiff.store.workspace import init_workspace


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "corpus", nargs="?", default=os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")
    )
    parser.add_argument(
        "--articles",
        type=int,
        default=0,
        help="Only the first N articles in the 'all articles' runs.",
    )
    parser.add_argument("--article", default="273f")
    parser.add_argument("--keep", type=Path, help="Build the workspace here and keep it.")
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*.xml"))
    if not files:
        sys.exit(f"no XML files in {args.corpus}")
    for name, value in (
        ("GIT_AUTHOR_NAME", "Benchmark"),
        ("GIT_AUTHOR_EMAIL", "b@example.org"),
        ("GIT_COMMITTER_NAME", "Benchmark"),
        ("GIT_COMMITTER_EMAIL", "b@example.org"),
    ):
        os.environ.setdefault(name, value)

    t_import, series = timed(lambda: import_series(files))
    versions = [v for vs in series.versions.values() for v in vs]
    dates = {v.meta.in_force for v in versions}
    print(
        f"corpus: {len(files)} toestanden, {len(series.versions)} articles, "
        f"{len(versions)} article versions on {len(dates)} dates"
    )
    print(f"import (XML → versions, not the store): {t_import:8.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp) / "sr"
        workspace = init_workspace(root, name="Wetboek van Strafrecht (BWB history)")
        t_build, shas = timed(lambda: record_law_versions(open_repo(root), versions))
        print(
            f"build workspace ({len(shas)} commits, one per date):  {t_build:8.2f} s "
            f"({1000 * t_build / len(shas):.1f} ms per commit)"
        )
        os.chdir(root)
        snapshot = workspace.snapshot()
        bwb = law.bwb_ids(snapshot)[0]
        numbers = law.article_numbers(snapshot, bwb)
        if args.articles:
            numbers = numbers[: args.articles]
        one = args.article
        latest = {n: law.version_dates(snapshot, bwb, n)[-1] for n in numbers}

        def latest_file(n: str) -> str:
            return f"articles/{bwb}/{n}/{latest[n].isoformat()}.txt"

        rows = []
        t_w, entries = timed(lambda: article_log(workspace, one))
        t_g, _ = timed(
            lambda: git(root, "log", "-p", "--", f"articles/{bwb}/{one}", f"articles/{bwb}/273a")
        )
        rows.append((f"log {one} ({len(entries)} versions)", t_w, "git log -p -- DIR", t_g))

        t_w, _ = timed(lambda: blame_article(workspace, one, None))
        t_g, _ = timed(lambda: git(root, "blame", "--", latest_file(one)))
        rows.append((f"blame {one} --words", t_w, "git blame FILE", t_g))

        from wetdiff.store.versions import resolve

        rev = f"HEAD~{min(40, len(shas) - 1)}"
        t_w, version = timed(lambda: resolve(f"{rev}:law", workspace))
        t_g, _ = timed(
            lambda: subprocess.run(
                ["git", "archive", rev, "articles"], cwd=root, check=True, capture_output=True
            )
        )
        rows.append(
            (
                f"{rev}:law ({len(version.artikelen)} articles, from git)",
                t_w,
                f"git archive {rev} articles",
                t_g,
            )
        )

        with_text = [n for n in numbers if (root / latest_file(n)).exists()]

        def all_logs() -> int:
            return sum(len(article_log(workspace, n)) for n in numbers)

        def all_blames() -> int:
            return sum(len(blame_article(workspace, n, None).provisions) for n in with_text)

        t_w, count = timed(all_logs)
        t_g, _ = timed(lambda: git(root, "log", "-p", "--", "articles"))
        rows.append(
            (
                f"log, all {len(numbers)} articles ({count} versions)",
                t_w,
                "git log -p -- articles",
                t_g,
            )
        )
        t_w, count = timed(all_blames)
        t_g, _ = timed(lambda: [git(root, "blame", "--", latest_file(n)) for n in with_text])
        rows.append(
            (
                f"blame, all {len(with_text)} articles in force ({count} provisions)",
                t_w,
                "git blame each latest file",
                t_g,
            )
        )

        print()
        print(f"{'wetdiff':<52} {'s':>8}   {'git':<28} {'s':>8}   ratio")
        for name, tw, gname, tg in rows:
            print(f"{name:<52} {tw:8.3f}   {gname:<28} {tg:8.3f}   {tw / tg:7.2f}x")
        workspace.close()


if __name__ == "__main__":
    main()
