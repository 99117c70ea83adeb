"""The sentence forms of wijzigingsopdrachten, one table, read one sentence at a time.

Each :class:`SentenceForm` is one way a drafter writes an instruction ("In … wordt «a»
vervangen door «b»", "Het vierde lid vervalt, onder vernummering van …", "Na het vijfde
lid wordt een lid ingevoegd, luidende:"), with what it means. Quoted statute words are
masked first (⟦0⟧, ⟦1⟧ …), so the grammar is matched without tripping over the words
inside the quotes. A sentence that no form reads is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict

from wetdiff.instructions import model
from wetdiff.instructions.address import (
    Adres,
    CannotApply,
    NotUnderstood,
    parse_adres,
    parse_article_range,
    parse_vernummering,
)
from wetdiff.instructions.vocabulary import (
    COUNT_WORDS,
    PUNCTUATION_COMING,
    PUNCTUATION_THERE,
    punctuation_mark,
)

I = re.IGNORECASE  # noqa: E741

# --- quotes ---------------------------------------------------------------------------

_CLOSERS = {"«": "»", "\u201c": "\u201d", "\u201e": '\u201d\u201c"', '"': '"', "\u2018": "\u2019"}


def mask_quotes(sentence: str, spans: list[str] | None = None) -> tuple[str, list[str]]:
    """Replace each quoted fragment by ⟦n⟧ so the sentence's grammar can be matched
    without tripping over the statute words inside the quotes. ``spans``, if given,
    receives each fragment with its own quote marks (to give the words back as written)."""
    out: list[str] = []
    quotes: list[str] = []
    i = 0
    while i < len(sentence):
        ch = sentence[i]
        closers = _CLOSERS.get(ch)
        if closers and (ch != "\u2018" or i == 0 or not sentence[i - 1].isalnum()):
            end = -1
            for j in range(i + 1, len(sentence)):
                if sentence[j] in closers:
                    end = j
                    break
            if end > i:
                out.append(f"⟦{len(quotes)}⟧")
                quotes.append(sentence[i + 1 : end])
                if spans is not None:
                    spans.append(sentence[i : end + 1])
                i = end + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out), quotes


# --- the pieces sentences are made of --------------------------------------------------

Q = r"⟦(\d+)⟧"
_ZIN = r"(?:(?:de\s+zinsnede|de\s+woorden|het\s+woord|de\s+aanduiding|de\s+aanduidingen):?\s+)?"
_REN = r"onder\s+(?:vernummering|verlettering)\s+van\s+.+?"
_THERE = rf"(?:{PUNCTUATION_THERE})"
_COMING = rf"(?:{PUNCTUATION_COMING})"

_R_SLOT_CLAUSE = re.compile(
    rf"(?:,|\s+en)?\s*onder\s+vervanging\s+van\s+(?P<what>{_THERE}|{Q})\s+aan\s+het\s+"
    rf"(?:slot|eind)\s+van\s+(?P<elem>.+?)\s+door\s+(?P<by>{_COMING}|{Q}),?",
    I,
)
_R_ADD_CLAUSE = re.compile(
    r"(?:,|\s+en)?\s*onder\s+toevoeging\s+van\s+(?:het\s+woord\s+|de\s+woorden\s+)?"
    r"⟦(?P<word>\d+)⟧\s+aan\s+het\s+(?:slot|eind)\s+van\s+(?P<elem>.+?)(?=,|\s+en\s+onder|$)",
    I,
)


def _legacy(text: str, quotes: list[str]) -> str:
    """The older unquoted new text after a colon; its final full stop closed the
    instruction and has already been taken off."""
    return re.sub(r"⟦(\d+)⟧", lambda m: "«" + quotes[int(m.group(1))] + "»", text).strip()


def _punct(words: str | None, quotes: list[str]) -> str:
    """A punctuation mark described ("de punt", "een puntkomma") or quoted."""
    assert words is not None
    m = re.fullmatch(Q, words)
    return quotes[int(m.group(1))] if m else punctuation_mark(words)


@dataclass(frozen=True, slots=True)
class _SlotClause:
    """ "onder vervanging van de punt aan het slot van onderdeel 5° door een puntkomma",
    or (``old`` empty) "onder toevoeging van het woord «of» aan het slot van …"."""

    phrase: str
    old: str
    new: str


class Common(TypedDict):
    """What every instruction read from one sentence carries: where it stands in the
    amending text, and the sentence's own words."""

    label: str
    words: str


@dataclass(slots=True)
class SentenceState:
    """Parse state shared by the sentences of one item: the element the enclosing
    header names, and the last address named ("… vervalt «X» en wordt «Y» vervangen
    door …" shares it)."""

    context: Adres | None
    last_targets: list[Adres] = field(default_factory=list)


@dataclass(slots=True)
class _Reading:
    """One sentence being read: its grammar with the quotes masked, the quoted words,
    the new text after "luidende:" (if any) and what every instruction carries."""

    masked: str
    quotes: list[str]
    state: SentenceState
    common: Common
    block: str = ""
    slot: _SlotClause | None = None

    def quoted(self, index: int) -> str:
        """The words of the ``index``-th quote in the masked sentence (-1: the last)."""
        return self.quotes[int(re.findall(Q, self.masked)[index])]

    def targets(self, addr: str | None) -> tuple[Adres, ...]:
        """The elements an address names; without one, the last address of the item,
        else the element its header names."""
        state = self.state
        if addr:
            found = parse_adres(addr, state.context)
            state.last_targets = found
            return tuple(found)
        if state.last_targets:
            return tuple(state.last_targets)
        if state.context is not None:
            return (state.context,)
        raise NotUnderstood("er is geen artikel of element genoemd")


Build = Callable[[re.Match[str], _Reading], list[model.Opdracht] | None]


@dataclass(frozen=True, slots=True)
class SentenceForm:
    """One way to write an instruction: the sentence's grammar, and what it means. The
    builder may still decline (None) when the match is not this form after all."""

    name: str
    pattern: re.Pattern[str]
    build: Build


# --- forms without new text -----------------------------------------------------------


def _aanduiding(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    target = r.targets(m.group("addr"))[0]
    return [model.AanduidingPlaatsen(target=target, aanduiding=r.quoted(-1), **r.common)]


def _vernummerd(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    return [model.ArtikelVernummeren(old=m.group("old"), new=m.group("new"), **r.common)]


def _slot(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    """ "Aan het slot van X wordt de punt vervangen door een puntkomma", "In X wordt de
    punt aan het slot (van Y) vervangen door …", "In X vervalt de komma aan het slot":
    one instruction per element named."""
    groups = dict(m.groupdict())
    groups["elem"] = groups.get("elem") or groups.get("elem2")
    if groups.get("addr"):
        base = parse_adres(groups["addr"], r.state.context)
        found = (
            [t for b in base for t in parse_adres(groups["elem"], b)]
            if groups.get("elem")
            else base
        )
    elif groups.get("elem"):
        found = parse_adres(groups["elem"], r.state.context)
    elif r.state.context is not None:
        found = [r.state.context]
    else:
        raise NotUnderstood("er is geen artikel genoemd")
    old = _punct(m.group("what"), r.quotes)
    new = _punct(groups["by"], r.quotes) if groups.get("by") else ""
    return [model.Slotleesteken(target=t, old=old, new=new, **r.common) for t in found]


def _slot_in(m: re.Match[str], r: _Reading) -> list[model.Opdracht] | None:
    """ "In X wordt «a» vervangen door «b»" is a replacement of words unless the words
    stand "aan het slot": only then the end of the element is meant."""
    if "slot" not in r.masked.lower() and "eind" not in r.masked.lower():
        return None
    if not re.search(r"\baan\s+het\s+(?:slot|eind)\b", r.masked, I):
        return None
    return _slot(m, r)


def _replace(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    q_indexes = re.findall(Q, r.masked[: m.end()])
    old = r.quotes[int(q_indexes[0])]
    if m.group("legacy") is not None:
        new, punct = _legacy(m.group("legacy"), r.quotes), ""
    elif m.group("punct"):
        new, punct = punctuation_mark(m.group("punct")), m.group("punct")
    else:
        new, punct = r.quotes[int(q_indexes[1])], ""
    telkens = bool(
        m.group("tk") or m.group("tk2") or re.search(r"\b(telkens|steeds)\b", r.masked, I)
    )
    return [
        model.WoordenVervangen(
            targets=r.targets(m.group("addr")),
            old=old,
            new=new,
            telkens=telkens,
            punctuation=punct,
            **r.common,
        )
    ]


def _insert_words(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    new = _legacy(m.group("legacy"), r.quotes) if m.group("legacy") is not None else r.quoted(1)
    return [
        model.WoordenInvoegen(
            targets=r.targets(m.group("addr")),
            anchor=r.quoted(0),
            before=m.group("pos").lower() != "na",
            text=new,
            **r.common,
        )
    ]


def _insert_mark(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    return [
        model.WoordenInvoegen(
            targets=r.targets(m.group("addr")),
            anchor=r.quoted(0),
            before=m.group("pos").lower() != "na",
            text=punctuation_mark(m.group("punct")),
            **r.common,
        )
    ]


def _append_words(m: re.Match[str], r: _Reading) -> list[model.Opdracht] | None:
    if not (m.group("addr") or m.group("addr2")):
        return None
    if m.group("addr"):
        found = r.targets(m.group("addr"))
    else:
        base = parse_adres(m.group("addr2"), r.state.context)[0]
        found = tuple(parse_adres(m.group("elem"), base)) if m.group("elem") else (base,)
    added = _legacy(m.group("legacy"), r.quotes) if m.group("legacy") is not None else r.quoted(-1)
    return [model.WoordenInvoegen(targets=found, anchor="", before=False, text=added, **r.common)]


def _delete_words(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    old = _legacy(m.group("legacy"), r.quotes) if m.group("legacy") is not None else r.quoted(0)
    return [
        model.WoordenVervangen(
            targets=r.targets(m.group("addr")),
            old=old,
            new="",
            telkens=bool(m.group("tk")),
            **r.common,
        )
    ]


def _vervalt(found: tuple[Adres, ...], ren: str | None, common: Common) -> model.Vervalt:
    kind = found[0].path[-1].kind if found[0].path else "artikel"
    pairs = parse_vernummering(ren, kind) if ren else ()
    return model.Vervalt(targets=found, vernummering=pairs, **common)


def _vervalt_in(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    if m.group("addr"):
        parent = parse_adres(m.group("addr"), r.state.context)[0]
    elif r.state.context is not None:
        parent = r.state.context
    else:
        raise NotUnderstood("er is geen artikel genoemd")
    elements = parse_adres(m.group("elem"), parent)
    return [_vervalt(tuple(elements), m.group("ren"), r.common)]


def _element_vervalt(m: re.Match[str], r: _Reading) -> list[model.Opdracht] | None:
    if "⟦" in r.masked:
        return None
    ends = parse_article_range(m.group("addr"))
    if ends is not None:  # "De artikelen 6.6 tot en met 6.10 vervallen."
        found = (Adres(ends[0]), Adres(ends[1]))
        return [model.Vervalt(targets=found, through=True, **r.common)]
    elements = parse_adres(m.group("addr"), r.state.context)
    return [_vervalt(tuple(elements), m.group("ren"), r.common)]


# --- forms wetdiff reads but cannot carry out ----------------------------------------
#
# Drafters name some places in ways that only a reader of the whole regeling can find:
# an entry "in de alfabetische volgorde", a list item by its content ("het onderdeel
# met betrekking tot de Telecommunicatiewet"), the heading of a chapter. wetdiff reads
# these sentences (so they are not "not understood") and says precisely why it does
# not carry them out.

_BY_CONTENT = (
    r"(?:het|de)\s+(?:onderdeel|onderdelen|vermelding|vermeldingen)\s+met\s+betrekking\s+tot"
)


def _alphabetical(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    first = m.group("first")
    also = (
        f"; het eerste deel van de zin («{_legacy(first, r.quotes)}») is daarom ook niet uitgevoerd"
        if first
        else ""
    )
    raise CannotApply(
        "een invoeging «in de alfabetische volgorde» noemt geen plaats: wetdiff zoekt die "
        f"niet zelf in de tekst; voeg haar met de hand in{also}"
    )


def _by_content(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    raise CannotApply(
        f"«{_legacy(m.group('what'), r.quotes)}» noemt onderdelen naar hun inhoud, niet naar "
        "een nummer of letter: wetdiff kan ze niet aanwijzen; pas deze opdracht met de hand toe"
    )


def _opschrift(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    old = r.quoted(0)
    head = re.match(r"(?i)(hoofdstuk|titel|afdeling|paragraaf|§|boek|deel)\b", old)
    where = f"een {head.group(1).lower()}" if head else "een onderdeel van de indeling"
    raise CannotApply(
        f"het opschrift «{old}» is dat van {where}, niet de tekst van een artikel: wetdiff "
        "houdt de artikelen bij, niet de opschriften van de indeling"
    )


UNSUPPORTED_FORMS: tuple[SentenceForm, ...] = (
    SentenceForm(
        "opschrift van de indeling vervangen",
        re.compile(rf"^(?:het\s+)?opschrift\s+{Q}\s+(?:wordt\s+)?vervangen\s+door\s+{Q}$", I),
        _opschrift,
    ),
    SentenceForm(
        "onderdelen naar hun inhoud",
        re.compile(
            rf"^(?:in\s+)?(?P<what>{_BY_CONTENT}\s+.+?),?\s+(?:wordt|worden|vervalt|vervallen|"
            r"komt|komen)\b.*$",
            I,
        ),
        _by_content,
    ),
)

BLOCK_UNSUPPORTED_FORMS: tuple[SentenceForm, ...] = (
    SentenceForm(
        "in de alfabetische volgorde ingevoegd",
        re.compile(
            r"^(?:in\s+de\s+alfabetische\s+volgorde\s+(?:wordt|worden)\s+(?:ingevoegd|"
            r"toegevoegd)|(?:in\s+(?P<addr>.+?),?\s+)?(?:(?P<first>(?:vervalt|vervallen)\s+.+?)"
            r"\s+en\s+)?(?:wordt|worden)\s+in\s+de\s+alfabetische\s+volgorde\s+(?:ingevoegd|"
            r"toegevoegd))(?:,?\s*luidende)?:$",
            I,
        ),
        _alphabetical,
    ),
)


PLAIN_FORMS: tuple[SentenceForm, ...] = (
    *UNSUPPORTED_FORMS,
    SentenceForm(
        "aanduiding geplaatst",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt\s+)?voor\s+de\s+tekst\s+(?:wordt\s+)?de\s+"
            rf"aanduiding\s+{Q}\s+geplaatst$",
            I,
        ),
        _aanduiding,
    ),
    SentenceForm(
        "artikel vernummerd",
        re.compile(
            r"^artikel\s+(?P<old>\S+)\s+wordt\s+vernummerd\s+tot\s+artikel\s+(?P<new>\S+)$", I
        ),
        _vernummerd,
    ),
    SentenceForm(
        "leesteken aan het slot vervangen",
        re.compile(
            rf"^aan\s+het\s+(?:slot|eind)\s+van\s+(?P<elem>.+?),?\s+(?:wordt|worden)\s+"
            rf"{_ZIN}(?P<what>{_THERE}|{Q})\s+vervangen\s+door\s+{_ZIN}(?P<by>{_COMING}|{Q})$",
            I,
        ),
        _slot,
    ),
    SentenceForm(
        "in …, leesteken aan het slot vervangen",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?:aan\s+het\s+(?:slot|eind)"
            rf"(?:\s+van\s+(?P<elem2>.+?))?\s+)?"
            rf"{_ZIN}(?P<what>{_THERE}|{Q})(?:\s+aan\s+het\s+(?:slot|eind)(?:\s+van\s+(?P<elem>.+?))?)?"
            rf"\s+vervangen\s+door\s+{_ZIN}(?P<by>{_COMING}|{Q})$",
            I,
        ),
        _slot_in,
    ),
    SentenceForm(
        "leesteken aan het slot vervalt",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?vervalt\s+{_ZIN}(?P<what>{_THERE}|{Q})\s+aan\s+het\s+"
            r"(?:slot|eind)(?:\s+van\s+(?P<elem>.+?))?$",
            I,
        ),
        _slot,
    ),
    SentenceForm(
        "woorden vervangen",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?P<tk>telkens\s+|steeds\s+)?"
            rf"{_ZIN}(?P<tk2>telkens\s+|steeds\s+)?{Q}\s+(?:telkens\s+|steeds\s+)?vervangen"
            rf"\s+door(?:\s+{_ZIN}{Q}|\s+(?P<punct>{_COMING})|:\s*(?P<legacy>.+))$",
            I,
        ),
        _replace,
    ),
    SentenceForm(
        "woorden ingevoegd na of voor",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?P<pos>na|voor|vóór)\s+{Q}\s+"
            rf"(?:ingevoegd|toegevoegd)(?::?\s+{Q}|:\s*(?P<legacy>.+))$",
            I,
        ),
        _insert_words,
    ),
    SentenceForm(
        "leesteken ingevoegd na of voor",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?P<pos>na|voor|vóór)\s+{Q}\s+"
            rf"(?P<punct>{_COMING})\s+(?:ingevoegd|toegevoegd)$",
            I,
        ),
        _insert_mark,
    ),
    SentenceForm(
        "woorden toegevoegd aan het slot",
        re.compile(
            rf"^(?:aan\s+(?P<addr>.+?)|in\s+(?P<addr2>.+?),?\s+(?:wordt|worden)\s+aan\s+het\s+"
            rf"(?:slot|eind)(?:\s+van\s+(?P<elem>.+?))?),?\s+(?:wordt|worden)?\s*toegevoegd"
            rf"(?::?\s+{Q}|:\s*(?P<legacy>.+))$",
            I,
        ),
        _append_words,
    ),
    SentenceForm(
        "woorden vervallen",
        re.compile(
            rf"^(?:in\s+(?P<addr>.+?),?\s+)?vervalt(?:\s+(?P<tk>telkens\s+|steeds\s+)?{_ZIN}{Q}"
            r"|\s*(?:(?:de\s+zinsnede|de\s+woorden|het\s+woord)\s*)?:\s*(?P<legacy>.+))$",
            I,
        ),
        _delete_words,
    ),
    SentenceForm(
        "element vervalt, vernummering vooraf",
        re.compile(
            rf"^(?P<ren>{_REN}),?\s+(?:vervalt|vervallen)\s+(?:in\s+(?P<addr>artikel\s+\S+)\s+)?"
            r"(?P<elem>.+)$",
            I,
        ),
        _vervalt_in,
    ),
    SentenceForm(
        "in … vervalt element",
        re.compile(
            rf"^in\s+(?P<addr>.+?),?\s+(?:vervalt|vervallen)\s+(?P<elem>(?:het|de|onderdeel|"
            rf"subonderdeel|onder)\s+.+?)(?:,?\s+(?P<ren>{_REN}))?$",
            I,
        ),
        _vervalt_in,
    ),
    SentenceForm(
        "element vervalt",
        re.compile(rf"^(?P<addr>.+?),?\s+(?:vervalt|vervallen)(?:,?\s+(?P<ren>{_REN}))?$", I),
        _element_vervalt,
    ),
)


# --- forms with new text ("luidende:", "komt te luiden:") --------------------------------


def _komt(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    found = tuple(parse_adres(m.group("addr"), r.state.context))
    kind = found[0].path[-1].kind if found[0].path else "artikel"
    return [model.KomtTeLuiden(targets=found, kind=kind, block=r.block, **r.common)]


def _komt_in(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    """ "In het derde lid komen de onderdelen 1° en 2° te luiden:"."""
    parent = parse_adres(m.group("addr"), r.state.context)[0]
    found = tuple(parse_adres(m.group("elem"), parent))
    kind = found[0].path[-1].kind if found[0].path else "artikel"
    return [model.KomtTeLuiden(targets=found, kind=kind, block=r.block, **r.common)]


def _replaced_by_articles(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    found = tuple(parse_adres(m.group("addr"), r.state.context))
    return [model.KomtTeLuiden(targets=found, kind="artikel", block=r.block, **r.common)]


_KINDS = {
    "leden": "lid",
    "onderdelen": "onderdeel",
    "subonderdeel": "onderdeel",
    "subonderdelen": "onderdeel",
    "artikelen": "artikel",
}


def _insert_elements(m: re.Match[str], r: _Reading) -> list[model.Opdracht]:
    kind = m.group("kind").lower()
    kind = _KINDS.get(kind, kind)
    pos = (m.group("pos1") or m.group("pos2") or "").lower().replace("vóór", "voor")
    anchor_phrase = m.group("anchor1") or m.group("anchor2")
    ren = m.group("ren1") or m.group("ren2")
    if m.group("count").lower() not in COUNT_WORDS and not m.group("count").isdigit():
        raise NotUnderstood(f"aantal '{m.group('count')}' niet begrepen")
    if kind == "artikel":
        anchor = parse_adres(anchor_phrase, None)[0].artikel if anchor_phrase else None
        if anchor is None:
            raise NotUnderstood("er staat niet na of voor welk artikel")
        return [
            model.ArtikelInvoegen(
                block=r.block,
                after=anchor if pos == "na" else None,
                before=anchor if pos == "voor" else None,
                **r.common,
            )
        ]
    if m.group("addr"):
        parent = parse_adres(m.group("addr"), r.state.context)[0]
    elif r.state.context is not None:
        parent = r.state.context
    else:
        raise NotUnderstood("er is geen artikel genoemd")
    after = before = None
    if anchor_phrase:
        anchor_adres = parse_adres(anchor_phrase, parent)[0]
        parent = anchor_adres.parent
        if pos == "na":
            after = anchor_adres.path[-1].nr
        else:
            before = anchor_adres.path[-1].nr
    pairs = parse_vernummering(ren, kind) if ren else ()
    slot_fix = None
    if r.slot is not None:
        slot_fix = model.Slotleesteken(
            target=parse_adres(r.slot.phrase, parent)[0],
            old=r.slot.old,
            new=r.slot.new,
            **r.common,
        )
    return [
        model.ElementInvoegen(
            parent=parent,
            kind=kind,
            block=r.block,
            after=after,
            before=before,
            vernummering=pairs,
            slot=slot_fix,
            **r.common,
        )
    ]


BLOCK_FORMS: tuple[SentenceForm, ...] = (
    *BLOCK_UNSUPPORTED_FORMS,
    SentenceForm(
        "komt te luiden",
        re.compile(r"^(?P<addr>.+?),?\s+(?:komt|komen)\s+(?:als\s+volgt\s+)?te\s+luiden:$", I),
        _komt,
    ),
    SentenceForm(
        "in … komt te luiden",
        re.compile(
            r"^in\s+(?P<addr>.+?),?\s+(?:komt|komen)\s+(?P<elem>.+?)\s+(?:als\s+volgt\s+)?"
            r"te\s+luiden:$",
            I,
        ),
        _komt_in,
    ),
    SentenceForm(
        "artikel vervangen door artikelen",
        re.compile(
            r"^(?P<addr>artikel\s+\S+)\s+wordt\s+vervangen\s+door\s+(?:\w+\s+artikelen|de\s+"
            r"volgende\s+artikelen),?\s*(?:luidende)?:$",
            I,
        ),
        _replaced_by_articles,
    ),
    SentenceForm(
        "elementen ingevoegd of toegevoegd",
        re.compile(
            rf"^(?:(?P<ren1>{_REN}),?\s+)?(?:(?:in|aan)\s+(?P<addr>.+?),?\s+)?"
            r"(?:(?P<pos1>na|voor|vóór)\s+(?P<anchor1>.+?),?\s+)?(?:er\s+)?(?:wordt|worden),?\s+"
            r"(?:(?P<pos2>na|voor|vóór)\s+(?P<anchor2>.+?),?\s+)?"
            rf"(?:(?P<ren2>{_REN}),\s+)?(?P<count>\w+)\s+(?:nieuwe?\s+)?"
            r"(?P<kind>lid|leden|onderdeel|onderdelen|subonderdeel|subonderdelen|artikel|"
            r"artikelen)\s+(?P<verb>ingevoegd|toegevoegd),?\s+(?:luidende|luidend|dat\s+luidt|"
            r"die\s+luiden):$",
            I,
        ),
        _insert_elements,
    ),
)


def _read(forms: tuple[SentenceForm, ...], reading: _Reading) -> list[model.Opdracht] | None:
    for form in forms:
        m = form.pattern.match(reading.masked)
        if m:
            found = form.build(m, reading)
            if found is not None:
                return found
    return None


# --- what was not understood ---------------------------------------------------------

_VERB = re.compile(
    r"\b(?:vervangen\s+door|ingevoegd|toegevoegd|vervalt|vervallen|te\s+luiden|geplaatst|"
    r"vernummerd|verletterd)\b",
    I,
)
_ADDRESS_END = re.compile(r",?\s+(?=(?:wordt|worden|vervalt|vervallen|komt|komen)\b)", I)
_ADDRESS_START = re.compile(r"^(?:het|de|artikel|artikelen|onderdeel|onderdelen|lid)\b", I)


def _unmasked(text: str, quotes: list[str]) -> str:
    return re.sub(r"⟦(\d+)⟧", lambda m: "«" + quotes[int(m.group(1))] + "»", text).strip()


def _diagnose(r: _Reading) -> str:
    """Which part of a sentence no form reads: its address, or what it says to do."""
    masked = r.masked
    lead = re.match(r"^(?:in|aan)\s+", masked, I)
    start = lead.end() if lead else 0
    end = _ADDRESS_END.search(masked, start)
    address = masked[start : end.start()] if end else ""
    rest = masked[end.end() :] if end else masked
    if address and re.match(
        r"^(?:het|de|artikel|artikelen|onderdeel|onderdelen|lid)\b", address, I
    ):
        try:
            parse_adres(address, r.state.context)
        except NotUnderstood as error:
            return f"het adres '{_unmasked(address, r.quotes)}' is niet begrepen: {error}"
    else:
        rest = masked
    words = _unmasked(rest, r.quotes)
    if not _VERB.search(rest):
        return (
            f"niet begrepen: '{words}' (geen vervangen door, vervalt, ingevoegd, toegevoegd, "
            "komt te luiden of vernummerd)"
        )
    if r.block:
        return f"niet begrepen: '{words}' (een opdracht met nieuwe tekst)"
    return f"niet begrepen: '{words}'"


# --- one sentence ---------------------------------------------------------------------


def _take_clauses(masked: str, quotes: list[str]) -> tuple[str, list[_SlotClause]]:
    """Take the clauses "onder vervanging van … aan het slot van … door …" and "onder
    toevoeging van … aan het slot van …" out of a sentence: each is an instruction of
    its own, carried out before the main one."""
    clauses: list[_SlotClause] = []
    while True:
        clause = _R_SLOT_CLAUSE.search(masked) or _R_ADD_CLAUSE.search(masked)
        if not clause:
            return masked, clauses
        masked = (masked[: clause.start()] + " " + masked[clause.end() :]).strip()
        masked = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", masked)).strip(" ,")
        masked = re.sub(r"(wordt|worden|vervalt|vervallen),\s+", r"\1 ", masked)
        masked = re.sub(r",$", "", masked)
        if "what" in clause.groupdict():
            old = _punct(clause.group("what"), quotes)
            clauses.append(
                _SlotClause(clause.group("elem"), old, _punct(clause.group("by"), quotes))
            )
        else:
            clauses.append(_SlotClause(clause.group("elem"), "", quotes[int(clause.group("word"))]))


def parse_sentence(
    words: str, state: SentenceState, block: str | None, label: str
) -> list[model.Opdracht]:
    """One instruction sentence (without its block) into instructions."""
    text = words.strip()
    if text.endswith(".") and not text.endswith(":."):
        text = text[:-1]
    masked, quotes = mask_quotes(text)
    masked, clauses = _take_clauses(masked.strip(), quotes)
    common = Common(label=label, words=words.strip())
    reading = _Reading(masked, quotes, state, common)
    if block is not None:
        if len(clauses) > 1 or (clauses and not clauses[0].old):
            raise NotUnderstood("meer dan één bijkomende wijziging bij nieuwe tekst")
        reading.block = block
        reading.slot = clauses[0] if clauses else None
        found = _read(BLOCK_FORMS, reading)
        if found is None:
            raise NotUnderstood(_diagnose(reading))
        return found
    main = _read(PLAIN_FORMS, reading)
    if main is None:
        raise NotUnderstood(_diagnose(reading))
    if not clauses:
        return main
    first = main[0]
    base = (
        first.targets[0].parent
        if isinstance(first, model.Vervalt) and first.targets[0].path
        else state.context
    )
    extra: list[model.Opdracht] = []
    for clause in clauses:
        element = parse_adres(clause.phrase, base)[0]
        if clause.old:
            extra.append(
                model.Slotleesteken(target=element, old=clause.old, new=clause.new, **common)
            )
        else:
            extra.append(
                model.WoordenInvoegen(
                    targets=(element,), anchor="", before=False, text=clause.new, **common
                )
            )
    return [*extra, *main]
