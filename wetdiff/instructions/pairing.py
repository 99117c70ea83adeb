"""Pairing the leden and onderdelen of two versions of one element, by content.

A drafter sees an inserted lid as one insertion that renumbers the leden after it, not as
every later lid rewritten. So the blocks of two bodies are paired in order by what they
say (a renumbered lid keeps its pair), a shared number only tipping the balance; blocks
left unpaired were inserted or deleted.
"""

from __future__ import annotations

import functools
from typing import Literal

from wetdiff.diff.words import tokens
from wetdiff.instructions.tree import cited
from wetdiff.model.artikel import Alinea, Block, Lid

BlockKind = Literal["alinea", "lid", "onderdeel"]

# Below this share of shared words, two blocks are not the same provision (unless they
# also share their number, then the bar is lower).
_SAME = 0.3
_SAME_NUMBER = 0.1
_NUMBER_BONUS = 0.25


def block_kind(block: Block) -> BlockKind:
    return (
        "alinea" if isinstance(block, Alinea) else "lid" if isinstance(block, Lid) else "onderdeel"
    )


def element_text(block: Block) -> str:
    """All words of a block, its list items included, as one text."""
    if isinstance(block, Alinea):
        return block.text
    return " ".join(element_text(b) for b in block.body)


@functools.lru_cache(maxsize=8192)
def _token_set(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


def _similarity(a: Block, b: Block) -> float:
    ta, tb = element_text(a), element_text(b)
    if ta == tb:
        return 1.0
    sa, sb = _token_set(ta), _token_set(tb)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def _same_number(a: Block, b: Block) -> bool:
    """Whether two leden or onderdelen carry the same number (as cited)."""
    if isinstance(a, Alinea) or isinstance(b, Alinea):
        return False
    return cited(a.number) == cited(b.number)


def _gain(a: Block, b: Block) -> float | None:
    """What pairing two blocks is worth, or None when they cannot be a pair."""
    if block_kind(a) != block_kind(b):
        return None
    sim = _similarity(a, b)
    same_nr = _same_number(a, b)
    if block_kind(a) == "alinea" or sim >= _SAME or (same_nr and sim >= _SAME_NUMBER):
        return sim + (_NUMBER_BONUS if same_nr else 0) + 1
    return None


def align(old: tuple[Block, ...], new: tuple[Block, ...]) -> list[tuple[int | None, int | None]]:
    """Pair the blocks of two bodies in order, by content (a renumbered lid keeps its
    pair), maximising similarity; unpaired blocks were inserted or deleted."""
    n, m = len(old), len(new)
    gains = [[_gain(old[i], new[j]) for j in range(m)] for i in range(n)]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            gain = gains[i][j]
            if gain is not None:
                best = max(best, score[i + 1][j + 1] + gain)
            score[i][j] = best
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m:
            gain = gains[i][j]
            if gain is not None and abs(score[i][j] - (score[i + 1][j + 1] + gain)) < 1e-9:
                pairs.append((i, j))
                i += 1
                j += 1
                continue
        if i < n and (j == m or abs(score[i][j] - score[i + 1][j]) < 1e-9):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs


def body_kind(new: tuple[Block, ...], old: tuple[Block, ...]) -> BlockKind:
    """The kind of the numbered blocks in a body ("lid" or "onderdeel"), else "alinea"."""
    for block in (*new, *old):
        if not isinstance(block, Alinea):
            return block_kind(block)
    return "alinea"
