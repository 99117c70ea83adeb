"""Reading the official BWB XML of wetten.overheid.nl into :class:`Artikel` values.

Two shapes of the same vocabulary are read:

* ``bwb-plus-meta`` (root ``<wetgeving>``): the format of the historical captures in the
  public git mirror of the Basiswettenbestand, one file per captured consolidation;
* ``toestand`` (root ``<toestand>`` wrapping ``<wetgeving>``): what wetten.overheid.nl
  serves today, with ``<meta-data>`` blocks and ``inwerking`` dates on elements.

The official data is the arbiter of what is valid, so oddities in it (a numbering gap, a
lid without a number, an editorial note) are warnings, never errors. What *is* an error,
with one message naming file and line, is a file that is not safe or not whole: a
document type declaration with its own entities (the "billion laughs" and external-entity
attacks), an external DTD or network access (never loaded), a truncated file.

Editorial notes (``<redactie>``) are metadata, never statute text: "Treedt in werking per
01-01-2005" dates the article, "Vervallen." marks a repealed lid or onderdeel, "Dit lid is
nog niet in werking getreden." says the lid has no text in force yet. Links in the text
(``<intref>``, ``<extref>``) are returned as :class:`Link` values beside the article (the
text keeps their words).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from wetdiff.errors import WetdiffError
from wetdiff.importers import ImportWarning
from wetdiff.model.artikel import VERVALLEN, Alinea, Artikel, Block, Lid, Locatie, Onderdeel
from wetdiff.model.names import ARTICLE, BWB_ID, check_name
from wetdiff.model.normalise import clean, describe_control, find_control
from wetdiff.model.numbering import NUMBER_PATTERN, bare_number
from wetdiff.model.text_format import numbering_problems

MAX_XML_BYTES = 64 * 1024 * 1024  # the whole Wetboek van Strafrecht is under 1 MB

FORMAT_PLUS_META = "bwb-plus-meta"
FORMAT_TOESTAND = "toestand"

# Titles of regelingen whose XML names no citeertitel (the old captures only give the
# intitule, "Wet van 3 maart 1881").
KNOWN_TITLES = {"BWBR0001854": "Wetboek van Strafrecht"}

_IN_FORCE = re.compile(r"treedt in werking (?:per|op) (\d{1,2})-(\d{1,2})-(\d{4})", re.I)
_NOT_YET = re.compile(r"nader te bepalen tijdstip|nog niet in werking", re.I)
_REPEALED_PER = re.compile(r"vervallen per (\d{1,2})-(\d{1,2})-(\d{4})", re.I)
_VERVALLEN_TEXT = re.compile(r"\[?\s*vervallen(?:\s+per\s+[\d-]+)?\s*[.;,]?\s*\]?\s*[.;]?", re.I)
_LID_TOKEN = re.compile(r"^\d+[a-z]{0,6}\.$")
_CAPTURE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BWB_ID = re.compile(r"(BWB[RV]\d{7})")
_PUNCTUATION = tuple(",.;:)")
_REPEALED_MARK = "\x00vervallen"  # never in XML text (NUL is not allowed there)

# Elements that carry no statute text at all.
_SILENT = frozenset(
    {
        "meta-data",
        "kop",
        "lidnr",
        "li.nr",
        "noot",
        "nootref",
        "jcis",
        "brondata",
        "plaatje",
        "illustratie",
    }
)
_INLINE_SILENT = frozenset({"meta-data", "noot", "nootref", "jcis", "brondata"})

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


@dataclass(frozen=True, slots=True)
class Link:
    """A link in the official text to another provision (``<intref>``) or regeling
    (``<extref>``): the linked words, the target as the XML writes it, and where the
    link stands."""

    text: str
    doc: str
    bwb_id: str
    target: Locatie | None
    at: Locatie
    external: bool = False


@dataclass(frozen=True, slots=True)
class Redactie:
    """An editorial note of the database (never statute text), where it stands."""

    at: str
    kind: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ImportedArtikel:
    """One article as the official file gives it, with what the file says about it.

    ``in_force`` is the date of a "Treedt in werking per D" note (or of the toestand
    format's ``inwerking`` attribute); ``not_in_force`` is set when the file says the
    article or part of it has not taken effect yet."""

    artikel: Artikel
    line: int
    in_force: dt.date | None = None
    in_force_source: str = ""
    not_in_force: bool = False
    repealed_on: dt.date | None = None
    redacties: tuple[Redactie, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Toestand:
    """One official consolidated text of a regeling (a *toestand*), as imported."""

    source: str
    format: str
    bwb_id: str
    title: str
    captured: dt.date | None
    artikelen: tuple[ImportedArtikel, ...]
    warnings: tuple[ImportWarning, ...] = ()
    consolidation_date: dt.date | None = None

    def artikel(self, number: str) -> ImportedArtikel | None:
        for imported in self.artikelen:
            if imported.artikel.number == number:
                return imported
        return None


def safe_parse(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """Parse an XML file without loading any DTD, entity or network resource, or refuse
    it with one :class:`WetdiffError` naming the file and line."""
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise WetdiffError("no such XML file", file=path) from None
        except OSError as exc:
            raise WetdiffError(f"cannot read this file: {exc.strerror}", file=path) from None
        if path.is_dir():
            raise WetdiffError("is a folder, not a BWB XML file", file=path)
        if not path.is_file():  # /dev/zero, a pipe: reading would never end
            raise WetdiffError("is a device or pipe, not a BWB XML file", file=path)
        if size > MAX_XML_BYTES:
            raise WetdiffError(
                f"the file is {size / 1_048_576:.0f} MB; a BWB XML file of one regeling is "
                f"at most {MAX_XML_BYTES // 1_048_576} MB",
                file=path,
                hint="Is this the right file?",
            )
        data = path.read_bytes()
    _refuse_entity_declarations(path, data)
    parser = etree.XMLParser(**_PARSER_OPTIONS)  # type: ignore[arg-type]
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        what = (
            "the XML is incomplete (the file ends too early)"
            if _truncated(exc)
            else f"not well-formed XML: {exc.msg}"
        )
        raise WetdiffError(
            what,
            file=path,
            line=line,
            hint="Download the file again from wetten.overheid.nl; nothing was imported.",
        ) from None
    subset = tree.docinfo.internalDTD
    if subset is not None and (
        any(True for _ in subset.iterentities()) or any(True for _ in subset.iterelements())
    ):
        raise WetdiffError(
            "the XML declares its own document type (entities); refused for safety",
            file=path,
            line=1,
            hint="Official BWB XML never does; use the file as downloaded.",
        )
    return tree


def _refuse_entity_declarations(path: Path, data: bytes) -> None:
    """Refuse a document type with an internal subset before libxml2 sees it: that is
    where entity bombs and external entities (``file:///etc/passwd``) live."""
    lowered = data[:4].lower()
    if lowered.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
        return  # UTF-16/32: the byte scan cannot see; the docinfo check after parsing does
    start = data.find(b"<!DOCTYPE")
    if start < 0:
        start = data.find(b"<!doctype")
    entity = data.find(b"<!ENTITY")
    if start < 0 and entity < 0:
        return
    if start >= 0:
        end = data.find(b">", start)
        bracket = data.find(b"[", start)
        if (bracket < 0 or 0 <= end < bracket) and entity < 0:
            return  # an external DTD by name only: it is never loaded
        at = bracket if bracket >= 0 else start
    else:
        at = entity
    line = data[:at].count(b"\n") + 1
    raise WetdiffError(
        "the XML declares entities in its document type (a known attack: entity "
        "expansion or external files); refused, nothing was read",
        file=path,
        line=line,
        hint="Official BWB XML never declares entities; download the file again from "
        "wetten.overheid.nl.",
    )


def _truncated(exc: etree.XMLSyntaxError) -> bool:
    message = (exc.msg or "").lower()
    return any(
        s in message
        for s in (
            "premature end",
            "end of data",
            "not closed",
            "extra content",
            "eof",
            "expected '>'",
        )
    )


def read_toestand(
    path: Path,
    *,
    articles: Collection[str] | None = None,
    data: bytes | None = None,
) -> Toestand:
    """Import every article of one official XML file (or only ``articles``)."""
    tree = safe_parse(path, data)
    root = tree.getroot()
    root_name = etree.QName(root).localname
    if root_name == "toestand":
        fmt = FORMAT_TOESTAND
        wetgeving = root.find("wetgeving")
        if wetgeving is None:
            wetgeving = root
    elif root_name == "wetgeving":
        fmt, wetgeving = FORMAT_PLUS_META, root
    else:
        raise WetdiffError(
            f"not a BWB XML file: the root element is <{root_name}>, expected <toestand> "
            "or <wetgeving>",
            file=path,
            line=root.sourceline,
            hint="Download the XML of a regeling from wetten.overheid.nl.",
        )
    bwb_id = root.get("bwb-id") or wetgeving.get("bwb-id") or ""
    if bwb_id:  # it names the folder the versions go in
        check_name(
            bwb_id,
            BWB_ID,
            file=path,
            line=(root if root.get("bwb-id") else wetgeving).sourceline,
            hint="Official BWB XML names its regeling so; is this file damaged?",
        )
    title = clean(wetgeving.findtext("citeertitel") or "") or KNOWN_TITLES.get(bwb_id, "")
    if not title:
        title = (
            clean("".join(wetgeving.find("intitule").itertext()))
            if wetgeving.find("intitule") is not None
            else ""
        )
    consolidation = _iso(root.get("inwerkingtreding"))
    match = _CAPTURE_DATE.search(path.stem)
    captured = None
    if match:
        captured = _date(match.group(3), match.group(2), match.group(1))
    converter = _Converter(str(path), bwb_id)
    wanted = set(articles) if articles is not None else None
    imported: list[ImportedArtikel] = []
    seen: dict[str, int] = {}
    for element in wetgeving.iter("artikel"):
        number = _article_number(element)
        if number is None:
            converter.warn("structure", element, "an artikel without a number; skipped")
            continue
        check_name(  # it names the article's folder
            number,
            ARTICLE,
            file=path,
            line=element.sourceline,
            hint="Official BWB XML numbers its articles so; is this file damaged?",
        )
        if wanted is not None and number not in wanted:
            continue
        if number in seen:
            converter.warn(
                "duplicate",
                element,
                f"artikel {number} occurs again (first on line {seen[number]}); the first is kept",
            )
            continue
        seen[number] = element.sourceline or 0
        imported.append(converter.artikel(element, number))
    return Toestand(
        str(path),
        fmt,
        bwb_id,
        title,
        captured,
        tuple(imported),
        tuple(converter.warnings),
        consolidation,
    )


def _article_number(element: etree._Element) -> str | None:
    nr = element.find("kop/nr")
    if nr is not None:
        number = _token(nr)
        if number:
            return number.replace(" ", "")
    label = element.get("label") or ""
    if label.lower().startswith("artikel "):
        return clean(label[8:]).replace(" ", "") or None
    return None


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _iso(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_link_target(doc: str) -> tuple[str, Locatie | None]:
    """The regeling and provision a BWB link points to:
    ``1.0:v:BWBR0001854&artikel=251`` → ``("BWBR0001854", Locatie("251"))``;
    ``jci1.3:c:BWBR0001854&artikel=273f&lid=1`` → ``(…, Locatie("273f", "1"))``."""
    match = _BWB_ID.search(doc)
    if not match:
        return "", None
    params: dict[str, str] = {}
    for part in doc[match.end() :].split("&"):
        key, sep, value = part.partition("=")
        if sep:
            params.setdefault(key.strip(), value.strip())
    artikel = params.get("artikel")
    if not artikel:
        return match.group(1), None
    lid = params.get("lid") or None
    return match.group(1), Locatie(artikel, lid)


@dataclass(slots=True)
class _Article:
    """What is gathered while one article is converted."""

    number: str
    in_force: dt.date | None = None
    in_force_source: str = ""
    not_in_force: bool = False
    repealed_on: dt.date | None = None
    redacties: list[Redactie] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


class _Converter:
    """Turns ``<artikel>`` elements into :class:`Artikel` values, collecting warnings."""

    def __init__(self, source: str, bwb_id: str) -> None:
        self.source = source
        self.bwb_id = bwb_id
        self.warnings: list[ImportWarning] = []

    def warn(
        self, kind: str, element: etree._Element | None, message: str, line: int | None = None
    ) -> None:
        if line is None:
            line = element.sourceline if element is not None else None
        where = f"{self.source}:{line}" if line else self.source
        self.warnings.append(ImportWarning(kind, where, message))

    # -- articles ---------------------------------------------------------------------

    def artikel(self, element: etree._Element, number: str) -> ImportedArtikel:
        state = _Article(number)
        where = Locatie(number)
        kop = element.find("kop")
        title = ""
        if kop is not None:
            titel = kop.find("titel")
            if titel is not None:
                title = clean("".join(titel.itertext()))
                if find_control(title) is not None:
                    raise WetdiffError(
                        f"control character in the title of artikel {number}; statute "
                        "text never contains control characters",
                        file=self.source,
                        line=titel.sourceline,
                        hint="The file is damaged or not an official text; nothing was imported.",
                    )
            for al in kop.iter("al"):
                leftover = self._inline(al, where, state)
                if clean(leftover):
                    self.warn(
                        "structure",
                        al,
                        f"artikel {number}: text in the heading ignored: {clean(leftover)[:60]!r}",
                    )
        inwerking = _iso(element.get("inwerking"))
        if inwerking is not None and state.in_force is None:
            state.in_force, state.in_force_source = inwerking, f'inwerking="{inwerking}"'
        body: list[Block]
        if (element.get("status") or "").lower() == "vervallen":
            body = [Alinea(VERVALLEN)]
        else:
            body = self._body(element, where, state)
        if not body:
            self.warn("empty", element, f"artikel {number} has no text")
        artikel = Artikel(number, tuple(body), title)
        return ImportedArtikel(
            artikel,
            element.sourceline or 0,
            state.in_force,
            state.in_force_source,
            state.not_in_force,
            state.repealed_on,
            tuple(state.redacties),
            tuple(state.links),
        )

    def _body(
        self, element: Iterable[etree._Element], where: Locatie, state: _Article
    ) -> list[Block]:
        """The blocks of an artikel, lid or onderdeel (or of a few loose elements)."""
        blocks: list[Block] = []
        leden: list[tuple[str, int]] = []
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SILENT:
                continue
            if tag == "lid":
                lid = self._lid(child, where, state, len(leden) + 1)
                leden.append((lid.number, child.sourceline or 0))
                blocks.append(lid)
            elif tag == "al":
                alinea = self._alinea(child, where, state)
                if alinea is not None:
                    blocks.append(alinea)
            elif tag == "lijst":
                blocks.extend(self._lijst(child, where, state))
            elif tag == "definitielijst":
                blocks.extend(self._definitielijst(child, where, state))
            elif tag == "redactie":
                self._redactie(child, where, state)
            elif tag == "table":
                blocks.extend(self._table(child, where))
            else:
                text = clean(" ".join(child.itertext()))
                if text:
                    self.warn(
                        "structure", child, f"<{tag}> read as plain text in {where.in_words()}"
                    )
                    blocks.append(Alinea(text))
        self._check_numbering(leden, where)
        return blocks

    def _lid(self, element: etree._Element, where: Locatie, state: _Article, position: int) -> Lid:
        lidnr = element.find("lidnr")
        nr = _token(lidnr) if lidnr is not None else ""
        nr = nr.replace(" ", "")
        if not nr:
            nr = str(position)
            self.warn(
                "numbering",
                element,
                f"a lid of artikel {where.artikel} without a number; numbered {nr}. by its place",
            )
        number = nr if nr.endswith(".") else nr + "."
        if not _LID_TOKEN.match(number):
            number = re.sub(r"[^0-9a-z]", "", nr.lower()) + "."
            if not _LID_TOKEN.match(number):
                number = f"{position}."
            self.warn(
                "numbering",
                element,
                f"lid number {nr!r} of artikel {where.artikel} "
                f"is not of the form 1., 2a.; written as {number!r}",
            )
        lid_where = Locatie(where.artikel, bare_number(number))
        return Lid(number, tuple(self._body(element, lid_where, state)))

    def _lijst(self, element: etree._Element, where: Locatie, state: _Article) -> list[Block]:
        blocks: list[Block] = []
        numbers: list[tuple[str, int]] = []
        for li in element:
            if not isinstance(li.tag, str):
                continue
            if li.tag != "li":
                if li.tag not in _SILENT:
                    blocks.extend(self._body([li], where, state))
                continue
            nr_element = li.find("li.nr")
            number = _token(nr_element) if nr_element is not None else ""
            if not number or not _valid_onderdeel_number(number):
                shown = number or "no number"
                self.warn(
                    "numbering",
                    li,
                    f"a list item in {where.in_words()} with "
                    f"{shown!r}; its text is kept as an alinea",
                )
                body = self._body(li, where, state)
                if number and body and isinstance(body[0], Alinea):
                    body[0] = Alinea(clean(f"{number} {body[0].text}"))
                blocks.extend(body)
                continue
            numbers.append((number, li.sourceline or 0))
            child = Locatie(where.artikel, where.lid, (*where.onderdelen, bare_number(number)))
            blocks.append(Onderdeel(number, tuple(self._body(li, child, state))))
        self._check_numbering(numbers, where)
        return blocks

    def _definitielijst(
        self, element: etree._Element, where: Locatie, state: _Article
    ) -> list[Block]:
        """A list of definitions (``<definitie-item>``: ``<term>`` and ``<definitie>``),
        one definition a block, as printed: "bedrijf: in Nederland gevestigde …;". An
        unmarked list (``type="ongemarkeerd"``, the usual one) prints no marks, so each
        definition is an alinea; a marked one (``li.nr``) an onderdeel with its mark."""
        blocks: list[Block] = []
        for item in element:
            if not isinstance(item.tag, str) or item.tag in _SILENT:
                continue
            if item.tag != "definitie-item":
                blocks.extend(self._body([item], where, state))
                continue
            term = item.find("term")
            words = clean(self._inline(term, where, state)) if term is not None else ""
            body: list[Block] = []
            for definitie in item.iterfind("definitie"):
                body.extend(self._body(definitie, where, state))
            if body and isinstance(body[0], Alinea):
                body[0] = Alinea(clean(f"{words} {body[0].text}"))
            elif words:
                body.insert(0, Alinea(words))
            mark = item.find("li.nr")
            number = _token(mark) if mark is not None else ""
            if number and _valid_onderdeel_number(number):
                blocks.append(Onderdeel(number, tuple(body)))
            else:
                blocks.extend(body)
        return blocks

    def _table(self, element: etree._Element, where: Locatie) -> list[Block]:
        rows: list[Block] = []
        for row in element.iter("row"):
            cells = [clean(" ".join(entry.itertext())) for entry in row.iter("entry")]
            if any(cells):
                rows.append(Alinea(" | ".join(cells)))
        self.warn(
            "table",
            element,
            f"a table in {where.in_words()} imported as one "
            "alinea per row, cells separated by ' | '",
        )
        return rows

    def _check_numbering(self, numbers: list[tuple[str, int]], where: Locatie) -> None:
        for line, message in numbering_problems(numbers):
            self.warn("numbering", None, f"{where.in_words()}: {message}", line=line)

    # -- text -------------------------------------------------------------------------

    def _alinea(self, element: etree._Element, where: Locatie, state: _Article) -> Alinea | None:
        raw = self._inline(element, where, state)
        text = clean(raw)
        if raw == _REPEALED_MARK:
            return Alinea(VERVALLEN)
        if not text:
            return None
        if "ervallen" in text and _VERVALLEN_TEXT.fullmatch(text):
            repealed = _REPEALED_PER.search(text)
            if repealed and not where.lid and not where.onderdelen:
                state.repealed_on = _date(*repealed.groups())
            return Alinea(VERVALLEN)
        at = find_control(text)
        if at is not None:
            raise WetdiffError(
                f"control character {describe_control(text[at])} in the text of "
                f"{where.in_words()}; statute text never contains control characters",
                file=self.source,
                line=element.sourceline,
                hint="The file is damaged or not an official text; nothing was imported.",
            )
        return Alinea(text)

    def _inline(self, element: etree._Element, where: Locatie, state: _Article) -> str:
        """The words of an element with its inline markup flattened; editorial notes are
        taken out (and recorded), links recorded. A text that consists only of a note
        "Vervallen." comes back as a marker the caller turns into ``[Vervallen]``."""
        if len(element) == 0:
            return element.text or ""  # most alinea's: plain text, no markup
        parts: list[str] = [element.text or ""]
        repealed = False
        for child in element:
            tag = child.tag
            if isinstance(tag, str):
                if tag == "redactie":
                    repealed = self._redactie(child, where, state) or repealed
                    tail = child.tail or ""
                    if tail.lstrip().startswith(_PUNCTUATION):
                        # the note stood between a word and its punctuation
                        parts.append("\x01")
                        tail = tail.lstrip()
                    parts.append(tail)
                    continue
                if tag not in _INLINE_SILENT:
                    text = self._inline(child, where, state)
                    if text == _REPEALED_MARK:  # a "Vervallen." note inside markup
                        repealed, text = True, ""
                    if tag in ("intref", "extref"):
                        self._link(child, text, where, state)
                    parts.append(text)
            parts.append(child.tail or "")
        text = "".join(parts)
        if "\x01" in text:
            text = re.sub(r"\s*\x01", "", text)
        if repealed and not clean(text):
            return _REPEALED_MARK
        return text

    def _link(self, element: etree._Element, text: str, where: Locatie, state: _Article) -> None:
        doc = element.get("doc") or element.get("verwijzing-id") or ""
        bwb_id, target = parse_link_target(doc)
        external = element.tag == "extref" or (bool(bwb_id) and bwb_id != self.bwb_id)
        words = text if " " not in text.strip() and "\n" not in text else clean(text)
        state.links.append(Link(words.strip(), doc, bwb_id, target, where, external))

    def _redactie(self, element: etree._Element, where: Locatie, state: _Article) -> bool:
        """Record an editorial note; returns True when it says the text is repealed."""
        text = clean(" ".join(element.itertext()))
        kind = element.get("type") or ""
        line = element.sourceline or 0
        state.redacties.append(Redactie(where.key, kind, text, line))
        if kind == "vervanging" and _VERVALLEN_TEXT.fullmatch(text):
            return True
        in_force = _IN_FORCE.search(text)
        if in_force:
            date = _date(*in_force.groups())
            if date is not None and (state.in_force is None or date > state.in_force):
                state.in_force, state.in_force_source = date, text
            return False
        if _NOT_YET.search(text):
            if where.lid is None and not where.onderdelen:
                state.not_in_force = True  # the whole article; a lid's note stays a note
            self.warn("not-in-force", element, f"{where.in_words(capital=True)}: {text}")
            return False
        repealed = _REPEALED_PER.search(text)
        if repealed and not where.lid and not where.onderdelen:
            state.repealed_on = _date(*repealed.groups())
        self.warn(
            "redactie",
            element,
            f"editorial note in {where.in_words()} kept as metadata, not text: {text[:80]!r}",
        )
        return False


def _token(element: etree._Element) -> str:
    """A short text such as a number (``1°.``, ``273f``): most often plain, no markup."""
    text = (element.text or "") if len(element) == 0 else "".join(element.itertext())
    stripped = text.strip()
    if stripped.isascii() and stripped.isprintable() and " " not in stripped:
        return stripped
    return clean(text)


def _valid_onderdeel_number(number: str) -> bool:
    match = NUMBER_PATTERN.match(number)
    return match is not None and match.group("nr") == number
