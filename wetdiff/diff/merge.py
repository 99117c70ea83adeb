"""Combining variants of one text: a provision-aware three-way merge.

Several amendments are drafted on one stage of a bill; several reviewers edit one draft
on branches of their own. Each variant is compared with the text they share (the
*base*) by the diff engine, provision by provision, and then:

* variants that change different articles, or different provisions of one article,
  combine;
* variants that change the same provision combine when they change disjoint words of
  it (word spans that do not overlap, and no two insertions at one point);
* anything else is a conflict, of one of three kinds (:data:`CONFLICT_KINDS`): the same
  words changed differently; one deletes or renumbers what the other edits; both insert
  at the same place. Variants that make exactly the same change do not conflict.

A merge with any conflict gives no text (never a half-merged one): its conflicts say
where (the provision of the base), what each variant changes there, and of what kind.

The same analysis serves :func:`take`: a reviewer's changes, chosen one by one by their
change ids, laid over the current text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Literal

from wetdiff.diff.changes import Change, ChangeSet
from wetdiff.diff.compare import compare
from wetdiff.diff.words import token_edits, tokens, word_diff
from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Alinea, Artikel, Provision
from wetdiff.model.text_format import parse, render
from wetdiff.model.version import Version, article_sort_key

ConflictKind = Literal["same-words", "deletes-or-renumbers", "same-place"]

#: The kinds of conflict, with their Dutch and English names, in the order a lawyer
#: reads them.
CONFLICT_KINDS: dict[str, tuple[str, str]] = {
    "same-words": (
        "dezelfde woorden verschillend gewijzigd",
        "the same words changed differently",
    ),
    "deletes-or-renumbers": (
        "de een laat vervallen of vernummert wat de ander wijzigt",
        "one deletes or renumbers what the other edits",
    ),
    "same-place": (
        "beide voegen op dezelfde plaats in",
        "both insert at the same place",
    ),
}
_WORDS_SHOWN = 12


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two variants that cannot both be adopted: ``provision`` is the place in the base
    text (a provision path such as ``273f/1``, or an article number), ``where`` the same
    in words; ``words`` what each variant does there ("[-twaalf-] {+vijftien+}")."""

    kind: ConflictKind
    artikel: str
    provision: str
    where: str
    first: str
    second: str
    first_words: str
    second_words: str

    def label(self, lang: str = "en") -> str:
        nl, en = CONFLICT_KINDS[self.kind]
        return nl if lang == "nl" else en

    def in_words(self, lang: str = "en") -> str:
        """One line: "artikel 273f, eerste lid: the same words changed differently (am-12:
        [-twaalf-] {+vijftien+}; am-15: [-twaalf-] {+achttien+})"."""
        return (
            f"{self.where}: {self.label(lang)} ({self.first}: {self.first_words}; "
            f"{self.second}: {self.second_words})"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label("en"),
            "label_nl": self.label("nl"),
            "artikel": self.artikel,
            "provision": self.provision,
            "where": self.where,
            "changes": {self.first: self.first_words, self.second: self.second_words},
        }


@dataclass(frozen=True, slots=True)
class Merged:
    """The outcome of a merge: the merged articles (``None`` when anything conflicts:
    never a half-merged text), the conflicts, and per variant the articles it changes."""

    artikelen: tuple[Artikel, ...] | None
    conflicts: tuple[Conflict, ...]
    touched: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def ok(self) -> bool:
        return self.artikelen is not None


# -- one variant of one article, against the base --------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    """One provision with its line in the canonical article text (indentation, number,
    words): the unit a merge moves around."""

    provision: Provision
    line: str

    @property
    def key(self) -> str:
        return self.provision.locatie.key

    @property
    def prefix(self) -> str:
        """What stands before the words on the line: indentation and number."""
        text = self.provision.text
        if text and self.line.endswith(text):
            return self.line[: len(self.line) - len(text)]
        return self.line


@dataclass(frozen=True, slots=True)
class _Edit:
    """Tokens ``start:end`` of a provision's text replaced by ``tokens`` (an insertion
    where ``start == end``)."""

    start: int
    end: int
    tokens: tuple[str, ...]


@dataclass(slots=True)
class _Op:
    """What a variant does to one provision of the base: rewrite its words (``edits``),
    delete it, or put other lines in its place (renumbered, moved, split, merged)."""

    kind: Literal["rewrite", "delete", "replace"]
    changes: list[str]
    lines: list[tuple[int, str]] = field(default_factory=list)  # (variant index, line)
    edits: tuple[_Edit, ...] = ()
    new_text: str = ""


@dataclass(slots=True)
class ArticleEdits:
    """What one variant does to one article. ``whole`` says why it can only be taken
    as a whole ("new", "deleted", "title", "reordered", "unreadable"); else ``ops`` per
    base line and ``inserts`` per gap (-1: before the first line, i: after line i)."""

    name: str
    number: str
    base: Artikel | None
    variant: Artikel | None
    base_lines: list[_Line]
    ops: dict[int, _Op] = field(default_factory=dict)
    inserts: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # (line, change)
    whole: str = ""
    changes: tuple[str, ...] = ()


def _lines(artikel: Artikel) -> list[_Line] | None:
    """The provisions of an article with their lines (one per provision, in order), or
    None if they cannot be told apart (two with one path)."""
    rendered = [line for line in render(artikel).split("\n")[1:] if line.strip()]
    provisions = list(artikel.provisions())
    if len(rendered) != len(provisions):
        return None
    if len({p.locatie.key for p in provisions}) != len(provisions):
        return None
    return [_Line(p, line) for p, line in zip(provisions, rendered, strict=True)]


def _gone(artikel: Artikel | None) -> bool:
    return artikel is None or artikel.vervallen


def _token_edits(old: str, new: str) -> tuple[_Edit, ...]:
    """The token edits from ``old`` to ``new``; edits with only white space between them
    are one (a phrase replaced is one span, not a word here and a word there)."""
    a, b = tokens(old), tokens(new)
    found: list[_Edit] = []
    for kind, i1, i2, j1, j2 in token_edits(a, b):
        if kind == "equal":
            continue
        edit = _Edit(i1, i2, tuple(b[j1:j2]))
        if found and all(t.isspace() for t in a[found[-1].end : i1]):
            last = found[-1]
            edit = _Edit(last.start, i2, last.tokens + tuple(a[last.end : i1]) + edit.tokens)
            found[-1] = edit
        else:
            found.append(edit)
    return tuple(found)


def _analyse(
    name: str, number: str, base: Artikel | None, variant: Artikel | None, changes: Iterable[Change]
) -> ArticleEdits:
    """What ``variant`` does to article ``number`` of the base, from the changes of a
    comparison that touch it (a change with its other side in another article is a
    deletion or insertion here)."""
    changes = list(changes)
    ids = tuple(dict.fromkeys(c.id for c in changes if c.changed))
    edits = ArticleEdits(name, number, base, variant, [], changes=ids)
    if _gone(base) and _gone(variant):
        return edits
    if _gone(base):
        edits.whole = "new"
        return edits
    if _gone(variant):
        edits.whole = "deleted"
        return edits
    assert base is not None and variant is not None
    if base.title != variant.title:
        edits.whole = "title"
        return edits
    base_lines, variant_lines = _lines(base), _lines(variant)
    if base_lines is None or variant_lines is None:
        edits.whole = "unreadable"
        return edits
    edits.base_lines = base_lines
    base_at = {line.key: i for i, line in enumerate(base_lines)}
    variant_at = {line.key: i for i, line in enumerate(variant_lines)}
    partner: dict[int, int] = {}  # variant line -> base line
    inserted: list[tuple[int, str]] = []
    placed: set[int] = set()  # variant lines put in place of a base line already
    for change in changes:
        o = (
            base_at.get(change.old.locatie.key)
            if change.old is not None and change.old.locatie.artikel == number
            else None
        )
        n = (
            variant_at.get(change.new.locatie.key)
            if change.new is not None and change.new.locatie.artikel == number
            else None
        )
        if o is not None and n is not None:
            partner.setdefault(n, o)
        if not change.changed or (o is None and n is None):
            continue
        if o is None:
            assert n is not None
            inserted.append((n, change.id))
            continue
        if n is None:
            op = edits.ops.setdefault(o, _Op("delete", []))
            op.changes.append(change.id)
            continue
        old, new = base_lines[o], variant_lines[n]
        structural = bool(change.kinds & {"split", "merged", "moved", "renumbered"})
        if not structural and old.key == new.key and old.prefix == new.prefix:
            edits.ops[o] = _Op(
                "rewrite",
                [change.id],
                [(n, new.line)],
                _token_edits(old.provision.text, new.provision.text),
                new.provision.text,
            )
            continue
        held = edits.ops.get(o)
        op = held if held is not None and held.kind == "replace" else _Op("replace", [])
        edits.ops[o] = op
        op.changes.append(change.id)
        if n not in placed:  # the parts of a merger: their one new line, once
            op.lines.append((n, new.line))
            placed.add(n)
    order = [partner[i] for i in sorted(partner)]
    if any(b < a for a, b in pairwise(order)):
        edits.whole = "reordered"
        return edits
    for n, change_id in sorted(inserted):
        before = [partner[i] for i in range(n) if i in partner]
        gap = before[-1] if before else -1
        edits.inserts.setdefault(gap, []).append((variant_lines[n].line, change_id))
    for op in edits.ops.values():
        op.lines.sort()
    return edits


# -- conflicts ------------------------------------------------------------------------


def _clash(x: _Edit, y: _Edit) -> bool:
    """Whether two word edits of one provision touch the same words: overlapping spans,
    two insertions at one point, or an insertion inside the other's span."""
    if x == y:
        return False
    if x.start == x.end and y.start == y.end:
        return x.start == y.start
    if x.start == x.end:
        return y.start < x.start < y.end
    if y.start == y.end:
        return x.start < y.start < x.end
    return x.start < y.end and y.start < x.end


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= _WORDS_SHOWN:
        return " ".join(words)
    return " ".join(words[:_WORDS_SHOWN]) + " …"


def _rewrite_words(old: str, new: str) -> str:
    edits = []
    for op in word_diff(old, new):
        if op.op == "delete" and op.text.strip():
            edits.append(f"[-{_shorten(op.text.strip())}-]")
        elif op.op == "insert" and op.text.strip():
            edits.append(f"{{+{_shorten(op.text.strip())}+}}")
    return " ".join(edits) or "(spacing)"


def _op_words(op: _Op | None, base_line: _Line) -> str:
    if op is None:
        return "(unchanged)"
    if op.kind == "rewrite":
        return _rewrite_words(base_line.provision.text, op.new_text)
    if op.kind == "delete":
        return f"[-{_shorten(base_line.line.strip())}-]"
    if not op.lines:
        return f"merged away: [-{_shorten(base_line.line.strip())}-]"
    return " ".join(f"→ {_shorten(line.strip())}" for _, line in op.lines)


def _article_words(edits: ArticleEdits) -> str:
    if edits.whole == "new":
        return f"{{+artikel {edits.number}+}}"
    if edits.whole == "deleted":
        return f"[-artikel {edits.number}-]"
    if edits.whole == "title":
        return f"title → {_shorten((edits.variant.title if edits.variant else '') or '(none)')}"
    if edits.whole == "reordered":
        return f"moves provisions within artikel {edits.number}"
    return f"changes artikel {edits.number}"


def _same_result(x: ArticleEdits, y: ArticleEdits) -> bool:
    if _gone(x.variant) and _gone(y.variant):
        return True
    return (
        x.variant is not None and y.variant is not None and render(x.variant) == render(y.variant)
    )


def _article_conflicts(x: ArticleEdits, y: ArticleEdits) -> list[Conflict]:
    """The conflicts of two variants that both change one article."""
    where = f"artikel {x.number}"

    def conflict(kind: ConflictKind, provision: str, place: str, a: str, b: str) -> Conflict:
        return Conflict(kind, x.number, provision, place, x.name, y.name, a, b)

    if x.whole or y.whole:
        if _same_result(x, y):
            return []
        if x.whole == "new" and y.whole == "new":
            kind: ConflictKind = "same-place"
        elif "deleted" in (x.whole, y.whole) or "reordered" in (x.whole, y.whole):
            kind = "deletes-or-renumbers"
        else:
            kind = "same-words"
        return [
            conflict(
                kind,
                x.number,
                where,
                _article_words(x) if x.whole else "edits it",
                _article_words(y) if y.whole else "edits it",
            )
        ]
    found: list[Conflict] = []
    for i, line in enumerate(x.base_lines):
        a, b = x.ops.get(i), y.ops.get(i)
        if a is None or b is None:
            continue
        place = line.provision.locatie.in_words()
        if a.kind == "rewrite" and b.kind == "rewrite":
            if any(_clash(e, f) for e in a.edits for f in b.edits):
                found.append(
                    conflict("same-words", line.key, place, _op_words(a, line), _op_words(b, line))
                )
            continue
        if a.kind == b.kind and [ln for _, ln in a.lines] == [ln for _, ln in b.lines]:
            continue  # the same deletion, the same renumbering
        found.append(
            conflict(
                "deletes-or-renumbers", line.key, place, _op_words(a, line), _op_words(b, line)
            )
        )
    for gap in sorted(set(x.inserts) & set(y.inserts)):
        a_lines = [ln for ln, _ in x.inserts[gap]]
        b_lines = [ln for ln, _ in y.inserts[gap]]
        if a_lines == b_lines:
            continue
        place, key = _gap_words(x.number, x.base_lines, gap)
        found.append(
            conflict(
                "same-place",
                key,
                place,
                " ".join(f"{{+{_shorten(ln.strip())}+}}" for ln in a_lines),
                " ".join(f"{{+{_shorten(ln.strip())}+}}" for ln in b_lines),
            )
        )
    if not found:
        try:
            _combine(x.number, x.base, [x, y])
        except _Numbering as problem:
            found.append(
                conflict(
                    "deletes-or-renumbers",
                    x.number,
                    where,
                    f"numbers it as {_shorten(problem.numbers(x))}",
                    f"numbers it as {_shorten(problem.numbers(y))}",
                )
            )
    return found


def _gap_words(number: str, lines: Sequence[_Line], gap: int) -> tuple[str, str]:
    """Where an insertion goes, in words, and the base provision it follows."""
    if gap < 0:
        return f"artikel {number}, at the start", number
    after = lines[gap].provision.locatie
    if gap + 1 < len(lines):
        before = lines[gap + 1].provision.locatie
        return f"between {after.in_words()} and {before.in_words()}", after.key
    return f"artikel {number}, at the end (after {after.in_words()})", after.key


# -- combining ------------------------------------------------------------------------


class _Numbering(Exception):
    """The combined article numbers two elements alike or leaves a gap."""

    def __init__(self, message: str, edits: Sequence[ArticleEdits]) -> None:
        super().__init__(message)
        self.message = message
        self.edits = edits

    def numbers(self, edits: ArticleEdits) -> str:
        if edits.variant is None:
            return "(deleted)"
        return ", ".join(
            p.number for p in edits.variant.provisions() if p.number and p.kind == "lid"
        ) or ", ".join(p.number for p in edits.variant.provisions() if p.number)


def _escaped_alinea(text: str) -> str:
    """An alinea's line as the canonical form writes it (a backslash before words that
    look like a number)."""
    return render(Artikel("x", (Alinea(text),))).split("\n")[2]


def _rewritten(line: _Line, ops: Sequence[_Op]) -> str:
    if len(ops) == 1:
        return ops[0].lines[0][1]
    base = tokens(line.provision.text)
    edits = sorted({e for op in ops for e in op.edits}, key=lambda e: (e.start, e.end))
    out: list[str] = []
    at = 0
    for edit in edits:
        out.extend(base[at : edit.start])
        out.extend(edit.tokens)
        at = max(at, edit.end)
    out.extend(base[at:])
    text = " ".join("".join(out).split())
    prefix = line.prefix.rstrip("\\")
    if not line.provision.number:
        indent = prefix[: len(prefix) - len(prefix.lstrip(" "))]
        return indent + _escaped_alinea(text)
    return prefix + text


def _combine(number: str, base: Artikel | None, all_edits: Sequence[ArticleEdits]) -> Artikel:
    """The article with every variant's (non-conflicting) edits laid over the base."""
    assert base is not None
    lines = all_edits[0].base_lines
    out: list[str] = []

    def inserts(gap: int) -> None:
        seen: list[list[str]] = []
        for edits in all_edits:
            found = [ln for ln, _ in edits.inserts.get(gap, ())]
            if found and found not in seen:
                seen.append(found)
                out.extend(found)

    inserts(-1)
    for i, line in enumerate(lines):
        ops = [e.ops[i] for e in all_edits if i in e.ops]
        if not ops:
            out.append(line.line)
        elif all(op.kind == "rewrite" for op in ops):
            out.append(_rewritten(line, ops))
        else:
            op = next(op for op in ops if op.kind != "rewrite")
            out.extend(ln for _, ln in op.lines)
        inserts(i)
    header = render(base).split("\n")[0]
    text = header + "\n\n" + "\n".join(out) + "\n"
    try:
        return parse(text, source=f"artikel {number} (merged)", strict=True)
    except WetdiffError as error:
        raise _Numbering(error.what, all_edits) from None


def _touched(base: Version, variant: Version) -> tuple[str, ...]:
    numbers = {a.number for a in base.artikelen} | {a.number for a in variant.artikelen}
    return tuple(
        sorted(
            (n for n in numbers if not _same_article(base.artikel(n), variant.artikel(n))),
            key=article_sort_key,
        )
    )


def _same_article(a: Artikel | None, b: Artikel | None) -> bool:
    if _gone(a) and _gone(b):
        return True
    return a == b


def analyse(
    base: Version, name: str, variant: Version, changeset: ChangeSet | None = None
) -> dict[str, ArticleEdits]:
    """What one variant does to each article it changes (compared article by article
    unless ``changeset`` gives the comparison to take the changes from)."""
    touched = _touched(base, variant)
    if changeset is None:
        changeset = compare(base.only(touched), variant.only(touched))
    by_article: dict[str, list[Change]] = {n: [] for n in touched}
    for change in changeset.changes:
        for side in (change.old, change.new):
            if side is not None and side.locatie.artikel in by_article:
                by_article[side.locatie.artikel].append(change)
    return {
        n: _analyse(name, n, base.artikel(n), variant.artikel(n), dict.fromkeys(by_article[n]))
        for n in touched
    }


def conflicts_between(
    first: tuple[str, dict[str, ArticleEdits]], second: tuple[str, dict[str, ArticleEdits]]
) -> tuple[Conflict, ...]:
    """Every conflict of two analysed variants, in the order of the articles."""
    found: list[Conflict] = []
    for number in sorted(set(first[1]) & set(second[1]), key=article_sort_key):
        found.extend(_article_conflicts(first[1][number], second[1][number]))
    return tuple(found)


def merge(base: Version, variants: Sequence[tuple[str, Version]]) -> Merged:
    """Every variant's changes laid over ``base``, or, when any two conflict, no text
    and every conflict of every pair."""
    analysed = [(name, analyse(base, name, version)) for name, version in variants]
    touched = tuple((name, tuple(edits)) for name, edits in analysed)
    found: list[Conflict] = []
    for i, first in enumerate(analysed):
        for second in analysed[i + 1 :]:
            found.extend(conflicts_between(first, second))
    if found:
        return Merged(None, tuple(found), touched)
    result = {a.number: a for a in base.artikelen}
    numbers = sorted({n for _, edits in analysed for n in edits}, key=article_sort_key)
    for number in numbers:
        involved = [edits[number] for _, edits in analysed if number in edits]
        chosen = _merged_article(number, base.artikel(number), involved)
        if chosen is None:
            result.pop(number, None)
        else:
            result[number] = chosen
    artikelen = tuple(sorted(result.values(), key=lambda a: article_sort_key(a.number)))
    return Merged(artikelen, (), touched)


def _merged_article(
    number: str, base: Artikel | None, involved: Sequence[ArticleEdits]
) -> Artikel | None:
    if len(involved) == 1 or any(e.whole for e in involved):
        # one variant alone, or variants that give the same whole article
        return next((e.variant for e in involved if e.whole), involved[0].variant)
    try:
        return _combine(number, base, involved)
    except _Numbering as problem:  # pairs were checked; three at once can still collide
        raise WetdiffError(
            f"artikel {number}: the variants together number it wrongly: {problem.message}"
        ) from None


# -- taking chosen changes ------------------------------------------------------------


def take(old: Version, new: Version, changeset: ChangeSet, chosen: Iterable[str]) -> Version:
    """``old`` with the changes ``chosen`` (change ids of ``changeset``, the comparison of
    ``old`` with ``new``; a unique prefix of 4 or more characters will do) laid over it,
    and no others. A change that can only be taken with others (the parts of a split,
    the leden an insertion renumbers, an article whose provisions were moved) is refused
    with the ids to add."""
    wanted = resolve_ids(changeset, chosen)
    analysed = analyse(old, "taken", new, changeset)
    result = {a.number: a for a in old.artikelen}
    for number, edits in analysed.items():
        mine = set(edits.changes) & wanted
        if not mine:
            continue
        missing = set(edits.changes) - wanted
        if edits.whole and missing:
            raise WetdiffError(
                f"artikel {number} can only be taken whole ({_WHOLE[edits.whole]}): "
                f"take also {', '.join(sorted(c[:12] for c in missing))}"
            )
        if edits.whole or not missing:
            if edits.variant is None:
                result.pop(number, None)
            else:
                result[number] = edits.variant
            continue
        try:
            result[number] = _combine(number, edits.base, [_only(edits, wanted)])
        except _Numbering as problem:
            raise WetdiffError(
                f"artikel {number} would be numbered wrongly with only the changes chosen "
                f"({problem.message})",
                hint="Take also the changes that renumber it: "
                + ", ".join(sorted(c[:12] for c in missing))
                + ".",
            ) from None
    artikelen = tuple(sorted(result.values(), key=lambda a: article_sort_key(a.number)))
    # the same stage (or text) with the changes taken: of its one regeling
    return replace(
        old,
        label=f"{old.label} + {new.label} ({len(wanted)} change(s))",
        artikelen=artikelen,
        text_date=None,
        data_until=None,
        others=(),
    )


_WHOLE = {
    "new": "a new article",
    "deleted": "it is repealed",
    "title": "its title changes",
    "reordered": "its provisions are moved",
    "unreadable": "two of its provisions have one number",
}


def _only(edits: ArticleEdits, wanted: set[str]) -> ArticleEdits:
    part = ArticleEdits(edits.name, edits.number, edits.base, edits.variant, edits.base_lines)
    part.ops = {i: op for i, op in edits.ops.items() if set(op.changes) & wanted}
    part.inserts = {
        gap: [(ln, c) for ln, c in found if c in wanted] for gap, found in edits.inserts.items()
    }
    part.inserts = {gap: found for gap, found in part.inserts.items() if found}
    return part


def resolve_ids(changeset: ChangeSet, chosen: Iterable[str]) -> set[str]:
    """The full ids of the changes chosen (a unique prefix of 4+ characters will do),
    with the other parts of a split or merger they belong to."""
    ids = [c.id for c in changeset.changes if c.changed]
    wanted: set[str] = set()
    for given in chosen:
        matches = [i for i in ids if i == given or (len(given) >= 4 and i.startswith(given))]
        if len(matches) != 1:
            raise WetdiffError(
                f"{'no' if not matches else 'more than one'} change {given!r} in "
                f"{changeset.old.label} → {changeset.new.label}",
                hint="'wetdiff diff' shows the ids of the changes ([…] after each).",
            )
        wanted.add(matches[0])
        related = next(c for c in changeset.changes if c.id == matches[0]).related
        wanted.update(related)  # the parts of a split or merger go together
    return wanted
