"""How fast a big notes file is read, against reading the same TOML with ``tomllib``.

    .venv/bin/python benchmarks/notes_loading.py [--notes 5000] [--repeat 5]

Writes N notes (the shape a lawyer's notes have: an id, a provision path, a quote with
context, a rationale of a few lines, answers, one or two citations) with wetdiff's own
writer, then reads the same text

* ``wetdiff``: :func:`wetdiff.notes.files.parse_notes`, which parses the TOML and checks
  every note (types, path, ids, citations) and finds the line of each note for messages;
* ``tomllib``: :func:`tomllib.loads` of the same text, which only parses it.

Both run in this process on the same text; the best of ``--repeat`` runs of each is
reported, with the ratio (target: at most 3x). It also reads N/4 notes, to show that the
time grows linearly (4x the notes, about 4x the time), where scanning the file again for
each note made it grow with the square (55 s for ``check`` of 5,000 notes). No corpus
needed.
"""

from __future__ import annotations

import argparse
import time
import tomllib
from collections.abc import Callable

from wetdiff.notes.files import parse_notes, render_notes
from wetdiff.notes.model import Anchor, Citation, Note


def make_notes(count: int) -> str:
    notes = []
    for number in range(count):
        lid = number % 9 + 1
        notes.append(
            Note(
                f"273f-{number:05d}",
                Anchor(
                    f"273f/{lid}/{number % 5 + 1}°",
                    "een ander door dwang, geweld of een andere feitelijkheid",
                    "degene die",
                    "werft, vervoert",
                ),
                f"Note {number}: the words implement article 2 of the directive.\n"
                "Second line of the rationale, as a lawyer writes it.\n",
                (
                    Citation("Kamerstukken II 2023/24, 36 547, nr. 3", "§ 4.2", "12", "gap"),
                    Citation("Richtlijn 2011/36/EU", "art. 2"),
                ),
                ("2022Z19982/3",) if number % 3 == 0 else (),
            )
        )
    return render_notes(notes)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for count in (args.notes // 4, args.notes):
        text = make_notes(count)
        assert len(parse_notes(text, "bench.toml")) == count
        ours = best(lambda text=text: parse_notes(text, "bench.toml"), args.repeat)
        theirs = best(lambda text=text: tomllib.loads(text), args.repeat)
        print(
            f"{count:>6} notes ({len(text) / 1_048_576:.1f} MB): wetdiff {ours * 1000:7.1f} ms, "
            f"tomllib {theirs * 1000:7.1f} ms, ratio {ours / theirs:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
