"""Word changes inside one paragraph, as a drafter phrases them.

The changed stretches of a paragraph's tokens (two changes separated by one word are one
stretch; a pure insertion hangs on the word before it), the ways to say one stretch
("na «a» ingevoegd «b»", "voor …", "«a» vervangen door «b»", "vervalt «a»"), and a
simulation of what each way does to the text, so the generator only keeps a phrasing
that gives exactly the new words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from wetdiff.diff.words import token_edits
from wetdiff.diff.words import tokens as _all_tokens
from wetdiff.instructions.address import Adres
from wetdiff.instructions.model import Opdracht, WoordenInvoegen, WoordenVervangen
from wetdiff.instructions.tree import append_words, insert_words, occurrences, replace_span


def tokens(text: str) -> list[str]:
    """Words, ``1°``-style numbers, punctuation marks and white space, in order."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_all_tokens(text))


def is_word(token: str) -> bool:
    return not token.isspace()


def changed_share(old: str, new: str) -> float:
    """The share of words that change between two texts (old and new counted)."""
    a = [t for t in tokens(old) if is_word(t)]
    b = [t for t in tokens(new) if is_word(t)]
    if not a and not b:
        return 0.0
    same = sum(i2 - i1 for tag, i1, i2, _, _ in token_edits(a, b) if tag == "equal")
    return 1 - (2 * same) / (len(a) + len(b))


def regions(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed stretches of tokens; stretches separated by at most one word are one."""
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in token_edits(old, new):
        if tag == "equal":
            continue
        if regions:
            last = regions[-1]
            between = [t for t in old[last[1] : i1] if is_word(t)]
            if len(between) <= 1:
                last[1], last[3] = i2, j2
                continue
        regions.append([i1, i2, j1, j2])
    return [_slide(old, new, *r) for r in regions]


def _slide(
    old: list[str], new: list[str], i1: int, i2: int, j1: int, j2: int
) -> tuple[int, int, int, int]:
    """Move a pure insertion or deletion as far left as it can go unchanged, so that it
    hangs on the word before it ("na "opneemt," ingevoegd …") as a drafter would write it."""
    if i1 == i2:
        while i1 > 0 and j2 > j1 and new[j2 - 1] == old[i1 - 1]:
            i1, i2, j1, j2 = i1 - 1, i2 - 1, j1 - 1, j2 - 1
    elif j1 == j2:
        while i1 > 0 and old[i2 - 1] == old[i1 - 1]:
            i1, i2, j1, j2 = i1 - 1, i2 - 1, j1 - 1, j2 - 1
    return i1, i2, j1, j2


def forms(scope: Adres, old: str, new: str) -> Iterable[Opdracht]:
    """The ways to say one change, most natural first."""
    if not new:
        yield WoordenVervangen(targets=(scope,), old=old, new="")
        return
    if (
        new.startswith(old)
        and len(new) > len(old)
        and (new[len(old)] == " " or new[len(old)] in ",.;:)")
    ):
        yield WoordenInvoegen(
            targets=(scope,), anchor=old, before=False, text=new[len(old) :].strip()
        )
    if new.endswith(old) and len(new) > len(old) and new[-len(old) - 1] == " ":
        yield WoordenInvoegen(
            targets=(scope,), anchor=old, before=True, text=new[: -len(old)].strip()
        )
    yield WoordenVervangen(targets=(scope,), old=old, new=new)


def simulate(text: str, opdracht: Opdracht) -> str | None:
    if isinstance(opdracht, WoordenVervangen):
        hits = occurrences(text, opdracht.old)
        if len(hits) != 1:
            return None
        return replace_span(text, hits[0], hits[0] + len(opdracht.old), opdracht.new)
    if isinstance(opdracht, WoordenInvoegen):
        if not opdracht.anchor:
            return append_words(text, opdracht.text)
        hits = occurrences(text, opdracht.anchor)
        if len(hits) != 1 or not opdracht.text:
            return None
        at = hits[0] if opdracht.before else hits[0] + len(opdracht.anchor)
        return insert_words(text, at, opdracht.text, after=not opdracht.before)
    return None
