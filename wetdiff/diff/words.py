"""Word-level changes inside one aligned pair of provisions.

A lawyer reads "acht → twaalf", never letter noise such as "a~~cht~~twaalf". So the texts
are cut into tokens (words, ``1°``-style numbers, single punctuation marks), each
distinct token becomes one code point, and diff-match-patch compares those strings of
code points. Its semantic clean-up then works on whole tokens, so no edit ever cuts a
word. White space is not compared: each token carries the white space after it, put
back when the result is decoded (white space only one side has is itself an edit), so
the strings diff-match-patch works on are half as long. ``Diff_Timeout = 0``: the diff
is exact and deterministic (a provision is at most a few hundred tokens, so this costs
milliseconds).

The encoded strings are compared by the C++ port of diff-match-patch
(``fast-diff-match-patch``) where its wheel is installed, else by the pure-Python
``diff-match-patch``, the reference: both give the same operations (a property test
checks it on random token strings, ``benchmarks/diff_engines.py`` on the whole Sr
history). ``WETDIFF_PURE_PYTHON_DIFF=1`` forces the pure-Python one.

Tokens are compared in their *compare form* (curly and straight quotes alike), so a
change of quote shape is never a change; the text kept for an ``equal`` stretch is the
new text's, so applying the operations to the old text gives the new text exactly.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from wetdiff.model.normalise import compare_key

Op = Literal["equal", "insert", "delete"]

# A number as printed in lists ("1°", "1°.", "2º"), a word (letters, digits, and
# in-word apostrophes or hyphens are separate tokens), one punctuation mark, or white space.
_TOKEN = re.compile(r"\d+[°º]|\w+|\s+|[^\w\s]", re.UNICODE)

# Code points used to encode tokens: start above ASCII control/space so encoded strings are
# harmless in a debugger, and skip the surrogate block (not valid scalar values).
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


# --- the engine: diff-match-patch on strings of code points ----------------------------

Diffs = list[tuple[int, str]]  # diff-match-patch's form: (-1 delete | 0 equal | 1 insert, text)

#: ``WETDIFF_PURE_PYTHON_DIFF=1`` compares with the pure-Python diff-match-patch even
#: where the C++ one is installed (the reference: the same results, slower).
PURE_PYTHON_SWITCH = "WETDIFF_PURE_PYTHON_DIFF"

try:
    import fast_diff_match_patch as _fast_dmp
except ImportError:  # no wheel for this platform: the pure-Python diff does the work
    _fast_dmp = None

_OPS = {"-": -1, "=": 0, "+": 1}


def diff_codes_python(old: str, new: str, semantic: bool = True) -> Diffs:
    """diff-match-patch in pure Python (the reference): exact (no time limit), no line
    mode, and with ``semantic`` its semantic clean-up."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs: Diffs = dmp.diff_main(old, new, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return diffs


def diff_codes_fast(old: str, new: str, semantic: bool = True) -> Diffs:
    """The same as :func:`diff_codes_python` through the C++ port of diff-match-patch
    (``fast-diff-match-patch``, which must be installed)."""
    if _fast_dmp is None:
        raise RuntimeError("fast-diff-match-patch is not installed")
    return [
        (_OPS[op], text)
        for op, text in _fast_dmp.diff(
            old,
            new,
            timelimit=0,
            checklines=False,
            cleanup="Semantic" if semantic else "No",
            counts_only=False,
        )
    ]


def fast_engine() -> bool:
    """Whether :func:`diff_codes` uses the C++ port: installed, and not switched off
    with ``WETDIFF_PURE_PYTHON_DIFF=1``."""
    return _fast_dmp is not None and os.environ.get(PURE_PYTHON_SWITCH, "") in ("", "0")


def diff_codes(old: str, new: str, semantic: bool = True) -> Diffs:
    """The diff of two encoded strings (one code point per token), exact: through the
    C++ port where it is installed, else in pure Python; the results are the same."""
    if fast_engine() and (
        _fast_dmp.CHAR_WIDTH == 4  # type: ignore[union-attr]
        # a 16-bit build (Windows) refuses code points beyond the BMP
        or max(old + new, default="\0") <= "\uffff"
    ):
        return diff_codes_fast(old, new, semantic)
    return diff_codes_python(old, new, semantic)


@dataclass(frozen=True, slots=True)
class WordOp:
    """One stretch of a word-level diff: text kept (``equal``), added (``insert``) or
    removed (``delete``)."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """The tokens of a text; ``"".join(tokens(t)) == t``."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    """The compare form of one token: white space is one space, quotes are straight."""
    if token[:1].isspace():
        return " "
    return compare_key(token) or token


def _code(n: int) -> str:
    point = _FIRST_CODE + n
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


class Encoder:
    """One code point per distinct token (tokens equal in compare form share one). One
    encoder can serve every pair of a comparison, so each token is folded only once."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}  # token -> code point
        self.folded: dict[str, str] = {}  # compare form of a token -> code point
        self.decoded: dict[str, str] = {}  # code point -> compare form of its tokens

    def encode(self, items: list[str]) -> str:
        codes = self.codes
        try:  # most tokens of a code recur: all of them known already
            return "".join(map(codes.__getitem__, items))
        except KeyError:
            pass
        for token in dict.fromkeys(items):  # first-seen order: codes are reproducible
            if token in codes:
                continue
            folded = _fold(token)
            code = self.folded.get(folded)
            if code is None:
                code = self.folded[folded] = _code(len(self.folded))
                self.decoded[code] = folded
            codes[token] = code
        return "".join(map(codes.__getitem__, items))


# Every character that is not white space belongs to a token, so splitting a text at its
# tokens leaves only the white space around them.
_WORD_TOKEN = re.compile(r"(\d+[°º]|\w+|[^\w\s])", re.UNICODE)


def _split(text: str) -> tuple[str, list[str], list[str]]:
    """White space leading the text, its other tokens (words, numbers, punctuation), and
    the white space following each of them ("" where none does)."""
    parts = _WORD_TOKEN.split(text)  # [lead, token, space, token, space, ...]
    return parts[0], parts[1::2], parts[2::2]


def word_diff(old: str, new: str, encoder: Encoder | None = None) -> tuple[WordOp, ...]:
    """The word operations that turn ``old`` into ``new``.

    Only words, numbers and punctuation are compared: the white space between them adds
    nothing to what a change means, and leaving it out of what diff-match-patch compares
    makes that comparison about three times faster. Each token's following white space
    is put back when decoding; white space only one side has between two kept tokens is
    itself deleted or inserted, and the white space around an edit goes with the edit
    unless both sides have some there. ``equal`` + ``delete`` texts concatenated give
    ``old`` (up to compare form); ``equal`` + ``insert`` texts concatenated give ``new``
    exactly."""
    old_lead, old_tokens, old_spaces = _split(old)
    new_lead, new_tokens, new_spaces = _split(new)
    encoder = encoder or Encoder()
    encoded_old = encoder.encode(old_tokens)
    encoded_new = encoder.encode(new_tokens)
    old_has = list(map(bool, old_spaces))
    new_has = list(map(bool, new_spaces))
    out: list[list[str]] = []  # [op, piece, piece, ...]

    def add(op: str, piece: str) -> None:
        if piece:
            if out and out[-1][0] == op:
                out[-1].append(piece)
            else:
                out.append([op, piece])

    def gap(old_space: str, new_space: str) -> None:
        """White space between two kept tokens: kept if both sides have some (its shape
        is normalisation), else deleted or inserted."""
        if bool(old_space) == bool(new_space):
            add("equal", new_space)
        else:
            add("delete", old_space)
            add("insert", new_space)

    def equal_run(i: int, j: int, n: int) -> None:
        """``n`` kept tokens from old ``i`` and new ``j``, with the space between them."""
        if old_has[i : i + n - 1] == new_has[j : j + n - 1]:
            add(
                "equal",
                "".join(map(str.__add__, new_tokens[j : j + n - 1], new_spaces[j : j + n - 1]))
                + new_tokens[j + n - 1],
            )
            return
        for m in range(n):
            add("equal", new_tokens[j + m])
            if m < n - 1:
                gap(old_spaces[i + m], new_spaces[j + m])

    if encoded_old == encoded_new:
        gap(old_lead, new_lead)
        if new_tokens:
            equal_run(0, 0, len(new_tokens))
            gap(old_spaces[-1], new_spaces[-1])
        return tuple(WordOp(o[0], "".join(o[1:])) for o in out)  # type: ignore[arg-type]
    diffs = _slide(diff_codes(encoded_old, encoded_new), encoder.decoded, old_spaces, new_spaces)
    i = j = k = 0
    pending = (old_lead, new_lead)  # the white space before what comes next
    while k < len(diffs):
        if diffs[k][0] == 0:
            n = len(diffs[k][1])
            gap(*pending)
            equal_run(i, j, n)
            i, j = i + n, j + n
            pending = (old_spaces[i - 1], new_spaces[j - 1])
            k += 1
            continue
        gone = come = 0  # one edit: the deletions and insertions up to the next equal
        while k < len(diffs) and diffs[k][0] != 0:
            if diffs[k][0] < 0:
                gone += len(diffs[k][1])
            else:
                come += len(diffs[k][1])
            k += 1
        if gone and come:  # words replaced: the space on either side is its own
            before_old, before_new = pending
            if bool(before_old) == bool(before_new):
                add("equal", before_new)
                before_old = before_new = ""
            add("delete", before_old + _joined(old_tokens, old_spaces, i, i + gone))
            add("insert", before_new + _joined(new_tokens, new_spaces, j, j + come))
            pending = (old_spaces[i + gone - 1], new_spaces[j + come - 1])
        else:  # words only deleted or only inserted: one gap on the other side
            op = "delete" if gone else "insert"
            words = (
                _joined(old_tokens, old_spaces, i, i + gone)
                if gone
                else _joined(new_tokens, new_spaces, j, j + come)
            )
            first, last = pending if gone else pending[::-1]
            after = old_spaces[i + gone - 1] if gone else new_spaces[j + come - 1]
            other = last  # the one gap of the side without words
            # a kept space is shown as the new text has it
            if other and first:  # "a {+b +}c": the space before stays
                add("equal", other if gone else first)
                add(op, words + after)
            elif other and after:  # "misdrijven[-,-] omschreven": the space after stays
                add(op, first + words)
                add("equal", other if gone else after)
            else:
                add(op, first + words + after)
                add("insert" if gone else "delete", other)
            pending = ("", "")
        i, j = i + gone, j + come
    gap(*pending)
    return tuple(_tidy([WordOp(o[0], "".join(o[1:])) for o in out]))  # type: ignore[arg-type]


def _joined(items: list[str], spaces: list[str], start: int, end: int) -> str:
    """Tokens ``start:end`` with the white space between them (not after the last)."""
    if start >= end:
        return ""
    return (
        "".join(map(str.__add__, items[start : end - 1], spaces[start : end - 1])) + items[end - 1]
    )


def _tidy(ops: list[WordOp]) -> list[WordOp]:
    """Neighbouring deletions and insertions in one order (delete first), merged."""
    out: list[WordOp] = []
    for op in ops:
        if out and out[-1].op == op.op:
            out[-1] = WordOp(op.op, out[-1].text + op.text)
        elif (
            len(out) >= 2
            and op.op in ("delete", "insert")
            and out[-1].op != "equal"
            and out[-2].op == op.op
        ):
            out[-2] = WordOp(op.op, out[-2].text + op.text)
        else:
            out.append(op)
    return out


_BREAK = frozenset(",;:.")


def _slide(
    diffs: list[tuple[int, str]],
    codes: dict[str, str],
    old_spaces: list[str],
    new_spaces: list[str],
) -> list[tuple[int, str]]:
    """Shift each lone insertion or deletion between two equal stretches to where a
    reader expects it: "opneemt, {+met inbegrip …, +}met het" rather than "opneemt,
    met {+inbegrip …, met +}het" (both are minimal; dmp picks either). An edit is moved
    as far left as it can go, then right to the first position that starts after
    punctuation or at the text's start; a position after white space beats one inside
    a word ("vijf{+tig+}" style cuts never happen: tokens are whole)."""
    i = j = 0  # positions in the old and new token lists at the start of diffs[k]
    for k in range(len(diffs)):
        kind, chunk = diffs[k]
        if 0 < k < len(diffs) - 1 and kind != 0 and diffs[k - 1][0] == 0 and diffs[k + 1][0] == 0:
            left, right = diffs[k - 1][1], diffs[k + 1][1]
            spaces = old_spaces if kind < 0 else new_spaces
            at = i if kind < 0 else j  # index of the edit's first token on its side
            start = at - len(left)
            while left and chunk and left[-1] == chunk[-1]:
                chunk = left[-1] + chunk[:-1]
                right = left[-1] + right
                left = left[:-1]
            best = (left, chunk, right)
            best_score = _boundary_score(left, codes, spaces, start)
            while right and chunk and right[0] == chunk[0]:
                left, chunk, right = left + chunk[0], chunk[1:] + right[0], right[1:]
                score = _boundary_score(left, codes, spaces, start)
                if score > best_score:
                    best, best_score = (left, chunk, right), score
            diffs[k - 1], diffs[k], diffs[k + 1] = (0, best[0]), (kind, best[1]), (0, best[2])
        n = len(diffs[k][1])
        if diffs[k][0] <= 0:
            i += n
        if diffs[k][0] >= 0:
            j += n
    return [d for d in diffs if d[1]]


def _boundary_score(left: str, codes: dict[str, str], spaces: list[str], start: int) -> int:
    """How good a place for an edit right after ``left`` (which starts at token
    ``start`` of the edit's side): the text's start, or after white space, best after
    punctuation and white space."""
    if not left:
        return 4
    previous = start + len(left) - 1
    score = 1
    if 0 <= previous < len(spaces) and spaces[previous]:
        score += 1
        if codes[left[-1]] in _BREAK:
            score += 2
    return score


def apply_words(ops: tuple[WordOp, ...]) -> tuple[str, str]:
    """The old and the new text a sequence of word operations describes."""
    old = "".join(o.text for o in ops if o.op != "insert")
    new = "".join(o.text for o in ops if o.op != "delete")
    return old, new


Edit = tuple[Literal["equal", "change"], int, int, int, int]


def token_edits(old: list[str], new: list[str]) -> list[Edit]:
    """The token-level edit script between two token lists: ("equal"|"change", i1, i2,
    j1, j2), a deletion and an insertion next to each other being one "change".

    Unlike :func:`word_diff`, tokens are compared exactly as written (no compare form, no
    clean-up): the wijzigingsopdrachten quote the text as it stands, so a change of quote
    shape is a change there."""
    codes: dict[str, str] = {}

    def encode(items: list[str]) -> str:
        for token in dict.fromkeys(items):  # new tokens numbered in first-seen order
            if token not in codes:
                codes[token] = _code(len(codes))
        return "".join(map(codes.__getitem__, items))

    diffs = diff_codes(encode(old), encode(new), semantic=False)
    result: list[Edit] = []
    i = j = 0
    for kind, chunk in diffs:
        n = len(chunk)
        if kind == 0:
            result.append(("equal", i, i + n, j, j + n))
            i, j = i + n, j + n
            continue
        di, dj = (n, 0) if kind < 0 else (0, n)
        if result and result[-1][0] == "change":
            _, a, _, c, _ = result[-1]
            result[-1] = ("change", a, i + di, c, j + dj)
        else:
            result.append(("change", i, i + di, j, j + dj))
        i, j = i + di, j + dj
    return result
