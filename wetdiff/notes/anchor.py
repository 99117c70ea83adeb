"""Anchoring: which change of a comparison each note explains.

A note explains one step (a law version, a proposal's stage: see
:mod:`wetdiff.notes.explain`, which chooses the step first); within it, the note points
at words (:class:`~wetdiff.notes.model.Anchor`: a provision path, a quoted span, a little
context), not at a change id, because a draft keeps moving: a lid inserted before it
renumbers it, a move takes it to another article, a colleague edits a word next to it.
:func:`attach` finds each note's words again among the *changed* provisions of a
:class:`~wetdiff.diff.ChangeSet` (a note never explains an unchanged provision), in the
note's own article first (docs/notes.md, "Anchoring"):

1. *exact*: the provision at the note's path still contains the quote;
2. *followed*: another provision on the same side contains it exactly, in the note's
   article or an article its provisions moved to or from (renumbered, moved, split) —
   the best by context, then distance in reading order; words that only stand in an
   unrelated article are not this note's;
3. *fuzzy*: the quote was edited; diff-match-patch ``match_main`` finds the nearest
   span within the article, accepted when the edit distance is at most
   :data:`FUZZY_MAX_SCORE` of the quote's length;
4. otherwise the note is an *orphan*: kept and reported with its old text, never dropped.

Where the same words stand in two changes at one place (the two parts of a merger share
their new provision), the change whose own edits hold the words wins, then the change
whose words are the ones the note remembers (``Note.words``).

Texts are compared in compare form (curly and straight quotes alike), position for
position, so a placement's character span is a span of the provision's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from wetdiff.model.artikel import Provision
from wetdiff.model.normalise import _QUOTE_TABLE, clean
from wetdiff.notes.model import Anchor, Note

if TYPE_CHECKING:
    from diff_match_patch import diff_match_patch

    from wetdiff.diff import Change, ChangeSet, WordOp

# diff-match-patch's bitap search: a hit may have at most this share of errors (0.0 is
# perfect, 1.0 anything); the distance term is made negligible because a provision is
# short and the note's position inside it is not known.
MATCH_THRESHOLD = 0.4
MATCH_DISTANCE = 10_000
# A fuzzy hit is accepted when the edit distance between the quote and the words found
# is at most this share of the quote's length ("twaalf jaren" → "vijftien jaren" passes,
# another sentence does not).
FUZZY_MAX_SCORE = 0.35
# Shorter quotes are only matched exactly: "acht" or "lid" would match anywhere.
FUZZY_MIN_LENGTH = 10
# How many words of context are kept before and after a quote made from a change.
CONTEXT_WORDS = 5
# The longest quote made from a change (a whole rewritten lid is cut at a word).
MAX_QUOTE = 240


_WORD = re.compile(r"\w+")
_SEPARATOR = "\x00"  # never in statute text: parsers refuse control characters


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a note landed: the change, the provision (path on the note's side), the
    character span of the words in that provision's text, and how it was found
    (``exact``, ``followed``, ``fuzzy``) with the fuzzy score (0.0 for exact)."""

    note_id: str
    change_id: str
    path: str
    side: str
    start: int
    end: int
    how: str
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "note": self.note_id,
            "change": self.change_id,
            "path": self.path,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "how": self.how,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True, slots=True)
class Attachment:
    """Notes per change id (in the notes' order), the orphans, and where each placed note
    landed."""

    by_change: dict[str, tuple[Note, ...]] = field(default_factory=dict)
    orphans: tuple[Note, ...] = ()
    placements: dict[str, Placement] = field(default_factory=dict)

    def notes_for(self, change_id: str) -> tuple[Note, ...]:
        return self.by_change.get(change_id, ())

    def change_of(self, note_id: str) -> str | None:
        placement = self.placements.get(note_id)
        return placement.change_id if placement else None


@dataclass(frozen=True, slots=True)
class _Candidate:
    index: int  # reading order on this side
    change_id: str
    provision: Provision
    folded: str
    change: Any = None
    articles: frozenset[str] = frozenset()  # the change's old and new articles


def fold(text: str) -> str:
    """Compare form that keeps every position: quote shapes folded, one for one."""
    return text.translate(_QUOTE_TABLE)


class _Side:
    """The provisions of one side of a comparison, indexed by path and by article."""

    def __init__(self) -> None:
        self.all: list[_Candidate] = []
        self.by_path: dict[str, list[_Candidate]] = {}
        self.by_artikel: dict[str, list[_Candidate]] = {}
        self._joined: str | None = None
        self._starts: list[int] = []

    def add(self, change_id: str, provision: Provision, change: Any = None) -> None:
        articles = frozenset(
            p.locatie.artikel
            for p in (getattr(change, "old", None), getattr(change, "new", None), provision)
            if p is not None
        )
        candidate = _Candidate(
            len(self.all), change_id, provision, fold(provision.text), change, articles
        )
        self.all.append(candidate)
        self.by_path.setdefault(provision.locatie.key, []).append(candidate)
        for artikel in articles:
            self.by_artikel.setdefault(artikel, []).append(candidate)
        self._joined = None

    def hits(self, quote: str) -> list[tuple[_Candidate, int, int]]:
        """Every exact occurrence of ``quote`` on this side: one search through all texts
        joined (a whole code has thousands of provisions)."""
        if self._joined is None:
            self._starts = []
            position = 0
            for candidate in self.all:
                self._starts.append(position)
                position += len(candidate.folded) + 1
            self._joined = _SEPARATOR.join(c.folded for c in self.all)
        found = []
        start = self._joined.find(quote)
        while start != -1:
            index = bisect_right(self._starts, start) - 1
            offset = start - self._starts[index]
            found.append((self.all[index], offset, offset + len(quote)))
            start = self._joined.find(quote, start + 1)
        return found


class Sides:
    """The changed provisions of a comparison, indexed on both sides, for placing many
    notes on one change set (built once: a whole code has thousands of provisions)."""

    def __init__(self, changeset: ChangeSet) -> None:
        self.changeset = changeset
        self.sides = {"new": _Side(), "old": _Side()}
        for change in changeset.changes:
            if not change.changed:
                continue
            for name, side in self.sides.items():
                provision = getattr(change, name)
                if provision is not None:
                    side.add(change.id, provision, change)

    def place(self, note: Note) -> Placement | None:
        return place(note, self.sides[note.anchor.side], self.changeset)


def attach(notes: Iterable[Note], changeset: ChangeSet) -> Attachment:
    """Place every note on the changed provision whose words it explains, or report it as
    an orphan. (Which notes belong to a comparison at all, by their step, is
    :mod:`wetdiff.notes.explain`'s choice; this places the words.)"""
    sides = Sides(changeset)
    return collect(notes, sides.place)


def collect(notes: Iterable[Note], place_note: Callable[[Note], Placement | None]) -> Attachment:
    """An :class:`Attachment` from a placing function (None: an orphan); the notes on one
    change keep the order given."""
    by_change: dict[str, list[Note]] = {}
    orphans: list[Note] = []
    placements: dict[str, Placement] = {}
    for note in notes:
        placement = place_note(note)
        if placement is None:
            orphans.append(note)
            continue
        placements[note.id] = placement
        by_change.setdefault(placement.change_id, []).append(note)
    return Attachment({k: tuple(v) for k, v in by_change.items()}, tuple(orphans), placements)


def place(note: Note, side: _Side, changeset: ChangeSet) -> Placement | None:
    """The placement of one note among the provisions of its side, or None (orphan)."""
    anchor = note.anchor
    quote = fold(clean(anchor.quote))
    if not quote:
        return None
    before, after = fold(clean(anchor.before)), fold(clean(anchor.after))
    at_path = side.by_path.get(anchor.path, [])
    in_article = side.by_artikel.get(anchor.artikel, [])
    expected = at_path[0].index if at_path else (in_article[0].index if in_article else 0)

    # 1. exact, in place (of two changes sharing the provision, the one whose own edits
    # hold the words, then the one whose words the note remembers)
    exact = []
    for candidate in at_path:
        for start in _occurrences(candidate.folded, quote):
            end = start + len(quote)
            exact.append(
                (
                    -_edited(candidate, start, end, anchor.side),
                    -_remembered(candidate, note),
                    -_context(candidate.folded, start, end, before, after),
                    candidate.index,
                    start,
                    candidate,
                )
            )
    if exact:
        *_, start, candidate = min(exact, key=lambda e: e[:5])
        return _placement(note, candidate, start, start + len(quote), "exact")

    family = _articles(anchor, changeset)
    nearby = list(
        {
            c.index: c for artikel in sorted(family) for c in side.by_artikel.get(artikel, [])
        }.values()
    )

    def rank(candidate: _Candidate, start: int, end: int) -> tuple[float, ...]:
        return (
            -_context(candidate.folded, start, end, before, after),
            -_edited(candidate, start, end, anchor.side),
            -_remembered(candidate, note),
            abs(candidate.index - expected),
        )

    # 2. followed: the same words elsewhere in the note's article, or in an article its
    # provisions moved to or from (renumbered, moved, split); never in an unrelated one
    everywhere = side.hits(quote) if _SEPARATOR not in quote else []
    pool = [h for h in everywhere if h[0].articles & family]
    if pool:
        candidate, start, end = min(pool, key=lambda h: rank(*h))
        return _placement(note, candidate, start, end, "followed")

    # 3. fuzzy, within the article (and the article it was renumbered to or from)
    if len(quote) < FUZZY_MIN_LENGTH:
        return None
    fuzzy = []
    words = _words(quote)
    for candidate in nearby:
        # Cheap first: a text that shares less than half the quote's words cannot be
        # within FUZZY_MAX_SCORE of it, so the costly bitap search is skipped.
        if len(words & _words(candidate.folded)) * 2 < len(words):
            continue
        found = _fuzzy(candidate.folded, quote)
        if found is not None:
            start, end, score = found
            fuzzy.append((score, rank(candidate, start, end), candidate, start, end))
    if not fuzzy:
        return None
    score, _, candidate, start, end = min(fuzzy, key=lambda f: (f[0], f[1]))
    return _placement(note, candidate, start, end, "fuzzy", score)


def _placement(
    note: Note, candidate: _Candidate, start: int, end: int, how: str, score: float = 0.0
) -> Placement:
    return Placement(
        note.id,
        candidate.change_id,
        candidate.provision.locatie.key,
        note.anchor.side,
        start,
        end,
        how,
        score,
    )


def _edited(candidate: _Candidate, start: int, end: int, side: str) -> float:
    """How well the span is the candidate's own edit: the characters of it the change
    inserted (new side) or deleted (old side), plus, to part two changes that both hold
    them (the two parts of a merger), the share of those edits the span is: the words a
    note quotes are the words its change edited, not a corner of a larger insertion."""
    words = getattr(candidate.change, "words", ())
    op = "insert" if side == "new" else "delete"
    position = 0
    covered = 0
    touched = 0
    for word in words:
        if word.op not in ("equal", op):
            continue
        stop = position + len(word.text)
        if word.op == op:
            overlap = max(0, min(stop, end) - max(position, start))
            covered += overlap
            if overlap:
                touched += stop - position
        position = stop
    return covered + (covered / touched if touched else 0.0)


def _remembered(candidate: _Candidate, note: Note) -> int:
    """1 when the candidate's change has the words the note remembers."""
    if not note.words or candidate.change is None:
        return 0
    return int(change_words(candidate.change) == note.words)


def _articles(anchor: Anchor, changeset: ChangeSet) -> set[str]:
    family = {anchor.artikel}
    for follow in (changeset.new_article, changeset.old_article):
        other = follow(anchor.artikel)
        if other:
            family.add(other)
    return family


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _occurrences(text: str, quote: str) -> list[int]:
    starts = []
    start = text.find(quote)
    while start != -1:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def _context(text: str, start: int, end: int, before: str, after: str) -> float:
    """How much of the remembered context still stands around a span (0.0 to 2.0)."""
    score = 0.0
    if before:
        left = text[:start].rstrip()
        want = before.rstrip()
        same = 0
        while same < min(len(left), len(want)) and left[-1 - same] == want[-1 - same]:
            same += 1
        score += same / len(want)
    if after:
        right = text[end:].lstrip()
        want = after.lstrip()
        same = 0
        while same < min(len(right), len(want)) and right[same] == want[same]:
            same += 1
        score += same / len(want)
    return score


@cache
def _matcher() -> diff_match_patch:
    """The fuzzy matcher, made when a quote is first not found as written (the pure
    Python diff-match-patch takes ~17 ms to load: most runs never need it)."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Match_Threshold = MATCH_THRESHOLD
    dmp.Match_Distance = MATCH_DISTANCE
    dmp.Match_MaxBits = 0  # Python's integers have no 32-bit limit on the pattern
    dmp.Diff_Timeout = 0.0
    return dmp


def _fuzzy(text: str, quote: str) -> tuple[int, int, float] | None:
    """The span of ``text`` nearest to ``quote``: (start, end, edit distance / length),
    or None when nothing is near enough.

    The bitap search costs time in proportion to the text's length, so in a long text
    it runs only on windows around the places where the quote's longest word occurs
    (a span within the threshold keeps most of its words)."""
    if not text:
        return None
    if len(text) <= 3 * len(quote):
        return _fuzzy_in(text, quote, 0)
    best = None
    for word in sorted(_words(quote), key=len, reverse=True)[:3]:
        starts = [m.start() for m in re.finditer(re.escape(word), text.lower())][:8]
        for at in starts:
            offset = max(0, at - len(quote))
            found = _fuzzy_in(text[offset : at + 2 * len(quote)], quote, offset)
            if found is not None and (best is None or found[2] < best[2]):
                best = found
        if best is not None:
            return best
    return best


def _fuzzy_in(text: str, quote: str, offset: int) -> tuple[int, int, float] | None:
    matcher = _matcher()
    start = matcher.match_main(text, quote, 0)
    if start == -1:
        return None
    window = text[start : start + len(quote) + len(quote) // 2]
    diffs = matcher.diff_main(quote, window, False)
    # The window runs past the quote's end: text added at the very end is not an error.
    end = start + len(window)
    while diffs and diffs[-1][0] == matcher.DIFF_INSERT:
        end -= len(diffs.pop()[1])
    score = matcher.diff_levenshtein(diffs) / len(quote)
    if score > FUZZY_MAX_SCORE:
        return None
    return offset + start, offset + end, score


def anchor_for_change(change: Change, *, before_words: int = CONTEXT_WORDS) -> Anchor:
    """An anchor for a note written on a change: the changed words and a few words
    around them — inserted words in the new text; for a deletion (of a provision, or of
    words only) the deleted words in the old text; for a change without word edits
    (unchanged, moved, renumbered) the start of the provision; for a part of a merger,
    the start of its own old text (the parts share the new one)."""
    words = getattr(change, "words", ())
    if "merged" in change.kinds and change.old is not None and change.related:
        # the parts of a merger share their new provision: only the old text tells them
        # apart, so a note written on one part stays on that part
        return _anchor(change.old, (0, len(change.old.text)), "old", before_words)
    if change.new is not None:
        span = _span(words, "insert") if change.old is not None else None
        if span is not None:
            return _anchor(change.new, span, "new", before_words)
        if change.old is not None:
            deleted = _span(words, "delete")
            if deleted is not None:
                return _anchor(change.old, deleted, "old", before_words)
        return _anchor(change.new, (0, len(change.new.text)), "new", before_words)
    assert change.old is not None
    return _anchor(change.old, (0, len(change.old.text)), "old", before_words)


def _span(words: Sequence[WordOp], op: str) -> tuple[int, int] | None:
    """Character span, in the text of that side, from the first to the last ``op``."""
    position = 0
    first = last = None
    keep = ("equal", op)
    for word in words:
        if word.op not in keep:
            continue
        if word.op == op and word.text.strip():
            if first is None:
                first = position + len(word.text) - len(word.text.lstrip())
            last = position + len(word.text.rstrip())
        position += len(word.text)
    return (first, last) if first is not None and last is not None else None


def _anchor(provision: Provision, span: tuple[int, int], side: str, context: int) -> Anchor:
    text = provision.text
    start, end = _widen(text, *span)
    if end - start > MAX_QUOTE:
        cut = text.rfind(" ", start, start + MAX_QUOTE)
        end = cut if cut > start else start + MAX_QUOTE
    before = " ".join(text[:start].split()[-context:]) if context else ""
    after = " ".join(text[end:].split()[:context]) if context else ""
    return Anchor(provision.locatie.key, text[start:end].strip(), before, after, side)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span to whole words (a word cut by the diff is never quoted in half)."""
    while start > 0 and text[start - 1].isalnum() and text[start : start + 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1 : end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- the words of a change, as a note remembers them -------------------------------------

_PUNCTUATION = frozenset(".,;: ")


def change_words(change: Any) -> str:
    """The words of a change as a note remembers them, in full: "[-acht-] {+twaalf+}"
    for word edits (each run of struck and new words, in reading order), "{+…+}" for an
    inserted provision, "[-…-]" for a deleted one, "(same words)" for a provision that
    only moved or got another number.

    A punctuation mark changed at the very end of the provision (";" → "." because the
    onderdeel after it was deleted) is left out when other words changed too: it is the
    consequence of another change, and its note explains it (docs/notes.md)."""
    old, new = getattr(change, "old", None), getattr(change, "new", None)
    if old is None and new is not None:
        return "{+" + " ".join(new.text.split()) + "+}"
    if new is None and old is not None:
        return "[-" + " ".join(old.text.split()) + "-]"
    runs: list[tuple[str, str, bool]] = []  # (struck, new, at the very end)
    struck: list[str] = []
    added: list[str] = []
    words = tuple(getattr(change, "words", ()))
    for index, word in enumerate((*words, None)):
        if word is not None and word.op == "delete":
            struck.append(word.text)
        elif word is not None and word.op == "insert":
            added.append(word.text)
        else:
            removed, inserted = " ".join("".join(struck).split()), " ".join("".join(added).split())
            if removed or inserted:
                rest = words[index:] if word is not None else ()
                at_end = not any(w.text.strip() for w in rest)
                runs.append((removed, inserted, at_end))
            struck.clear()
            added.clear()
    if len(runs) > 1:
        last = runs[-1]
        if last[2] and set(last[0] + last[1]) <= _PUNCTUATION:
            runs = runs[:-1]
    if not runs:
        return "(same words)"
    return " ".join(
        " ".join(part for part in (f"[-{r}-]" if r else "", f"{{+{i}+}}" if i else "") if part)
        for r, i, _ in runs
    )


def is_punctuation_consequence(change: Any) -> bool:
    """A change whose only edit is a punctuation mark at the very end of the provision
    (a "." becoming ";" because an onderdeel was added after it, or the reverse): the
    consequence of the change next to it, which the note of that change covers."""
    if not getattr(change, "changed", False) or change.old is None or change.new is None:
        return False
    if not set(change.kinds) <= {"rewritten", "renumbered"} or "rewritten" not in change.kinds:
        return False
    edits = [w for w in change.words if w.op != "equal"]
    if not edits or not all(set(w.text) <= _PUNCTUATION for w in edits):
        return False
    last_equal = max(
        (i for i, w in enumerate(change.words) if w.op == "equal" and w.text.strip()),
        default=-1,
    )
    first_edit = min(i for i, w in enumerate(change.words) if w.op != "equal")
    return first_edit > last_equal
