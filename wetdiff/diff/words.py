"""Word-level changes inside one aligned pair of provisions.

A lawyer reads "acht → twaalf", never letter noise such as "a~~cht~~twaalf". So the texts
are cut into tokens (words, ``1°``-style numbers, single punctuation marks, runs of white
space), each distinct token becomes one code point, and diff-match-patch compares those
strings of code points. Its semantic clean-up then works on whole tokens, so no edit ever
cuts a word. ``Diff_Timeout = 0``: the diff is exact and deterministic (a provision is at
most a few hundred tokens, so this costs milliseconds).

Tokens are compared in their *compare form* (curly and straight quotes alike, any space
alike), so a change of quote shape is never a change; the text kept for an ``equal``
stretch is the new text's, so applying the operations to the old text gives the new text
exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from diff_match_patch import diff_match_patch

from wetdiff.model.normalise import compare_key

Op = Literal["equal", "insert", "delete"]

# A number as printed in lists ("1°", "1°.", "2º"), a word (letters, digits, and
# in-word apostrophes or hyphens are separate tokens), one punctuation mark, or white space.
_TOKEN = re.compile(r"\d+[°º]|\w+|\s+|[^\w\s]", re.UNICODE)

# Code points used to encode tokens: start above ASCII control/space so encoded strings are
# harmless in a debugger, and skip the surrogate block (not valid scalar values).
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


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


def word_diff(old: str, new: str, encoder: Encoder | None = None) -> tuple[WordOp, ...]:
    """The word operations that turn ``old`` into ``new``.

    ``equal`` + ``delete`` texts concatenated give ``old`` (up to compare form);
    ``equal`` + ``insert`` texts concatenated give ``new`` exactly."""
    old_tokens = tokens(old)
    new_tokens = tokens(new)
    encoder = encoder or Encoder()
    encoded_old = encoder.encode(old_tokens)
    encoded_new = encoder.encode(new_tokens)
    if encoded_old == encoded_new:
        return (WordOp("equal", new),) if new else ()
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(encoded_old, encoded_new, False)
    dmp.diff_cleanupSemantic(diffs)
    diffs = _slide(diffs, encoder.decoded)
    ops: list[WordOp] = []
    i = j = 0
    for kind, chunk in diffs:
        n = len(chunk)
        if kind == 0:
            piece, op = "".join(new_tokens[j:j + n]), "equal"
            i += n
            j += n
        elif kind < 0:
            piece, op = "".join(old_tokens[i:i + n]), "delete"
            i += n
        else:
            piece, op = "".join(new_tokens[j:j + n]), "insert"
            j += n
        if not piece:
            continue
        if ops and ops[-1].op == op:
            ops[-1] = WordOp(op, ops[-1].text + piece)
        else:
            ops.append(WordOp(op, piece))  # type: ignore[arg-type]
    return tuple(ops)


_BREAK = frozenset(",;:.")


def _slide(diffs: list[tuple[int, str]], codes: dict[str, str]) -> list[tuple[int, str]]:
    """Shift each lone insertion or deletion between two equal stretches to where a
    reader expects it: "opneemt, {+met inbegrip …, +}met het" rather than "opneemt,
    met {+inbegrip …, met +}het" (both are minimal; dmp picks either). An edit is moved
    as far left as it can go, then right to the first position that starts after
    punctuation or at a word, never at white space."""
    for k in range(1, len(diffs) - 1):
        before, edit, after = diffs[k - 1], diffs[k], diffs[k + 1]
        if before[0] != 0 or after[0] != 0 or edit[0] == 0:
            continue
        left, chunk, right = before[1], edit[1], after[1]
        # slide fully left
        while left and chunk and left[-1] == chunk[-1]:
            chunk = left[-1] + chunk[:-1]
            right = left[-1] + right
            left = left[:-1]
        best = (left, chunk, right)
        best_score = _boundary_score(left, chunk, codes)
        while right and chunk and right[0] == chunk[0]:
            left, chunk, right = left + chunk[0], chunk[1:] + right[0], right[1:]
            score = _boundary_score(left, chunk, codes)
            if score > best_score:
                best, best_score = (left, chunk, right), score
        diffs[k - 1], diffs[k], diffs[k + 1] = (0, best[0]), (edit[0], best[1]), (0, best[2])
    return [d for d in diffs if d[1]]


def _boundary_score(left: str, chunk: str, codes: dict[str, str]) -> int:
    first = codes[chunk[0]]
    score = 0 if first[:1].isspace() else 1
    if not left:
        return score + 3
    previous = codes[left[-1]]
    if previous[:1].isspace():
        score += 1
        if len(left) > 1 and codes[left[-2]] in _BREAK:
            score += 2
    return score


def apply_words(ops: tuple[WordOp, ...]) -> tuple[str, str]:
    """The old and the new text a sequence of word operations describes."""
    old = "".join(o.text for o in ops if o.op != "insert")
    new = "".join(o.text for o in ops if o.op != "delete")
    return old, new
