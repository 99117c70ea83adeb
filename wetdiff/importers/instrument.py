"""The Kamer's own instruments, read from their official XML: motions and amendments.

zoek.officielebekendmakingen.nl publishes every Kamerstuk as XML in the *officiële
publicaties* vocabulary (``op-xsd-2014-05-15``). A motion (``kst-36547-28.xml``) is a
``<kamerstuk>`` whose ``<stuk>`` holds the number (``<stuknr>Nr. <ondernummer>28
</ondernummer></stuknr>``), the title as printed ("MOTIE VAN HET LID BOOMSMA"), the date
(``<datumtekst>Voorgesteld <datum isodatum="2025-06-05">5 juni 2025</datum>``) and the
text as ``<al>`` paragraphs, some grouped in ``<al-groep>``: "De Kamer, gehoord de
beraadslaging,", the considerations ("constaterende dat …", "overwegende dat …", "van
mening dat …"), the request ("verzoekt de regering …", sometimes with a list), "en gaat
over tot de orde van de dag.", and the members' names as they signed.

Two forms of metadata occur. Newer files carry it in ``<metadata>``: ``DC.identifier``
(``kst-36547-28``), ``DC.type`` in the scheme ``OVERHEIDop.KamerstukTypen`` ("Motie"),
one ``OVERHEIDop.indiener`` per member (full name, "D.T. Boomsma"),
``OVERHEIDop.documenttitel``; older ones only point at an external record
(``OVERHEIDop.externMetadataRecord``, ".../kst-28638-238/metadata.xml") and everything
must be read from the text. Both are read; what neither gives stays unknown. Whether a
motion was adopted is in neither: its ``outcome`` is "gap".

An amendment (``<amendement>``, its instructions in ``<amendement-lid>``) is read the
same way: its instructions are its request. Any other document (a bill, a memorie van
toelichting, a Staatsblad, BWB XML) is not an instrument a change can answer and is
refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from wetdiff.errors import WetdiffError
from wetdiff.importers.bwb import safe_parse
from wetdiff.model.normalise import clean, describe_control, find_control
from wetdiff.notes.questions import GAP, INSTRUMENT_FIELDS, Question, validate_question

# The kinds of Kamerstuk this reader registers, by the type the metadata gives.
_TYPES = {"motie": "motie", "amendement": "amendement"}
# The same, by the title the document prints ("GEWIJZIGDE MOTIE VAN …").
_TITLE_KIND = re.compile(
    r"^(?:(?:nader\s+)?gewijzigde?\s+)?(?P<kind>motie|amendement)\b", re.IGNORECASE
)
_REPLACES = re.compile(
    r"ter\s+vervanging\s+van\s+(?:die|het|dat)\s+gedrukt\s+onder\s+nr\.?\s*(\d+)", re.I
)
_OPENING = re.compile(r"^(?:de kamer|gehoord de beraadslaging)\b", re.IGNORECASE)
# The dictum: what the Kamer asks, says or decides.
_DICTUM = re.compile(
    r"^(?:verzoekt|roept|spreekt\s+(?:uit|als)|draagt|dringt|besluit|vraagt|wijst|"
    r"stelt|geeft|nodigt|zegt)\b",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"^en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\b", re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_ROMAN_SUFFIX = re.compile(r"^(\d+)\s*([A-Z]+)?$")


@dataclass(frozen=True, slots=True)
class Instrument:
    """A motion or amendment as read from its XML: the question record it becomes, and
    the file it came from."""

    question: Question
    path: Path


def read_instrument(path: Path, data: bytes | None = None) -> Instrument:
    """Read one motion or amendment. Refuses (exit 2) a file that is not safe or not
    whole, and any document that is not such an instrument."""
    try:
        tree = safe_parse(path, data)
    except WetdiffError as error:
        raise WetdiffError(
            error.what,
            file=error.file,
            line=error.line,
            hint=error.hint
            and "Official XML never declares entities and is never cut short: download "
            "the file again from zoek.officielebekendmakingen.nl. Nothing was registered.",
        ) from None
    root = tree.getroot()
    meta = _Metadata(root)
    kamerstuk = root if root.tag == "kamerstuk" else root.find("kamerstuk")
    stuk = kamerstuk.find("stuk") if kamerstuk is not None else None
    if kamerstuk is None or stuk is None:
        raise _not_an_instrument(path, root, _describe_root(root))
    printed_title = _text(stuk.find("titel"))
    kind = _kind(meta, printed_title, stuk)
    if kind is None:
        what = meta.first("DC.type", "OVERHEIDop.KamerstukTypen") or printed_title or "?"
        raise _not_an_instrument(path, stuk, f"a Kamerstuk of the type {what!r}")
    dossier = _text(kamerstuk.find("dossier/dossiernummer/dossiernr"))
    nummer = _text(stuk.find("stuknr/ondernummer")) or meta.first("OVERHEIDop.ondernummer")
    identifier = meta.first("DC.identifier", "OVERHEIDop.ParlID") or _id_from_record(meta)
    if not identifier and dossier and nummer:
        identifier = f"kst-{_dossier_key(dossier)}-{nummer}"
    if not identifier:
        raise WetdiffError(
            "this Kamerstuk names neither its identifier nor its dossier and number",
            file=path,
            line=stuk.sourceline,
            hint="Register it by hand: wetdiff question add ID --kind motie --summary …",
        )
    parts = _motion_parts(stuk, path) if kind == "motie" else _amendment_parts(stuk, path)
    date, date_note = _date(stuk, meta)
    indieners = _indieners(meta.all("OVERHEIDop.indiener"), parts.signatures)
    replaced = _REPLACES.search(printed_title)
    item: dict[str, object] = {
        "id": identifier,
        "kind": kind,
        "date": date or GAP,
        "asked_by": ", ".join(indieners),
        "link": GAP,
        "title": meta.first("OVERHEIDop.documenttitel") or printed_title,
        "dossier": dossier,
        "document": _citation(kamerstuk, dossier, nummer),
        "date_note": date_note,
        "considerations": list(parts.considerations),
        "request": "\n".join(parts.request),
        "replaces": (
            f"kst-{_dossier_key(dossier)}-{replaced.group(1)}" if replaced and dossier else ""
        ),
        "outcome": GAP,
        "imported_from": _imported_from(path, identifier, meta),
    }
    if not parts.request:
        raise WetdiffError(
            f"{identifier}: no request found ('verzoekt de regering …' or an amendment's "
            "instructions)",
            file=path,
            line=stuk.sourceline,
            hint="Register it by hand: wetdiff question add.",
        )
    for key, value in item.items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if isinstance(text, str) and find_control(text) is not None:
                at = find_control(text)
                assert at is not None
                raise WetdiffError(
                    f"control character {describe_control(text[at])} in the {key} of "
                    f"{identifier}; an official text never contains one",
                    file=path,
                    hint="The file is damaged; nothing was registered.",
                )
    return Instrument(validate_question(item), path)


def _describe_root(root: etree._Element) -> str:
    if root.tag in ("wetgeving", "toestand"):
        return "BWB XML (a consolidated text)"
    for tag in ("staatsblad", "staatscourant", "tractatenblad", "kamervragen", "handelingen"):
        if root.tag == tag or root.find(f".//{tag}") is not None:
            return f"a <{tag}> publication"
    return f"a <{root.tag}> document"


def _not_an_instrument(path: Path, element: etree._Element, what: str) -> WetdiffError:
    return WetdiffError(
        f"not a parliamentary instrument: this is {what}, not a motion or an amendment",
        file=path,
        line=element.sourceline,
        hint="wetdiff question import reads the XML of moties and amendementen "
        "(kst-…-N.xml from zoek.officielebekendmakingen.nl). Other questions: "
        "wetdiff question add.",
    )


class _Metadata:
    """The ``<meta name=… scheme=… content=…>`` entries of a publication."""

    def __init__(self, root: etree._Element) -> None:
        self.entries = [
            (m.get("name", ""), m.get("scheme", ""), clean(m.get("content", "")))
            for m in root.iterfind("metadata/meta")
        ]

    def all(self, name: str, scheme: str | None = None) -> list[str]:
        return [
            content
            for n, s, content in self.entries
            if n == name and (scheme is None or s == scheme) and content
        ]

    def first(self, name: str, scheme: str | None = None) -> str:
        found = self.all(name, scheme)
        return found[0] if found else ""


def _text(element: etree._Element | None) -> str:
    return clean(" ".join(element.itertext())) if element is not None else ""


def _kind(meta: _Metadata, printed_title: str, stuk: etree._Element) -> str | None:
    typed = meta.first("DC.type", "OVERHEIDop.KamerstukTypen").lower()
    if typed:
        return _TYPES.get(typed)
    match = _TITLE_KIND.match(printed_title)
    if match:
        return match.group("kind").lower()
    return "amendement" if stuk.find("amendement") is not None else None


def _id_from_record(meta: _Metadata) -> str:
    """``kst-28638-238`` from ".../kst-28638-238/metadata.xml" (the older form)."""
    record = meta.first("OVERHEIDop.externMetadataRecord")
    match = re.search(r"/(kst-[\w-]+)/metadata\.xml$", record)
    return match.group(1) if match else ""


def _dossier_key(dossier: str) -> str:
    """``36547`` from "36 547"; ``36200-VI`` from "36 200 VI" (a begroting's chapter)."""
    compact = dossier.replace("\u00a0", " ")
    match = _ROMAN_SUFFIX.match(re.sub(r"(?<=\d)\s+(?=\d)", "", compact).strip())
    if match:
        return f"{match.group(1)}-{match.group(2)}" if match.group(2) else match.group(1)
    return re.sub(r"\s+", "-", compact.strip())


def _citation(kamerstuk: etree._Element, dossier: str, nummer: str) -> str:
    """As lawyers cite it: "Kamerstukken II 2024/25, 36 547, nr. 28"."""
    head = {
        line.get("inhoud"): _text(line) for line in kamerstuk.iterfind("kamerstukkop/tekstregel")
    }
    years = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", head.get("vergaderjaar", ""))
    chamber = {"1": "I", "2": "II"}.get(head.get("kamernummer", ""), "")
    if not (years and chamber and dossier and nummer):
        return ""
    return f"Kamerstukken {chamber} {years.group(1)}/{years.group(2)[2:]}, {dossier}, nr. {nummer}"


def _date(stuk: etree._Element, meta: _Metadata) -> tuple[dt.date | None, str]:
    """The date the document prints ("Voorgesteld 5 juni 2025"), else the issue date of
    the metadata; None when neither is there."""
    datumtekst = stuk.find("datumtekst")
    note = _text(datumtekst)
    datum = datumtekst.find("datum") if datumtekst is not None else None
    for value in (
        datum.get("isodatum", "") if datum is not None else "",
        meta.first("DCTERMS.issued"),
    ):
        try:
            return dt.date.fromisoformat(value.strip()), note
        except ValueError:
            continue
    return None, note


@dataclass(frozen=True, slots=True)
class _Parts:
    considerations: tuple[str, ...]
    request: tuple[str, ...]
    signatures: tuple[str, ...]


def _paragraphs(element: etree._Element) -> list[str]:
    """The text as the reader sees it: one paragraph per ``<al>``; a list's items as
    "– …" lines under the paragraph before them; groups looked through."""
    found: list[str] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "al":
            found.append(_text(child))
        elif child.tag == "lijst":
            for item in child.iterfind("li"):
                mark = _text(item.find("li.nr")) or "–"
                words = " ".join(_text(al) for al in item if al.tag != "li.nr")
                line = f"{mark} {words}".strip()
                if found:
                    found[-1] += "\n" + line
                else:
                    found.append(line)
        elif child.tag not in ("noot", "kop", "nr"):
            found.extend(_paragraphs(child))
    return [p for p in found if p]


def _motion_parts(stuk: etree._Element, path: Path) -> _Parts:
    """Considerations, request and signatures, by the fixed order of a motion: the
    opening formula, the considerations, the dictum up to "en gaat over tot de orde van
    de dag.", then the names."""
    tekst = stuk.find(".//tekst")
    paragraphs = _paragraphs(tekst if tekst is not None else stuk)
    considerations: list[str] = []
    request: list[str] = []
    signatures: list[str] = []
    state = "considerations"
    for paragraph in paragraphs:
        if state == "signatures":
            signatures.append(paragraph)
        elif _CLOSING.match(paragraph):
            state = "signatures"
        elif state == "request" or _DICTUM.match(paragraph):
            state = "request"
            request.append(paragraph)
        elif _OPENING.match(paragraph):
            continue
        else:
            considerations.append(paragraph)
    return _Parts(tuple(considerations), tuple(request), tuple(signatures))


def _amendment_parts(stuk: etree._Element, path: Path) -> _Parts:
    """An amendment's instructions (``amendement-lid``) are what it asks; its
    explanation (``toelichting``, where the file has one) is its considerations."""
    amendement = stuk.find(".//amendement")
    request: list[str] = []
    if amendement is not None:
        for lid in amendement.iter("amendement-lid"):
            request.extend(_paragraphs(lid))
    toelichting = stuk.find(".//toelichting")
    considerations = _paragraphs(toelichting) if toelichting is not None else []
    names = [_text(n) for n in stuk.iter("naam")]
    return _Parts(tuple(considerations), tuple(request), tuple(n for n in names if n))


def _surname(full_name: str) -> str:
    """ "van Dijk" from "D.J.H. (Diederik) van Dijk", "Boomsma" from "D.T. Boomsma"."""
    words = [w for w in full_name.split() if not _INITIALS.match(w) and not w.startswith("(")]
    return " ".join(words)


def _indieners(full_names: list[str], signatures: tuple[str, ...]) -> list[str]:
    """The members who filed it, in the order they signed (the first is the one the
    title names), with the full names the metadata gives where it gives them."""
    remaining = list(full_names)
    ordered: list[str] = []
    for signature in signatures:
        signed = signature.lower()
        match = next(
            (n for n in remaining if _surname(n) and signed.endswith(_surname(n).lower())),
            None,
        )
        if match is not None:
            remaining.remove(match)
            ordered.append(match)
        else:
            ordered.append(signature)
    return ordered + remaining


def _imported_from(path: Path, identifier: str, meta: _Metadata) -> str:
    record = meta.first("OVERHEIDop.externMetadataRecord")
    where = f"; metadata: {record}" if record else ""
    return f"{path.name} (officiële publicatie {identifier}, XML{where})"


# -- registering them --------------------------------------------------------------------

# The fields an import writes from the XML. The others (a link, the outcome of the vote,
# related questions, where it was answered, a summary in one's own words) are a lawyer's
# to add, and a re-import leaves them alone.
_IMPORTED = (
    "kind",
    "date",
    "asked_by",
    *(f for f in INSTRUMENT_FIELDS if f not in ("outcome", "related", "relation", "imported_from")),
)


@dataclass(frozen=True, slots=True)
class QuestionImport:
    """What ``wetdiff question import`` did: the records added to ``registry``, and those
    that were registered already with the same content (a re-import changes nothing)."""

    registry: Path
    added: tuple[Question, ...]
    unchanged: tuple[Question, ...]


def import_instruments(
    root: Path, proposal: str, paths: list[Path], *, commit: bool = True
) -> QuestionImport:
    """Register the motions and amendments of ``paths`` in the proposal's questions
    registry, in one write and one commit. Every file is read first: one that is not an
    instrument, or a record that is registered already with other content, stops the
    whole import before anything is written."""
    from wetdiff.notes.proposal import load_questions, questions_path, register_questions

    if not paths:
        raise WetdiffError("no file given", hint="wetdiff question import kst-36547-28.xml …")
    instruments = [read_instrument(path) for path in paths]
    registry = load_questions(root, proposal)
    added: dict[str, Instrument] = {}
    unchanged: dict[str, Question] = {}
    for instrument in instruments:
        question = instrument.question
        earlier = added.get(question.id)
        if earlier is not None:
            if _differs(earlier.question, question) is None:
                continue
            raise WetdiffError(
                f"{earlier.path.name} and {instrument.path.name} are both {question.id}, "
                "with different content; nothing was registered",
                file=instrument.path,
            )
        existing = registry.get(question.id)
        if existing is None:
            added[question.id] = instrument
            continue
        different = _differs(existing, question)
        if different is not None:
            raise WetdiffError(
                f"{question.id} is registered already, with another {different} than "
                f"{instrument.path.name} gives; nothing was registered",
                file=existing.source or None,
                line=existing.line,
                hint="Remove or correct that entry (its id is the Kamer's own), then import again.",
            )
        unchanged[question.id] = existing
    target = questions_path(root, proposal)
    new = [i.question for i in added.values()]
    if new:
        register_questions(root, proposal, new, _message(new), commit=commit)
        written = load_questions(root, proposal)
        new = [written.get(q.id) or q for q in new]
    return QuestionImport(target, tuple(new), tuple(unchanged.values()))


def _differs(existing: Question, imported: Question) -> str | None:
    """The first field an import would write differently, or None."""
    for name in _IMPORTED:
        if getattr(existing, name) != getattr(imported, name):
            return name
    return None


def _message(questions: list[Question]) -> str:
    kinds = sorted({q.kind for q in questions})
    what = " and ".join(kinds)
    if len(questions) == 1:
        subject = f"Question {questions[0].id}: {what} registered from the official XML"
    else:
        subject = f"Questions: {len(questions)} ({what}) registered from the official XML"
    body = "\n".join(f"- {q.id}: {q.title or q.summary}" for q in questions)
    return f"{subject}\n\n{body}"
