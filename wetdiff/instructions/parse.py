"""Reading wijzigingsopdrachten: as wetdiff generates them, and as people wrote them.

Accepted (see docs/instructions.md for the full list, with sources):

* structure: ``ARTIKEL I``; "Het Wetboek van Strafrecht[1] wordt als volgt gewijzigd:"
  (also "gewijzigd als volgt", ending in "." as in a nota van wijziging); lettered
  onderdelen (``A``, ``Ca``, ``0A``); numbered items and lettered items, nested under
  "Artikel 5 wordt als volgt gewijzigd:" / "a. Onderdeel 7° wordt als volgt gewijzigd:";
* quotes «…», “…”, „…", "…"; the older unquoted new text after a colon ("vervangen
  door: 272 en 273."; the last full stop closes the instruction); "Tevens"/"Voorts"
  sentences and "… en wordt …" clauses that share the address;
* addresses "artikel 5, eerste lid, onderdeel 3°", "het derde lid (nieuw)", "aanhef",
  "onder 2°", "de onderdelen 9° tot en met 12°", "artikel 5 … en artikel 5a, eerste lid";
* operations: vervangen door, vervalt (steeds/telkens), na/voor … ingevoegd/toegevoegd,
  komt/komen (als volgt) te luiden, element vervalt (onder vernummering/verlettering),
  elements ingevoegd/toegevoegd ("luidende:", "dat luidt:"), "onder vervanging van de
  punt aan het slot van … door een puntkomma", articles ingevoegd / vervallen /
  vernummerd;
* nested instructions of an amendment: a block after "luidende:" that itself opens with
  "Artikel N van het … wordt als volgt gewijzigd:" is data of the outer instruction, and
  :func:`nested` reads it again as instructions addressed to the regeling it names.

Anything else is reported, in its own words, as not understood: never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from wetdiff.instructions.model import (
    COUNT_WORDS,
    AanduidingPlaatsen,
    Adres,
    ArtikelInvoegen,
    ArtikelVernummeren,
    ElementInvoegen,
    KomtTeLuiden,
    Mislukt,
    Onderdeel,
    Opdracht,
    Slotleesteken,
    Stap,
    Vervalt,
    Wijzigingsartikel,
    Wijzigingsopdrachten,
    WoordenInvoegen,
    WoordenVervangen,
)
from wetdiff.model.numbering import NUMBER_PATTERN, parse_number, parse_ordinal_word

I = re.IGNORECASE  # noqa: E741


class NotUnderstood(Exception):
    """A sentence or address wetdiff cannot read."""


@dataclass(frozen=True, slots=True)
class Gelezen:
    """What was read: the instructions, and the sentences that could not be read."""

    opdrachten: Wijzigingsopdrachten
    problems: tuple[Mislukt, ...]


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


# --- addresses ------------------------------------------------------------------------

_ORD = r"[a-zëï]+"


def _lid_nr(word: str) -> str:
    value = parse_ordinal_word(word)
    if value is None:
        raise NotUnderstood(f"'{word}' is geen rangtelwoord")
    return str(value)


def parse_adres(phrase: str, context: Adres | None) -> list[Adres]:
    """The elements an address phrase names, resolved against the enclosing header
    ("Artikel 5 wordt als volgt gewijzigd:" makes "het eerste lid" artikel 5, lid 1)."""
    phrase = phrase.strip().strip(",").strip()
    pieces = re.split(r",?\s+en\s+(?=(?:in\s+)?artikel\s)", phrase, flags=I)
    result: list[Adres] = []
    for piece in pieces:
        result.extend(_parse_one(piece, context))
    return result


def _parse_one(piece: str, context: Adres | None) -> list[Adres]:
    artikel: str | None = None
    path: list[Stap] = []
    deel = ""
    multi: list[list[Stap]] = []
    multi_artikelen: list[str] = []
    for raw in [p.strip() for p in piece.split(",") if p.strip()]:
        part = re.sub(r"^(?:in|aan|van)\s+", "", raw, flags=I)
        part = re.sub(r"\s+\(nieuw\)", "", part)
        nieuw = "(nieuw)" in raw
        m = re.fullmatch(r"(?:het\s+|de\s+)?artikel\s+(\S+?)(?:\s+(?:van|uit)\s+.+)?", part, I)
        if m:
            artikel, path, deel = m.group(1), [], ""
            continue
        m = re.fullmatch(r"(?:de\s+)?artikelen\s+(\S+)\s+(en|tot en met)\s+(\S+)", part, I)
        if m:
            if m.group(2).lower() != "en":
                raise NotUnderstood("een reeks artikelen ('tot en met') wordt niet ondersteund")
            multi_artikelen = [m.group(1), m.group(3)]
            continue
        m = re.fullmatch(rf"(?:het\s+)?({_ORD})\s+(en|tot en met)\s+({_ORD})\s+lid", part, I)
        if m:
            first, last = int(_lid_nr(m.group(1))), int(_lid_nr(m.group(3)))
            numbers = [first, last] if m.group(2).lower() == "en" else list(range(first, last + 1))
            multi = [[Stap("lid", str(n))] for n in numbers]
            continue
        m = re.fullmatch(rf"(?:het\s+)?({_ORD})\s+lid", part, I)
        if m:
            path = [Stap("lid", _lid_nr(m.group(1)), nieuw)]
            continue
        m = re.fullmatch(r"(?:het\s+)?lid\s+(\S+)", part, I)
        if m:
            path = [Stap("lid", m.group(1).rstrip("."), nieuw)]
            continue
        if re.fullmatch(r"(?:het|dit)\s+(?:onderdeel|lid|artikel)", part, I):
            continue  # the element the enclosing header names ("het slot van het onderdeel")
        m = re.fullmatch(r"(?:de\s+|het\s+)?(aanhef|slot)", part, I)
        if m:
            deel = m.group(1).lower()
            continue
        m = re.fullmatch(r"(?:de\s+)?(?:sub)?onderdelen\s+(\S+)\s+(en|tot en met)\s+(\S+)", part, I)
        if m:
            items = (
                _expand(m.group(1), m.group(3))
                if m.group(2).lower() != "en"
                else [m.group(1), m.group(3)]
            )
            multi = [[*path, Stap("onderdeel", n)] for n in items]
            continue
        m = re.fullmatch(r"(?:het\s+)?(?:sub)?onderdeel\s+(\S+)|onder\s+(\S+)", part, I)
        if m:
            path.append(Stap("onderdeel", (m.group(1) or m.group(2)).rstrip("."), nieuw))
            continue
        if re.search(r"\bzin\b", part, I):
            raise NotUnderstood(f"verwijzing naar een zin ('{raw}') wordt niet ondersteund")
        raise NotUnderstood(f"adres '{raw}' niet begrepen")
    if multi_artikelen:
        return [Adres(a) for a in multi_artikelen]
    if artikel is None:
        if context is None:
            raise NotUnderstood("er is geen artikel genoemd")
        artikel = context.artikel
        base = list(context.path)
        if (path or multi) and (path or multi[0])[0].kind == "lid":
            base = []
        elif deel and not path and not multi:
            return [Adres(artikel, tuple(base), deel)]
        if multi:
            return [Adres(artikel, tuple(base + m), "") for m in multi]
        return [Adres(artikel, tuple(base + path), deel)]
    if multi:
        return [Adres(artikel, tuple(m), "") for m in multi]
    return [Adres(artikel, tuple(path), deel)]


def _expand(first: str, last: str) -> list[str]:
    """ "9°" … "12°" → 9°, 10°, 11°, 12°; "c" … "f" → c, d, e, f."""
    a, b = parse_number(first + "."), parse_number(last + ".")
    if a.style != b.style or a.ordinal is None or b.ordinal is None or a.suffix or b.suffix:
        raise NotUnderstood(f"reeks '{first} tot en met {last}' niet begrepen")
    if a.style == "degree":
        return [f"{n}°" for n in range(a.ordinal, b.ordinal + 1)]
    if a.style == "alpha":
        return [chr(96 + n) for n in range(a.ordinal, b.ordinal + 1)]
    return [str(n) for n in range(a.ordinal, b.ordinal + 1)]


def _numbers(phrase: str, kind: str) -> list[str]:
    """The numbers in "het vijfde tot en met zevende lid", "de onderdelen c en d"."""
    phrase = re.sub(r"\s*\(nieuw\)", "", phrase.strip().rstrip(","))
    phrase = re.sub(r"^(?:het|de)\s+", "", phrase, flags=I)
    m = re.fullmatch(rf"({_ORD})(?:\s+(en|tot en met)\s+({_ORD}))?\s+(?:lid|leden)", phrase, I)
    if m:
        first = int(_lid_nr(m.group(1)))
        if not m.group(2):
            return [str(first)]
        last = int(_lid_nr(m.group(3)))
        return (
            [str(first), str(last)]
            if m.group(2).lower() == "en"
            else [str(n) for n in range(first, last + 1)]
        )
    m = re.fullmatch(r"(?:leden|lid)\s+(\S+)(?:\s+(en|tot en met)\s+(\S+))?", phrase, I)
    if m:
        if not m.group(2):
            return [m.group(1)]
        return (
            [m.group(1), m.group(3)]
            if m.group(2).lower() == "en"
            else _expand(m.group(1), m.group(3))
        )
    m = re.fullmatch(
        r"(?:(?:sub)?onderde(?:len|el)\s+)?(\S+)(?:\s+(en|tot en met)\s+(\S+))?", phrase, I
    )
    if m:
        if not m.group(2):
            return [m.group(1)]
        return (
            [m.group(1), m.group(3)]
            if m.group(2).lower() == "en"
            else _expand(m.group(1), m.group(3))
        )
    raise NotUnderstood(f"vernummering '{phrase}' niet begrepen")


def parse_vernummering(clause: str, kind: str) -> tuple[tuple[str, str], ...]:
    """ "onder vernummering van het vijfde tot en met zevende lid tot vierde tot en met
    zesde lid" → (("5","4"), ("6","5"), ("7","6"))."""
    m = re.search(
        r"(?:vernummering|verlettering)\s+van\s+(.+?)\s+tot\s+(?!en met)(.+)$",
        clause.strip().rstrip(","),
        I,
    )
    if not m:
        raise NotUnderstood(f"vernummering '{clause}' niet begrepen")
    target = m.group(2)
    if kind == "lid" and not re.search(r"\blid|leden\b", target):
        target += " lid"
    old, new = _numbers(m.group(1), kind), _numbers(target, kind)
    if len(old) != len(new):
        raise NotUnderstood(
            f"vernummering '{clause}': {len(old)} oude en {len(new)} nieuwe nummers"
        )
    return tuple(zip(old, new, strict=True))


# --- sentences ------------------------------------------------------------------------

Q = r"⟦(\d+)⟧"
_ZIN = r"(?:(?:de\s+zinsnede|de\s+woorden|het\s+woord|de\s+aanduiding|de\s+aanduidingen):?\s+)?"
_PUNCT_OLD = {"de punt": ".", "de puntkomma": ";", "de komma": ",", "de dubbele punt": ":"}
_PUNCT_NEW = {"een punt": ".", "een puntkomma": ";", "een komma": ",", "een dubbele punt": ":"}
_REN = r"onder\s+(?:vernummering|verlettering)\s+van\s+.+?"

_R_REPLACE = re.compile(
    rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?P<tk>telkens\s+|steeds\s+)?{_ZIN}"
    rf"(?P<tk2>telkens\s+|steeds\s+)?{Q}\s+(?:telkens\s+|steeds\s+)?vervangen\s+door"
    rf"(?:\s+{_ZIN}{Q}|\s+(?P<punct>een puntkomma|een punt|een komma|een dubbele punt)"
    rf"|:\s*(?P<legacy>.+))$",
    I,
)
_R_DELETE_WORDS = re.compile(
    rf"^(?:in\s+(?P<addr>.+?),?\s+)?vervalt(?:\s+(?P<tk>telkens\s+|steeds\s+)?{_ZIN}{Q}"
    r"|\s*(?:(?:de\s+zinsnede|de\s+woorden|het\s+woord)\s*)?:\s*(?P<legacy>.+))$",
    I,
)
_R_INSERT_WORDS = re.compile(
    rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt|worden)\s+(?P<pos>na|voor|vóór)\s+{Q}\s+"
    rf"(?:ingevoegd|toegevoegd)(?::?\s+{Q}|:\s*(?P<legacy>.+))$",
    I,
)
_R_APPEND_WORDS = re.compile(
    rf"^(?:aan\s+(?P<addr>.+?)|in\s+(?P<addr2>.+?),?\s+(?:wordt|worden)\s+aan\s+het\s+"
    rf"(?:slot|eind)(?:\s+van\s+(?P<elem>.+?))?),?\s+(?:wordt|worden)?\s*toegevoegd"
    rf"(?::?\s+{Q}|:\s*(?P<legacy>.+))$",
    I,
)
_R_AANDUIDING = re.compile(
    rf"^(?:in\s+(?P<addr>.+?),?\s+)?(?:wordt\s+)?voor\s+de\s+tekst\s+(?:wordt\s+)?de\s+"
    rf"aanduiding\s+{Q}\s+geplaatst$",
    I,
)
_R_KOMT = re.compile(r"^(?P<addr>.+?),?\s+(?:komt|komen)\s+(?:als\s+volgt\s+)?te\s+luiden:$", I)
_R_VERVALT_PRE = re.compile(
    rf"^(?P<ren>{_REN}),?\s+(?:vervalt|vervallen)\s+in\s+(?P<addr>artikel\s+\S+)\s+"
    r"(?P<elem>.+)$",
    I,
)
_R_VERVALT_IN = re.compile(
    rf"^in\s+(?P<addr>.+?),?\s+(?:vervalt|vervallen)\s+(?P<elem>(?:het|de|onderdeel|"
    rf"subonderdeel|onder)\s+.+?)(?:,?\s+(?P<ren>{_REN}))?$",
    I,
)
_R_VERVALT = re.compile(rf"^(?P<addr>.+?),?\s+(?:vervalt|vervallen)(?:,?\s+(?P<ren>{_REN}))?$", I)
_R_INSERT_EL = re.compile(
    rf"^(?:(?P<ren1>{_REN}),?\s+)?(?:(?:in|aan)\s+(?P<addr>.+?),?\s+)?"
    r"(?:(?P<pos1>na|voor|vóór)\s+(?P<anchor1>.+?),?\s+)?(?:er\s+)?(?:wordt|worden),?\s+"
    r"(?:(?P<pos2>na|voor|vóór)\s+(?P<anchor2>.+?),?\s+)?"
    rf"(?:(?P<ren2>{_REN}),\s+)?(?P<count>\w+)\s+(?:nieuwe?\s+)?"
    r"(?P<kind>lid|leden|onderdeel|onderdelen|subonderdeel|subonderdelen|artikel|artikelen)"
    r"\s+(?P<verb>ingevoegd|toegevoegd),?\s+(?:luidende|luidend|dat\s+luidt|die\s+luiden):$",
    I,
)
_R_SLOT_CLAUSE = re.compile(
    rf"(?:,|\s+en)?\s*onder\s+vervanging\s+van\s+(?P<what>de puntkomma|de punt|de komma|"
    rf"{Q})\s+aan\s+het\s+(?:slot|eind)\s+van\s+(?P<elem>.+?)\s+door\s+"
    rf"(?P<by>een puntkomma|een punt|een komma|{Q}),?",
    I,
)
_R_ADD_CLAUSE = re.compile(
    r"(?:,|\s+en)?\s*onder\s+toevoeging\s+van\s+(?:het\s+woord\s+|de\s+woorden\s+)?"
    r"⟦(?P<word>\d+)⟧\s+aan\s+het\s+(?:slot|eind)\s+van\s+(?P<elem>.+?)(?=,|\s+en\s+onder|$)",
    I,
)
_R_SLOT = re.compile(
    rf"^aan\s+het\s+(?:slot|eind)\s+van\s+(?P<elem>.+?),?\s+(?:wordt|worden)\s+"
    rf"(?P<what>de puntkomma|de punt|de komma|{Q})\s+vervangen\s+door\s+"
    rf"(?P<by>een puntkomma|een punt|een komma|{Q})$",
    I,
)
_R_HEADER = re.compile(
    r"^(?P<addr>.+?),?\s+(?:wordt|worden)\s+(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als\s+"
    r"volgt)$",
    I,
)
_R_VERNUMMERD = re.compile(
    r"^artikel\s+(?P<old>\S+)\s+wordt\s+vernummerd\s+tot\s+artikel\s+"
    r"(?P<new>\S+)$",
    I,
)
_R_REPLACED_BY_ARTICLES = re.compile(
    r"^(?P<addr>artikel\s+\S+)\s+wordt\s+vervangen\s+door\s+(?:\w+\s+artikelen|de\s+volgende"
    r"\s+artikelen),?\s*(?:luidende)?:$",
    I,
)
_R_REGELING = re.compile(
    r"^(?:de|het)\s+(?P<naam>.+?)\d*\s+wordt\s+(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als"
    r"\s+volgt)\s*[:.]$",
    I,
)

_BLOCK_END = re.compile(
    r"(?:luidende|luidend|dat\s+luidt|die\s+luiden|te\s+luiden|"
    r"volgende\s+artikelen):$",
    I,
)


def _legacy(text: str, quotes: list[str]) -> str:
    """The older unquoted new text after a colon; its final full stop closed the
    instruction and has already been taken off."""
    return re.sub(r"⟦(\d+)⟧", lambda m: "«" + quotes[int(m.group(1))] + "»", text).strip()


def _punct(word: str | None, quotes: list[str], table: dict[str, str]) -> str:
    assert word is not None
    m = re.fullmatch(Q, word)
    return quotes[int(m.group(1))] if m else table[word.lower()]


@dataclass(frozen=True, slots=True)
class _SlotClause:
    """ "onder vervanging van de punt aan het slot van onderdeel 5° door een puntkomma"."""

    phrase: str
    old: str
    new: str


@dataclass(slots=True)
class _Sentence:
    """Parse state shared by the sentences of one item: the last address named."""

    context: Adres | None
    last_targets: list[Adres] = field(default_factory=list)


def parse_sentence(words: str, state: _Sentence, block: str | None, label: str) -> list[Opdracht]:
    """One instruction sentence (without its block) into instructions."""
    text = words.strip()
    if text.endswith(".") and not text.endswith(":."):
        text = text[:-1]
    masked, quotes = mask_quotes(text)
    masked = masked.strip()
    common = {"label": label, "words": words.strip()}

    def targets(addr: str | None) -> tuple[Adres, ...]:
        if addr:
            found = parse_adres(addr, state.context)
            state.last_targets = found
            return tuple(found)
        if state.last_targets:
            return tuple(state.last_targets)
        if state.context is not None:
            return (state.context,)
        raise NotUnderstood("er is geen artikel of element genoemd")

    slot: _SlotClause | None = None
    clauses: list[_SlotClause] = []
    while True:  # "onder vervanging van … aan het slot van …", "onder toevoeging van …"
        clause = _R_SLOT_CLAUSE.search(masked) or _R_ADD_CLAUSE.search(masked)
        if not clause:
            break
        masked = (masked[: clause.start()] + " " + masked[clause.end() :]).strip()
        masked = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", masked)).strip(" ,")
        masked = re.sub(r"(wordt|worden|vervalt|vervallen),\s+", r"\1 ", masked)
        masked = re.sub(r",$", "", masked)
        if "what" in clause.groupdict():
            clauses.append(
                _SlotClause(
                    clause.group("elem"),
                    _punct(clause.group("what"), quotes, _PUNCT_OLD),
                    _punct(clause.group("by"), quotes, _PUNCT_NEW),
                )
            )
        else:
            clauses.append(_SlotClause(clause.group("elem"), "", quotes[int(clause.group("word"))]))

    if block is not None:
        if len(clauses) > 1 or (clauses and not clauses[0].old):
            raise NotUnderstood("meer dan één bijkomende wijziging bij nieuwe tekst")
        slot = clauses[0] if clauses else None
        return [_with_block(masked, state, block, common, slot)]
    if clauses:
        main = parse_sentence_plain(masked, quotes, state, common, targets)
        base = (
            main[0].targets[0].parent
            if isinstance(main[0], Vervalt) and main[0].targets[0].path
            else state.context
        )
        extra: list[Opdracht] = []
        for found in clauses:
            element = parse_adres(found.phrase, base)[0]
            if found.old:
                extra.append(Slotleesteken(target=element, old=found.old, new=found.new, **common))
            else:
                extra.append(
                    WoordenInvoegen(
                        targets=(element,), anchor="", before=False, text=found.new, **common
                    )
                )
        return [*extra, *main]
    return parse_sentence_plain(masked, quotes, state, common, targets)


def parse_sentence_plain(
    masked: str,
    quotes: list[str],
    state: _Sentence,
    common: dict[str, str],
    targets: Callable[[str | None], tuple[Adres, ...]],
) -> list[Opdracht]:
    """A sentence without a block and without "onder vervanging/toevoeging" clauses."""

    m = _R_AANDUIDING.match(masked)
    if m:
        return [
            AanduidingPlaatsen(
                target=targets(m.group("addr"))[0],
                aanduiding=quotes[int(re.findall(Q, masked)[-1])],
                **common,
            )
        ]
    m = _R_VERNUMMERD.match(masked)
    if m:
        return [ArtikelVernummeren(old=m.group("old"), new=m.group("new"), **common)]
    m = _R_SLOT.match(masked)
    if m:
        target = parse_adres(m.group("elem"), state.context)[0]
        return [
            Slotleesteken(
                target=target,
                old=_punct(m.group("what"), quotes, _PUNCT_OLD),
                new=_punct(m.group("by"), quotes, _PUNCT_NEW),
                **common,
            )
        ]
    m = _R_REPLACE.match(masked)
    if m:
        q_indexes = re.findall(Q, masked[: m.end()])
        old = quotes[int(q_indexes[0])]
        if m.group("legacy") is not None:
            new, punct = _legacy(m.group("legacy"), quotes), ""
        elif m.group("punct"):
            new, punct = _PUNCT_NEW[m.group("punct").lower()], m.group("punct")
        else:
            new, punct = quotes[int(q_indexes[1])], ""
        telkens = bool(
            m.group("tk") or m.group("tk2") or re.search(r"\b(telkens|steeds)\b", masked, I)
        )
        return [
            WoordenVervangen(
                targets=targets(m.group("addr")),
                old=old,
                new=new,
                telkens=telkens,
                punctuation=punct,
                **common,
            )
        ]
    m = _R_INSERT_WORDS.match(masked)
    if m:
        q_indexes = re.findall(Q, masked)
        anchor = quotes[int(q_indexes[0])]
        new = (
            _legacy(m.group("legacy"), quotes)
            if m.group("legacy") is not None
            else quotes[int(q_indexes[1])]
        )
        return [
            WoordenInvoegen(
                targets=targets(m.group("addr")),
                anchor=anchor,
                before=m.group("pos").lower() != "na",
                text=new,
                **common,
            )
        ]
    m = _R_APPEND_WORDS.match(masked)
    if m and (m.group("addr") or m.group("addr2")):
        if m.group("addr"):
            found = targets(m.group("addr"))
        else:
            base = parse_adres(m.group("addr2"), state.context)[0]
            found = tuple(parse_adres(m.group("elem"), base)) if m.group("elem") else (base,)
        words_added = (
            _legacy(m.group("legacy"), quotes)
            if m.group("legacy") is not None
            else quotes[int(re.findall(Q, masked)[-1])]
        )
        return [WoordenInvoegen(targets=found, anchor="", before=False, text=words_added, **common)]
    m = _R_DELETE_WORDS.match(masked)
    if m:
        old = (
            _legacy(m.group("legacy"), quotes)
            if m.group("legacy") is not None
            else quotes[int(re.findall(Q, masked)[0])]
        )
        return [
            WoordenVervangen(
                targets=targets(m.group("addr")),
                old=old,
                new="",
                telkens=bool(m.group("tk")),
                **common,
            )
        ]
    m = _R_VERVALT_PRE.match(masked) or _R_VERVALT_IN.match(masked)
    if m:
        parent = parse_adres(m.group("addr"), state.context)[0]
        elements = parse_adres(m.group("elem"), parent)
        return [_vervalt(tuple(elements), m.group("ren"), common)]
    m = _R_VERVALT.match(masked)
    if m and "⟦" not in masked:
        elements = parse_adres(m.group("addr"), state.context)
        return [_vervalt(tuple(elements), m.group("ren"), common)]
    raise NotUnderstood("deze opdracht is niet begrepen")


def _vervalt(found: tuple[Adres, ...], ren: str | None, common: dict[str, str]) -> Vervalt:
    kind = found[0].path[-1].kind if found[0].path else "artikel"
    pairs = parse_vernummering(ren, kind) if ren else ()
    return Vervalt(targets=found, vernummering=pairs, **common)


def _with_block(
    masked: str, state: _Sentence, block: str, common: dict[str, str], slot: _SlotClause | None
) -> Opdracht:
    m = _R_KOMT.match(masked)
    if m:
        found = tuple(parse_adres(m.group("addr"), state.context))
        kind = found[0].path[-1].kind if found[0].path else "artikel"
        return KomtTeLuiden(targets=found, kind=kind, block=block, **common)
    m = _R_REPLACED_BY_ARTICLES.match(masked)
    if m:
        found = tuple(parse_adres(m.group("addr"), state.context))
        return KomtTeLuiden(targets=found, kind="artikel", block=block, **common)
    m = _R_INSERT_EL.match(masked)
    if m:
        kind = m.group("kind").lower()
        kind = {
            "leden": "lid",
            "onderdelen": "onderdeel",
            "subonderdeel": "onderdeel",
            "subonderdelen": "onderdeel",
            "artikelen": "artikel",
        }.get(kind, kind)
        pos = (m.group("pos1") or m.group("pos2") or "").lower().replace("vóór", "voor")
        anchor_phrase = m.group("anchor1") or m.group("anchor2")
        ren = m.group("ren1") or m.group("ren2")
        if m.group("count").lower() not in COUNT_WORDS and not m.group("count").isdigit():
            raise NotUnderstood(f"aantal '{m.group('count')}' niet begrepen")
        if kind == "artikel":
            anchor = parse_adres(anchor_phrase, None)[0].artikel if anchor_phrase else None
            if anchor is None:
                raise NotUnderstood("er staat niet na of voor welk artikel")
            return ArtikelInvoegen(
                block=block,
                after=anchor if pos == "na" else None,
                before=anchor if pos == "voor" else None,
                **common,
            )
        if m.group("addr"):
            parent = parse_adres(m.group("addr"), state.context)[0]
        elif state.context is not None:
            parent = state.context
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
        if slot is not None:
            slot_fix = Slotleesteken(
                target=parse_adres(slot.phrase, parent)[0], old=slot.old, new=slot.new, **common
            )
        return ElementInvoegen(
            parent=parent,
            kind=kind,
            block=block,
            after=after,
            before=before,
            vernummering=pairs,
            slot=slot_fix,
            **common,
        )
    raise NotUnderstood("deze opdracht met nieuwe tekst is niet begrepen")


# --- the text as a whole --------------------------------------------------------------

_ROMAN_LINE = re.compile(
    r"^ARTIKEL\s+(?P<n>[IVXLC]+[A-Z]?)\s*$|^Artikel\s+(?P<m>[IVXLC]+[A-Z]?)\s*$"
)
_LETTER_LINE = re.compile(r"^(?P<l>0?(?:([A-Z])\2*|[A-Z]{1,3})[a-z]?)$")
_ITEM = re.compile(r"^(?P<nr>\d{1,2}|[a-z]{1,2})\.\s+(?P<rest>\S.*)$")
_META = re.compile(r"^(?P<key>Basisversie|Doelversie|Wijzigingsopdrachten)\b:?\s*(?P<v>.*)$")
_INSTRUCTION_START = re.compile(
    r"^(?:In\s|Aan\s|Na\s|Voor\s|Vóór\s|Onder\s+(?:vernummering|verlettering|vervanging)\s|"
    r"Er\s+(?:wordt|worden)\s|Het\s+\S+(?:\s+(?:en|tot\s+en\s+met)\s+\S+)?\s+lid|"
    r"De\s+(?:onderdelen|leden|artikelen)\s|"
    r"Artikel\s+\S+.*?\s(?:wordt|worden|komt|komen|vervalt|vervallen)\b|"
    r"Onderdeel\s+\S+.*?\s(?:wordt|komt|vervalt)\b|Tevens\s|Voorts\s)"
)
_INSTRUCTION_VERB = re.compile(
    r"\b(?:vervangen|ingevoegd|toegevoegd|te\s+luiden|vervalt|vervallen|gewijzigd|"
    r"vernummerd|geplaatst)\b",
    I,
)


def _looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION_START.match(text) and _INSTRUCTION_VERB.search(text))


def _take_block(lines: list[str], i: int) -> tuple[str, int]:
    """The new text after "luidende:": indented lines (as generated), or, as people
    write it, the lines up to the next instruction."""
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and lines[j].startswith("    "):
        taken: list[str] = []
        while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
            taken.append(lines[j][4:] if lines[j].strip() else "")
            j += 1
        return "\n".join(taken).strip("\n"), j
    taken = []
    while j < len(lines):
        stripped = lines[j].strip()
        if stripped:
            item = _ITEM.match(stripped)
            rest = item.group("rest") if item else stripped
            if (
                _ROMAN_LINE.match(stripped)
                or _LETTER_LINE.match(stripped)
                or _looks_like_instruction(rest)
            ):
                break
            taken.append(stripped)
        j += 1
    return _flat_block("\n".join(taken)), j


def _flat_block(text: str) -> str:
    """A block as people write it, without indentation: the numbering styles say the
    levels (leden "1.", then "1°." items, then "a." items)."""
    out: list[str] = []
    styles: list[str] = []
    depth = 0
    for line in text.split("\n"):
        if not line:
            continue
        if re.match(r"^Artikel\s+\S+", line):
            out += ["", line] if out else [line]
            styles, depth = [], 0
            continue
        m = NUMBER_PATTERN.match(line)
        if m:
            token = m.group("nr")
            style = parse_number(token).style
            if re.fullmatch(r"\d+[a-z]?\.", token) and (not styles or styles[0] == "arabic"):
                style = "arabic"
            if style not in styles:
                styles.append(style)
            depth = styles.index(style)
            if style == "arabic" and styles[0] == "arabic":
                out.append("")
            out.append("    " * depth + line)
            depth += 1
        else:
            out.append("    " * depth + ("\\" + line if NUMBER_PATTERN.match(line) else line))
    return "\n".join(out).strip("\n")


def _split_sentences(text: str) -> list[str]:
    """ "… vervangen door: twee jaren. Tevens worden …" → two sentences; "… vervalt «X»
    en wordt «Y» vervangen door …" → two clauses sharing the address."""
    spans: list[str] = []
    masked, _ = mask_quotes(text, spans)
    parts = re.split(r"(?<=\.)\s+(?=(?:Tevens|Voorts)\s)", masked)
    result: list[str] = []
    for part in parts:
        for clause in re.split(r",?\s+en\s+(?=(?:wordt|worden|vervalt|vervallen)\s)", part):
            result.append(re.sub(r"⟦(\d+)⟧", lambda m: spans[int(m.group(1))], clause))
    return result


def _strip_tevens(sentence: str) -> str:
    return re.sub(r"^(?:Tevens|Voorts)\s+", "", sentence)


@dataclass(slots=True)
class _Context:
    adres: Adres | None
    child_style: str | None
    label: str


def parse_text(text: str) -> Gelezen:
    """Read a whole set of instructions. Sentences that cannot be read become problems
    (reported with their own words), never guesses."""
    lines = text.replace("\r\n", "\n").split("\n")
    base = ""
    artikelen: list[Wijzigingsartikel] = []
    problems: list[Mislukt] = []
    numeral, regeling = "", ""
    letter = ""
    current: list[Opdracht] = []
    onderdelen: list[Onderdeel] = []
    stack: list[_Context] = []

    def flush_onderdeel() -> None:
        nonlocal current
        if current or letter:
            artikel_nr = _first_artikel(current)
            onderdelen.append(Onderdeel(letter, artikel_nr, tuple(current), ""))
        current = []

    def flush_artikel() -> None:
        nonlocal onderdelen
        flush_onderdeel()
        if onderdelen:
            artikelen.append(Wijzigingsartikel(numeral or "I", regeling, tuple(onderdelen)))
        onderdelen = []

    i = 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.strip()
        i += 1
        if not stripped:
            continue
        meta = _META.match(stripped)
        if meta:
            if meta.group("key") == "Basisversie":
                base = meta.group("v").strip()
            continue
        roman = _ROMAN_LINE.match(stripped)
        if roman:
            flush_artikel()
            numeral, regeling, letter, stack = (roman.group("n") or roman.group("m")), "", "", []
            continue
        if _LETTER_LINE.match(stripped):
            flush_onderdeel()
            letter, stack = stripped, []
            continue
        regeling_match = _R_REGELING.match(stripped)
        if regeling_match and not stack and not _is_address(regeling_match.group("naam")):
            regeling = re.sub(r"\d+$", "", regeling_match.group("naam")).strip()  # footnote
            continue
        item = _ITEM.match(stripped)
        item_nr = ""
        rest = stripped
        if item:  # outside a block of new text, a numbered line is an item
            item_nr, rest = item.group("nr"), item.group("rest")
            style = "num" if item_nr.isdigit() else "alpha"
            while stack and stack[-1].child_style not in (None, style):
                stack.pop()
            if stack and stack[-1].child_style is None:
                stack[-1].child_style = style
        label = _label(numeral, letter, stack, item_nr)
        context = stack[-1].adres if stack else None
        header = _R_HEADER.match(rest.rstrip(":.").rstrip())
        if header and rest.rstrip().endswith((":", ".")) and not _BLOCK_END.search(rest):
            try:
                adres = parse_adres(header.group("addr"), context)[0]
            except NotUnderstood as error:
                problems.append(Mislukt(label, stripped, str(error)))
                continue
            stack.append(_Context(adres, None, label))
            continue
        block: str | None = None
        if _BLOCK_END.search(rest):
            block, i = _take_block(lines, i)
        state = _Sentence(context)
        for sentence in _split_sentences(rest) if block is None else [rest]:
            try:
                found = parse_sentence(_strip_tevens(sentence), state, block, label)
                current.extend(_with_words(o, sentence.strip()) for o in found)
            except NotUnderstood as error:
                problems.append(Mislukt(label, sentence.strip(), str(error)))
    flush_artikel()
    return Gelezen(Wijzigingsopdrachten(tuple(artikelen), base=base, text=text), tuple(problems))


def _with_words(opdracht: Opdracht, words: str) -> Opdracht:
    """Keep the sentence exactly as written ("Tevens worden …") for reports."""
    import dataclasses

    return dataclasses.replace(opdracht, words=words)


def _is_address(name: str) -> bool:
    try:
        parse_adres(name, Adres("x"))
    except NotUnderstood:
        return False
    return True


def _label(numeral: str, letter: str, stack: list[_Context], item_nr: str) -> str:
    parts = [f"ARTIKEL {numeral}"] if numeral else []
    if letter:
        parts.append(f"onderdeel {letter}")
    if item_nr:
        parts.append(f"onder {item_nr}")
    return ", ".join(parts)


def _first_artikel(opdrachten: list[Opdracht]) -> str:
    for opdracht in opdrachten:
        for name in ("targets",):
            found = getattr(opdracht, name, None)
            if found:
                return str(found[0].artikel)
        parent = getattr(opdracht, "parent", None)
        if parent is not None:
            return str(parent.artikel)
    return ""


def nested(gelezen: Gelezen) -> Gelezen:
    """The instructions inside the instructions of an amendment: a block after
    "luidende:" that reads "Artikel 273f van het Wetboek van Strafrecht wordt als volgt
    gewijzigd: 1. …" is, for the amended bill, the text of a new amending article; for
    the regeling it names, it is a set of instructions. Read those."""
    inner: list[str] = []
    for opdracht in gelezen.opdrachten.opdrachten:
        block = getattr(opdracht, "block", "")
        if block and re.search(
            r"\bwordt\s+(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als\s+volgt)"
            r"|\bte\s+luiden:|vervangen\s+door",
            block,
            I,
        ):
            lines = block.split("\n")
            if lines and re.match(r"^(?:Artikel|ARTIKEL)\s+[IVXLC\d]+[a-z]*$", lines[0].strip()):
                lines = lines[1:]
            inner.append("\n".join(lines))
    text = "\n\n".join(_strip_regeling_from_header(t) for t in inner)
    return parse_text(text)


def _strip_regeling_from_header(text: str) -> str:
    """ "Artikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:" keeps its
    meaning without the regeling's name; the name becomes the regeling of the set."""
    return re.sub(
        r"^(\s*Artikel\s+\S+)\s+van\s+(?:het|de)\s+[^\n]+?\s+(wordt\s+als\s+volgt"
        r"\s+gewijzigd:)",
        r"\1 \2",
        text,
        count=1,
        flags=re.M,
    )
