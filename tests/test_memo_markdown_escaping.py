"""The Markdown memo shows what lawyers and the data wrote as text, never as markup: a
citation, a link, a question's link or date, a gap with a line that looks like a list or a
heading. Checked the way a reader sees it: rendered by a Markdown renderer (CommonMark,
raw HTML allowed, as GitHub and GitLab render memos), no tag or link appears that the
memo did not make itself."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from wetdiff.diff import compare
from wetdiff.memo import build_memo, render
from wetdiff.model.version import load_path
from wetdiff.notes import attach, load_registry, parse_notes

FIXTURE = Path(__file__).parent / "fixtures" / "memo"
HOSTILE = "<img src=x onerror=alert(1)>"

NOTES = f'''
[[note]]
id = "9-strafmaximum"
at = "9/1"
side = "new"
quote = "twaalf jaren"
answers = ["2022Z19982/3"]
gap = """niet openbaar
- lijst die geen lijst is
# kop die geen kop is
1. genummerd"""
rationale = """
Zie [hier](https://example.org/a) {HOSTILE} en <b>vet</b>.
"""

[[note.citation]]
document = "<b>Kamerstuk</b> [x](https://evil.example/) (nr. 3))"
section = "§ 1)"
page = "2"
link = "https://example.org/doc)<b>vet</b>{HOSTILE}"

[[note]]
id = "9-kwetsbaar"
at = "9/2"
side = "new"
quote = "kwetsbare positie"
rationale = """
Met een [link](https://example.org/x"title"<b>) erin.
"""
'''

QUESTIONS = f"""
[[question]]
id = "2022Z19982/3"
kind = "schriftelijke vraag"
date = 2022-10-20
asked_by = "<b>Kuik</b> (CDA)"
summary = "Hoe hoog [is](https://evil.example/) het {HOSTILE}?"
link = "https://example.org/q)<b>x</b>{HOSTILE}"
"""


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("memo")
    (folder / "questions.toml").write_text(QUESTIONS, encoding="utf-8")
    old, new = load_path(FIXTURE / "old"), load_path(FIXTURE / "new")
    changeset = compare(old, new)
    notes = parse_notes(NOTES, "notes.toml")
    memo = build_memo(
        old,
        new,
        changeset,
        attach(notes, changeset),
        load_registry([folder / "questions.toml"]),
        author="<b>J.</b> [Jurist](https://evil.example/)",
        created=dt.datetime(2025, 1, 2, tzinfo=dt.UTC),
    )
    markdown = render(memo, "md").decode()
    # the instructions and the articles as they will read are code blocks: shown, not read
    return str(MarkdownIt("commonmark").render(markdown))


def test_no_tag_from_the_data_is_rendered(html: str) -> None:
    tags = set(re.findall(r"<([a-z]+)[\s>]", html))
    assert "img" not in tags and "b" not in tags, tags
    assert not re.search(r"<[^>]*\sonerror=", html)  # as text or inside an address only


def test_every_link_goes_where_the_data_says(html: str) -> None:
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs, html
    assert all(h.startswith("https://example.org/") for h in hrefs), hrefs
    assert not any(re.search(r"[<>()\"]", h) for h in hrefs), hrefs


def test_a_line_that_looks_like_markdown_stays_a_line_of_text(html: str) -> None:
    assert "<h1>kop die geen kop is" not in html and "kop die geen kop is" in html
    assert "<li>lijst die geen lijst is" not in html and "<li>genummerd" not in html
