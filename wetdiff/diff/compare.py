"""``compare(old, new)``: align two versions and name what happened to each provision."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from wetdiff.diff.align import Alignment, Unit, align
from wetdiff.diff.changes import Change, ChangeSet, change_id
from wetdiff.diff.kinds import ChangeKind
from wetdiff.diff.words import Encoder, WordOp, word_diff
from wetdiff.errors import WetdiffError
from wetdiff.model.version import Version, paired_parts


def compare(old: Version, new: Version) -> ChangeSet:
    """Every provision of ``old`` and ``new``, aligned by content, with its kinds and word
    operations, in reading order of the new version (deletions where they stood)."""
    alignment = align(old.artikelen, new.artikelen)
    encoder = Encoder()
    found: list[tuple[tuple[int, int, int], Change]] = []
    anchors = _deletion_anchors(alignment)
    groups: list[list[int]] = []  # positions in `found` of the parts of a split / merger

    def add(key: tuple[int, int, int], change: Change) -> int:
        found.append((key, change))
        return len(found) - 1

    for o in alignment.old:
        n = o.partner
        if n is None:
            add(anchors[o.index], _single(o, "deleted"))
            continue
        if o.part:  # merged into n, which has its own main partner
            continue
        kinds = set(_kinds(alignment, o, n))
        if o.extra:
            kinds.add("split")
        if n.extra:
            kinds.add("merged")
        group = [add((n.index, 0, o.index), _pair(o, n, kinds, encoder))]
        for part in o.extra:
            group.append(
                add(
                    (part.index, 0, o.index),
                    _pair(o, part, {"split", *_moved(alignment, o, part)}, encoder),
                )
            )
        for part in n.extra:
            group.append(
                add(
                    (n.index, 0, part.index),
                    _pair(part, n, {"merged", *_moved(alignment, part, n)}, encoder),
                )
            )
        if len(group) > 1:
            groups.append(group)
    for n in alignment.new:
        if n.partner is None:
            add((n.index, 0, -1), _single(n, "inserted"))
    changes = [change for _, change in found]
    seen: dict[str, int] = {}
    for i, change in enumerate(changes):  # two articles with one number: keep ids unique
        seen[change.id] = seen.get(change.id, 0) + 1
        if seen[change.id] > 1:
            changes[i] = Change(
                f"{change.id}-{seen[change.id]}", change.kinds, change.old, change.new, change.words
            )
    for group in groups:
        ids = [changes[i].id for i in group]
        for i in group:
            c = changes[i]
            changes[i] = Change(
                c.id, c.kinds, c.old, c.new, c.words, tuple(x for x in ids if x != c.id)
            )
    order = sorted(range(len(found)), key=lambda i: found[i][0])
    return ChangeSet(
        old, new, tuple(changes[i] for i in order), _article_pairs(alignment, old, new)
    )


def check_articles(old: Version, new: Version, numbers: tuple[str, ...]) -> None:
    """``--article NR``: every number named stands in either version (in any of the
    regelingen of a proposal that amends several), else one message."""
    held = {a.number for pair in paired_parts(old, new) for v in pair for a in v.artikelen}
    missing = sorted(set(numbers) - held)
    if missing:
        raise WetdiffError(
            f"no article {', '.join(missing)} in either version",
            hint="Give the article's number as it is in either version (e.g. --article 273f).",
        )


def only_articles(old: Version, new: Version, numbers: tuple[str, ...]) -> tuple[Version, Version]:
    """Both versions restricted to the articles named (by old or new number: ``--article``)
    and to the articles their provisions came from or went to (273a renumbered to 273f;
    an onderdeel of 273f moved to 273fb), so that a renumbering or a move reads as one,
    not as a deletion here and an insertion elsewhere. Every regeling of a proposal that
    amends several is restricted alike. A number in neither version is an error."""
    check_articles(old, new, numbers)
    wanted = set(numbers)
    olds: list[Version] = []
    news: list[Version] = []
    for old_part, new_part in paired_parts(old, new):
        keep_old, keep_new = set(wanted), set(wanted)
        for change in compare(old_part, new_part).changes:
            sides = {p.locatie.artikel for p in (change.old, change.new) if p is not None}
            if sides & wanted:
                keep_old |= {change.old.locatie.artikel} if change.old else set()
                keep_new |= {change.new.locatie.artikel} if change.new else set()
        olds.append(old_part.only(tuple(keep_old)))
        news.append(new_part.only(tuple(keep_new)))
    first_old = replace(olds[0], others=tuple(olds[1:])) if old.others else olds[0]
    first_new = replace(news[0], others=tuple(news[1:])) if new.others else news[0]
    return first_old, first_new


def _single(unit: Unit, kind: Literal["inserted", "deleted"]) -> Change:
    """A provision only in the old version (deleted) or only in the new (inserted)."""
    text = unit.provision.text
    if kind == "deleted":
        return Change(
            change_id(unit.provision, None, (unit.key, "")),
            frozenset({kind}),
            unit.provision,
            None,
            (WordOp("delete", text),) if text else (),
        )
    return Change(
        change_id(None, unit.provision, ("", unit.key)),
        frozenset({kind}),
        None,
        unit.provision,
        (WordOp("insert", text),) if text else (),
    )


def _pair(o: Unit, n: Unit, kinds: set[ChangeKind], encoder: Encoder) -> Change:
    words: tuple[WordOp, ...] = ()
    if o.key == n.key:
        words = (WordOp("equal", n.provision.text),) if n.provision.text else ()
    else:
        words = word_diff(o.provision.text, n.provision.text, encoder)
    return Change(
        change_id(o.provision, n.provision, (o.key, n.key)),
        frozenset(kinds or {"unchanged"}),
        o.provision,
        n.provision,
        words,
    )


def _moved(alignment: Alignment, o: Unit, n: Unit) -> set[ChangeKind]:
    """Moved: to another article than its own article's successor, or with its whole
    article to another place in the code."""
    if alignment.article_partner.get(o.article) != n.article:
        return {"moved"}
    return {"moved"} if o.article in alignment.moved_articles else set()


def _kinds(alignment: Alignment, o: Unit, n: Unit) -> set[ChangeKind]:
    kinds: set[ChangeKind] = set()
    if o.key != n.key:
        kinds.add("rewritten")
    moved = _moved(alignment, o, n)
    if moved:
        kinds |= moved
    elif o.provision.locatie.key != n.provision.locatie.key:
        kinds.add("renumbered")
    return kinds


def _deletion_anchors(alignment: Alignment) -> dict[int, tuple[int, int, int]]:
    """Where a deleted old provision stands in the new reading order: right after the
    new place of the nearest earlier old provision of its article that stayed in place,
    or at the top of the article's successor; a deleted article follows the previous."""
    anchors: dict[int, tuple[int, int, int]] = {}
    anchor = (-1, 1)
    for a, units in enumerate(alignment.old_articles):
        partner = alignment.article_partner.get(a)
        if partner is not None and alignment.new_articles[partner]:
            anchor = (alignment.new_articles[partner][0].index, -1)
        for unit in units:
            n = unit.partner
            if n is not None and not unit.part and n.article == partner:
                anchor = (n.index, 1)
            elif n is None:
                anchors[unit.index] = (anchor[0], anchor[1], unit.index)
    return anchors


def _article_pairs(
    alignment: Alignment, old: Version, new: Version
) -> tuple[tuple[str | None, str | None], ...]:
    pairs: list[tuple[tuple[int, int], tuple[str | None, str | None]]] = []
    paired_new = set(alignment.article_partner.values())
    last = -1
    for o, artikel in enumerate(old.artikelen):
        n = alignment.article_partner.get(o)
        if n is None:
            pairs.append(((last, 1 + o), (artikel.number, None)))
        else:
            last = n
            pairs.append(((n, 0), (artikel.number, new.artikelen[n].number)))
    for n, artikel in enumerate(new.artikelen):
        if n not in paired_new:
            pairs.append(((n, 0), (None, artikel.number)))
    return tuple(pair for _, pair in sorted(pairs, key=lambda p: p[0]))
