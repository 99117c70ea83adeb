"""Which amendments conflict, on the whole Wetboek van Strafrecht: wetdiff's
provision-aware merge against git's line merge (``git merge-file``), same input, one run.

    .venv/bin/python benchmarks/amendments_merge.py [--amendments 20] [--seed 7]

The worked example is built (or reused) in a data folder of its own. Its law of
2014-04-01 stands for a stage of a bill; N amendments are made on it, each changing one
word in one or two leden of articles drawn from a few (``--articles``): some pairs share
an article, a few a lid. Then, for every pair:

* ``wetdiff``: :func:`wetdiff.diff.merge.analyse` of each amendment once, and
  :func:`conflicts_between` of every pair (what ``wetdiff conflicts`` does), plus the
  merge of the largest set that combines;
* ``git``: ``git merge-file -p`` of each article both amendments change (one process
  per article per pair, as git's merge of two branches would do per file).

Reported: the time of each and the ratio, and where they agree. git sees lines (a lid is
a line in the article files), so it calls two edits of one lid, or of neighbouring lids,
a conflict even when they change different words, and it cannot say of what kind or
where in the law's terms; wetdiff combines those.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from wetdiff.diff.merge import analyse, conflicts_between, merge
from wetdiff.model.artikel import Alinea, Artikel, Lid
from wetdiff.model.text_format import render
from wetdiff.model.version import Version


def amended_lid(artikel: Artikel, rng: random.Random) -> Artikel | None:
    """The article with one word of one lid replaced (None: no lid with words)."""
    leden = [i for i, b in enumerate(artikel.body) if isinstance(b, Lid) and b.body]
    if not leden:
        return None
    index = rng.choice(leden)
    lid = artikel.body[index]
    assert isinstance(lid, Lid)
    first = lid.body[0]
    if not isinstance(first, Alinea) or len(first.text.split()) < 4:
        return None
    words = first.text.split()
    at = rng.randrange(1, len(words) - 1)
    words[at] = words[at].upper() + "X"
    body = list(artikel.body)
    body[index] = Lid(lid.number, (Alinea(" ".join(words)), *lid.body[1:]))
    return replace(artikel, body=tuple(body))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--amendments", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", type=int, default=8, help="drawn from this many")
    args = parser.parse_args()
    os.environ.setdefault("WETDIFF_DATA_DIR", tempfile.mkdtemp(prefix="wetdiff-bench-"))
    from wetdiff.store.example import ensure_example
    from wetdiff.store.versions import resolve
    from wetdiff.store.workspace import open_workspace

    stage = resolve("law@2014-04-01", open_workspace(ensure_example()))
    rng = random.Random(args.seed)
    candidates = [a for a in stage.artikelen if len(a.leden) >= 2][: args.articles]
    variants: list[tuple[str, Version]] = []
    for number in range(args.amendments):
        by_number = {a.number: a for a in stage.artikelen}
        for artikel in rng.sample(candidates, rng.choice((1, 2))):
            changed = amended_lid(by_number[artikel.number], rng)
            if changed is not None:
                by_number[artikel.number] = changed
        variants.append((f"am-{number + 1}", replace(stage, artikelen=tuple(by_number.values()))))

    start = time.perf_counter()
    analysed = [(name, analyse(stage, name, version)) for name, version in variants]
    ours: dict[tuple[str, str], bool] = {}
    for i, first in enumerate(analysed):
        for second in analysed[i + 1 :]:
            ours[(first[0], second[0])] = bool(conflicts_between(first, second))
    combining: list[tuple[str, Version]] = []
    for name, version in variants:
        if all(not ours.get((other, name), False) for other, _ in combining):
            combining.append((name, version))
    merged = merge(stage, combining)
    wetdiff_time = time.perf_counter() - start
    assert merged.ok

    start = time.perf_counter()
    theirs: dict[tuple[str, str], bool] = {}
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for i, (first, edits_a) in enumerate(analysed):
            for second, edits_b in analysed[i + 1 :]:
                clash = False
                for number in set(edits_a) & set(edits_b):
                    files = []
                    for label, version in (
                        ("ours", dict(variants)[first]),
                        ("base", stage),
                        ("theirs", dict(variants)[second]),
                    ):
                        artikel = version.artikel(number)
                        path = work / label
                        path.write_text(render(artikel) if artikel else "", encoding="utf-8")
                        files.append(str(path))
                    done = subprocess.run(
                        ["git", "merge-file", "-p", *files], capture_output=True, check=False
                    )
                    clash = clash or done.returncode != 0
                theirs[(first, second)] = clash
    git_time = time.perf_counter() - start

    pairs = len(ours)
    both = sum(1 for k in ours if ours[k] and theirs[k])
    git_only = sum(1 for k in ours if theirs[k] and not ours[k])
    ours_only = sum(1 for k in ours if ours[k] and not theirs[k])
    print(f"{args.amendments} amendments on {len(stage.artikelen)} articles, {pairs} pairs")
    print(
        f"wetdiff (every pair, kinds and places; merge of {len(combining)}): {wetdiff_time:.3f} s"
    )
    print(f"git merge-file (every article both change, per pair): {git_time:.3f} s")
    print(f"ratio wetdiff / git: {wetdiff_time / git_time:.2f}x")
    print(
        f"conflicts: both {both}; git only {git_only} (edits of one lid or of neighbouring "
        f"lines: wetdiff combines those of different words); wetdiff only {ours_only}"
    )


if __name__ == "__main__":
    main()
