"""An amendment's wijzigingsopdrachten, in the form the Kamer prints them: relative to
the bill.

A Kamer amendment does not amend the law; it amends the bill. Its instructions point
into the bill's own structure, as the instruction generator numbers it (ARTIKEL I,
onderdelen A, B, …; :func:`bill`)::

    Het voorstel van wet wordt als volgt gewijzigd:

    I

    In artikel I, onderdeel A, wordt in het voorgestelde artikel 273f, eerste lid,
    «twaalf» vervangen door «vijftien».

* where the bill's onderdeel holds the article's proposed text whole ("Artikel 273f
  komt te luiden:", "Na artikel 273f worden twee artikelen ingevoegd, luidende:"), the
  amendment changes that proposed text: word by word as above, or "In artikel I,
  onderdeel A, wordt het voorgestelde artikel 273f als volgt gewijzigd:" with numbered
  items, or "In artikel I, onderdeel A, komt het voorgestelde artikel 273f te luiden:";
* where the bill amends the article piecemeal, or not at all, the amendment restates
  the bill's onderdeel ("Artikel I, onderdeel A, komt te luiden:"), inserts one ("In
  artikel I wordt na onderdeel B een onderdeel ingevoegd, luidende: Ba …"), or drops it
  ("Artikel I, onderdeel B, vervalt.").

Like every set of instructions, they are proven before they are given: read back
(:func:`carry_out`) and carried out on the stage, they must give the amendment's text
exactly; an article whose relative instructions do not is restated with its onderdeel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetdiff.instructions.amending import Amended
from wetdiff.instructions.apply import Applied, apply_opdrachten, same_text, split_articles
from wetdiff.instructions.generate import PlannedOnderdeel, regeling_blocks, wijzigingsartikel
from wetdiff.instructions.model import (
    NOT_APPLICABLE,
    NOT_UNDERSTOOD,
    ArtikelInvoegen,
    Failure,
    KomtTeLuiden,
    Vervalt,
    Wijzigingsonderdeel,
)
from wetdiff.instructions.parse import parse_text
from wetdiff.instructions.render import has_block, indent_block, render_onderdeel, sentence
from wetdiff.model.artikel import Artikel
from wetdiff.model.numbering import roman
from wetdiff.model.text_format import render
from wetdiff.model.version import Version, article_sort_key

OPENING = "Het voorstel van wet wordt als volgt gewijzigd:"
_HEADER = re.compile(r"^Artikel\s+(\S+)")


@dataclass(frozen=True, slots=True)
class BillPart:
    """An onderdeel of the bill's ARTIKEL I (``letter`` "" when it has none): the
    articles it amends, and whether it holds their proposed text whole."""

    letter: str
    articles: tuple[str, ...]
    proposed: bool
    onderdeel: Wijzigingsonderdeel

    @property
    def address(self) -> str:
        """ "artikel I, onderdeel A" (or "artikel I" when ARTIKEL I has no onderdelen)."""
        return f"artikel I, onderdeel {self.letter}" if self.letter else "artikel I"


@dataclass(frozen=True, slots=True)
class Bill:
    """The bill's ARTIKEL I as the generator writes it: what an amendment points into."""

    parts: tuple[BillPart, ...]
    regeling: str = ""

    def of(self, artikel: str) -> BillPart | None:
        for part in self.parts:
            if artikel in part.articles:
                return part
        return None

    def part(self, letter: str) -> BillPart | None:
        for part in self.parts:
            if part.letter == letter:
                return part
        return None


@dataclass(frozen=True, slots=True)
class AmendmentInstructions:
    """The amendment's instructions as text, the articles restated with their onderdeel
    (their relative instructions did not prove), and whether carrying them out on the
    stage gives the amendment exactly (``problem`` says what did not)."""

    text: str
    proven: bool
    restated: tuple[str, ...] = ()
    problem: str = ""


def bill(base: Version, stage: Version) -> Bill:
    """The bill's ARTIKEL I: the instructions that turn its base into the stage, as the
    generator writes them (so an amendment cites the onderdelen the memo shows)."""
    blocks, _ = regeling_blocks(base, stage)
    if not blocks:
        return Bill((), stage.regeling or base.regeling)
    artikel = wijzigingsartikel("I", stage.regeling or base.regeling, blocks)
    parts = []
    for onderdeel in artikel.onderdelen:
        numbers: list[str] = []
        proposed = True
        for opdracht in onderdeel.opdrachten:
            if isinstance(opdracht, KomtTeLuiden) and opdracht.kind == "artikel":
                numbers.append(opdracht.targets[0].artikel)
            elif isinstance(opdracht, ArtikelInvoegen):
                numbers += [_number(text) for text in split_articles(opdracht.block)]
            else:
                proposed = False
                numbers.append(onderdeel.artikel)
                if isinstance(opdracht, Vervalt):
                    numbers += [t.artikel for t in opdracht.targets]
        parts.append(BillPart(onderdeel.letter, tuple(dict.fromkeys(numbers)), proposed, onderdeel))
    return Bill(tuple(parts), artikel.regeling)


def _number(article_text: str) -> str:
    found = _HEADER.match(article_text.strip())
    return found.group(1) if found else ""


# -- writing --------------------------------------------------------------------------


def generate(base: Version, stage: Version, amended: Version) -> AmendmentInstructions:
    """The instructions of the amendment that turns ``stage`` (a text of the bill, laid
    over ``base``) into ``amended``, proven by carrying them out on the stage."""
    the_bill = bill(base, stage)
    changed = [
        n
        for n in sorted(
            {a.number for a in stage.artikelen} | {a.number for a in amended.artikelen},
            key=article_sort_key,
        )
        if not same_text(stage.artikel(n), amended.artikel(n))
    ]
    restated: set[str] = set()
    for _ in range(2):
        text = _text(the_bill, base, stage, amended, changed, restated)
        result = carry_out(text, base, stage)
        wrong = [n for n in changed if not same_text(result.version.artikel(n), amended.artikel(n))]
        if not wrong and not result.failures:
            return AmendmentInstructions(text, True, tuple(sorted(restated)))
        if restated >= set(changed):
            break
        restated |= set(wrong) or set(changed)
    problems = [str(f) for f in result.failures[:3]] + [f"artikel {n}" for n in wrong[:5]]
    return AmendmentInstructions(text, False, tuple(sorted(restated)), "; ".join(problems))


def _text(
    the_bill: Bill,
    base: Version,
    stage: Version,
    amended: Version,
    changed: list[str],
    restated: set[str],
) -> str:
    parts: list[str] = []
    handled: set[str] = set()
    whole_blocks: list[PlannedOnderdeel] | None = None
    for number in changed:
        if number in handled:
            continue
        part = the_bill.of(number)
        old, new = stage.artikel(number), amended.artikel(number)
        if (
            part is not None
            and part.proposed
            and number not in restated
            and old is not None
            and not old.vervallen
            and new is not None
            and not new.vervallen
        ):
            parts.append(_relative(part, old, new))
            handled.add(number)
            continue
        # the bill's onderdeel restated, inserted or dropped
        if whole_blocks is None:
            whole_blocks, _ = regeling_blocks(base, amended)
        parts.append(_onderdeel(the_bill, part, number, base, amended, whole_blocks))
        handled.add(number)
        if part is not None:
            handled.update(part.articles)
    numbered = [f"{roman(i)}\n\n{p.rstrip()}\n" for i, p in enumerate(parts, 1)]
    return OPENING + "\n\n" + "\n".join(numbered)


def _relative(part: BillPart, old: Artikel, new: Artikel) -> str:
    """Changes of an article whose proposed text the bill's onderdeel holds whole."""
    blocks, _ = regeling_blocks(Version("x", "x", (old,)), Version("x", "x", (new,)))
    opdrachten = [o for b in blocks for o in b.opdrachten]
    if any(isinstance(o, KomtTeLuiden) and o.kind == "artikel" for o in opdrachten):
        return (
            f"In {part.address} komt het voorgestelde artikel {new.number} te luiden:\n\n"
            + indent_block(render(new))
            + "\n"
        )
    words = [_in_the_proposed(part, sentence(o, relative=False)) for o in opdrachten]
    if all(w is not None and not has_block(o) for w, o in zip(words, opdrachten, strict=True)):
        return "\n\n".join(w for w in words if w is not None) + "\n"
    lines = [
        f"In {part.address} wordt het voorgestelde artikel {new.number} als volgt gewijzigd:",
        "",
    ]
    for index, opdracht in enumerate(opdrachten, 1):
        lines.append(f"{index}. {sentence(opdracht, relative=True)}")
        if has_block(opdracht):
            lines += ["", indent_block(opdracht.block)]  # type: ignore[attr-defined]
        lines.append("")
    return "\n".join(lines)


_IN = re.compile(r"^In (artikel \S+?)(,[^«]*?)?(,)? (wordt|worden|vervalt|vervallen) (.*)$")


def _in_the_proposed(part: BillPart, words: str) -> str | None:
    """ "In artikel 273f, eerste lid, wordt «a» vervangen door «b»." → "In artikel I,
    onderdeel A, wordt in het voorgestelde artikel 273f, eerste lid, «a» vervangen door
    «b»." (None: a sentence of another shape)."""
    found = _IN.match(words)
    if not found:
        return None
    artikel, more, comma, verb, rest = found.groups()
    where = artikel + (more or "")
    return f"In {part.address}, {verb} in het voorgestelde {where}{comma or ''} {rest}"


def _onderdeel(
    the_bill: Bill,
    part: BillPart | None,
    number: str,
    base: Version,
    amended: Version,
    blocks: list[PlannedOnderdeel],
) -> str:
    """The bill's onderdeel for ``number`` as it would read with the amendment: restated,
    inserted where the bill has none, or dropped where nothing is left to amend."""
    articles = set(part.articles) if part is not None else {number}
    mine = [b for b in blocks if b.number in articles or set(b.creates) & articles]
    if part is not None:
        if not mine:
            return f"{part.address[0].upper()}{part.address[1:]} vervalt."
        letter = part.letter
        body = _rendered(letter, mine, the_bill.regeling)
        if not letter:
            return f"Artikel I komt te luiden:\n\n{indent_block(body)}\n"
        return f"Artikel I, onderdeel {letter}, komt te luiden:\n\n{indent_block(body)}\n"
    before = _preceding(the_bill, number)
    letter = f"{before.letter}a" if before is not None else "0A"
    body = _rendered(letter, mine, the_bill.regeling)
    where = f"na onderdeel {before.letter}" if before is not None else "voor onderdeel A"
    if not the_bill.parts or not the_bill.parts[0].letter:
        whole = _rendered("", blocks, the_bill.regeling)
        return f"Artikel I komt te luiden:\n\n{indent_block(whole)}\n"
    return (
        f"In artikel I wordt {where} een onderdeel ingevoegd, luidende:\n\n{indent_block(body)}\n"
    )


def _rendered(letter: str, blocks: list[PlannedOnderdeel], regeling: str) -> str:
    """One onderdeel of ARTIKEL I (several blocks: a whole ARTIKEL I without letters)."""
    if len(blocks) == 1:
        return render_onderdeel(
            letter, blocks[0].number, blocks[0].opdrachten, regeling=regeling if not letter else ""
        )
    artikel = wijzigingsartikel("I", regeling, blocks)
    return "\n".join(o.text for o in artikel.onderdelen)


def _preceding(the_bill: Bill, number: str) -> BillPart | None:
    """The bill's onderdeel for the nearest article before ``number``."""
    found = None
    for part in the_bill.parts:
        if any(article_sort_key(a) < article_sort_key(number) for a in part.articles):
            found = part
    return found


# -- reading and carrying out ---------------------------------------------------------

_BILL = r"In artikel (?P<art>[IVXLC]+)(?:, onderdeel (?P<ond>[0-9]*[A-Z]+[a-z]*))?,"
_WORDS = re.compile(
    _BILL + r" (?P<verb>wordt|worden|vervalt|vervallen) in het voorgestelde "
    r"artikel (?P<nr>[^\s,«]+)(?P<rest>.*)$"
)
_NESTED = re.compile(_BILL + r" wordt het voorgestelde artikel (?P<nr>\S+) als volgt gewijzigd:$")
_RESTATED = re.compile(_BILL + r" komt het voorgestelde artikel (?P<nr>\S+) te luiden:$")
_ONDERDEEL = re.compile(
    r"^Artikel (?P<art>[IVXLC]+)(?:, onderdeel (?P<ond>[0-9]*[A-Z]+[a-z]*),)? "
    r"(?P<what>komt te luiden:|vervalt\.)$"
)
_INSERTED = re.compile(
    r"^In artikel (?P<art>[IVXLC]+) wordt (?P<where>na|voor) onderdeel "
    r"(?P<ond>[0-9]*[A-Z]+[a-z]*) een onderdeel ingevoegd, luidende:$"
)
_PART = re.compile(r"^[IVXLC]+$")
_LEAD = re.compile(r"(?:,\s*|\s+)(?P<word>(?:telkens|steeds|na|voor|de woorden|de zinsnede)\s+)*$")


@dataclass(slots=True)
class _AmendmentReading:
    base: Version
    stage: Version
    bill: Bill
    result: dict[str, Artikel | None] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    applied: int = 0


def is_amendment(text: str) -> bool:
    """Whether instructions amend a bill (its ARTIKEL I and onderdelen), not the law."""
    return bool(
        OPENING.rstrip(":") in text
        or re.search(r"in het voorgestelde artikel|het voorgestelde artikel \S+ ", text)
        or re.search(r"^Artikel I, onderdeel \w+, (komt te luiden|vervalt)", text, re.M)
    )


def carry_out(text: str, base: Version, stage: Version) -> Applied:
    """Read an amendment's instructions and carry them out on ``stage`` (a text of the
    bill laid over ``base``): the stage as the amendment would make it. An instruction
    that points at an onderdeel of the bill that does not amend that article, or that
    cannot be read or applied, is a failure in its own words."""
    reading = _AmendmentReading(base, stage, bill(base, stage))
    for label, head, body in _pieces(text):
        try:
            _one(reading, label, head, body)
        except _Refused as refused:
            reading.failures.append(Failure(label, head, refused.reason, refused.kind))
    current = {a.number: a for a in stage.artikelen}
    for number, artikel in reading.result.items():
        if artikel is None:
            current.pop(number, None)
        else:
            current[number] = artikel
    artikelen = tuple(sorted(current.values(), key=lambda a: article_sort_key(a.number)))
    changed = tuple(
        sorted(
            (
                n
                for n in {*current, *(a.number for a in stage.artikelen)}
                if current.get(n) != stage.artikel(n)
            ),
            key=article_sort_key,
        )
    )
    version = stage.amended(
        f"{stage.label} + amendement", f"{stage.title}, gewijzigd door het amendement", artikelen
    )
    return Applied(version, tuple(reading.failures), changed, reading.applied)


class _Refused(Exception):
    def __init__(self, reason: str, kind: str = NOT_APPLICABLE) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def _pieces(text: str) -> list[tuple[str, str, str]]:
    """The amendment's parts: (label "I", its first sentence, the lines after it)."""
    pieces: list[tuple[str, str, list[str]]] = []
    label = ""
    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if (
            not stripped
            or stripped == OPENING
            or stripped.startswith(("Wijzigingsopdrachten", "Basisversie:", "Doelversie:"))
        ):
            if pieces:
                pieces[-1][2].append(line)
            continue
        if _PART.match(stripped):
            label = stripped
            continue
        starts = not raw[:1].isspace() and (
            _WORDS.match(stripped)
            or _NESTED.match(stripped)
            or _RESTATED.match(stripped)
            or _ONDERDEEL.match(stripped)
            or _INSERTED.match(stripped)
        )
        if starts or not pieces:
            pieces.append((label, stripped, []))
        else:
            pieces[-1][2].append(line)
    return [(lab, head, "\n".join(body).strip("\n")) for lab, head, body in pieces]


def _one(reading: _AmendmentReading, label: str, head: str, body: str) -> None:
    found = _WORDS.match(head)
    if found:
        _part(reading, found, proposed=True)
        where, rest = _address_and_rest(found["rest"])
        where = f"artikel {found['nr']}{where}"
        comma = "," if "," in where else ""
        _inner(reading, found["nr"], f"In {where}{comma} {found['verb']} {rest}")
        return
    found = _NESTED.match(head)
    if found:
        _part(reading, found, proposed=True)
        _inner(reading, found["nr"], f"Artikel {found['nr']} wordt als volgt gewijzigd:\n\n{body}")
        return
    found = _RESTATED.match(head)
    if found:
        _part(reading, found, proposed=True)
        _inner(reading, found["nr"], f"Artikel {found['nr']} komt te luiden:\n\n{body}")
        return
    found = _ONDERDEEL.match(head)
    if found:
        _numeral(found["art"])
        if found["ond"] is None:  # ARTIKEL I whole
            _from_base(reading, [p for p in reading.bill.parts], _letterless(body))
            return
        part = reading.bill.part(found["ond"])
        if part is None:
            raise _Refused(f"artikel I van het wetsvoorstel heeft geen onderdeel {found['ond']}")
        _from_base(reading, [part], "" if found["what"] == "vervalt." else _letterless(body))
        return
    found = _INSERTED.match(head)
    if found:
        _numeral(found["art"])
        if reading.bill.part(found["ond"]) is None:
            raise _Refused(f"artikel I van het wetsvoorstel heeft geen onderdeel {found['ond']}")
        _from_base(reading, [], _letterless(body))
        return
    raise _Refused(
        "niet begrepen als wijziging van het wetsvoorstel (verwacht: 'In artikel I, "
        "onderdeel A, wordt in het voorgestelde artikel …')",
        NOT_UNDERSTOOD,
    )


def _address_and_rest(rest: str) -> tuple[str, str]:
    """ ", eerste lid, na «x» ingevoegd «y»." → (", eerste lid", "na «x» ingevoegd «y».")."""
    quote = rest.find("«")
    if quote < 0:
        raise _Refused("niet begrepen: na het voorgestelde artikel volgt geen «…»", NOT_UNDERSTOOD)
    before = rest[:quote]
    lead = _LEAD.search(before)
    cut = lead.start() if lead else len(before)
    words = before[cut:].lstrip(", ").strip()
    return before[:cut].rstrip(", "), (words + " " if words else "") + rest[quote:]


def _numeral(numeral: str) -> None:
    if numeral != "I":
        raise _Refused(f"het wetsvoorstel heeft geen artikel {numeral} dat de regeling wijzigt")


def _part(reading: _AmendmentReading, found: re.Match[str], *, proposed: bool) -> None:
    """The onderdeel a relative instruction names must be the bill's onderdeel that holds
    that article's proposed text."""
    _numeral(found["art"])
    number = found["nr"]
    part = reading.bill.of(number)
    letter = found["ond"] or ""
    if part is None:
        raise _Refused(f"het wetsvoorstel stelt geen artikel {number} voor")
    if part.letter != letter:
        where = f"onderdeel {part.letter}" if part.letter else "artikel I zonder onderdelen"
        raise _Refused(
            f"het voorgestelde artikel {number} staat in {where}, niet in onderdeel {letter}"
        )
    if proposed and not part.proposed:
        raise _Refused(
            f"onderdeel {letter} wijzigt artikel {number} en stelt het niet geheel voor: "
            f"wijzig dat onderdeel ('Artikel I, onderdeel {letter}, komt te luiden:')"
        )


def _letterless(body: str) -> str:
    """A restated or inserted onderdeel's text without its letter line, unindented."""
    lines = body.splitlines()
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
    lines = [ln[indent:] for ln in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and re.fullmatch(r"[0-9]*[A-Z]+[a-z]*", lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines).strip("\n")


def _inner(reading: _AmendmentReading, number: str, words: str) -> None:
    """An instruction about the proposed text of one article, carried out on it as it
    stands (after the amendment's earlier instructions)."""
    current = reading.result.get(number, reading.stage.artikel(number))
    if current is None:
        raise _Refused(f"het wetsvoorstel stelt geen artikel {number} voor")
    parsed = parse_text(words)
    if parsed.problems:
        raise _Refused(parsed.problems[0].reason, parsed.problems[0].kind)
    applied = apply_opdrachten(parsed.opdrachten, Version("x", "x", (current,)))
    if applied.failures:
        raise _Refused(applied.failures[0].reason)
    reading.result[number] = applied.version.artikel(number)
    reading.applied += 1


def _from_base(reading: _AmendmentReading, parts: list[BillPart], words: str) -> None:
    """The bill's onderdelen ``parts`` replaced by the instructions ``words`` (none: the
    onderdelen dropped): their articles are the base's, amended by ``words``."""
    touched = {a for part in parts for a in part.articles}
    amended: dict[str, Artikel | None] = {}
    if words:
        parsed = parse_text(words)
        if parsed.problems:
            raise _Refused(parsed.problems[0].reason, parsed.problems[0].kind)
        applied = apply_opdrachten(parsed.opdrachten, reading.base)
        if applied.failures:
            raise _Refused(applied.failures[0].reason)
        for number in applied.changed:
            amended[number] = applied.version.artikel(number)
    for number in touched | set(amended):
        reading.result[number] = amended.get(number, reading.base.artikel(number))
    reading.applied += 1


def amend_bill(text: str, stage: Version) -> Amended:
    """``wetdiff apply`` of an amendment's instructions to a stage of a bill (``--to
    36547/A``): carried out as :func:`carry_out` does, reported as any instructions
    are."""
    from wetdiff.errors import WetdiffError

    if stage.kind != "stage" or stage.base is None:
        raise WetdiffError(
            f"these instructions amend a bill (its artikel I and onderdelen); {stage.label} "
            "is no stage of a bill",
            hint="Apply them to the stage they amend: --to 36547/A.",
        )
    applied = carry_out(text, stage.base, stage)
    count = applied.applied + len(applied.failures)
    return Amended(stage, applied, applied.failures, count)
