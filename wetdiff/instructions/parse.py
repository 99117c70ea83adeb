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

import dataclasses
import re
from dataclasses import dataclass

from wetdiff.instructions.address import Adres, CannotApply, NotUnderstood, parse_adres
from wetdiff.instructions.heading import read_heading
from wetdiff.instructions.model import (
    CONDITIONAL,
    NOT_UNDERSTOOD,
    OUT_OF_SCOPE,
    UNSUPPORTED,
    Failure,
    Opdracht,
    Wijzigingsartikel,
    Wijzigingsonderdeel,
    Wijzigingsopdrachten,
)
from wetdiff.instructions.sentences import (
    SentenceState,
    mask_quotes,
    parse_sentence,
)
from wetdiff.model.numbering import NUMBER_PATTERN, parse_number

I = re.IGNORECASE  # noqa: E741


@dataclass(frozen=True, slots=True)
class Parsed:
    """What was read: the instructions, and the sentences that could not be read."""

    opdrachten: Wijzigingsopdrachten
    problems: tuple[Failure, ...]


# --- structure lines ------------------------------------------------------------------

_R_HEADER = re.compile(
    r"^(?P<addr>.+?),?\s+(?:wordt|worden)\s+(?:als\s+volgt\s+gewijzigd|gewijzigd\s+als\s+"
    r"volgt)$",
    I,
)
_BLOCK_END = re.compile(
    r"(?:luidende|luidend|dat\s+luidt|die\s+luiden|te\s+luiden|"
    r"volgende\s+artikelen|alfabetische\s+volgorde\s+(?:wordt|worden)\s+(?:ingevoegd|toegevoegd)|"
    r"(?:wordt|worden)\s+in\s+de\s+alfabetische\s+volgorde\s+(?:ingevoegd|toegevoegd)):$",
    I,
)

# --- the text as a whole --------------------------------------------------------------

# An amending article: "ARTIKEL I", "ARTIKEL IA" in a bill; "ARTIKEL 99", "ARTIKEL 103a"
# in an act (numbered on with its own articles). "Artikel I" too; "Artikel 99" only where
# the next line names the regeling it amends (elsewhere it heads a new article's text).
_ROMAN_LINE = re.compile(
    r"^ARTIKEL\s+(?P<n>[IVXLC]+[A-Z]?|\d+[a-z]{0,3})\s*$|^Artikel\s+(?P<m>[IVXLC]+[A-Z]?)\s*$"
)
_ARABIC_LINE = re.compile(r"^Artikel\s+(?P<n>\d+[a-z]{0,3})\s*$")


def _amending_article(lines: list[str], i: int) -> str | None:
    """The number of the amending article whose heading is ``lines[i]``, or None."""
    stripped = lines[i].strip()
    found = _ROMAN_LINE.match(stripped)
    if found:
        return found.group("n") or found.group("m")
    arabic = _ARABIC_LINE.match(stripped)
    if not arabic:
        return None
    for line in lines[i + 1 :]:
        if line.strip():
            heading = read_heading(line.strip())
            return arabic.group("n") if heading is not None else None
    return None


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
                _amending_article(lines, j) is not None
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
class _Level:
    """One open "… wordt als volgt gewijzigd:" header: the element it names, and the
    numbering style of its items (numbers or letters) once the first item shows it."""

    adres: Adres | None
    child_style: str | None
    label: str


class InstructionReader:
    """Reads a whole text of instructions line by line: ARTIKEL I and the regeling it
    amends, the lettered onderdelen, the nested "als volgt gewijzigd" headers and their
    numbered items, the sentences, and the new text after "luidende:"."""

    def __init__(self, text: str, *, assume_conditions: bool = False) -> None:
        self.text = text
        self.assume_conditions = assume_conditions
        self.lines = text.replace("\r\n", "\n").split("\n")
        self.i = 0
        self.base = ""
        self.artikelen: list[Wijzigingsartikel] = []
        self.problems: list[Failure] = []
        self.numeral = ""
        self.regeling = ""
        self.part = ""
        self.condition = ""
        self.scope = ""
        self.letter = ""
        self.current: list[Opdracht] = []
        self.onderdelen: list[Wijzigingsonderdeel] = []
        self.stack: list[_Level] = []

    def read(self) -> Parsed:
        while self.i < len(self.lines):
            stripped = self.lines[self.i].strip()
            numeral = _amending_article(self.lines, self.i) if stripped else None
            self.i += 1
            if numeral is not None:
                self._close_artikel()
                self.numeral = numeral
                self.regeling, self.part, self.condition = "", "", ""
                self.letter, self.stack = "", []
            elif stripped:
                self._line(stripped)
        self._close_artikel()
        opdrachten = Wijzigingsopdrachten(tuple(self.artikelen), base=self.base, text=self.text)
        return Parsed(opdrachten, tuple(self.problems))

    def _close_onderdeel(self) -> None:
        if self.current or self.letter:
            artikel_nr = _first_artikel(self.current)
            self.onderdelen.append(
                Wijzigingsonderdeel(self.letter, artikel_nr, tuple(self.current), "")
            )
        self.current = []

    def _close_artikel(self) -> None:
        self._close_onderdeel()
        if self.onderdelen:
            self.artikelen.append(
                Wijzigingsartikel(
                    self.numeral or "I",
                    self.regeling,
                    tuple(self.onderdelen),
                    self.part,
                    self.condition,
                )
            )
        self.onderdelen = []

    def _line(self, stripped: str) -> None:
        meta = _META.match(stripped)
        if meta:
            if meta.group("key") == "Basisversie":
                self.base = meta.group("v").strip()
            return
        if _LETTER_LINE.match(stripped):
            self._close_onderdeel()
            self.letter, self.stack = stripped, []
            return
        item = _ITEM.match(stripped)
        item_nr = ""
        rest = stripped
        if item:  # outside a block of new text, a numbered line is an item
            item_nr, rest = item.group("nr"), item.group("rest")
            style = "num" if item_nr.isdigit() else "alpha"
            while self.stack and self.stack[-1].child_style not in (None, style):
                self.stack.pop()
            if self.stack and self.stack[-1].child_style is None:
                self.stack[-1].child_style = style
        label = _label(self.numeral, self.letter, item_nr)
        heading = read_heading(rest)
        if heading is not None:  # the regeling (a part of it, a condition) is named
            if not self.regeling:
                self.regeling = "deze wet" if heading.own else heading.regeling
                self.part, self.condition = heading.part, heading.condition
                self.scope = heading.scope
            if not heading.sentence:
                return
            rest = heading.sentence
        context = self.stack[-1].adres if self.stack else None
        header = _R_HEADER.match(rest.rstrip(":.").rstrip())
        if header and rest.rstrip().endswith((":", ".")) and not _BLOCK_END.search(rest):
            try:
                adres = parse_adres(header.group("addr"), context)[0]
            except NotUnderstood as error:
                self._refuse(label, stripped, error)
                return
            self.stack.append(_Level(adres, None, label))
            return
        block: str | None = None
        if _BLOCK_END.search(rest):
            block, self.i = _take_block(self.lines, self.i)
        state = SentenceState(context)
        for sentence in _split_sentences(rest) if block is None else [rest]:
            words = sentence.strip() if heading is None else stripped
            try:
                found = parse_sentence(_strip_tevens(sentence), state, block, label)
            except NotUnderstood as error:
                self._refuse(label, words, error)
                continue
            held = self._withheld()
            if held is not None:
                self.problems.append(Failure(label, words, held[1], held[0]))
            else:
                self.current.extend(_with_words(o, words) for o in found)

    def _refuse(self, label: str, words: str, error: NotUnderstood) -> None:
        """A sentence not read, or read in a form wetdiff cannot carry out; under a part
        of the regeling wetdiff does not hold, that is said first."""
        kind = UNSUPPORTED if isinstance(error, CannotApply) else NOT_UNDERSTOOD
        held = self._withheld()
        if held is not None and held[0] == OUT_OF_SCOPE:
            self.problems.append(Failure(label, words, f"{held[1]}; bovendien: {error}", held[0]))
        else:
            self.problems.append(Failure(label, words, str(error), kind))

    def _withheld(self) -> tuple[str, str] | None:
        """Why the instructions of this amending article are not carried out although
        they were read: they address a part of the regeling with its own numbering
        (a bijlage), or they depend on a condition."""
        if self.part:
            return (
                OUT_OF_SCOPE,
                f"deze opdracht betreft {self.scope}: een deel met een eigen nummering, dat "
                "wetdiff niet bijhoudt (het houdt de artikelen van een regeling bij); pas haar "
                "met de hand toe",
            )
        if self.condition and not self.assume_conditions:
            return (
                CONDITIONAL,
                f"voorwaardelijke wijziging: «{self.condition}»; of de voorwaarde vervuld is, "
                "staat niet in de tekst (geef --conditional om haar toch toe te passen)",
            )
        return None


def parse_text(text: str, *, assume_conditions: bool = False) -> Parsed:
    """Read a whole set of instructions. Sentences that cannot be read become problems
    (reported with their own words), never guesses; so do the instructions of an
    amending article that depends on a condition ("Indien …, wordt artikel 24 …"),
    unless ``assume_conditions``."""
    return InstructionReader(text, assume_conditions=assume_conditions).read()


def _with_words(opdracht: Opdracht, words: str) -> Opdracht:
    """Keep the sentence exactly as written ("Tevens worden …") for reports."""
    return dataclasses.replace(opdracht, words=words)


def _label(numeral: str, letter: str, item_nr: str) -> str:
    """ "ARTIKEL I, onderdeel A, onder 2" (a bill); "Artikel 99, onderdeel B" (an act,
    whose amending articles are numbered on with its own, and printed so)."""
    word = "Artikel" if numeral[:1].isdigit() else "ARTIKEL"
    parts = [f"{word} {numeral}"] if numeral else []
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


def nested(parsed: Parsed) -> Parsed:
    """The instructions inside the instructions of an amendment: a block after
    "luidende:" that reads "Artikel 273f van het Wetboek van Strafrecht wordt als volgt
    gewijzigd: 1. …" is, for the amended bill, the text of a new amending article; for
    the regeling it names, it is a set of instructions. Read those."""
    inner: list[str] = []
    for opdracht in parsed.opdrachten.opdrachten:
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
