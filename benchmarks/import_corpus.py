"""Import every article of every official version of the Wetboek van Strafrecht, and
compare the speed with a naive alternative in the same run.

    .venv/bin/python benchmarks/import_corpus.py [CORPUS_DIR] [--repeat N]

CORPUS_DIR holds the unpacked captures ``YYYY-MM-DD.xml`` (default: ``WETDIFF_CORPUS``,
else ``/tmp/corpus/BWBR0001854``). Measured, each the best of ``--repeat`` interleaved
runs:

* **wetdiff**: :func:`read_toestand` on every file — safe parsing, every article turned
  into the statute model (leden, onderdelen, alinea's, editorial notes as metadata, links);
* **naive**: the same safe lxml parse plus ``itertext()`` per article: the text with no
  structure, no notes taken out, no numbering — the least any importer must do;
* **series**: :func:`import_series` over all files (wetdiff's import plus comparing
  each article with its previous version), as ``wetdiff import bwb`` runs it.

It also checks what the issue asks of the import: zero errors over all versions, every
article round-trips through the canonical text form, and it counts warnings by kind.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from lxml import etree

from wetdiff.errors import WetdiffError
from wetdiff.importers.bwb import _PARSER_OPTIONS, read_toestand
from wetdiff.importers.series import import_series
from wetdiff.model.text_format import parse, render


def naive(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        parser = etree.XMLParser(**_PARSER_OPTIONS)  # type: ignore[arg-type]
        root = etree.fromstring(path.read_bytes(), parser)
        for artikel in root.iter("artikel"):
            " ".join(" ".join(artikel.itertext()).split())
            count += 1
    return count


def wetdiff_import(paths: list[Path]) -> int:
    return sum(len(read_toestand(path).artikelen) for path in paths)


def best(function, paths: list[Path], repeat: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    timings, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = function(paths)
        timings.append(time.perf_counter() - start)
    return min(timings), count


def check(paths: list[Path]) -> tuple[int, int, int, Counter[str]]:
    """(articles, errors, round-trip failures, warnings by kind)."""
    articles = errors = failures = 0
    kinds: Counter[str] = Counter()
    for path in paths:
        try:
            toestand = read_toestand(path)
        except WetdiffError as error:
            errors += 1
            print(f"ERROR {error}", file=sys.stderr)
            continue
        kinds.update(w.kind for w in toestand.warnings)
        for imported in toestand.artikelen:
            articles += 1
            text = render(imported.artikel)
            try:
                if parse(text, strict=False) != imported.artikel:
                    failures += 1
            except WetdiffError:
                failures += 1
    return articles, errors, failures, kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", default=os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")
    )
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(Path(args.corpus).glob("*.xml"))
    if not paths:
        sys.exit(f"no XML files in {args.corpus}")
    size = sum(p.stat().st_size for p in paths) / 1_048_576
    print(f"corpus: {len(paths)} versions, {size:.0f} MB, {args.corpus}")

    # Interleaved, best of each: a busy machine slows both alike.
    naive_s = ours_s = series_s = float("inf")
    naive_n = ours_n = 0
    for _ in range(args.repeat):
        seconds, naive_n = best(naive, paths, 1)
        naive_s = min(naive_s, seconds)
        seconds, ours_n = best(wetdiff_import, paths, 1)
        ours_s = min(ours_s, seconds)
        start = time.perf_counter()
        series = import_series(paths)
        series_s = min(series_s, time.perf_counter() - start)
    versions = sum(len(v) for v in series.versions.values())

    print()
    print(f"{'':34} {'seconds':>8} {'articles':>9} {'articles/s':>11} {'vs naive':>9}")
    for label, seconds, count in [
        ("naive: lxml + itertext", naive_s, naive_n),
        ("wetdiff: read_toestand (model)", ours_s, ours_n),
        ("wetdiff: import_series (+compare)", series_s, series.articles_read),
    ]:
        print(
            f"{label:34} {seconds:8.2f} {count:9d} {count / seconds:11.0f} "
            f"{seconds / naive_s:8.1f}x"
        )
    print(
        f"\nseries: {len(series.versions)} article numbers, {versions} versions kept "
        f"of {series.articles_read} article texts read"
    )

    articles, errors, failures, kinds = check(paths)
    print(f"check: {articles} articles, {errors} errors, {failures} round-trip failures")
    summary = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    print(f"warnings (per file, all versions): {sum(kinds.values())}: {summary}")
    series_kinds = Counter(w.kind for w in series.warnings)
    print(
        "distinct warnings (series import, each once): "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(series_kinds.items()))
    )
    return 1 if errors or failures else 0


if __name__ == "__main__":
    sys.exit(main())
