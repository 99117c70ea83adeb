"""How fast notes find their words again on a whole code, against the obvious alternative.

    .venv/bin/python benchmarks/notes_anchoring.py [CORPUS_DIR] [--notes N]

Takes two consolidated versions of the whole Wetboek van Strafrecht from the official BWB
XML (default: the oldest and newest capture in ``WETDIFF_CORPUS`` or
``/tmp/corpus/BWBR0001854``), writes N notes against the *old* text of provisions that
changed (a quote of six words from the middle of a random changed provision, with
context, as a lawyer would; a note never explains an unchanged provision), and attaches
them to the comparison old → new of the whole code:

* ``wetdiff``: :func:`wetdiff.notes.anchor.attach` (exact, followed, fuzzy with
  diff-match-patch ``match_main``);
* ``difflib``: for each note, :class:`difflib.SequenceMatcher` over every changed
  provision of the note's article (best ``find_longest_match`` + ``ratio`` of the
  window), the way one would write it with the standard library.

Both run in the same process on the same input; it prints the times, the ratio and how
often the two agree on the provision. Not a test: it needs the corpus.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_loader import load

from wetdiff.diff import compare
from wetdiff.model.version import Version
from wetdiff.notes.anchor import attach, fold
from wetdiff.notes.model import Anchor, Note


def make_notes(old: Version, changeset: object, count: int, seed: int = 7) -> list[Note]:
    """Notes on provisions that changed between the two versions (a note explains a
    change; one on an unchanged provision is never placed), each quoting six words of the
    old text, as a lawyer who wrote it against the old draft would."""
    rng = random.Random(seed)
    changed = {
        c.old.locatie.key
        for c in changeset.changes  # type: ignore[attr-defined]
        if c.changed and c.old is not None and c.new is not None
    }
    provisions = [
        p
        for a in old.artikelen
        for p in a.provisions()
        if len(p.text.split()) >= 12 and p.locatie.key in changed
    ]
    notes = []
    for number in range(count):
        provision = rng.choice(provisions)
        words = provision.text.split()
        start = rng.randrange(3, len(words) - 8)
        quote = " ".join(words[start : start + 6])
        notes.append(
            Note(
                f"n{number}",
                Anchor(
                    provision.locatie.key,
                    quote,
                    " ".join(words[start - 3 : start]),
                    " ".join(words[start + 6 : start + 9]),
                ),
                "r",
            )
        )
    return notes


def difflib_attach(notes: list[Note], changeset: object) -> dict[str, str]:
    """note id -> provision path (new side), by SequenceMatcher over the note's article."""
    by_article: dict[str, list[tuple[str, str]]] = {}
    for change in changeset.changes:  # type: ignore[attr-defined]
        if change.new is not None and change.changed:
            by_article.setdefault(change.new.locatie.artikel, []).append(
                (change.new.locatie.key, fold(change.new.text))
            )
    placed = {}
    for note in notes:
        best = (0.0, "")
        for path, text in by_article.get(note.anchor.artikel, []):
            matcher = difflib.SequenceMatcher(None, text, note.anchor.quote, autojunk=False)
            match = matcher.find_longest_match(0, len(text), 0, len(note.anchor.quote))
            window = text[max(0, match.a - match.b) : match.a - match.b + len(note.anchor.quote)]
            ratio = difflib.SequenceMatcher(None, window, note.anchor.quote).ratio()
            if ratio > best[0]:
                best = (ratio, path)
        if best[0] >= 0.65:
            placed[note.id] = best[1]
    return placed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=Path(os.environ.get("WETDIFF_CORPUS", "/tmp/corpus/BWBR0001854")),
    )
    parser.add_argument("--notes", type=int, default=2000)
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.xml"))
    if len(files) < 2:
        print(f"need at least two XML captures in {args.corpus}", file=sys.stderr)
        return 2
    old = Version(files[0].stem, files[0].stem, tuple(load(files[0])))
    new = Version(files[-1].stem, files[-1].stem, tuple(load(files[-1])))
    started = time.perf_counter()
    changeset = compare(old, new)
    compared = time.perf_counter() - started
    notes = make_notes(old, changeset, args.notes)

    started = time.perf_counter()
    attachment = attach(notes, changeset)
    ours = time.perf_counter() - started
    started = time.perf_counter()
    theirs_placed = difflib_attach(notes, changeset)
    theirs = time.perf_counter() - started

    hows: dict[str, int] = {}
    for placement in attachment.placements.values():
        hows[placement.how] = hows.get(placement.how, 0) + 1
    agree = sum(
        1
        for n, p in attachment.placements.items()
        if p.side == "new" and theirs_placed.get(n) == p.path
    )
    print(
        f"{old.label} → {new.label}: {len(old.artikelen)} → {len(new.artikelen)} articles, "
        f"{len(changeset.changes)} aligned provisions, {len(changeset.changed())} changed "
        f"(compare: {compared:.2f} s)"
    )
    print(
        f"{len(notes)} notes: placed {len(attachment.placements)} ({hows}), "
        f"orphaned {len(attachment.orphans)}"
    )
    print(f"wetdiff attach : {ours * 1000:8.1f} ms ({ours / len(notes) * 1e6:.0f} µs/note)")
    print(
        f"difflib        : {theirs * 1000:8.1f} ms ({theirs / len(notes) * 1e6:.0f} µs/note), "
        f"placed {len(theirs_placed)}"
    )
    print(f"ratio difflib / wetdiff: {theirs / ours:.1f}x; same provision for {agree} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
