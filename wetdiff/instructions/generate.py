"""Generating wijzigingsopdrachten from two versions.

What a drafter does, in order: pair the articles (a renumbered article keeps its pair);
per changed article, pair its leden and onderdelen by content, so an inserted lid shows
as one insertion with vernummering of the leden after it; inside each pair, turn the word
differences into "wordt "a" vervangen door "b"" / "vervalt "a"" / "wordt na "a"
ingevoegd "b"", quoting whole tokens that a reader finds exactly once in the element
addressed (else the address is narrowed to the aanhef, or the quote is widened with the
neighbouring words, or "telkens" is used).

When precise instructions stop helping the reader, the element is restated instead
("komt te luiden", see :class:`Limits`). And every article's instructions are proven
before they are kept: rendered to Dutch, read back by the parser and applied to the old
text, they must give the new text exactly; if not, the article is restated whole.

Generation needs only the two versions (and, if given, the :class:`ChangeSet`, whose
article pairs say which article was renumbered to which).
"""

from __future__ import annotations

import dataclasses
import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetdiff.instructions import model
from wetdiff.instructions.address import Adres, is_run
from wetdiff.instructions.apply import ARTICLE_HEADER, apply_one, apply_opdrachten, same_text
from wetdiff.instructions.pairing import align, block_kind, body_kind, element_text
from wetdiff.instructions.parse import parse_text
from wetdiff.instructions.phrasing import (
    changed_share,
    forms,
    is_word,
    regions,
    simulate,
    tokens,
    widen_to_citations,
    with_counted_noun,
)
from wetdiff.instructions.render import (
    describe,
    letter,
    render_onderdeel,
    render_set,
)
from wetdiff.instructions.tree import (
    ApplyError,
    Node,
    Werkversie,
    cited,
    occurrences,
    substring_count,
)
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid
from wetdiff.model.text_format import render
from wetdiff.model.version import Version, article_sort_key, artikel_numerals

if TYPE_CHECKING:
    from wetdiff.diff import ChangeSet


@dataclass(frozen=True, slots=True)
class Limits:
    """When to restate an element ("komt te luiden") rather than amend its words.

    * a lid or onderdeel is restated when its own words would need more than
      ``max_word_instructions`` instructions, or when more than ``max_changed_share`` of
      its words change (old and new words counted together);
    * an article is restated when leden are both inserted and deleted, when more than
      ``max_restated_share`` of its leden (at least two) would be restated or inserted,
      or when its precise instructions do not reproduce the new text exactly;
    * an article is also restated when its piecemeal set would be long (more than
      ``max_article_items`` numbered items) or would restructure it (more than
      ``max_renumbered_share`` of its leden renumbered), and at least
      ``min_restated_article_share`` of its words change: the reader then sees the new
      article rather than a puzzle (guide §4.7); a long set of small edits in a long
      article stays piecemeal;
    * changes at most ``max_gap`` words apart in one paragraph are one phrase
      replacement;
    * quotes never exceed ``max_context`` words of context around a change.

    The defaults follow docs/instructions.md (after the Aanwijzingen guide's heuristic)."""

    max_word_instructions: int = 3
    max_changed_share: float = 0.4
    max_restated_share: float = 2 / 3
    max_article_items: int = 6
    max_renumbered_share: float = 0.5
    min_restated_article_share: float = 0.25
    max_gap: int = 4
    max_context: int = 8


class _Restate(Exception):
    """Precise instructions for this element are not the right tool: restate it."""


def _block_text(block: Block) -> str:
    """The new text of one lid or onderdeel, in the canonical form, starting with its
    label (Ar 6.9(3))."""
    lines = render(Artikel("x", (block,))).split("\n")[1:]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not isinstance(block, Lid):
        lines = [line[4:] if line.startswith("    ") else line for line in lines]
    return "\n".join(lines).rstrip("\n")


def _consecutive(numbers: list[str]) -> bool:
    """Two numbers, or a run without gaps (rendered as "tot en met")."""
    return len(numbers) <= 2 or is_run(numbers)


class _ArticleGenerator:
    """Instructions for one article, applied as they are made to a working copy, so each
    one is chosen against the text as the previous ones left it."""

    def __init__(self, number: str, old: Artikel, limits: Limits) -> None:
        self.number = number
        self.limits = limits
        renamed = Artikel(number, old.body, old.title)
        self.work = Werkversie(Version("x", "x", (renamed,)))
        self.out: list[model.Opdracht] = []

    def emit(self, opdracht: model.Opdracht, *, applying: model.Opdracht | None = None) -> None:
        """Keep an instruction, after carrying it out on the working copy (``applying``
        instead, when part of it has been carried out already)."""
        try:
            apply_one(self.work, applying or opdracht)
        except ApplyError as error:
            raise _Restate(str(error)) from None
        self.out.append(opdracht)

    # -- structure ---------------------------------------------------------------------

    def body(
        self, old: tuple[Block, ...], new: tuple[Block, ...], container: Adres, top: bool
    ) -> None:
        if (
            top
            and old
            and new
            and not any(isinstance(b, Lid) for b in old)
            and all(isinstance(b, Lid) for b in new)
        ):
            # an article without leden gets leden: its text becomes the first lid
            # ("Voor de tekst wordt de aanduiding "1." geplaatst.", Ar 6.18)
            label = new[0].number  # type: ignore[union-attr]
            self.emit(model.AanduidingPlaatsen(target=container, aanduiding=label))
            old = (Lid(label, old),)
        pairs = align(old, new)
        if any(
            (o is None and isinstance(new[n], Alinea))  # type: ignore[index]
            or (n is None and isinstance(old[o], Alinea))  # type: ignore[index]
            for o, n in pairs
        ):
            raise _Restate("an alinea was inserted or deleted")
        has_list = any(block_kind(b) == "onderdeel" for b in new)
        # runs of inserted and deleted elements, and the renumbered pairs each covers
        ops: list[tuple[str, list[int]]] = []  # ("ins"|"del", indexes)
        for o, n in pairs:
            kind = "del" if n is None else "ins" if o is None else ""
            if (
                kind
                and ops
                and ops[-1][0] == kind
                and ops[-1][1][-1] + 1 == (o if kind == "del" else n)
            ):
                ops[-1][1].append(o if kind == "del" else n)  # type: ignore[arg-type]
            elif kind:
                ops.append((kind, [o if kind == "del" else n]))  # type: ignore[list-item]
        if top and {"ins", "del"} <= {k for k, _ in ops} and body_kind(new, old) == "lid":
            raise _Restate("leden both inserted and deleted")
        alinea_index = 0
        seen_list = False
        pending: dict[int, tuple[str, str]] = {}  # new index -> (old nr, new nr) renumbered
        step = 0
        while step < len(pairs):
            o, n = pairs[step]
            if o is not None and n is not None:
                ob, nb = old[o], new[n]
                if isinstance(ob, Alinea):
                    assert isinstance(nb, Alinea)
                    deel = ("slot" if seen_list else "aanhef") if has_list else ""
                    if ob.text != nb.text:
                        if top and changed_share(ob.text, nb.text) > self.limits.max_changed_share:
                            raise _Restate("too much of the article's own text changes")
                        self.alinea(container, alinea_index, deel, nb.text)
                    alinea_index += 1
                else:
                    seen_list = seen_list or block_kind(ob) == "onderdeel"
                    old_nr, new_nr = cited(ob.number), cited(nb.number)  # type: ignore[union-attr]
                    renumbered = old_nr != new_nr
                    if renumbered and n not in pending:
                        # renumbered without an insertion or deletion before it: restate
                        self.restate(container.child(block_kind(ob), old_nr), nb)
                    else:
                        self.element(ob, nb, container.child(block_kind(ob), new_nr, renumbered))
                step += 1
                continue
            # a run of deletions or insertions
            run_kind = "del" if n is None else "ins"
            run: list[int] = []
            while step < len(pairs) and (
                (pairs[step][1] is None) if run_kind == "del" else (pairs[step][0] is None)
            ):
                run.append(pairs[step][0] if run_kind == "del" else pairs[step][1])  # type: ignore[arg-type]
                step += 1
            covered: list[tuple[int, str, str]] = []
            # every later sibling that is renumbered moves now, so that no number is
            # held twice after this instruction
            for later in range(step, len(pairs)):
                lo, ln = pairs[later]
                if lo is None or ln is None or ln in pending or isinstance(old[lo], Alinea):
                    continue
                a, b = cited(old[lo].number), cited(new[ln].number)  # type: ignore[union-attr]
                if a != b and block_kind(old[lo]) == (
                    block_kind(old[run[0]]) if run_kind == "del" else block_kind(new[run[0]])
                ):
                    covered.append((ln, a, b))
            vernummering = tuple((a, b) for _, a, b in covered)
            if vernummering and not (
                _consecutive([a for a, _ in vernummering])
                and _consecutive([b for _, b in vernummering])
            ):
                raise _Restate("renumbering not in one run")
            for ln, a, b in covered:
                pending[ln] = (a, b)
            if run_kind == "del":
                self.delete_run([old[i] for i in run], container, vernummering)
            else:
                self.insert_run(new, run, pairs, step, old, container, vernummering)
            seen_list = seen_list or any(
                block_kind(new[i]) == "onderdeel" for i in run if run_kind == "ins"
            )

    def alinea(self, container: Adres, index: int, deel: str, target: str) -> None:
        element = self.work.element(container)
        nodes = [c for c in element.children if c.kind == "alinea"]
        node = nodes[index]
        # words in the aanhef (or slot) of a list are addressed as such, in every set
        scopes = ([container.part(deel)] if deel else []) + [container]
        count = 0
        self.telkens(node, scopes, target)
        while node.text != target:
            count += 1
            if count > self.limits.max_word_instructions:
                raise _Restate("too many word instructions")
            opdracht = self.word_instruction(node, scopes, target)
            if opdracht is None:
                raise _Restate("no unique quote")
            self.emit(opdracht)

    def telkens(self, node: Node, scopes: list[Adres], target: str) -> None:
        """One "telkens" instruction where the same words change everywhere alike."""
        cur, tgt = tokens(node.text), tokens(target)
        groups: dict[tuple[str, str], int] = {}
        for i1, i2, j1, j2 in regions(cur, tgt):
            old, new = "".join(cur[i1:i2]), "".join(tgt[j1:j2])
            if old.strip() == old and new.strip() == new and old and new:
                groups[(old, new)] = groups.get((old, new), 0) + 1
        for (old, new), n in groups.items():
            if n < 2:
                continue
            scope = scopes[-1]
            try:
                texts = [a.text for a in self.work.scope(scope)]
            except ApplyError:
                return
            if len(occurrences(node.text, old)) == n and substring_count(texts, old) == n:
                self.emit(model.WoordenVervangen(targets=(scope,), old=old, new=new, telkens=True))
                return

    def word_instruction(
        self, node: Node, scopes: list[Adres], target: str
    ) -> model.Opdracht | None:
        cur, tgt = tokens(node.text), tokens(target)
        stretches = regions(cur, tgt, self.limits.max_gap)
        if not stretches:
            return None
        i1, i2, j1, j2 = with_counted_noun(cur, tgt, widen_to_citations(cur, tgt, stretches[0]))
        expected = "".join(cur[:i1] + tgt[j1:j2] + cur[i2:])
        words_left = [k for k in range(i1) if is_word(cur[k])]
        words_right = [k for k in range(i2, len(cur)) if is_word(cur[k])]
        scope_texts: dict[int, list[str]] = {}
        for scope in scopes:
            try:
                scope_texts[id(scope)] = [a.text for a in self.work.scope(scope)]
            except ApplyError:
                continue
        scopes = [s for s in scopes if id(s) in scope_texts]
        added = "".join(tgt[j1:j2]).strip()
        if i1 == i2 and added and node is self._last_alinea(scopes[-1]):
            # words added after all existing text, or at the end of its last sentence
            # (before the full stop): "Aan het tweede lid wordt toegevoegd …" (Ar 6.11)
            appended = model.WoordenInvoegen(
                targets=(scopes[-1],), anchor="", before=False, text=added
            )
            if simulate(node.text, appended) == expected:
                return appended
        for total in range(self.limits.max_context + 1):
            # one-sided anchors first ("voor "te dwingen" ingevoegd"), then both sides
            splits = [(total, 0), (0, total)] if total else [(0, 0)]
            splits += [(left, total - left) for left in range(total - 1, 0, -1)]
            for left, right in splits:
                if left > len(words_left) or right > len(words_right):
                    continue
                start = words_left[-left] if left else i1
                end = words_right[right - 1] + 1 if right else i2
                old = "".join(cur[start:end])
                new = "".join(cur[start:i1]) + "".join(tgt[j1:j2]) + "".join(cur[i2:end])
                while old[:1].isspace() and old[:1] == new[:1]:
                    old, new = old[1:], new[1:]
                while old[-1:].isspace() and old[-1:] == new[-1:]:
                    old, new = old[:-1], new[:-1]
                if old.strip() and not new.strip():
                    old, new = old.strip(), ""
                elif not old or old != old.strip() or (new and new != new.strip()):
                    continue
                for scope in scopes:
                    for opdracht in forms(scope, old, new):
                        quoted = (
                            opdracht.anchor
                            if isinstance(opdracht, model.WoordenInvoegen)
                            else opdracht.old  # type: ignore[attr-defined]
                        )
                        if substring_count(scope_texts[id(scope)], quoted) != 1:
                            continue
                        if simulate(node.text, opdracht) == expected:
                            return opdracht
        return None

    def _last_alinea(self, scope: Adres) -> Node | None:
        try:
            alineas = self.work.scope(scope)
        except ApplyError:
            return None
        return alineas[-1] if alineas else None

    def element(self, old: Block, new: Block, adres: Adres) -> None:
        if old == new:
            return
        assert not isinstance(old, Alinea) and not isinstance(new, Alinea)
        if new.vervallen and not old.vervallen:
            raise _Restate("vervallen element")  # handled by restating (exact in every case)
        punct = _final_punctuation(old, new)
        if punct is not None and element_text(old)[:-1] == element_text(new)[:-1]:
            self.emit(model.Slotleesteken(target=adres, old=punct[0], new=punct[1]))
            return
        start = len(self.out)
        own_old = " ".join(b.text for b in old.body if isinstance(b, Alinea))
        own_new = " ".join(b.text for b in new.body if isinstance(b, Alinea))
        try:
            if changed_share(own_old, own_new) > self.limits.max_changed_share:
                raise _Restate("too much of the element changes")
            if punct is not None:
                # the words first, then the mark at the end: "Aan het slot van onderdeel
                # 2° wordt de punt vervangen door een puntkomma" (or, before a new last
                # onderdeel, its "onder vervanging van de punt aan het slot van …")
                marked = _ending_in(new, punct[0])
                assert not isinstance(marked, Alinea)
                self.body(old.body, marked.body, adres, top=False)
                self.emit(model.Slotleesteken(target=adres, old=punct[0], new=punct[1]))
            else:
                self.body(old.body, new.body, adres, top=False)
            own = sum(
                1
                for o in self.out[start:]
                if isinstance(
                    o, model.WoordenVervangen | model.WoordenInvoegen | model.Slotleesteken
                )
                and all(t.path == adres.path for t in _targets(o))
            )
            if own > self.limits.max_word_instructions:
                raise _Restate("too many instructions for one element")
            children = [b for b in new.body if not isinstance(b, Alinea)]
            restated = sum(
                1
                for o in self.out[start:]
                if isinstance(o, model.KomtTeLuiden | model.ElementInvoegen)
            )
            if len(children) >= 2 and restated > self.limits.max_restated_share * len(children):
                raise _Restate("most onderdelen restated")
        except _Restate:
            del self.out[start:]
            self.restate(adres, new)

    def restate(self, adres: Adres, new: Block) -> None:
        self.emit(
            model.KomtTeLuiden(
                targets=(adres.part(""),), kind=block_kind(new), block=_block_text(new)
            )
        )

    def delete_run(
        self, blocks: list[Block], container: Adres, vernummering: tuple[tuple[str, str], ...]
    ) -> None:
        kind = block_kind(blocks[0])
        targets = tuple(
            container.child(kind, cited(b.number))  # type: ignore[union-attr]
            for b in blocks
        )
        if len(targets) > 2 and not _consecutive([t.path[-1].nr for t in targets]):
            raise _Restate("deleted elements not in one run")
        self.emit(model.Vervalt(targets=targets, vernummering=vernummering))

    def insert_run(
        self,
        new: tuple[Block, ...],
        run: list[int],
        pairs: list[tuple[int | None, int | None]],
        step: int,
        old: tuple[Block, ...],
        container: Adres,
        vernummering: tuple[tuple[str, str], ...],
    ) -> None:
        kind = block_kind(new[run[0]])
        block = (
            "\n\n".join(_block_text(new[i]) for i in run)
            if kind == "lid"
            else "\n".join(_block_text(new[i]) for i in run)
        )
        previous = [new[i] for i in range(run[0]) if block_kind(new[i]) == kind]
        after = before = None
        if run[-1] == len(new) - 1:
            pass  # after all existing text: "toegevoegd" (Ar 6.11)
        elif previous:
            after = cited(previous[-1].number)  # type: ignore[union-attr]
        else:
            following = [o for o, _ in pairs[step:] if o is not None and block_kind(old[o]) == kind]
            if not following:
                raise _Restate("no neighbour to insert before")
            before = cited(old[following[0]].number)  # type: ignore[union-attr]
        opdracht = model.ElementInvoegen(
            parent=container,
            kind=kind,
            block=block,
            after=after,
            before=before,
            vernummering=vernummering,
        )
        last = self.out[-1] if self.out else None
        neighbour = cited(previous[-1].number) if previous else None  # type: ignore[union-attr]
        if (
            isinstance(last, model.Slotleesteken)
            and before is None
            and neighbour is not None
            and last.target == container.child(kind, neighbour)
        ):
            # "onder vervanging van de punt aan het slot van onderdeel 2° door een
            # puntkomma wordt een onderdeel toegevoegd" (Ar 6.18): one instruction
            self.out.pop()
            self.emit(dataclasses.replace(opdracht, slot=last), applying=opdracht)
            return
        self.emit(opdracht)


def _final_punctuation(old: Block, new: Block) -> tuple[str, str] | None:
    """("." , ";") when the element ends in another punctuation mark than it did."""
    a, b = element_text(old), element_text(new)
    if not a or not b or a[-1] == b[-1]:
        return None
    if a[-1] not in ".;:," or b[-1] not in ".;:,":
        return None
    if [type(x) for x in old.body] != [type(x) for x in new.body]:  # type: ignore[union-attr]
        return None
    if not isinstance(_last_alinea(new), Alinea):
        return None
    return a[-1], b[-1]


def _last_alinea(block: Block) -> Block | None:
    if isinstance(block, Alinea):
        return block
    return _last_alinea(block.body[-1]) if block.body else None


def _ending_in(block: Block, mark: str) -> Block:
    """The block with its last paragraph ending in ``mark`` instead."""
    if isinstance(block, Alinea):
        return Alinea(block.text[:-1] + mark)
    body = (*block.body[:-1], _ending_in(block.body[-1], mark))
    return dataclasses.replace(block, body=body)


def _targets(opdracht: model.Opdracht) -> tuple[Adres, ...]:
    if isinstance(opdracht, model.Slotleesteken):
        return (opdracht.target,)
    return getattr(opdracht, "targets", ())


# --- articles and the whole set -------------------------------------------------------


def _article_opdrachten(
    old: Artikel, new: Artikel, limits: Limits, quotes: str
) -> tuple[list[model.Opdracht], bool]:
    """Precise instructions for one article, or its restatement; proven either way."""
    if old.title == new.title and not old.vervallen:
        generator = _ArticleGenerator(new.number, old, limits)
        try:
            generator.body(old.body, new.body, Adres(new.number), top=True)
            leden = [b for b in new.body if not isinstance(b, Alinea)]
            restated = sum(
                1
                for o in generator.out
                if isinstance(o, model.KomtTeLuiden | model.ElementInvoegen)
            )
            if len(leden) >= 2 and restated > limits.max_restated_share * len(leden):
                raise _Restate("most leden restated")
            opdrachten = _combined(generator.out)
            old_leden = sum(1 for b in old.body if isinstance(b, Lid))
            long = len(opdrachten) > limits.max_article_items
            restructured = _renumbered_leden(opdrachten) > limits.max_renumbered_share * old_leden
            if (long or restructured) and changed_share(
                _words(old), _words(new)
            ) >= limits.min_restated_article_share:
                raise _Restate("a long or restructuring set")
            if _proves(opdrachten, old, new, quotes):
                return opdrachten, False
        except (_Restate, ApplyError):
            pass
    rewrite: list[model.Opdracht] = [
        model.KomtTeLuiden(
            targets=(Adres(new.number),), kind="artikel", block=render(new).rstrip("\n")
        )
    ]
    return rewrite, True


def _combined(opdrachten: list[model.Opdracht]) -> list[model.Opdracht]:
    """The same change of words in several elements, one after the other, is one
    instruction with a combined address: "In het eerste lid, onderdelen 1° en 2°, wordt
    na «opneemt» ingevoegd «…»." (Ar 6.15 and practice: Stb. 2006, 11, C)."""
    out: list[model.Opdracht] = []
    for opdracht in opdrachten:
        last = out[-1] if out else None
        if (
            isinstance(last, model.WoordenVervangen | model.WoordenInvoegen)
            and type(last) is type(opdracht)
            and dataclasses.replace(last, targets=()) == dataclasses.replace(opdracht, targets=())  # type: ignore[call-arg]
            and not set(last.targets) & set(opdracht.targets)  # type: ignore[attr-defined]
        ):
            out[-1] = dataclasses.replace(last, targets=last.targets + opdracht.targets)  # type: ignore[attr-defined]
        else:
            out.append(opdracht)
    return out


def _words(artikel: Artikel) -> str:
    return " ".join(element_text(b) for b in artikel.body)


def _renumbered_leden(opdrachten: list[model.Opdracht]) -> int:
    """How many leden of the article the instructions renumber."""
    count = 0
    for opdracht in opdrachten:
        if isinstance(opdracht, model.Vervalt) and len(opdracht.targets[0].path) == 1:
            count += len(opdracht.vernummering) if opdracht.targets[0].path[0].kind == "lid" else 0
        elif isinstance(opdracht, model.ElementInvoegen) and not opdracht.parent.path:
            count += len(opdracht.vernummering) if opdracht.kind == "lid" else 0
    return count


def _proves(opdrachten: list[model.Opdracht], old: Artikel, new: Artikel, quotes: str) -> bool:
    """Render, read back and apply: the instructions must give the new text exactly."""
    if not opdrachten:
        return old == Artikel(old.number, new.body, new.title) or old == new
    text = render_onderdeel("A", new.number, opdrachten, style=quotes)
    parsed = parse_text(text)
    if parsed.problems:
        return False
    renamed = Artikel(new.number, old.body, old.title)
    result = apply_opdrachten(parsed.opdrachten, Version("x", "x", (renamed,)), rollback=False)
    if result.failures:
        return False
    return same_text(result.version.artikel(new.number), new)


def _pairs(
    old: Version, new: Version, changes: ChangeSet | None
) -> list[tuple[str | None, str | None]]:
    """Article pairs: the change set's (which know renumbered articles) when they can be
    carried out one after another, else pairs by number."""
    if changes is not None and changes.article_pairs:
        pairs = list(changes.article_pairs)
        if _renumbering_order(pairs) is not None:
            return pairs
    old_nrs = {a.number for a in old.artikelen}
    new_nrs = {a.number for a in new.artikelen}
    result: list[tuple[str | None, str | None]] = [
        (nr, nr if nr in new_nrs else None) for nr in (a.number for a in old.artikelen)
    ]
    result += [(None, nr) for nr in (a.number for a in new.artikelen) if nr not in old_nrs]
    return result


def _renumbering_order(pairs: list[tuple[str | None, str | None]]) -> list[str] | None:
    """Old numbers of renumbered articles in an order in which each new number is free
    when its turn comes (15d → 15k before 15a → 15d); None for a cycle."""
    moves = {o: n for o, n in pairs if o is not None and n is not None and o != n}
    order: list[str] = []
    while moves:
        ready = [o for o, n in moves.items() if n not in moves]
        if not ready:
            return None
        for o in sorted(ready, key=article_sort_key):
            order.append(o)
            del moves[o]
    return order


@dataclass(slots=True)
class PlannedOnderdeel:
    """One onderdeel before it gets its letter: the article it amends and its
    instructions; where it stands in the regeling (``position``); the article numbers it
    frees (renumbered away, repealed) and the numbers it needs free or present (a new
    number, an anchor), so that it comes after the onderdelen that make way."""

    number: str
    opdrachten: list[model.Opdracht]
    position: tuple[float, ...]
    frees: frozenset[str] = frozenset()
    creates: frozenset[str] = frozenset()
    takes: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()


def _in_order(blocks: list[PlannedOnderdeel]) -> list[PlannedOnderdeel]:
    """The onderdelen in the order of the articles in the regeling, except that an
    onderdeel that frees a number, or makes the article another one is inserted after,
    comes before the onderdeel that uses it (15d → 15k before 15a → 15d)."""
    # who waits for whom, through an index of the numbers freed and created (not every
    # pair of onderdelen: a whole code has hundreds)
    frees: dict[str, list[int]] = {}
    creates: dict[str, list[int]] = {}
    for j, block in enumerate(blocks):
        for number in block.frees:
            frees.setdefault(number, []).append(j)
        for number in block.creates:
            creates.setdefault(number, []).append(j)
    waiting_on: list[set[int]] = []
    for i, later in enumerate(blocks):
        firsts = {j for number in later.takes for j in frees.get(number, ())}
        firsts |= {j for number in later.needs for j in creates.get(number, ())}
        firsts.discard(i)
        waiting_on.append(firsts)
    unblocks: list[list[int]] = [[] for _ in blocks]
    for i, firsts in enumerate(waiting_on):
        for j in firsts:
            unblocks[j].append(i)
    count = [len(firsts) for firsts in waiting_on]
    # the earliest in the regeling of those whose turn has come (a cycle: of the rest)
    ready = [(block.position, i) for i, block in enumerate(blocks) if not count[i]]
    heapq.heapify(ready)
    left = set(range(len(blocks)))
    done: list[int] = []
    while left:
        if ready:
            _, chosen = heapq.heappop(ready)
        else:
            chosen = min(left, key=lambda i: (blocks[i].position, i))
        done.append(chosen)
        left.discard(chosen)
        for i in unblocks[chosen]:
            count[i] -= 1
            if not count[i] and i in left:
                heapq.heappush(ready, (blocks[i].position, i))
    return [blocks[i] for i in done]


def _repeal_runs(old: Version, repealed: set[str]) -> list[list[str]]:
    """Repealed articles that follow each other in the regeling, as runs ("De artikelen
    6.6 tot en met 6.10 vervallen."); articles already [Vervallen] between them do not
    break a run."""
    runs: list[list[str]] = []
    current: list[str] = []
    for artikel in old.artikelen:
        if artikel.number in repealed or (artikel.vervallen and current):
            current.append(artikel.number)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    result = []
    for run in runs:
        while run and run[-1] not in repealed:  # a run ends with a repealed article
            run.pop()
        result.append(run)
    return result


def _repeal(run: list[str], repealed: set[str]) -> model.Vervalt:
    if len(run) >= 3:
        return model.Vervalt(targets=(Adres(run[0]), Adres(run[-1])), through=True)
    return model.Vervalt(targets=tuple(Adres(nr) for nr in run if nr in repealed))


def regeling_blocks(
    old: Version,
    new: Version,
    changes: ChangeSet | None = None,
    *,
    limits: Limits | None = None,
    quotes: str = "guillemets",
) -> tuple[list[PlannedOnderdeel], list[str]]:
    """The onderdelen for one regeling, in order, and the articles restated whole."""
    limits = limits or Limits()
    pairs = _pairs(old, new, changes)
    old_by = {a.number: a for a in old.artikelen}
    new_by = {a.number: a for a in new.artikelen}
    old_index = {a.number: float(i) for i, a in enumerate(old.artikelen)}
    new_order = [a.number for a in new.artikelen]
    paired = {n for o, n in pairs if o is not None and n is not None and o in old_by}
    old_of = {n: o for o, n in pairs if o is not None and n is not None}

    blocks: list[PlannedOnderdeel] = []
    rewritten: list[str] = []
    inserted: dict[str, list[str]] = {}
    repealed: set[str] = set()
    for old_nr, new_nr in pairs:
        a = old_by.get(old_nr) if old_nr else None
        b = new_by.get(new_nr) if new_nr else None
        if b is None or (b.vervallen and a is not None):
            if a is not None and not a.vervallen:
                repealed.add(a.number)
            continue
        if a is None:
            # the run of new articles hangs after the nearest article that already exists
            k = new_order.index(b.number) - 1
            while k >= 0 and new_order[k] not in paired:
                k -= 1
            inserted.setdefault(new_order[k] if k >= 0 else "", []).append(b.number)
            continue
        opdrachten: list[model.Opdracht] = []
        renumbered = a.number != b.number
        if renumbered:
            opdrachten.append(model.ArtikelVernummeren(old=a.number, new=b.number))
        if not same_text(a, Artikel(a.number, b.body, b.title)):
            found, whole = _article_opdrachten(a, b, limits, quotes)
            opdrachten += found
            if whole:
                rewritten.append(b.number)
        if opdrachten:
            blocks.append(
                PlannedOnderdeel(
                    b.number,
                    opdrachten,
                    (old_index[a.number], 0),
                    frees=frozenset({a.number}) if renumbered else frozenset(),
                    creates=frozenset({b.number}) if renumbered else frozenset(),
                    takes=frozenset({b.number}) if renumbered else frozenset(),
                )
            )
    for run in _repeal_runs(old, repealed):
        blocks.append(
            PlannedOnderdeel(
                run[0], [_repeal(run, repealed)], (old_index[run[0]], 0), frees=frozenset(run)
            )
        )
    # inserted articles: one onderdeel per run after the same neighbour
    for anchor, run in inserted.items():
        # one instruction for the run, unless a text line would read as a new article
        texts = [render(new_by[nr]).rstrip("\n") for nr in run]
        ambiguous = any(ARTICLE_HEADER.match(line) for t in texts for line in t.split("\n")[1:])
        groups = [[nr] for nr in run] if ambiguous else [run]
        for offset, numbers in enumerate(groups, 1):
            opdracht = _insert_articles(anchor, numbers, new_by, new_order, paired, old)
            if opdracht is None:
                continue
            neighbour = opdracht.after if opdracht.after is not None else opdracht.before
            at = old_index.get(old_of.get(neighbour or "", neighbour or ""), -1.0)
            position = (at, offset) if opdracht.after is not None else (at - 0.5, offset)
            blocks.append(
                PlannedOnderdeel(
                    numbers[0],
                    [opdracht],
                    position,
                    creates=frozenset(numbers),
                    takes=frozenset(numbers),
                    needs=frozenset({neighbour or ""}),
                )
            )
            anchor = numbers[-1]
    return _in_order(blocks), rewritten


def wijzigingsartikel(
    numeral: str, regeling: str, blocks: list[PlannedOnderdeel], *, quotes: str = "guillemets"
) -> model.Wijzigingsartikel:
    """One amending article for one regeling: lettered onderdelen A, B, … in the order
    given, or, for a single onderdeel that amends one article, none at all: "Artikel
    273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:" (a lone "A" tells
    the reader nothing)."""
    if len(blocks) == 1 and regeling and _stands_alone(blocks[0].opdrachten):
        block = blocks[0]
        text = render_onderdeel("", block.number, block.opdrachten, style=quotes, regeling=regeling)
        return model.Wijzigingsartikel(
            numeral,
            regeling,
            (model.Wijzigingsonderdeel("", block.number, tuple(block.opdrachten), text),),
        )
    onderdelen = []
    for index, block in enumerate(blocks):
        text = render_onderdeel(letter(index), block.number, block.opdrachten, style=quotes)
        onderdelen.append(
            model.Wijzigingsonderdeel(letter(index), block.number, tuple(block.opdrachten), text)
        )
    return model.Wijzigingsartikel(numeral, regeling, tuple(onderdelen))


def _stands_alone(opdrachten: list[model.Opdracht]) -> bool:
    """Whether an onderdeel reads as the whole amending article: one article, named
    once (not renumbered and then amended under its new number)."""
    return not (len(opdrachten) > 1 and isinstance(opdrachten[0], model.ArtikelVernummeren))


def generate(
    old: Version,
    new: Version,
    changes: ChangeSet | None = None,
    *,
    limits: Limits | None = None,
    quotes: str = "guillemets",
) -> model.Wijzigingsopdrachten:
    """The wijzigingsopdrachten that turn ``old`` into ``new``: one ARTIKEL for the
    regeling, an onderdeel per amended article (or per run of repealed articles), in the
    order of the articles in the regeling, naming ``old`` as the base they were
    generated against."""
    return generate_many([(old, new, changes)], limits=limits, quotes=quotes)


def _insert_articles(
    anchor: str,
    numbers: list[str],
    new_by: dict[str, Artikel],
    new_order: list[str],
    paired: set[str],
    old: Version,
) -> model.ArtikelInvoegen | None:
    """ "Na artikel 273f worden twee artikelen ingevoegd, luidende:" for a run of new
    articles after one existing neighbour (or before the first one that stays)."""
    articles = "\n\n".join(render(new_by[nr]).rstrip("\n") for nr in numbers)
    if anchor:
        return model.ArtikelInvoegen(block=articles, after=anchor)
    following = [nr for nr in new_order if nr in paired]
    if following:
        return model.ArtikelInvoegen(block=articles, before=following[0])
    if old.artikelen:  # nothing stays: the new articles follow the old ones
        return model.ArtikelInvoegen(block=articles, after=old.artikelen[-1].number)
    return None


def generate_many(
    comparisons: list[tuple[Version, Version, ChangeSet | None]],
    *,
    limits: Limits | None = None,
    quotes: str = "guillemets",
) -> model.Wijzigingsopdrachten:
    """One ARTIKEL per amended regeling (I, II, …), as when a bill amends the Wetboek
    van Strafrecht and the Wetboek van Strafrecht BES together (Ar 6.15(1))."""
    artikelen: list[model.Wijzigingsartikel] = []
    bases: list[str] = []
    targets: list[str] = []
    rewritten: list[str] = []
    numerals = artikel_numerals([(old, new) for old, new, _ in comparisons])
    for (old, new, changes), numeral in zip(comparisons, numerals, strict=True):
        bases.append(describe(old))
        targets.append(describe(new))
        if not numeral:
            continue  # a regeling the stage leaves as it is: no ARTIKEL (diff says so too)
        blocks, restated = regeling_blocks(old, new, changes, limits=limits, quotes=quotes)
        rewritten += restated
        if blocks:
            regeling = new.regeling or old.regeling
            artikelen.append(wijzigingsartikel(numeral, regeling, blocks, quotes=quotes))
    base = "; ".join(bases)
    target = "; ".join(dict.fromkeys(targets))  # one stage of several regelingen: once
    text = render_set(tuple(artikelen), base, target) if artikelen else ""
    return model.Wijzigingsopdrachten(
        tuple(artikelen), base=base, text=text, rewritten=tuple(rewritten)
    )
