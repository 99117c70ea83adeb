"""Dev check (not in the tests): the whole Sr, 2006-08-02 → 2006-09-03, official captures.

The Wet computercriminaliteit II renumbered 273a to 273f and moved 372 to 375 to the new
273a to 273e. The diff must pair the articles by content: old 273a ↔ new 273f (same text),
old 372 ↔ new 273a, 374 ↔ 273c and 375 ↔ 273e (moved and edited), and report nothing
about unrelated articles beyond their own edits.

    .venv/bin/python benchmarks/check_whole_code.py [--corpus DIR] [--old D] [--new D]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_loader import corpus_option, load

from wetdiff.diff import compare
from wetdiff.model.version import Version

EXPECTED = {("273a", "273f"), ("372", "273a"), ("374", "273c"), ("375", "273e")}


def main() -> int:
    parser = argparse.ArgumentParser()
    corpus_option(parser)
    parser.add_argument("--old", default="2006-08-02")
    parser.add_argument("--new", default="2006-09-03")
    args = parser.parse_args()
    old = Version(args.old, args.old, tuple(load(args.corpus / f"{args.old}.xml")))
    new = Version(args.new, args.new, tuple(load(args.corpus / f"{args.new}.xml")))
    start = time.perf_counter()
    changes = compare(old, new)
    elapsed = time.perf_counter() - start
    print(f"{len(old.artikelen)} → {len(new.artikelen)} articles, compared in {elapsed:.2f} s")
    print("counts:", {k: v for k, v in changes.counts().items() if v})
    renamed = [(o, n) for o, n in changes.article_pairs if o != n]
    print("articles paired across numbers, inserted or deleted:", renamed)
    by_article: dict[str, list[str]] = {}
    for change in changes.changed():
        where = change.provision.locatie.artikel
        by_article.setdefault(where, []).append(
            f"{change.old_key or '-'} → {change.new_key or '-'} {sorted(change.kinds)}"
        )
    for article, lines in by_article.items():
        print(
            f"  {article}: {len(lines)} changed: {'; '.join(lines[:3])}"
            f"{' …' if len(lines) > 3 else ''}"
        )
    missing = EXPECTED - set(changes.article_pairs)
    if args.old == "2006-08-02" and args.new == "2006-09-03":
        print("expected pairs:", "all found" if not missing else f"MISSING {sorted(missing)}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
