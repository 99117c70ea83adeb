"""The memo as a department sends it (issue 14): aanleiding and overview first, then the
changes per ARTIKEL and onderdeel of the wijzigingsopdrachten, then the concordance, one
list of open points, and the articles as they will read; the same in md, html, docx and
json. Made as a lawyer makes it: `wetdiff memo law 36547 -o memo.docx`."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import docx
import pytest
from store_helpers import forget_open_workspaces

from wetdiff.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SECTIONS = [
    "Aanleiding",
    "Overzicht",
    "Artikelsgewijze toelichting",
    "Concordantietabel",
    "Verwijzingen om aan te passen",
    "Vragenindex",
    "Open punten",
    "Bijlage A. Wijzigingsopdrachten",
    "Bijlage B. Doorlopende tekst",
]
FORMATS = ("docx", "md", "html", "json")
ONDERDELEN = [
    "ARTIKEL I, onderdeel A (artikel 273f) — komt te luiden",
    "ARTIKEL I, onderdeel B (artikelen 273fa en 273fb) — ingevoegd",
]


@pytest.fixture(scope="module")
def memos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """`wetdiff memo law 36547 -o memo.FORMAT` for every format, outside any workspace
    (the shipped example), once for the module."""
    folder = tmp_path_factory.mktemp("memo")
    before = Path.cwd()
    os.chdir(folder)
    try:
        for fmt in FORMATS:
            try:
                code = main(["memo", "law", "36547", "-o", f"memo.{fmt}"])
            except SystemExit as done:
                code = done.code
            assert not code
    finally:
        os.chdir(before)
        forget_open_workspaces()
    return {fmt: folder / f"memo.{fmt}" for fmt in FORMATS}


def test_docx_sections_come_in_the_order_a_department_sends_them(memos: dict[str, Path]) -> None:
    document = docx.Document(str(memos["docx"]))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    headings = [(style, text) for style, text in styled if style.startswith("Heading")]
    assert [text for style, text in headings if style == "Heading 1"] == SECTIONS
    assert [text for style, text in headings if style == "Heading 2"] == [
        "Samenvatting",
        "ARTIKEL I — Wetboek van Strafrecht",
    ]
    assert [text for style, text in headings if style == "Heading 3"] == ONDERDELEN
    # the onderdelen stand inside the artikelsgewijze toelichting
    order = [text for _, text in headings]
    assert order.index("Artikelsgewijze toelichting") < order.index(ONDERDELEN[0])
    assert order.index(ONDERDELEN[1]) < order.index("Concordantietabel")


def test_docx_renvooi_under_each_onderdeel_is_real_tracked_changes(memos: dict[str, Path]) -> None:
    document = docx.Document(str(memos["docx"]))
    body = document.element.body
    paragraphs = list(body.iter(f"{W}p"))
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]
    start = texts.index(ONDERDELEN[0])
    end = texts.index("Concordantietabel")
    revisions = [p for p in paragraphs[start:end] if p.findall(f"{W}ins") or p.findall(f"{W}del")]
    assert revisions, "the renvooi of the onderdelen carries w:ins / w:del"
    assert any(p.findall(f".//{W}delText") for p in revisions)
    # the instruction itself, and the appendix with the article as it will read
    assert "Artikel 273f komt te luiden:" in texts[start:end]
    appendix = "\n".join(texts[texts.index("Bijlage B. Doorlopende tekst") :])
    assert "Artikel 273fa" in appendix and "Niet strafbaar is het slachtoffer" in appendix


def test_markdown_and_html_have_the_same_sections_in_the_same_order(memos: dict[str, Path]) -> None:
    markdown = memos["md"].read_text(encoding="utf-8")
    html = memos["html"].read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", markdown, flags=re.M) == SECTIONS
    assert re.findall(r"<h2>([^<]+)</h2>", html) == SECTIONS
    assert re.findall(r"^#### (.+)$", markdown, flags=re.M) == ONDERDELEN
    assert re.findall(r"<h4>([^<]+)</h4>", html) == ONDERDELEN
    for text in (markdown, html):
        # the aanleiding names the letter of 9 September 2022 and where it is answered
        aanleiding = text.partition("Aanleiding")[2].partition("Overzicht")[0]
        assert (
            "28638-210" in aanleiding
            and "ARTIKEL I, onderdeel B (artikelen 273fa en 273fb)" in aanleiding
        )
        # an open question and a gap stand in the one list of open points
        points = text.partition("Open punten")[2].partition("Bijlage A")[0]
        assert "kst-36547-28" in points and "Onbekend (gap)" in points
        # a motion's request, quoted up to its closing comma, reads as a sentence there
        assert ", (gap" not in points


def test_json_carries_the_same_structure(memos: dict[str, Path]) -> None:
    data = json.loads(memos["json"].read_text(encoding="utf-8"))
    (artikel,) = data["artikelen"]
    assert artikel["numeral"] == "I" and artikel["regeling"] == "Wetboek van Strafrecht"
    headings = [o["heading"] for o in artikel["onderdelen"]]
    assert headings == ["ARTIKEL I, onderdeel A", "ARTIKEL I, onderdeel B"]
    # every change stands under exactly one onderdeel
    placed = [c for o in artikel["onderdelen"] for c in o["changes"]]
    assert sorted(placed) == sorted(c["id"] for c in data["changes"])
    a, b = artikel["onderdelen"]
    assert a["instruction"].startswith("Artikel 273f komt te luiden:")
    assert b["articles"] == ["273fa", "273fb"]
    # a note explains its onderdeel once, however many of its changes it covers
    ids = [n["id"] for n in a["notes"]]
    assert len(ids) == len(set(ids)) and "273f-1-een-delict" in ids
    assert "28638-210" in [item["question"]["id"] for item in data["aanleiding"]]
    kinds = {p["kind"] for p in data["open_points"]}
    assert {"question", "gap"} <= kinds
    assert [x["number"] for x in data["appendix"]] == ["273f", "273fa", "273fb"]


def test_a_renumbered_article_and_a_new_one_under_its_old_number_keep_their_own_changes() -> None:
    """138a renumbered to 138ab and a new 138a inserted (Sr, 2010): the changes of the
    new 138a stand under the onderdeel that inserts it, not under the renumbering."""
    from wetdiff.diff import compare
    from wetdiff.memo import build_memo
    from wetdiff.model.text_format import parse
    from wetdiff.model.version import Version

    def code(*texts: str) -> Version:
        artikelen = tuple(parse(t, source="<test>") for t in texts)
        return Version("v", "v", artikelen, regeling="Wetboek van Strafrecht")

    old = code(
        "Artikel 138\n\nHuisvredebreuk.\n",
        "Artikel 138a\n\nComputervredebreuk, een lange bepaling over het binnendringen.\n",
    )
    new = code(
        "Artikel 138\n\nHuisvredebreuk.\n",
        "Artikel 138a\n\nEen geheel nieuwe bepaling over iets anders.\n",
        "Artikel 138ab\n\nComputervredebreuk, een lange bepaling over het binnendringen.\n",
    )
    memo = build_memo(old, new, compare(old, new))
    assert memo.instructions.proven
    by_heading = {o.heading: o for o in memo.onderdelen}
    inserted = [o for o in by_heading.values() if o.does == "ingevoegd"]
    assert [o.articles for o in inserted] == [("138a",)]
    placed = [memo.change(c) for c in inserted[0].changes]
    assert placed and all(c is not None and c.artikel == "138a" for c in placed)
    assert sum(len(o.changes) for o in memo.onderdelen) == len(memo.changes)
