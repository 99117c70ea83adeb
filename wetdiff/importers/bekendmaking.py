"""Reading an officiële bekendmaking (a Kamerstuk, a Staatsblad) into wijzigingsopdrachten.

officielebekendmakingen.nl publishes every bill (``kst-36547-2``, "Voorstel van wet"),
amendment and act (``stb-2013-444``) as XML in the *officiële publicaties* vocabulary
(the schema ``op-xsd-2014-05-15.xsd``): the text of a bill sits in ``<voorstel-wet>`` /
``<wettekst>``, the text of an act directly under the publication. An article that
amends another regeling is a ``<wijzig-artikel>`` (``<kop><label>ARTIKEL</label><nr>I
</nr></kop>``) whose ``<wat>`` names the regeling ("Het Wetboek van Strafrecht wordt als
volgt gewijzigd:"); its onderdelen and items are ``<wijziging>`` elements with a ``<nr>``
(``A``, ``1.``) and a ``<wat>`` (the instruction in words), followed, after "luidende:"
or "komt te luiden:", by the new text in the same elements as the BWB uses (``artikel``,
``lid``/``lidnr``, ``al``, ``lijst``/``li``/``li.nr``).

The words of the instructions are the authority, so they are not interpreted here: each
amending article is rendered back to the instruction text a lawyer reads (the new texts
in wetdiff's canonical article form, indented under their "luidende:"), and that text
goes through :mod:`wetdiff.instructions`, exactly as ``wetdiff apply`` reads it. docs/
import.md says which public sources documented the structure.

Parsing is as safe as for BWB XML (:func:`wetdiff.importers.bwb.safe_parse`): no DTD, no
entity, no network; a hostile, truncated or unknown file is one :class:`WetdiffError`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from wetdiff.errors import WetdiffError
from wetdiff.importers import ImportWarning
from wetdiff.importers.bwb import _Converter, safe_parse
from wetdiff.instructions.apply import Applied
from wetdiff.instructions.model import Failure
from wetdiff.instructions.parse import Parsed
from wetdiff.model.artikel import Artikel
from wetdiff.model.normalise import clean, compare_key, describe_control, find_control
from wetdiff.model.text_format import render
from wetdiff.model.version import Version

# Elements whose words are never part of an instruction or a new text.
_SILENT = frozenset(
    {
        "noot",
        "nootref",
        "noot.nr",
        "noot.al",
        "meta-data",
        "metadata",
        "jcis",
        "brondata",
        "redactie",
        "kop",
    }
)
# Elements holding new statute text (the BWB vocabulary).
_TEXT = frozenset({"artikel", "lid", "lijst", "li", "al"})
# Elements holding instructions.
_WIJZIGING = frozenset({"wijziging", "wijzig-lid", "wijzig-lid-groep"})

_ONDERDEEL_LETTER = re.compile(r"^(?:\d*[A-Z]{1,3}[a-z]?)$")
_ITEM_NR = re.compile(r"^(?:\d+[a-z]?|[a-z]{1,2})\.?$")
_REGELING_HEADER = re.compile(
    r"^(?:Het|De)\s+(?P<naam>.+?)\d*\s+wordt\s+(?:als\s+volgt\s+gewijzigd|gewijzigd"
    r"(?:\s+als\s+volgt)?)\s*[:.]$",
    re.S,
)
_REGELING_IN_SENTENCE = re.compile(
    r"^(?P<head>(?:In\s+)?(?:[Aa]rtikel|[Aa]rtikelen)\s+.+?)\s+van\s+(?P<lw>het|de)\s+"
    r"(?P<naam>[A-Z].+?)\d*(?P<rest>,?\s+(?:wordt|worden|komt|komen|vervalt|vervallen)\b.*)$",
    re.S,
)
_LABEL_ARTIKEL = re.compile(r"^\s*(?:ARTIKEL|Artikel)\s*", re.I)


@dataclass(frozen=True, slots=True)
class WijzigArtikel:
    """One amending article (ARTIKEL I) of a bekendmaking: the regeling it amends, as its
    first sentence names it, and its instructions as text (``wetdiff apply`` reads it)."""

    numeral: str
    regeling: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Bekendmaking:
    """What an officiële bekendmaking holds for wetdiff: its amending articles, and the
    articles of its own that amend nothing (entry into force, citation title)."""

    source: str
    kind: str  # "kamerstuk", "staatsblad", ... (the publication's element)
    description: str  # "kst-36547-2 (Kamerstuk 36 547, nr. 2)"
    artikelen: tuple[WijzigArtikel, ...]
    other: tuple[str, ...]  # numerals of ARTIKELEN without instructions
    warnings: tuple[ImportWarning, ...] = ()

    def amending(self, regeling: str) -> tuple[WijzigArtikel, ...]:
        """The amending articles for ``regeling`` (by name, spelling differences in
        quotes and spaces folded), in the order of the document: mostly one, several
        when a bill amends one regeling in steps (ARTIKEL I and ARTIKEL II)."""
        wanted = _name_key(regeling)
        return tuple(a for a in self.artikelen if _name_key(a.regeling) == wanted)


def _name_key(name: str) -> str:
    return compare_key(re.sub(r"^(?:het|de)\s+", "", name.strip(), flags=re.I)).lower()


def read_bekendmaking(path: Path, data: bytes | None = None) -> Bekendmaking:
    """Read an officiële bekendmaking. Refuses (exit 2) a file that is not safe, not
    whole, BWB XML instead, or has no amending article at all."""
    try:
        tree = safe_parse(path, data)
    except WetdiffError as error:  # the same refusal, with this format's advice
        hint = error.hint and (
            "Official XML never declares entities and is never cut "
            "short: download the file again from "
            "zoek.officielebekendmakingen.nl. Nothing was imported."
        )
        raise WetdiffError(error.what, file=error.file, line=error.line, hint=hint) from None
    root = tree.getroot()
    source = str(path)
    if root.tag in ("wetgeving", "toestand"):
        raise WetdiffError(
            "this is BWB XML (a consolidated text), not an officiële bekendmaking",
            file=path,
            hint="Import it with: wetdiff import bwb FILE",
        )
    reader = _Reader(source)
    publication = _publication(root)
    kind = publication.tag if isinstance(publication.tag, str) else "?"
    wijzig = [e for e in root.iter("wijzig-artikel")]
    if not wijzig:
        amendement = next(root.iter("amendement"), None)
        if amendement is not None:
            raise WetdiffError(
                'this is an amendment: its instructions amend the bill ("In artikel I, '
                'onderdeel A, …"), not the regeling, and it has no amending article of '
                "its own",
                file=path,
                line=amendement.sourceline,
                hint="Apply the bill first; an amendment's text is read by "
                "'wetdiff apply --nested' (copy its text into a file).",
            )
        raise WetdiffError(
            f"no amending article (<wijzig-artikel>) in this <{root.tag}> document; "
            "wetdiff imports officiële bekendmakingen that amend a regeling",
            file=path,
            line=root.sourceline,
            hint="Is this the XML of a Kamerstuk 'Voorstel van wet' or a Staatsblad "
            "(kst-…-2.xml, stb-….xml from zoek.officielebekendmakingen.nl)?",
        )
    artikelen = tuple(reader.wijzig_artikel(e) for e in wijzig)
    other = tuple(
        _numeral(e)
        for e in root.iter("artikel")
        if _numeral(e)
        and not _inside_new_text(e)
        and _LABEL_ARTIKEL.match(_kop_label(e) or "")
        and _kop_label(e).isupper()
    )
    return Bekendmaking(
        source,
        kind,
        _describe(publication, path),
        artikelen,
        other,
        tuple(reader.converter.warnings),
    )


def _publication(root: etree._Element) -> etree._Element:
    for tag in ("kamerstuk", "staatsblad", "staatscourant", "tractatenblad"):
        found = root if root.tag == tag else next(root.iter(tag), None)
        if found is not None:
            return found
    return root


def _describe(publication: etree._Element, path: Path) -> str:
    """The document's own name: its file name, and for a Kamerstuk the dossier and
    number it prints (``<dossiernr>``, ``<ondernummer>``)."""
    name = path.stem
    if publication.tag == "kamerstuk":
        dossier = publication.find(".//dossiernummer/dossiernr")
        nummer = publication.find(".//stuk/stuknr/ondernummer")
        if dossier is not None and nummer is not None:
            return (
                f"{name} (Kamerstuk {clean(''.join(dossier.itertext()))}, "
                f"nr. {clean(''.join(nummer.itertext()))})"
            )
    return name


def _kop_label(element: etree._Element) -> str:
    label = element.find("kop/label")
    return clean("".join(label.itertext())) if label is not None else ""


def _numeral(element: etree._Element) -> str:
    nr = element.find("kop/nr")
    return clean("".join(nr.itertext())) if nr is not None else ""


def _inside_new_text(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _WIJZIGING or parent.tag == "wijzig-artikel":
            return True
        parent = parent.getparent()
    return False


def _words(element: etree._Element) -> str:
    """The words of a ``<wat>``: inline markup flattened, footnotes left out (a
    footnote marker after the regeling's name is not part of the sentence)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SILENT:
            parts.append(_words(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.converter = _Converter(source, "")

    def wijzig_artikel(self, element: etree._Element) -> WijzigArtikel:
        numeral = _numeral(element) or "I"
        lines = [f"ARTIKEL {numeral}", ""]
        regeling = ""
        header_done = False
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SILENT:
                continue
            if tag == "wat" and header_done:  # a further sentence: read (or reported)
                lines += [self._wat(child), ""]
            elif tag == "wat":
                header_done = True
                sentence = self._wat(child)
                header = _REGELING_HEADER.match(sentence)
                if header:
                    regeling = clean(header.group("naam"))
                    lines += [sentence, ""]
                    continue
                inline = _REGELING_IN_SENTENCE.match(sentence)
                if inline:  # "Artikel 5 van het Wetboek van Strafrecht wordt …"
                    regeling = clean(inline.group("naam"))
                    sentence = f"{inline.group('head')}{inline.group('rest')}"
                lines += [sentence, ""]
                lines += self._new_text_after(element, child)
            elif tag in _WIJZIGING:
                lines += self._wijziging(child)
        return WijzigArtikel(
            numeral, regeling, "\n".join(lines).rstrip() + "\n", element.sourceline or 0
        )

    def _wat(self, element: etree._Element) -> str:
        sentence = clean(_words(element))
        at = find_control(sentence)
        if at is not None:
            raise WetdiffError(
                f"control character {describe_control(sentence[at])} in an "
                "instruction; an official text never contains one",
                file=self.source,
                line=element.sourceline,
                hint="The file is damaged; nothing was imported.",
            )
        return sentence

    def _wijziging(self, element: etree._Element) -> list[str]:
        """One onderdeel ("A") or item ("1.") with its sentence, its new text, and the
        items inside it, as the Staatsblad prints them."""
        lines: list[str] = []
        nr_element = element.find("nr")
        if nr_element is None:
            nr_element = element.find("lidnr")  # a wijzig-lid may number itself so
        nr = clean("".join(nr_element.itertext())) if nr_element is not None else ""
        wat = element.find("wat")
        sentence = self._wat(wat) if wat is not None else ""
        if nr and _ONDERDEEL_LETTER.match(nr):
            lines += [nr, ""]
            if sentence:
                lines += [sentence, ""]
        elif sentence:
            if nr and _ITEM_NR.match(nr):
                sentence = f"{nr if nr.endswith('.') else nr + '.'} {sentence}"
            elif nr:
                sentence = f"{nr} {sentence}"
            lines += [sentence, ""]
        # without a sentence of its own, a wijziging holds the new text of the sentence
        # before it ("Boek 1, Hoofdstuk 10, … komt te luiden:" + <wijziging>)
        lines += self._new_text_after(element, wat)
        for child in element:
            if isinstance(child.tag, str) and child.tag in _WIJZIGING:
                lines += self._wijziging(child)
        return lines

    def _new_text_after(self, parent: etree._Element, wat: etree._Element | None) -> list[str]:
        """The new text that follows a sentence ending in "luidende:" / "te luiden:",
        rendered in the canonical article form and indented under it."""
        content: list[etree._Element] = []
        for child in parent:
            if child is wat or not isinstance(child.tag, str):
                continue
            if child.tag in _WIJZIGING or child.tag in _SILENT or child.tag in ("nr", "wat"):
                continue
            content.extend(_text_elements(child))
        if not content:
            return []
        block = self._block(content)
        return ["    " + line if line else "" for line in block.split("\n")] + [""]

    def _block(self, content: list[etree._Element]) -> str:
        tags = {e.tag for e in content}
        if "artikel" in tags:
            texts = []
            for element in content:
                if element.tag == "artikel":
                    number = _LABEL_ARTIKEL.sub("", _numeral(element)).strip()
                    if not number:
                        raise WetdiffError(
                            "a new article without a number",
                            file=self.source,
                            line=element.sourceline,
                        )
                    texts.append(render(self.converter.artikel(element, number).artikel))
            return "\n".join(texts).rstrip("\n")
        if tags <= {"al"}:
            return "\n".join(clean(_words(e)) for e in content)
        wrapper = etree.Element("artikel")
        if tags <= {"li", "al"}:  # onderdelen: a list of their own
            lijst = etree.SubElement(wrapper, "lijst")
            for element in content:
                lijst.append(copy.deepcopy(element))
            kind = "onderdeel"
        else:
            for element in content:
                wrapper.append(copy.deepcopy(element))
            kind = "onderdelen" if tags <= {"lijst", "al"} else "lid"
        # A fragment's numbering starts where it is inserted ("2.", "3°."): not an
        # oddity of the text, so the converter's numbering warnings are not kept.
        fragment = _Converter(self.source, "")
        rendered = render(Artikel("x", fragment.artikel(wrapper, "x").artikel.body))
        self.converter.warnings += [w for w in fragment.warnings if w.kind != "numbering"]
        lines = rendered.rstrip("\n").split("\n")[1:]  # without "Artikel x"
        while lines and not lines[0].strip():
            lines.pop(0)
        if kind != "lid":  # onderdelen are relative to their element: one level up
            lines = [line[4:] if line.startswith("    ") else line for line in lines]
        return "\n".join(lines)


def _text_elements(element: etree._Element) -> list[etree._Element]:
    """The statute text in ``element``: itself when it is text (artikel, lid, lijst,
    li, al), else the text inside it (a wrapper such as ``wijzig-divisie``; its heading
    is not an article's text)."""
    if element.tag in _TEXT:
        return [element]
    found: list[etree._Element] = []
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SILENT:
            found.extend(_text_elements(child))
    return found


def regelingen(bekendmaking: Bekendmaking) -> str:
    """ "Wetboek van Strafrecht (ARTIKEL I), Wetboek van Strafrecht BES (ARTIKEL II)"."""
    return ", ".join(
        f"{a.regeling or 'regeling not named'} (ARTIKEL {a.numeral})"
        for a in bekendmaking.artikelen
    )


@dataclass(frozen=True, slots=True)
class Toepassing:
    """A bekendmaking applied to a version: the amending articles used, what was read
    of them, the outcome, and the amending articles left alone (other regelingen)."""

    artikelen: tuple[WijzigArtikel, ...]
    gelezen: Parsed
    toegepast: Applied
    skipped: tuple[WijzigArtikel, ...]

    @property
    def problems(self) -> tuple[Failure, ...]:
        return (*self.gelezen.problems, *self.toegepast.failures)

    @property
    def which(self) -> str:
        """ "ARTIKEL I", or "ARTIKELEN I, II"."""
        numerals = ", ".join(a.numeral for a in self.artikelen)
        return f"ARTIKEL{'EN' if len(self.artikelen) > 1 else ''} {numerals}"

    @property
    def regeling(self) -> str:
        return self.artikelen[0].regeling

    @property
    def count(self) -> int:
        return len(self.gelezen.opdrachten.opdrachten) + len(self.gelezen.problems)


def apply_bekendmaking(
    bekendmaking: Bekendmaking, version: Version, *, regeling: str = ""
) -> Toepassing:
    """Apply the amending articles of ``bekendmaking`` that amend ``version``'s regeling
    (or ``regeling``, when given), in their order. The other amending articles amend other
    regelingen (the Wetboek van Strafrecht BES beside the Wetboek van Strafrecht) and are
    skipped."""
    from wetdiff.instructions import apply_opdrachten, parse_text

    name = regeling or version.regeling
    if name:
        chosen = bekendmaking.amending(name)
        if not chosen:
            raise WetdiffError(
                f"{bekendmaking.description} has no ARTIKEL that amends the {name}; it "
                f"amends: {regelingen(bekendmaking)}",
                file=bekendmaking.source,
                hint="Give the regeling with --regeling NAME, as the ARTIKEL names it.",
            )
    elif len(bekendmaking.artikelen) == 1:
        chosen = bekendmaking.artikelen
    else:
        raise WetdiffError(
            f"{version.label} does not say which regeling it is, and "
            f"{bekendmaking.description} amends several: {regelingen(bekendmaking)}",
            file=bekendmaking.source,
            hint="Say which with --regeling NAME.",
        )
    gelezen = parse_text("\n".join(a.text for a in chosen))
    toegepast = apply_opdrachten(
        gelezen.opdrachten, version, label=f"{version.label} + {bekendmaking.description}"
    )
    skipped = tuple(a for a in bekendmaking.artikelen if a not in chosen)
    return Toepassing(chosen, gelezen, toegepast, skipped)
