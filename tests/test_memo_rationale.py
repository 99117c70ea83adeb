"""A note's rationale is Markdown: the memo shows its emphasis and lists in every format,
and never lets anything in it act as markup (``<script>``, ``[bold]``, control
characters)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from wetdiff.diff import compare
from wetdiff.memo import build_memo, render
from wetdiff.memo.model import Memo
from wetdiff.model.version import load_path
from wetdiff.notes import attach, read_notes

FIXTURE = Path(__file__).parent / "fixtures" / "memo"
RATIONALE = """Het maximum gaat **vet** omhoog, *zie* [het advies](https://example.org/advies).

Redenen:

- eerste reden met <script>alert(1)</script>
- tweede reden [bold] en `code`
    - dieper

1. genummerd\x1b
"""


@pytest.fixture(scope="module")
def memo(tmp_path_factory: pytest.TempPathFactory) -> Memo:
    notes = tmp_path_factory.mktemp("notes") / "notes.toml"
    rationale = RATIONALE.replace("\\", "\\\\").replace("\x1b", "\\u001b")
    notes.write_text(
        f'''[[note]]
id = "9-strafmaximum"
at = "9/1"
side = "new"
quote = "twaalf jaren"
rationale = """
{rationale}"""
''',
        encoding="utf-8",
    )
    old, new = load_path(FIXTURE / "old"), load_path(FIXTURE / "new")
    changeset = compare(old, new)
    attachment = attach(read_notes(notes).notes, changeset)
    return build_memo(
        old,
        new,
        changeset,
        attachment,
        author="J. Jurist",
        created=dt.datetime(2025, 1, 2, tzinfo=dt.UTC),
    )


def test_markdown_memo_keeps_emphasis_and_lists_and_escapes_the_rest(memo: Memo) -> None:
    text = render(memo, "md").decode()
    assert (
        "**Toelichting:**\n\nHet maximum gaat **vet** omhoog, *zie* "
        "[het advies](https://example.org/advies)." in text
    )
    assert "- eerste reden met \\<script\\>alert(1)\\</script\\>" in text
    assert "- tweede reden \\[bold\\] en `code`" in text
    assert "    - dieper" in text
    assert "1. genummerd␛" in text
    assert "<script>" not in text.partition("```text")[0]
    assert "\x1b" not in text


def test_html_memo_renders_the_markdown_and_shows_html_as_text(memo: Memo) -> None:
    html = render(memo, "html").decode()
    assert (
        "<p><strong>Toelichting:</strong> Het maximum gaat <strong>vet</strong> omhoog, "
        '<em>zie</em> <a href="https://example.org/advies">het advies</a>.</p>' in html
    )
    assert "<li>eerste reden met &lt;script&gt;alert(1)&lt;/script&gt;</li>" in html
    assert "<li>tweede reden [bold] en <code>code</code>" in html
    assert "<ol>\n<li>genummerd␛</li>" in html
    assert "<script>" not in html
    assert "\x1b" not in html


def test_html_memo_refuses_script_links() -> None:
    from wetdiff.memo.html import rationale

    html = str(rationale("[klik](javascript:alert(1)) <b>x</b>", "Toelichting"))
    assert "javascript:" not in html.replace("[klik](javascript:alert(1))", "")
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_docx_memo_has_bold_italic_runs_and_list_paragraphs(memo: Memo) -> None:
    document = docx.Document(io.BytesIO(render(memo, "docx")))
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    (cell,) = [c for c in cells if c.text.startswith("Het maximum gaat")]
    paragraphs = cell.paragraphs
    runs = {run.text: run for run in paragraphs[0].runs}
    assert runs["vet"].bold and not runs["Het maximum gaat "].bold
    assert runs["zie"].italic
    assert "(https://example.org/advies)" in paragraphs[0].text
    by_text = {p.text: p for p in paragraphs}
    assert by_text["eerste reden met <script>alert(1)</script>"].style.name == "List Bullet"
    assert by_text["dieper"].style.name == "List Bullet 2"
    assert by_text["genummerd␛"].style.name == "List Number"
    assert by_text["tweede reden [bold] en code"].runs[-1].font.name == "Courier New"


CONSEQUENTIAL = Path(__file__).parent / "fixtures" / "consequential"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_memo_lists_the_citations_to_update(fmt: str) -> None:
    """2006: 273a became 273f; articles 5, 5a, 71 and 77d still cite 273a."""
    old, new = load_path(CONSEQUENTIAL / "2006-08-02"), load_path(CONSEQUENTIAL / "2006-09-03")
    memo = build_memo(
        old,
        new,
        compare(old, new),
        author="J. Jurist",
        created=dt.datetime(2025, 1, 2, tzinfo=dt.UTC),
    )
    assert [(r.location, r.old_target, r.new_target) for r in memo.stale] == [
        ("artikel 5, eerste lid, onderdeel 3°", "artikel 273a", "artikel 273f"),
        ("artikel 5a, eerste lid", "artikel 273a", "artikel 273f"),
        ("artikel 71, onderdeel 3°", "artikel 273a", "artikel 273f"),
        ("artikel 77d, tweede lid", "artikel 273a", "artikel 273f"),
    ]
    data = render(memo, fmt)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        text += "\n".join(p.text for p in document.paragraphs)
    else:
        text = data.decode()
    assert "Verwijzingen om aan te passen" in text
    assert "artikel 77d, tweede lid" in text and "«273a»" in text
