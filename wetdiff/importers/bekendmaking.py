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
from typing import Any

from lxml import etree

from wetdiff.errors import WetdiffError
from wetdiff.importers import ImportWarning
from wetdiff.importers.bwb import _Converter, safe_parse
from wetdiff.instructions.amending import Amended, amend
from wetdiff.instructions.heading import Heading, read_heading
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
_LABEL_ARTIKEL = re.compile(r"^\s*(?:ARTIKEL|Artikel)\s*", re.I)


@dataclass(frozen=True, slots=True)
class WijzigArtikel:
    """One amending article (ARTIKEL I of a bill, Artikel 99 of an act) of a
    bekendmaking: the regeling it amends, as its first sentence names it ("deze wet":
    the act's own citation title), the part of it and the condition that sentence gives
    (:mod:`wetdiff.instructions.heading`), and its instructions as text (``wetdiff
    apply`` reads it)."""

    numeral: str
    regeling: str
    text: str
    line: int
    part: str = ""
    condition: str = ""
    scope: str = ""  # "bijlage 2 bij de Algemene wet bestuursrecht", as the heading says

    @property
    def name(self) -> str:
        """ "Artikel 99", "ARTIKEL I": as a lawyer cites it (Roman numerals are a bill's
        amending articles, printed in capitals; an act numbers them on with its own)."""
        return f"{'Artikel' if self.numeral[:1].isdigit() else 'ARTIKEL'} {self.numeral}"


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

    def amending(self, *names: str) -> tuple[WijzigArtikel, ...]:
        """The amending articles for a regeling known by any of ``names`` (spelling
        differences in quotes and spaces folded, "het"/"de" left out), in the order of
        the document: mostly one, several when a bill amends one regeling in steps
        (ARTIKEL I and ARTIKEL II)."""
        wanted = {_name_key(n) for n in names if n.strip()}
        return tuple(a for a in self.artikelen if a.regeling and _name_key(a.regeling) in wanted)


def _name_key(name: str) -> str:
    return compare_key(re.sub(r"^(?:het|de)\s+", "", name.strip(), flags=re.I)).lower()


_LAST_PARENTHESES = re.compile(r"\(([^()]+)\)\s*\.?\s*$")
_BWB_ID = re.compile(r"^BWB[RV]\d{7}$")


def regeling_names(version: Version, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The names ``version``'s regeling goes by, to find the amending article for it: the
    name its metadata gives (a capture in the bwb-plus-meta format gives the whole
    intitule: "Wet van 19 oktober 1998, houdende regels inzake de telecommunicatie
    (Telecommunicatiewet)"), the citeertitel in that intitule's last parentheses, the
    title known for its BWB id, and ``extra`` (the workspace's name for that id)."""
    from wetdiff.importers.bwb import KNOWN_TITLES

    names = [version.regeling, *extra, KNOWN_TITLES.get(version.bwb_id, "")]
    citeertitel = _LAST_PARENTHESES.search(version.regeling)
    if citeertitel:
        names.append(citeertitel.group(1))
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


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
    reader = _BekendmakingReader(source)
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
    reader.citeertitel = _citeertitel(publication)
    artikelen = tuple(reader.wijzig_artikel(e) for e in wijzig)
    # every article of its own, whatever the capitalisation of its label ("ARTIKEL III"
    # in a bill, "Artikel 108" in an act): they amend nothing
    other = tuple(
        _numeral(e)
        for e in root.iter("artikel")
        if _numeral(e) and not _inside_new_text(e) and _LABEL_ARTIKEL.match(_kop_label(e) or "")
    )
    return Bekendmaking(
        source,
        kind,
        _describe(publication, path),
        artikelen,
        other,
        tuple(reader.converter.warnings),
    )


_CITEERTITEL = re.compile(
    r"^Deze\s+(?:rijks)?wet\s+(?:wordt|kan\s+worden)\s+aangehaald\s+als:?\s*(?P<titel>.+?)\.?$",
    re.I,
)


def _citeertitel(publication: etree._Element) -> str:
    """The act's own citation title ("Deze wet wordt aangehaald als: Cyberbeveiligingswet."),
    which "deze wet" in its amending articles means; "" when it gives none."""
    for al in publication.iter("al"):
        if _inside_new_text(al):
            continue
        found = _CITEERTITEL.match(clean(_words(al)))
        if found:
            return found.group("titel").strip()
    return ""


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


class _BekendmakingReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.converter = _Converter(source, "")
        self.citeertitel = ""

    def wijzig_artikel(self, element: etree._Element) -> WijzigArtikel:
        """The amending article as instruction text. Its first sentence stays as printed
        (the instruction reader takes the regeling, a part and a condition out of it, so
        that 'wetdiff apply' reads the same text the same way)."""
        numeral = _numeral(element) or "I"
        lines = [f"ARTIKEL {numeral}", ""]
        heading: Heading | None = None
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
                heading = read_heading(sentence)
                lines += [sentence, ""]
                if heading is None or heading.sentence:  # an instruction of its own
                    lines += self._new_text_after(element, child)
            elif tag in _WIJZIGING:
                lines += self._wijziging(child)
        regeling = ""
        if heading is not None:
            regeling = self.citeertitel if heading.own else heading.regeling
            if numeral[:1].isdigit():  # an act's "Artikel 99", as printed (and read back)
                lines[0] = f"Artikel {numeral}"
        return WijzigArtikel(
            numeral,
            regeling,
            "\n".join(lines).rstrip() + "\n",
            element.sourceline or 0,
            heading.part if heading else "",
            heading.condition if heading else "",
            heading.scope if heading and heading.part else "",
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
    """ "Telecommunicatiewet (Artikel 99), bijlage 2 bij de Algemene wet bestuursrecht
    (Artikel 103), …": what each amending article amends."""
    return ", ".join(f"{amends(a)} ({a.name})" for a in bekendmaking.artikelen)


def amends(artikel: WijzigArtikel) -> str:
    """What an amending article amends, in words ("Telecommunicatiewet", "bijlage 2 bij
    de Algemene wet bestuursrecht")."""
    if not artikel.regeling:
        return "regeling not named"
    return artikel.scope or artikel.regeling


@dataclass(frozen=True, slots=True)
class BekendmakingApplied(Amended):
    """A bekendmaking applied to ``version``: the outcome as ``wetdiff apply`` has it
    (to print or save the same way; ``problems``: every instruction not read, in a form
    wetdiff cannot carry out, outside the articles it holds, conditional, or not
    applicable to the text), with the amending articles used, what was read of them
    (``parsed``), and the amending articles left alone (other regelingen)."""

    artikelen: tuple[WijzigArtikel, ...]
    parsed: Parsed
    skipped: tuple[WijzigArtikel, ...]

    @property
    def which(self) -> str:
        """ "ARTIKEL I", "ARTIKELEN I, II", "Artikel 102"."""
        if len(self.artikelen) == 1:
            return self.artikelen[0].name
        word = "Artikelen" if self.artikelen[0].numeral[:1].isdigit() else "ARTIKELEN"
        return f"{word} {', '.join(a.numeral for a in self.artikelen)}"

    @property
    def regeling(self) -> str:
        return self.artikelen[0].regeling


def workspace_names(bwb_id: str) -> tuple[str, ...]:
    """The workspace's own name for a BWB id (``[[regeling]]`` in wetdiff.toml), so an
    amending article that cites the regeling by that name is found (none outside a
    workspace)."""
    if not bwb_id:
        return ()
    from wetdiff.store.workspace import open_workspace

    try:
        workspace = open_workspace()
    except WetdiffError:
        return ()
    try:
        return tuple(r.name for r in workspace.config.regelingen if r.bwb_id == bwb_id)
    finally:
        workspace.close()


def apply_bekendmaking(
    bekendmaking: Bekendmaking,
    version: Version,
    *,
    regeling: str = "",
    names: tuple[str, ...] = (),
    assume_conditions: bool = False,
) -> BekendmakingApplied:
    """Apply the amending articles of ``bekendmaking`` that amend ``version``'s regeling,
    in their order. Which regeling that is: ``regeling`` when given (a name as the
    article names it, or the version's BWB id), else every name the version goes by
    (:func:`regeling_names`; ``names`` adds the workspace's name for its BWB id). The
    other amending articles amend other regelingen and are skipped.

    Every instruction is tried; what was not carried out is in
    :attr:`BekendmakingApplied.problems` (the caller decides whether a partial result is
    written). A conditional amending article is carried out only with
    ``assume_conditions``."""
    from wetdiff.instructions import parse_text

    if _BWB_ID.match(regeling.strip()):
        if version.bwb_id and version.bwb_id != regeling.strip():
            raise WetdiffError(
                f"{version.label} is {version.bwb_id}, not {regeling.strip()}",
                hint="Give the BWB id of the version's regeling, or its name.",
            )
        wanted = regeling_names(version, names)
    else:
        wanted = (regeling,) if regeling.strip() else regeling_names(version, names)
    if wanted:
        chosen = bekendmaking.amending(*wanted)
        if not chosen:
            raise WetdiffError(
                f"{bekendmaking.description} has no amending article for the "
                f"{' / '.join(wanted)}; it amends: {regelingen(bekendmaking)}",
                file=bekendmaking.source,
                hint="Give the regeling with --regeling NAME, as the amending article names it.",
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
    parsed = parse_text("\n".join(a.text for a in chosen), assume_conditions=assume_conditions)
    outcome = amend(parsed, version, label=f"{version.label} + {bekendmaking.description}")
    skipped = tuple(a for a in bekendmaking.artikelen if a not in chosen)
    return BekendmakingApplied(
        outcome.version,
        outcome.applied,
        outcome.problems,
        outcome.count,
        artikelen=chosen,
        parsed=parsed,
        skipped=skipped,
    )


def instructions_report(
    bekendmaking: Bekendmaking, *, assume_conditions: bool = False
) -> dict[str, Any]:
    """Every amending article as ``import ob --instructions --format json`` gives it:
    the regeling it names (with the part and condition its heading gives), the
    instructions wetdiff reads in it, and those it would not carry out, with why."""
    from wetdiff.instructions import parse_text

    artikelen = []
    for artikel in bekendmaking.artikelen:
        # what is understood, conditions or not; what would not be carried out, as asked
        read = parse_text(artikel.text, assume_conditions=True)
        parsed = parse_text(artikel.text, assume_conditions=assume_conditions)
        artikelen.append(
            {
                "artikel": artikel.numeral,
                "name": artikel.name,
                "regeling": artikel.regeling or None,
                "part": artikel.part or None,
                "condition": artikel.condition or None,
                "line": artikel.line,
                "instructions": [
                    {"label": o.label, "words": o.words, "form": type(o).__name__}
                    for o in read.opdrachten.opdrachten
                ],
                "not_carried_out": [
                    {"label": f.label, "words": f.words, "kind": f.kind, "reason": f.reason}
                    for f in parsed.problems
                ],
                "text": artikel.text,
            }
        )
    return {
        "schema": "wetdiff.import.ob.instructions/1",
        "document": bekendmaking.description,
        "kind": bekendmaking.kind,
        "artikelen": artikelen,
        "own_articles": list(bekendmaking.other),
        "warnings": [str(w) for w in bekendmaking.warnings],
    }
