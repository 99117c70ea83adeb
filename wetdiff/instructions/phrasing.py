"""Word changes inside one paragraph, as a drafter phrases them.

The changed stretches of a paragraph's tokens (two changes separated by one word are one
stretch; a pure insertion hangs on the word before it), the ways to say one stretch
("na «a» ingevoegd «b»", "voor …", "«a» vervangen door «b»", "vervalt «a»"), and a
simulation of what each way does to the text, so the generator only keeps a phrasing
that gives exactly the new words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from wetdiff.diff.words import token_edits
from wetdiff.diff.words import tokens as _all_tokens
from wetdiff.instructions.address import Adres
from wetdiff.instructions.model import Opdracht, WoordenInvoegen, WoordenVervangen
from wetdiff.instructions.tree import append_words, insert_words, occurrences, replace_span
from wetdiff.model.references import extract_references


def tokens(text: str) -> list[str]:
    """Words, ``1°``-style numbers, punctuation marks and white space, in order."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_all_tokens(text))


def is_word(token: str) -> bool:
    return not token.isspace()


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The tokens of a text without its white space (a generator asks for the same
    article's text again and again)."""
    return tuple(t for t in _tokens(text) if not t.isspace())


def changed_share(old: str, new: str) -> float:
    """The share of words that change between two texts (old and new counted)."""
    a, b = list(_words(old)), list(_words(new))
    if not a and not b:
        return 0.0
    same = sum(i2 - i1 for tag, i1, i2, _, _ in token_edits(a, b) if tag == "equal")
    return 1 - (2 * same) / (len(a) + len(b))


Stretch = tuple[int, int, int, int]  # old tokens i1:i2 became new tokens j1:j2


def regions(old: list[str], new: list[str], max_gap: int = 1) -> list[Stretch]:
    """Changed stretches of tokens. Stretches at most ``max_gap`` words apart are one: a
    drafter replaces «gevangenisstraf van ten hoogste achttien jaren» by «levenslange
    gevangenisstraf of tijdelijke van ten hoogste dertig jaren» in one go rather than
    in two instructions three words apart."""
    found: list[list[int]] = []
    for tag, i1, i2, j1, j2 in token_edits(old, new):
        if tag == "equal":
            continue
        if found:
            last = found[-1]
            between = [t for t in old[last[1] : i1] if is_word(t)]
            if len(between) <= max_gap:
                last[1], last[3] = i2, j2
                continue
        found.append([i1, i2, j1, j2])
    return [_slide(old, new, *r) for r in found]


_NUMBER_WORD = re.compile(
    r"(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|"
    r"veertien|vijftien|zestien|zeventien|achttien|negentien|(?:(?:een|twee|drie|vier|vijf|"
    r"zes|zeven|acht|negen)(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|"
    r"tachtig|negentig)|honderd|duizend)",
    re.IGNORECASE,
)


def with_counted_noun(old: list[str], new: list[str], stretch: Stretch) -> Stretch:
    """A phrase of several words that ends in a number is quoted with the noun it counts:
    «gevangenisstraf van ten hoogste achttien jaren», not «… achttien» (a lone number,
    «acht» vervangen door «twaalf», stays as it is)."""
    i1, i2, j1, j2 = stretch
    old_words = [t for t in old[i1:i2] if is_word(t)]
    new_words = [t for t in new[j1:j2] if is_word(t)]
    if max(len(old_words), len(new_words)) < 2:
        return stretch
    ends_in_number = any(w and _NUMBER_WORD.fullmatch(w[-1]) for w in (old_words, new_words))
    if ends_in_number and i2 + 1 < len(old) and old[i2].isspace() and old[i2 + 1][:1].isalpha():
        return i1, i2 + 2, j1, j2 + 2
    return stretch


def _offsets(items: list[str]) -> list[int]:
    """The character offset of each token, and the text's length at the end."""
    out = [0]
    for token in items:
        out.append(out[-1] + len(token))
    return out


def _spans(text: str) -> list[tuple[int, int]]:
    """Where the text cites a provision: "het eerste lid", "artikel 273f, eerste lid",
    "onder 1°" (the whole citation, as a reader takes it in)."""
    return [(r.start, r.end) for r in extract_references(text, include_external=True)]


def widen_to_citations(old: list[str], new: list[str], stretch: Stretch) -> Stretch:
    """Widen a change that falls inside a citation to the whole citation: «het eerste
    lid» vervangen door «het eerste of tweede lid», not na «eerste» ingevoegd «of
    tweede». The words before and after a stretch are the same on both sides, so the
    stretch grows by the same number of tokens on both."""
    i1, i2, j1, j2 = stretch
    left = right = 0
    for items, a, b in ((old, i1, i2), (new, j1, j2)):
        offsets = _offsets(items)
        start, end = offsets[a], offsets[b]
        for span_start, span_end in _spans("".join(items)):
            inside = (
                span_start < start < span_end
                if start == end
                else (start < span_end and end > span_start)
            )
            if not inside:
                continue
            while a - left > 0 and offsets[a - left] > span_start:
                left += 1
            while b + right < len(items) and offsets[b + right] < span_end:
                right += 1
    left = min(left, i1, j1)
    right = min(right, len(old) - i2, len(new) - j2)
    return i1 - left, i2 + right, j1 - left, j2 + right


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
