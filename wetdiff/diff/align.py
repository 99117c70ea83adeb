"""Structural alignment: which old provision became which new provision.

Numbers are not identity. When a lid is inserted, every later lid is renumbered; when a
code is reorganised (Sr 2006: 273a became 273f, and 372 became 273a), an article number
names a different text before and after. So provisions are paired by *content*, in four
passes of increasing doubt, and only then is it decided what happened to each pair:

1. **Articles.** An old and a new article with identical content (all provisions equal in
   compare form) are the same article, whatever their numbers (preferring equal numbers).
   Articles with the same number whose word sets are alike (Dice ≥
   :data:`SAME_NUMBER_SIMILARITY`) are the same article, edited.
   Then the rest are paired greedily by shingle similarity (word 3-grams, Dice
   coefficient ≥ :data:`ARTICLE_SIMILARITY`, each shingle weighted by the rarity of its
   rarest word), candidates found through an index of shingles, so the whole code is
   never compared with itself pair by pair. Articles with the same number that nothing
   better claimed are paired last, whatever their likeness. An article pair that breaks
   the order of the others has *moved* in the code; the rest are in place.
2. **Provisions within paired articles.** Identical compare keys first (a hash map); then
   greedy token-set similarity (Dice ≥ :data:`PROVISION_SIMILARITY`), ties going to the
   same position, then the nearest.
3. **Provisions across articles (moves).** What is left on both sides, over the whole
   version: identical text first; then splits and mergers within article pairs (pass 4,
   limited to paired articles); then similarity ≥ :data:`MOVE_SIMILARITY` (stricter:
   crossing articles is a stronger claim; words weighted by rarity, so shared penalty
   boilerplate proves little; :data:`MOVE_CONTEXT_BONUS` towards the article where the
   rest of its old article went). Texts of fewer than :data:`MIN_MOVE_TOKENS` words
   (``[Vervallen]``) never move.
4. **Splits and mergers.** A new provision left over, shorter than an old provision
   (≤ :data:`PART_MAX_SHARE` of its words), whose words are mostly
   (≥ :data:`PART_CONTAINMENT`) words of it that its partner does not keep, is a part
   split off from it; symmetrically for mergers.

Everything is sorted with explicit tie-breaks, so the result is deterministic.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from wetdiff.model.artikel import VERVALLEN, Artikel, Provision
from wetdiff.model.normalise import compare_key

# Thresholds (documented in docs/diff.md).
SAME_NUMBER_SIMILARITY = 0.7  # Dice of word sets: same number, same article (fast path)
ARTICLE_SIMILARITY = 0.4  # Dice of word-3-gram sets, weighted by rarity (idf), for articles
PROVISION_SIMILARITY = 0.5  # Dice of word sets for pairing provisions within an article
MOVE_SIMILARITY = 0.6  # the same, weighted by rarity (idf), across articles
PART_CONTAINMENT = 0.8  # share of a part's words found in the whole (split / merge)
PART_NEW_WORDS = 0.5  # share of a part's words the whole's main partner does not have
PART_MAX_SHARE = 0.8  # a part has at most this share of the whole's length in words
MOVE_CONTEXT_BONUS = 0.15  # added when the rest of its article went to the same article
WEIGHTED_FLOOR = 0.45  # plain Dice below which a weighted score is not worked out
MIN_MOVE_TOKENS = 4  # shorter texts are paired only in place, never moved
MAX_POSTING = 64  # a shingle or word in more units than this is too common to index
MAX_PART_POSTING = 12  # the same, when looking for the whole a part came from
MAX_CANDIDATES = 8  # similar articles considered per article

# Punctuation that separates words, for the quick word sets used to measure likeness.
_PUNCTUATION = str.maketrans(dict.fromkeys(",.;:()[]{}\"'!?/\u2013\u2014-", " "))
# The same for ASCII text, as bytes: translating bytes is several times faster.
_ASCII_PUNCTUATION = bytes.maketrans(b",.;:()[]{}\"'!?/-", b" " * 16)


def words_of(key: str) -> list[str]:
    """The words of a text in compare form, lower case, without punctuation."""
    if key.isascii():  # most statute text
        return key.lower().encode().translate(_ASCII_PUNCTUATION).decode().split()
    return key.lower().translate(_PUNCTUATION).split()


@dataclass(slots=True, eq=False)
class Unit:
    """One provision being aligned, with what the passes need to know about it."""

    index: int  # reading order in its version
    article: int  # index of its article in the version
    provision: Provision
    key: str  # compare form of the text
    words: frozenset[str]
    size: int  # number of word tokens
    trivial: bool  # fewer than MIN_MOVE_TOKENS words: paired only in place, never moved
    sequence: tuple[str, ...]  # the words in order (for the shingles of an article)
    partner: Unit | None = None
    extra: list[Unit] = field(default_factory=list)  # other parts of a split / merger
    part: bool = False  # paired to its whole as a further part of a split / merger

    @property
    def place(self) -> tuple[str | None, tuple[str, ...], int]:
        """The location within the article (without the article number)."""
        loc = self.provision.locatie
        return loc.lid, loc.onderdelen, loc.alinea


_Known = tuple[str, frozenset[str], int, bool, tuple[str, ...]]  # what units_of caches


def units_of(
    artikelen: Iterable[Artikel],
    seen: dict[str, _Known],
    walked: dict[int, tuple[Artikel, list[Provision]]] | None = None,
) -> tuple[list[Unit], list[list[Unit]]]:
    """All provisions of a version as units, and the units per article. ``seen`` caches
    the compare form and words per text, ``walked`` the provisions per article object:
    most texts, and often the very same article values, occur in both versions."""
    units: list[Unit] = []
    per_article: list[list[Unit]] = []
    walked = {} if walked is None else walked
    for a, artikel in enumerate(artikelen):
        mine = []
        known_walk = walked.get(id(artikel))
        if known_walk is None or known_walk[0] is not artikel:
            known_walk = walked[id(artikel)] = (artikel, list(artikel.provisions()))
        for provision in known_walk[1]:
            known = seen.get(provision.text)
            if known is None:
                key = compare_key(provision.text)
                found = tuple(words_of(key))
                size = len(found)
                known = seen[provision.text] = (
                    key,
                    frozenset(found),
                    size,
                    size < MIN_MOVE_TOKENS,
                    found,
                )
            unit = Unit(len(units), a, provision, *known)
            units.append(unit)
            mine.append(unit)
        per_article.append(mine)
    return units, per_article


@dataclass(slots=True)
class Alignment:
    """The outcome: units paired (``Unit.partner``), articles paired, split/merge parts."""

    old: list[Unit]
    new: list[Unit]
    old_articles: list[list[Unit]]
    new_articles: list[list[Unit]]
    article_partner: dict[int, int]  # old article index -> new article index
    moved_articles: frozenset[int] = frozenset()  # old articles placed elsewhere in the code


def align(old_artikelen: tuple[Artikel, ...], new_artikelen: tuple[Artikel, ...]) -> Alignment:
    """Pair the provisions of two versions (the passes of the module docstring)."""
    seen: dict[str, _Known] = {}
    walked: dict[int, tuple[Artikel, list[Provision]]] = {}
    old, old_by_article = units_of(old_artikelen, seen, walked)
    new, new_by_article = units_of(new_artikelen, seen, walked)
    weights = idf_weights(old)
    pairs = _pair_articles(old_artikelen, new_artikelen, old_by_article, new_by_article, weights)
    for o, n in sorted(pairs.items()):
        if old_artikelen[o] is new_artikelen[n]:  # one text (read once): pairs in order
            for old_unit, new_unit in zip(old_by_article[o], new_by_article[n], strict=True):
                _link(old_unit, new_unit)
            continue
        _pair_exact(old_by_article[o], new_by_article[n])
        _pair_similar(_free(old_by_article[o]), _free(new_by_article[n]), PROVISION_SIMILARITY)
        _pair_placeholders(old_by_article[o], new_by_article[n])
    movable_old = [u for u in old if u.partner is None and not u.trivial]
    movable_new = [u for u in new if u.partner is None and not u.trivial]
    _pair_exact(movable_old, movable_new)  # the same text elsewhere: surely moved
    # fragments within an article pair before fuzzy moves elsewhere: an aanhef merged
    # into the lid that now holds its words has not moved to a look-alike elsewhere
    new_free = {u.article for u in new if u.partner is None}
    old_free = {u.article for u in old if u.partner is None}
    partner_of = {n: o for o, n in pairs.items()}
    _find_parts(
        [u for u in old if pairs.get(u.article) in new_free],
        new,
        lambda whole, part: pairs.get(whole.article) == part.article,
    )
    _find_parts(
        [u for u in new if partner_of.get(u.article) in old_free],
        old,
        lambda whole, part: pairs.get(part.article) == whole.article,
    )
    movable_old = _free(movable_old)
    movable_new = _free(movable_new)
    if movable_old and movable_new:
        went: dict[int, set[int]] = defaultdict(set)  # old article -> new articles
        for unit in old:
            if unit.partner is not None:
                went[unit.article].add(unit.partner.article)
        _pair_similar(
            movable_old,
            movable_new,
            MOVE_SIMILARITY,
            weights,
            lambda o, n: MOVE_CONTEXT_BONUS if n.article in went[o.article] else 0.0,
        )
    _find_parts(old, new)
    _find_parts(new, old)
    return Alignment(old, new, old_by_article, new_by_article, pairs, _out_of_order(pairs))


def _free(units: list[Unit]) -> list[Unit]:
    return [u for u in units if u.partner is None]


def _link(a: Unit, b: Unit) -> None:
    a.partner = b
    b.partner = a


# --- articles -------------------------------------------------------------------------


def _content(units: list[Unit]) -> str:
    return "\n".join(u.key for u in units)


def _shingles(units: list[Unit]) -> frozenset[tuple[str, ...]]:
    words = [w for u in units for w in u.sequence]  # as words_of of the joined keys
    if len(words) < 3:
        return frozenset([tuple(words)])
    return frozenset(zip(words, words[1:], words[2:], strict=False))


class _ShingleWeights(dict):  # type: ignore[type-arg]
    """Weights of shingles, worked out when first asked: a shingle is as telling as its
    rarest word."""

    def __init__(self, word_weights: dict[str, float]) -> None:
        super().__init__()
        self.word = word_weights.get

    def __missing__(self, shingle: tuple[str, ...]) -> float:
        weight = self[shingle] = max([self.word(w, 1.0) for w in shingle] or [1.0])
        return weight

    def get(self, shingle: tuple[str, ...], default: float = 1.0) -> float:  # type: ignore[override]
        return self[shingle]


def _dice(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _pair_articles(
    old_artikelen: tuple[Artikel, ...],
    new_artikelen: tuple[Artikel, ...],
    old_units: list[list[Unit]],
    new_units: list[list[Unit]],
    word_weights: dict[str, float],
) -> dict[int, int]:
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    new_by_number = {a.number: i for i, a in enumerate(new_artikelen)}
    old_content = [_content(u) for u in old_units]
    new_content = [_content(u) for u in new_units]

    def trivial(units: list[Unit]) -> bool:
        return sum(u.size for u in units) < MIN_MOVE_TOKENS or _content(units) == VERVALLEN

    # 1. identical content: same number first, then any number (not for trivial texts).
    for o, artikel in enumerate(old_artikelen):
        n = new_by_number.get(artikel.number)
        if n is not None and old_content[o] == new_content[n]:
            pairs[o] = n
            taken.add(n)
    by_content: dict[str, list[int]] = defaultdict(list)
    for n, content in enumerate(new_content):
        if n not in taken and not trivial(new_units[n]):
            by_content[content].append(n)
    for o in range(len(old_artikelen)):
        if o in pairs or trivial(old_units[o]):
            continue
        for n in by_content.get(old_content[o], ()):
            if n not in taken:
                pairs[o] = n
                taken.add(n)
                break

    # 1b. the same number and mostly the same words: the same article, edited.
    for o, artikel in enumerate(old_artikelen):
        n = new_by_number.get(artikel.number)
        if o in pairs or n is None or n in taken:
            continue
        old_words = frozenset().union(*(u.words for u in old_units[o]))
        new_words = frozenset().union(*(u.words for u in new_units[n]))
        if old_words and _dice(old_words, new_words) >= SAME_NUMBER_SIMILARITY:
            pairs[o] = n
            taken.add(n)

    # 2. similar content, through an index of shingles of the new articles still free.
    free_new = [n for n in range(len(new_artikelen)) if n not in taken]
    new_shingles = {n: _shingles(new_units[n]) for n in free_new}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n in free_new:
        for shingle in new_shingles[n]:
            index[shingle].append(n)
    old_shingles = {o: _shingles(old_units[o]) for o in range(len(old_artikelen)) if o not in pairs}
    weights = _Weights(_ShingleWeights(word_weights))
    candidates: list[tuple[float, int, int, int]] = []
    for o, artikel in enumerate(old_artikelen):
        if o in pairs:
            continue
        mine = old_shingles[o]
        shared, common = _shared(mine, index, MAX_POSTING)
        best = [n for n, _ in sorted(shared.items(), key=_most_shared)[:MAX_CANDIDATES]]
        same = new_by_number.get(artikel.number)
        if same is not None and same not in taken and same not in best:
            best.append(same)
        for n in best:
            theirs = new_shingles[n]
            if 2 * (shared[n] + common) / (len(mine) + len(theirs)) < WEIGHTED_FLOOR:
                continue  # even sharing all it could, below the floor: scores 0
            score = _similarity(mine, theirs, weights)
            if score >= ARTICLE_SIMILARITY and not (
                trivial(old_units[o]) and new_artikelen[n].number != artikel.number
            ):
                candidates.append((-score, 0 if n == same else 1, o, n))
    for _, _, o, n in sorted(candidates):
        if o not in pairs and n not in taken:
            pairs[o] = n
            taken.add(n)

    # 3. the same number, when nothing better claimed either article.
    for o, artikel in enumerate(old_artikelen):
        n = new_by_number.get(artikel.number)
        if o not in pairs and n is not None and n not in taken:
            pairs[o] = n
            taken.add(n)
    return pairs


def _out_of_order(pairs: dict[int, int]) -> frozenset[int]:
    """Old articles whose new place breaks the order of the rest: moved elsewhere in the
    code (372 → 273a), not just renumbered in place (273a → 273f). The articles that keep
    their order are the longest increasing run of new positions (patience sorting)."""
    olds = sorted(pairs)
    tails: list[int] = []  # index into olds of the smallest tail of each run length
    before: list[int] = [-1] * len(olds)
    for i, o in enumerate(olds):
        position = pairs[o]
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if pairs[olds[tails[mid]]] < position:
                lo = mid + 1
            else:
                hi = mid
        before[i] = tails[lo - 1] if lo else -1
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    in_order: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        in_order.add(olds[i])
        i = before[i]
    return frozenset(o for o in olds if o not in in_order)


# --- provisions -----------------------------------------------------------------------


def _pair_exact(olds: list[Unit], news: list[Unit]) -> None:
    """Pair equal texts. Trivial texts (empty, ``[Vervallen]``) only at the same place."""
    by_key: dict[str, list[Unit]] = defaultdict(list)
    for unit in news:
        if unit.partner is None:
            by_key[unit.key].append(unit)
    for unit in olds:
        if unit.partner is not None:
            continue
        same = by_key.get(unit.key)
        if not same:
            continue
        free = [n for n in same if n.partner is None]
        at_place = [n for n in free if n.place == unit.place]
        if at_place:
            _link(unit, at_place[0])
        elif free and not unit.trivial:
            _link(unit, free[0])


class _Weights:
    """Weights of words (or shingles), and the total weight of each set, worked out
    once per set: a set is scored against many candidates."""

    def __init__(self, weights: dict) -> None:  # type: ignore[type-arg]
        self.get = weights.get
        self.totals: dict[frozenset, float] = {}  # type: ignore[type-arg]

    def total(self, items: frozenset) -> float:  # type: ignore[type-arg]
        total = self.totals.get(items)
        if total is None:
            get = self.get
            total = self.totals[items] = sum([get(w, 1.0) for w in items])
        return total


def _similarity(
    a: frozenset,  # type: ignore[type-arg]
    b: frozenset,  # type: ignore[type-arg]
    weights: _Weights | None,
) -> float:
    """Dice coefficient of two sets; with ``weights``, each element counts by its weight
    (rarer words count more). The weighted score is only worked out for pairs whose plain
    score reaches :data:`WEIGHTED_FLOOR`: below it, two texts are not alike anyway."""
    shared = a & b
    plain = 2 * len(shared) / (len(a) + len(b))
    if weights is None or plain < WEIGHTED_FLOOR:
        return plain if weights is None else 0.0
    get = weights.get
    total = weights.total(a) + weights.total(b)
    return 2 * sum([get(w, 1.0) for w in shared]) / total if total else 0.0


def idf_weights(units: Iterable[Unit]) -> dict[str, float]:
    """How telling each word is: ``log(N / df)`` over the given units, normalised so an
    unseen word weighs 1. Penalty boilerplate ("gevangenisstraf van ten hoogste …
    geldboete van de vierde categorie") weighs little, so two penal provisions are not
    taken for one moved text just because both threaten a sentence."""
    sets = [unit.words for unit in units]
    count = len(sets)
    if not count:
        return {}
    df = Counter(chain.from_iterable(sets))
    top = math.log(count + 1)
    return {word: math.log((count + 1) / n) / top for word, n in df.items()}


def _pair_similar(
    olds: list[Unit],
    news: list[Unit],
    threshold: float,
    weights: dict[str, float] | None = None,
    bonus: Callable[[Unit, Unit], float] | None = None,
) -> None:
    """Greedy pairing by word-set similarity, best first; candidates through an index of
    words so a large remainder is not compared pair by pair. ``bonus`` adds to a pair's
    score (a move towards where the rest of its article went)."""
    if not olds or not news:
        return
    weighted = _Weights(weights) if weights is not None else None
    # the plain score a pair must reach to score anything (see _similarity)
    floor = threshold if weighted is None else WEIGHTED_FLOOR
    if bonus is not None:
        base = weighted

        def score_of(o: Unit, n: Unit) -> float:
            plain = _similarity(o.words, n.words, base)
            return plain + bonus(o, n) if plain else 0.0
    else:

        def score_of(o: Unit, n: Unit) -> float:
            return _similarity(o.words, n.words, weighted)

    if len(olds) * len(news) <= 400:
        pairs = [
            (-score, 0 if n.place == o.place else 1, abs(n.index - o.index), o, n)
            for o in olds
            for n in news
            if o.words and n.words and (score := score_of(o, n)) >= threshold
        ]
        for _, _, _, o, n in sorted(
            pairs, key=lambda t: (t[0], t[1], t[2], t[3].index, t[4].index)
        ):
            if o.partner is None and n.partner is None:
                _link(o, n)
        return
    index: dict[str, list[int]] = defaultdict(list)
    news_by_index = {n.index: n for n in news}
    for unit in news:
        for word in unit.words:
            index[word].append(unit.index)
    limit = MAX_POSTING if len(olds) * len(news) > 10_000 else len(news)
    scored: list[tuple[float, int, int, int, int]] = []
    for o in olds:
        if not o.words:
            continue
        shared, common = _shared(o.words, index, limit)
        size = len(o.words)
        for n_index, count in shared.items():
            n = news_by_index[n_index]
            if 2 * (count + common) / (size + len(n.words)) < floor:
                continue  # even sharing all it could, below the floor: scores 0
            score = score_of(o, n)
            if score >= threshold:
                scored.append(
                    (
                        -score,
                        0 if n.place == o.place else 1,
                        abs(n.index - o.index),
                        o.index,
                        n.index,
                    )
                )
    olds_by_index = {o.index: o for o in olds}
    for _, _, _, o_index, n_index in sorted(scored):
        o, n = olds_by_index[o_index], news_by_index[n_index]
        if o.partner is None and n.partner is None:
            _link(o, n)


def _pair_placeholders(olds: list[Unit], news: list[Unit]) -> None:
    """An element with no text of its own (a lid that opens with a list) follows its
    first child: if the child was paired, so is the element."""
    position = {id(u): i for i, u in enumerate(news)}
    for i, unit in enumerate(olds):
        if unit.partner is not None or unit.key or i + 1 >= len(olds):
            continue
        child = olds[i + 1].partner
        j = position.get(id(child)) if child is not None else None
        if j is None or j == 0:
            continue
        candidate = news[j - 1]
        if (
            candidate.partner is None
            and not candidate.key
            and candidate.provision.kind == unit.provision.kind
        ):
            _link(unit, candidate)


# --- splits and mergers ---------------------------------------------------------------


def _shared(
    items: frozenset[Any], index: dict[Any, list[int]], limit: int
) -> tuple[Counter[int], int]:
    """How many of ``items`` each unit (or article) in ``index`` has, counting only the
    items found in at most ``limit`` of them (a common word says little), and how many
    items were too common to count: each of those may be shared too, so a caller adds
    them for an upper bound."""
    counted = []
    common = 0
    for item in items:
        posting = index.get(item)
        if posting:
            if len(posting) <= limit:
                counted.append(posting)
            else:
                common += 1
    return Counter(chain.from_iterable(counted)), common


def _most_shared(item: tuple[int, int]) -> tuple[int, int]:
    """Sort key of (index, shared count): most shared first, then in reading order."""
    return -item[1], item[0]


def _find_parts(
    wholes: list[Unit], parts: list[Unit], allowed: Callable[[Unit, Unit], bool] | None = None
) -> None:
    """Parts (free units on one side) that came from a whole on the other side: a new
    provision split off from an old one (``wholes`` old), or an old provision merged into
    a new one (``wholes`` new). ``allowed(whole, part)`` limits where to look."""
    free = [p for p in parts if p.partner is None and not p.trivial]
    if not free:
        return
    by_index: dict[int, Unit] = {}
    index: dict[str, list[int]] = defaultdict(list)
    for whole in wholes:
        # an unchanged whole keeps all its words: nothing can have been split off it
        partner = whole.partner
        if whole.trivial or whole.part or (partner is not None and partner.key == whole.key):
            continue
        by_index[whole.index] = whole
        for word in whole.words:
            index[word].append(whole.index)
    found: list[tuple[float, int, int, Unit, Unit]] = []
    for part in free:
        counts, common = _shared(part.words, index, MAX_PART_POSTING)
        size = len(part.words)
        # a whole must hold PART_CONTAINMENT of the part's words: skip what cannot
        if not counts or (max(counts.values()) + common) / size < PART_CONTAINMENT:
            continue
        best = sorted(counts.items(), key=_most_shared)[:MAX_CANDIDATES]
        for w_index, count in best:
            if (count + common) / size < PART_CONTAINMENT:
                continue
            whole = by_index[w_index]
            if allowed is not None and not allowed(whole, part):
                continue
            if part.size > PART_MAX_SHARE * whole.size:
                continue  # as long as the whole: a copy or a rewrite, not a fragment of it
            contained = len(part.words & whole.words) / len(part.words)
            if contained < PART_CONTAINMENT:
                continue
            kept = whole.partner.words if whole.partner is not None else frozenset()
            fresh = len((part.words & whole.words) - kept) / len(part.words)
            if fresh < PART_NEW_WORDS:
                continue
            found.append((-contained, part.index, whole.index, part, whole))
    used: set[int] = set()
    candidates: dict[int, list[Unit]] = defaultdict(list)
    wholes_by_index: dict[int, Unit] = {}
    for _, part_index, w_index, part, whole in sorted(found, key=lambda t: t[:3]):
        if part_index in used:
            continue
        used.add(part_index)
        candidates[w_index].append(part)
        wholes_by_index[w_index] = whole
    for w_index in sorted(candidates):
        whole = wholes_by_index[w_index]
        # each part must bring words of the whole that no earlier part (nor the main
        # partner) has: identical copies of boilerplate in several articles are no split
        covered = set(whole.partner.words) if whole.partner is not None else set()
        found_parts = []
        for part in sorted(candidates[w_index], key=lambda p: p.index):
            brings = (part.words & whole.words) - covered
            if len(brings) >= PART_NEW_WORDS * len(part.words):
                found_parts.append(part)
                covered |= part.words
        if whole.partner is None:
            if len(found_parts) < 2:
                continue  # one fragment of a deleted text: a deletion and an insertion
            _link(whole, found_parts[0])
            found_parts = found_parts[1:]
        for part in found_parts:
            part.partner = whole
            part.part = True
            whole.extra.append(part)
