"""Round-trip proof of generated wijzigingsopdrachten on the official history of the Sr.

For every pair of consecutive official versions of the Wetboek van Strafrecht (BWB XML
captures), generate the instructions from A to B, render them to Dutch, read them back
with the parser, apply them to A, and check that the result is B (article by article;
an absent article and one reading "[Vervallen]" count as the same state).

Reports the share of pairs that round-trip, how many articles were amended precisely and
how many were restated whole ("komt te luiden"), and the time taken, side by side with
the time of the diff alone.

    python benchmarks/instructions_roundtrip.py [CORPUS_DIR] [--limit N]

With --changeset the articles are paired as the diff pairs them (a renumbered article
keeps its pair: "Artikel 273a wordt vernummerd tot artikel 273f."), as in the memo.

CORPUS_DIR defaults to $WETDIFF_CORPUS or /tmp/corpus/BWBR0001854. Not run in the tests.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

from wetdiff.diff import compare
from wetdiff.importers.bwb import read_toestand
from wetdiff.instructions import apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.version import Version


def load(path: Path) -> Version:
    toestand = read_toestand(path)
    artikelen = tuple(i.artikel for i in toestand.artikelen)
    return Version(
        path.stem,
        f"{toestand.title} ({path.stem})",
        artikelen,
        regeling=toestand.title,
        bwb_id=toestand.bwb_id,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", default=os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--changeset",
        action="store_true",
        help="pair articles as the diff does (renumbered articles kept)",
    )
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*.xml"))
    if len(files) < 2:
        print(f"no BWB XML versions in {args.corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    versions = [load(f) for f in files]
    load_time = time.perf_counter() - t0
    pairs = list(itertools.pairwise(versions))
    if args.limit:
        pairs = pairs[: args.limit]
    ok = 0
    precise = restated = amended_articles = onderdelen = 0
    failed: list[str] = []
    gen_time = apply_time = 0.0
    for old, new in pairs:
        t = time.perf_counter()
        changes = compare(old, new) if args.changeset else None
        result = generate(old, new, changes)
        gen_time += time.perf_counter() - t
        t = time.perf_counter()
        gelezen = parse_text(result.text) if result.text else None
        applied = apply_opdrachten(gelezen.opdrachten, old) if gelezen else None
        apply_time += time.perf_counter() - t
        numbers = {a.number for a in old.artikelen} | {a.number for a in new.artikelen}
        amended = sum(1 for n in numbers if not same_text(old.artikel(n), new.artikel(n)))
        amended_articles += amended
        restated += len(result.rewritten)
        precise += amended - len(result.rewritten)
        onderdelen += sum(len(a.onderdelen) for a in result.artikelen)
        if applied is None:
            same = all(same_text(old.artikel(a.number), a) for a in new.artikelen)
            problems = ()
        else:
            got = applied.version
            numbers = {a.number for a in new.artikelen} | {a.number for a in got.artikelen}
            same = (
                not applied.failures
                and not gelezen.problems
                and all(same_text(got.artikel(n), new.artikel(n)) for n in numbers)
            )
            problems = (*gelezen.problems, *applied.failures)
        if same:
            ok += 1
        else:
            failed.append(f"{old.label} → {new.label}")
            if args.verbose:
                for problem in problems[:5]:
                    print("   ", problem)
    total = len(pairs)
    pairing = "the diff's article pairs" if args.changeset else "articles paired by number"
    print(f"pairs of consecutive Sr versions: {total} ({pairing})")
    print(f"round-trip apply(generate(A, B), A) == B: {ok}/{total} = {ok / total:.1%}")
    print(
        f"amended articles: {amended_articles}; precise instructions: {precise}; "
        f"restated whole ('Artikel X komt te luiden'): {restated}; onderdelen: {onderdelen}"
    )
    print(f"time: load {load_time:.1f}s, generate {gen_time:.1f}s, parse+apply {apply_time:.1f}s")
    for pair in failed:
        print("  not round-tripping:", pair)
    return 0 if ok == total else 1


if __name__ == "__main__":
    sys.exit(main())
