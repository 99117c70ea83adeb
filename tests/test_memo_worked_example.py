"""The memo of the worked example (273f Sr in force vs bill 36 547, nr. 2, illustrative
draft) in all three formats, through the CLI and the store, as a lawyer makes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from wetdiff.cli import main

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL = "illustratief ontwerp — niet de officiële tekst van Kamerstuk 36 547"


def test_worked_example_memo_in_all_three_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], worked_example: Path
) -> None:
    for name in ("memo.md", "memo.html", "memo.docx"):
        try:
            main(
                [
                    "memo",
                    "law@2013-11-15",
                    "36547/nr2",
                    "-o",
                    str(tmp_path / name),
                    "--author",
                    "J. Jurist",
                ]
            )
        except SystemExit as exit_:
            assert not exit_.code, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "wijzigingsopdrachten proven" in err
    markdown = (tmp_path / "memo.md").read_text(encoding="utf-8")
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    for text in (markdown, html):
        assert LABEL in text
        assert "artikel 273f, eerste lid" in text
        assert "2022Z19982/3" in text  # the questions index
        assert "Artikel 273f" in text and "ARTIKEL I" in text
    assert "## Concordantietabel" in markdown
    assert "| artikel 273f, zevende lid | artikel 273f, achtste lid | vernummerd |" in markdown
    # renumbered and reworded is never only "vernummerd": not in the summary, the
    # headings or the concordance
    assert "| vernummerd en gewijzigd | " in markdown
    assert "artikel 273f, vijfde lid — vernummerd en gewijzigd" in markdown
    assert (
        "| artikel 273f, vierde lid | artikel 273f, vijfde lid | vernummerd en gewijzigd |"
        in markdown
    )
    # Dutch throughout: the header and the base line name the versions in Dutch
    prose = markdown.partition("```text")[0]
    assert "in force" not in markdown and "latest text" not in markdown
    assert "geldend op 15 november 2013" in prose
    # the instruction block carries the illustrative label too
    instructions = markdown.partition("## Bijlage A. Wijzigingsopdrachten")[2]
    assert LABEL in instructions.partition("```text")[0]
    document = docx.Document(str(tmp_path / "memo.docx"))
    assert any(LABEL in p.text for p in document.paragraphs)
    body = document.element.body
    assert body.findall(f".//{W}ins") and body.findall(f".//{W}del//{W}delText")
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert LABEL in header
    properties = document.core_properties
    assert properties.author == "J. Jurist"
    assert properties.title == "Wijzigingsmemo: law@2013-11-15 → 36547/nr2"
    assert properties.created is not None
    assert abs(properties.created - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=10)
    assert "python-docx" not in (properties.comments or "")


def test_memo_of_one_article_of_the_whole_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], worked_example: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # The example holds the whole Wetboek: between 2009 and April 2013 many articles
    # changed, and --article 273f gives the memo of 273f alone: the four penalties.
    from cli_helpers import run

    monkeypatch.chdir(tmp_path)
    code, _, err = run(
        capsys, "memo", "law@2009-07-01", "law@2013-04-01", "--article", "273f", "-o", "m.md"
    )
    assert code == 0, err
    text = (tmp_path / "m.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#### ")]
    assert headings == ["#### ARTIKEL I (artikel 273f) — gewijzigd"]
    assert "1. In het eerste lid, aanhef, wordt «acht» vervangen door «twaalf»." in text
    # against the bill, the article its onderdeel 6° moved to (273fb) comes with it, so
    # the move reads as a move; 273fa, which no provision of 273f went to, stays out
    code, _, err = run(capsys, "memo", "law", "36547", "--article", "273f", "-o", "b.md")
    assert code == 0, err
    bill = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "(artikel 273fb) — ingevoegd" in bill and "(artikel 273fa)" not in bill
    # a number in neither version: one message, exit 2, no file
    code, _, err = run(capsys, "memo", "law", "36547", "--article", "999x", "-o", "x.md")
    assert code == 2 and "no article 999x in either version" in err
    assert not (tmp_path / "x.md").exists()
