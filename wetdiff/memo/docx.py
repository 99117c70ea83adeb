"""The memo as a Word document, with real tracked changes in the renvooi parts.

A renvooi paragraph is the old text with the changes as revisions: ``w:del`` (holding
``w:delText``) for struck words and ``w:ins`` for new ones, each with a unique ``w:id``,
the author and the date, so that Word and LibreOffice show them as revisions a lawyer
can accept or reject; accepting all gives the new text. Everything else is tables, and
headings use Word's own heading styles (so the navigation pane and a table of contents
work). All text goes through python-docx and its ``OxmlElement`` API; no XML is built by
joining strings.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from lxml import etree

from wetdiff.memo.labels import labels
from wetdiff.memo.model import Memo, MemoChange, Renvooi
from wetdiff.memo.rationale import Paragraph
from wetdiff.memo.structure import MemoOnderdeel


class _Revisions:
    """Unique revision ids for one document, with who and when."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author or "wetdiff"
        self.date = date
        self._ids = itertools.count(1)

    def element(self, tag: str) -> BaseOxmlElement:
        revision = OxmlElement(tag)
        revision.set(qn("w:id"), str(next(self._ids)))
        revision.set(qn("w:author"), self.author)
        revision.set(qn("w:date"), self.date)
        return revision


def _text(parent: BaseOxmlElement, text: str, *, deleted: bool = False) -> BaseOxmlElement:
    """A run holding ``text`` (``w:t``, or ``w:delText`` inside a deletion)."""
    run = etree.SubElement(parent, qn("w:r"))
    piece = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
    piece.set(qn("xml:space"), "preserve")
    piece.text = text
    return run


def renvooi_paragraph(
    paragraph: BaseOxmlElement, parts: tuple[Renvooi, ...], revisions: _Revisions
) -> None:
    """The old text with the changes as tracked revisions: accept all, and it reads as
    the new text."""
    for part in parts:
        if not part.text:
            continue
        if part.op == "equal":
            _text(paragraph, part.text)
        else:
            revision = revisions.element("w:del" if part.op == "delete" else "w:ins")
            _text(revision, part.text, deleted=part.op == "delete")
            paragraph.append(revision)


class _Body:
    """Appends paragraphs at the end of the document body in constant time (python-docx's
    ``add_paragraph`` looks for the section properties from the start of the body every
    time, which makes a whole-code memo quadratic); elements are made with the oxml
    element API, styles set by id."""

    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self._sect = document.element.body.sectPr

    def paragraph(
        self, text: str = "", style: str | None = None, *, bold: bool = False, italic: bool = False
    ) -> BaseOxmlElement:
        p = OxmlElement("w:p")
        if self._sect is not None:
            self._sect.addprevious(p)
        else:
            self.document.element.body.append(p)
        if style:
            properties = etree.SubElement(p, qn("w:pPr"))
            etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style)
        if text:
            run = _text(p, text)
            if bold or italic:
                look = OxmlElement("w:rPr")
                for flag, tag in ((bold, "w:b"), (italic, "w:i")):
                    if flag:
                        etree.SubElement(look, qn(tag))
                run.insert(0, look)
        return p

    def heading(self, text: str, level: int) -> BaseOxmlElement:
        return self.paragraph(text, "Title" if level == 0 else f"Heading{level}")

    def lines(self, text: str, style: str) -> None:
        """Lines kept as they are (the wijzigingsopdrachten), one paragraph per block."""
        run = etree.SubElement(self.paragraph(style=style), qn("w:r"))
        lines = text.split("\n")
        for index, line in enumerate(lines):
            piece = etree.SubElement(run, qn("w:t"))
            piece.set(qn("xml:space"), "preserve")
            piece.text = line
            if index < len(lines) - 1:
                etree.SubElement(run, qn("w:br"))


def _styled_run(
    paragraph: BaseOxmlElement,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    code: bool = False,
) -> None:
    run = _text(paragraph, text)
    if bold or italic or code:
        look = OxmlElement("w:rPr")
        if code:
            fonts = etree.SubElement(look, qn("w:rFonts"))
            for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
                fonts.set(qn(attribute), "Courier New")
        for flag, tag in ((bold, "w:b"), (italic, "w:i")):
            if flag:
                etree.SubElement(look, qn(tag))
        run.insert(0, look)


def rationale_paragraphs(cell: BaseOxmlElement, blocks: tuple[Paragraph, ...]) -> None:
    """A rationale (Markdown) in a table cell: a paragraph per block, bold and italic
    runs as written, list items in Word's list styles (nested ones indented further), a
    link's address after its words. Made with the element API, never from XML text."""
    first = True
    for block in blocks:
        paragraph = cell.p_lst[0] if first else etree.SubElement(cell, qn("w:p"))
        first = False
        if block.item:
            style = "ListNumber" if block.number else "ListBullet"
            if block.level > 1:
                style += str(min(block.level, 3))
            properties = paragraph.get_or_add_pPr()
            etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style)
        for run in block.runs:
            _styled_run(paragraph, run.text, bold=run.bold, italic=run.italic, code=run.code)
            if run.link and run.link != run.text:
                _styled_run(paragraph, f" ({run.link})", italic=run.italic)


def _table(
    document: WordDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str | tuple[Paragraph, ...]]],
) -> None:
    """A table with all its rows made at once (adding rows one by one re-reads the whole
    table each time); each cell's paragraph gets its text as one run, the header bold; a
    rationale's blocks become paragraphs of their own."""
    lines: list[Sequence[str | tuple[Paragraph, ...]]] = (
        [header, *rows] if any(header) else list(rows)
    )  # key-value tables have no header
    table = document.add_table(rows=len(lines), cols=len(header))
    table.style = "Table Grid"
    offset = 0 if any(header) else 1
    for index, (tr, values) in enumerate(zip(table._tbl.tr_lst, lines, strict=True), offset):
        for tc, text in zip(tr.tc_lst, values, strict=True):
            if not text:
                continue
            if not isinstance(text, str):
                rationale_paragraphs(tc, text)
                continue
            run = _text(tc.p_lst[0], text)
            if index == 0:
                look = OxmlElement("w:rPr")
                etree.SubElement(look, qn("w:b"))
                run.insert(0, look)


def _code_style(document: WordDocument) -> str:
    """A paragraph style for the wijzigingsopdrachten (monospaced, as the text is laid
    out by its indentation); returns its style id."""
    style = document.styles.add_style("Wijzigingsopdracht", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9)
    return style.style_id


def _properties(document: WordDocument, memo: Memo) -> None:
    """The file's own facts (File → Properties): a title naming what was compared, the
    author (``--author``, ``WETDIFF_AUTHOR``), and the moment the memo was generated
    (python-docx's template would otherwise carry its own date from 2013)."""
    t = labels(memo.lang)
    properties = document.core_properties
    properties.title = _property(f"{t['title']}: {memo.old} → {memo.new}")
    properties.subject = _property(f"{memo.old_title} → {memo.new_title}")
    properties.author = _property(memo.author or "wetdiff")
    properties.last_modified_by = _property(memo.author or "wetdiff")
    properties.created = memo.created
    properties.modified = memo.created
    properties.revision = 1
    properties.language = memo.lang
    properties.comments = _property("; ".join(memo.illustrative))  # not "python-docx"


def _property(text: str, limit: int = 255) -> str:
    """A text property as Word's file format holds it: at most 255 characters (two
    versions named by long paths make a longer title), cut at a word with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _page_header(document: WordDocument, memo: Memo) -> None:
    """Every page's header names the memo and, for an illustrative text, its label, so a
    printed page never passes the draft off as the official text."""
    t = labels(memo.lang)
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.text = f"{t['title']}: {memo.old} → {memo.new}"
    for label in memo.illustrative:
        run = header.add_paragraph().add_run(f"{t['illustrative']}: {label}")
        run.bold = True


def _verdict(memo: Memo) -> str:
    t = labels(memo.lang)
    if memo.instructions.proven:
        return t["proven"]
    return f"{t['not_proven']}: {memo.instructions.problem}"


def _amendments(body: _Body, document: WordDocument, memo: Memo) -> None:
    """Each amendment the memo is about: citation, indieners, date, what it replaces
    and its toelichting."""
    t = labels(memo.lang)
    for amendment in memo.amendments:
        body.heading(f"{t['amendments']}: {amendment.name}", level=1)
        if amendment.title:
            body.paragraph(amendment.title, italic=True)
        rows = [
            [t["amendment_cited"], amendment.cited],
            [t["amendment_on"], amendment.on],
            [t["amendment_indieners"], amendment.indieners],
            [t["amendment_date"], amendment.date],
        ]
        if amendment.replaces:
            rows.append([t["amendment_replaces"], amendment.replaces])
        _table(document, ["", ""], rows)
        body.heading(t["amendment_toelichting"], level=2)
        if not amendment.blocks:
            body.paragraph(t["amendment_no_toelichting"])
        for block in amendment.blocks:
            body.paragraph(block.text, style="ListBullet" if block.item else None)


def _aanleiding(body: _Body, document: WordDocument, memo: Memo) -> None:
    t = labels(memo.lang)
    body.heading(t["aanleiding"], level=1)
    if not memo.aanleiding:
        body.paragraph(t["no_aanleiding"])
        return
    body.paragraph(t["aanleiding_intro"])
    for item in memo.aanleiding:
        q = item.question
        link = f" {q.link}" if q.link.startswith("http") else ""
        body.paragraph(
            f"{q.id} — {q.summary} ({q.kind}, {q.asked_by or 'gap'}, {q.date}){link}",
            style="ListBullet",
        )
        body.paragraph(f"{t['answered_in']}: {'; '.join(item.onderdelen)}", style="ListBullet2")
        for note in item.notes:
            body.paragraph(note, style="ListBullet2")


def _overview(body: _Body, document: WordDocument, memo: Memo) -> None:
    t = labels(memo.lang)
    body.heading(t["overview"], level=1)
    if memo.onderdelen:
        _table(
            document,
            [t["onderdeel"], t["articles"], t["does"], t["changes"], t["answers"]],
            [
                [
                    o.heading,
                    ", ".join(o.articles),
                    o.does,
                    str(len(o.changes)),
                    ", ".join(o.answers) or "—",
                ]
                for o in memo.onderdelen
            ],
        )
    body.heading(t["summary"], level=2)
    if memo.counts:
        _table(
            document,
            [t["kind"], t["count"]],
            [[row.words, str(row.count)] for row in memo.counts] + [[t["total"], str(memo.total)]],
        )
    else:
        body.paragraph(t["no_changes"])


def _onderdeel(
    body: _Body,
    document: WordDocument,
    memo: Memo,
    onderdeel: MemoOnderdeel,
    revisions: _Revisions,
    code_style: str,
    by_id: dict[str, MemoChange],
) -> None:
    """One onderdeel: its instruction, the renvooi of its changes as tracked revisions,
    the rationale of its changes (each note once) and the questions it answers."""
    t = labels(memo.lang)
    body.heading(f"{onderdeel.title} — {onderdeel.does}", level=3)
    if onderdeel.instruction:
        body.paragraph(f"{t['instruction']}:", bold=True)
        for chunk in re.split(r"\n\s*\n", onderdeel.instruction):
            body.lines(chunk, code_style)
    body.paragraph(f"{t['renvooi']}:", bold=True)
    for change in (by_id[i] for i in onderdeel.changes if i in by_id):
        where = f"{change.location} — {change.kinds_words}"
        if change.old_location:
            where += f" ({t['was']}: {change.old_location})"
        body.paragraph(where, italic=True)
        renvooi_paragraph(body.paragraph(style="Quote"), change.renvooi, revisions)
    if not onderdeel.notes and memo.has_notes:
        body.paragraph(t["no_note"], italic=True)
    for note in onderdeel.notes:
        rows: list[list[str | tuple[Paragraph, ...]]] = [
            [t["rationale"], note.blocks or note.rationale or t["gap"]]
        ]
        if note.gap:
            rows.append([t["gap"], note.gap])
        for words, link in note.citations:
            rows.append([t["citations"], f"{words} {link}".strip()])
        _table(document, ["", ""], rows)
    if onderdeel.answers:
        body.paragraph(f"{t['answers']}: {', '.join(onderdeel.answers)}")


def render_docx(memo: Memo) -> bytes:
    t = labels(memo.lang)
    document = Document()
    _properties(document, memo)
    document.styles["Normal"].font.size = Pt(10.5)
    body = _Body(document)
    code_style = _code_style(document)
    revisions = _Revisions(memo.author, memo.created.strftime("%Y-%m-%dT%H:%M:%SZ"))
    _page_header(document, memo)
    body.heading(t["title"], level=0)
    for label in memo.illustrative:
        body.paragraph(f"{t['illustrative']}: {label}", bold=True)
    _table(
        document,
        ["", ""],
        [
            [t["old"], memo.old_title or memo.old],
            [t["new"], memo.new_title or memo.new],
            [t["created"], f"{memo.created.isoformat()} {t['by']} {memo.author or 'gap'}"],
        ],
    )
    _amendments(body, document, memo)
    _aanleiding(body, document, memo)
    _overview(body, document, memo)
    body.heading(t["toelichting"], level=1)
    body.paragraph(t["legend"], italic=True)
    if not memo.has_notes:
        body.paragraph(t["no_notes"], italic=True)
    if memo.instructions.text:
        body.paragraph(_verdict(memo), bold=True)
    by_id = memo.changes_by_id()
    for artikel in memo.artikelen:
        if artikel.numeral:
            regeling = f" — {artikel.regeling}" if artikel.regeling else ""
            body.heading(f"ARTIKEL {artikel.numeral}{regeling}", level=2)
        for onderdeel in artikel.onderdelen:
            _onderdeel(body, document, memo, onderdeel, revisions, code_style, by_id)
    if memo.concordance:
        body.heading(t["concordance"], level=1)
        _table(
            document,
            [t["old_numbering"], t["new_numbering"], t["kind"]],
            [[r.old or "—", r.new or "—", r.words or r.kind] for r in memo.concordance],
        )
    if memo.stale:
        body.heading(t["stale"], level=1)
        body.paragraph(t["stale_intro"])
        _table(
            document,
            [t["stale_provision"], t["stale_citation"], t["stale_old"], t["stale_new"]],
            [
                [
                    r.location,
                    f"«{r.text}»",
                    r.old_target,
                    (r.new_target or t["stale_gone"])
                    + (f" ({t['stale_also']} {r.also})" if r.also else ""),
                ]
                for r in memo.stale
            ],
        )
    body.heading(t["questions"], level=1)
    if memo.questions:
        rows = []
        for q in memo.questions:
            found = (memo.onderdeel_of(c) for c in q.answered_by)
            answered = "; ".join(dict.fromkeys(o.title for o in found if o is not None))
            if not answered:
                answered = (
                    f"{t['answered_elsewhere']}: {q.answered_elsewhere}"
                    if q.status == "elsewhere"
                    else f"{t['open']}"
                    + (f" ({q.answered_elsewhere})" if q.answered_elsewhere else "")
                )
            rows.append(
                [
                    f"{q.id} — {q.summary} ({q.date}) {q.link if q.link != 'gap' else ''}".strip(),
                    q.kind,
                    q.asked_by,
                    answered or "—",
                ]
            )
        _table(document, [t["question"], t["kind"], t["asked_by"], t["answered_by"]], rows)
    else:
        body.paragraph(t["no_questions"])
    body.heading(t["open_points"], level=1)
    if memo.open_points:
        body.paragraph(t["open_points_intro"])
        for point in memo.open_points:
            body.paragraph(
                f"{t['point_' + point.kind]} — {point.subject}: {point.text}", style="ListBullet"
            )
    else:
        body.paragraph(t["none_open_points"])
    body.heading(t["appendix_instructions"], level=1)
    if memo.instructions.text:
        for label in memo.illustrative:
            body.paragraph(f"{t['illustrative']}: {label}", bold=True)
        body.paragraph(f"{t['base']}: {memo.instructions.base}")
        body.paragraph(_verdict(memo), bold=True)
        for chunk in re.split(r"\n\s*\n", memo.instructions.text.strip("\n")):
            body.lines(chunk, code_style)
    else:
        body.paragraph(t["no_instructions"])
    if memo.instructions.consequential:
        body.heading(t["consequential_block"], level=2)
        body.paragraph(t["consequential_block_intro"])
        for chunk in re.split(r"\n\s*\n", memo.instructions.consequential.strip("\n")):
            body.lines(chunk, code_style)
    if memo.appendix:
        body.heading(t["appendix_text"], level=1)
        body.paragraph(t["appendix_text_intro"])
        for article in memo.appendix:
            for chunk in re.split(r"\n\s*\n", article.text.strip("\n")):
                body.lines(chunk, "Normal")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
