"""The change memo in Markdown, HTML and Word, from a small fixture pair with notes and
questions (statute text with ``<script>`` and Markdown characters in it)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest

from wetdiff.cli import main
from wetdiff.diff import compare
from wetdiff.memo import build_memo, render
from wetdiff.model.version import load_path
from wetdiff.notes import attach, load_registry, read_notes

FIXTURE = Path(__file__).parent / "fixtures" / "memo"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def memo_inputs():  # type: ignore[no-untyped-def]
    old, new = load_path(FIXTURE / "old"), load_path(FIXTURE / "new")
    return old, new, compare(old, new)


@pytest.fixture(scope="module")
def memo():  # type: ignore[no-untyped-def]
    old, new, changeset = memo_inputs()
    attachment = attach(read_notes(FIXTURE / "notes.toml").notes, changeset)
    questions = load_registry([FIXTURE / "questions.toml"])
    return build_memo(
        old,
        new,
        changeset,
        attachment,
        questions,
        author="J. Jurist",
        created=dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    )


def test_markdown_names_each_change_in_words_with_renvooi(memo) -> None:  # type: ignore[no-untyped-def]
    text = render(memo, "md").decode()
    assert "artikel 9, eerste lid, aanhef — gewijzigd" in text
    assert "<del>acht</del><ins>twaalf</ins>" in text
    assert "artikel 9, tweede lid — ingevoegd" in text
    assert "Het strafmaximum gaat omhoog" in text
    assert "Testdocument, nr. 3, § 1, p. 2" in text
    assert "`2022Z19982/3`" in text
    assert "Opgesteld | 2025-01-02T03:04:05+00:00 door J. Jurist" in text


def test_markdown_escapes_statute_text(memo) -> None:  # type: ignore[no-untyped-def]
    text = render(memo, "md").decode()
    prose = re.sub(r"```text\n.*?\n```", "", text, flags=re.S)
    assert "<script>" not in prose  # in the fenced instructions it is literal code text
    assert r"\<script\>" in prose
    assert r"\*nadrukkelijk\*" in text


def test_concordance_and_questions_index(memo) -> None:  # type: ignore[no-untyped-def]
    rows = [(r.old, r.new) for r in memo.concordance]
    assert ("artikel 9, tweede lid", "artikel 9, derde lid") in rows
    assert ("", "artikel 9, tweede lid") in rows
    by_id = {q.id: q for q in memo.questions}
    assert len(by_id["2022Z19982/3"].answered_by) == 1
    assert [q.id for q in memo.open_questions] == ["CKM-2022/3", "motie-1"]
    text = render(memo, "md").decode()
    assert "## Open punten" in text
    open_points = text.partition("## Open punten")[2].partition("## Bijlage")[0]
    assert "- **Open vraag** — CKM-2022/3: Een vraag die niemand beantwoordt" in open_points


def test_a_question_whose_answer_is_a_gap_is_open_never_answered(memo) -> None:  # type: ignore[no-untyped-def]
    by_id = {q.id: q for q in memo.questions}
    assert by_id["RvS-1"].status == "elsewhere"
    assert by_id["motie-1"].status == "open"
    for fmt in ("md", "html"):
        text = render(memo, fmt).decode()
        assert "Alle vragen zijn beantwoord" not in text
        assert "Elders beantwoord: Nader rapport, punt 2" in text
        assert "Elders beantwoord: gap" not in text
        open_part = text.partition("Open punten")[2].partition("Bijlage A")[0]
        assert "motie-1" in open_part and "de reactie van de regering is niet gevonden" in open_part
        assert "RvS-1" not in open_part
    document = docx.Document(io.BytesIO(render(memo, "docx")))
    listed = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert any(t.startswith("Open vraag — motie-1") for t in listed)
    assert not any("RvS-1" in t for t in listed)


def test_memo_carries_the_proven_wijzigingsopdrachten(memo) -> None:  # type: ignore[no-untyped-def]
    assert memo.instructions.proven
    text = render(memo, "md").decode()
    assert "In het eerste lid, aanhef, wordt «acht» vervangen door «twaalf»." in text
    assert "Bewezen: toegepast op de oude versie" in text


def test_html_escapes_markup_in_statute_text(memo) -> None:  # type: ignore[no-untyped-def]
    html = render(memo, "html").decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *nadrukkelijk*" in html
    assert "<del>acht</del><ins>twaalf</ins>" in html
    assert "<link" not in html and "src=" not in html  # self-contained
    assert "@media print" in html


def test_docx_has_tracked_changes_in_the_renvooi(memo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "memo.docx"
    path.write_bytes(render(memo, "docx"))
    document = docx.Document(str(path))
    body = document.element.body
    insertions = body.findall(f".//{W}ins")
    deletions = body.findall(f".//{W}del")
    assert insertions and deletions
    assert any(
        d.find(f".//{W}delText") is not None and d.find(f".//{W}delText").text == "acht"
        for d in deletions
    )
    assert any("".join(t.text for t in i.iter(f"{W}t")) == "twaalf" for i in insertions)
    ids = [e.get(f"{W}id") for e in insertions + deletions]
    assert len(ids) == len(set(ids))
    assert all(
        e.get(f"{W}author") == "J. Jurist" and e.get(f"{W}date") for e in insertions + deletions
    )
    styles = {p.style.name for p in document.paragraphs if p.style}
    assert {"Heading 1", "Heading 2"} <= styles
    assert document.tables  # header, counts, notes, concordance, questions
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "&lt;script&gt;" in xml


def test_english_memo(tmp_path: Path) -> None:
    old, new, changeset = memo_inputs()
    memo = build_memo(old, new, changeset, lang="en")
    text = render(memo, "md").decode()
    assert text.startswith("# Change memo")
    assert "artikel 9, eerste lid, aanhef — reworded" in text


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", ["memo.md", "memo.html", "memo.docx"])
def test_cli_writes_each_format_from_the_extension(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    code, err = run(
        [
            "memo",
            str(FIXTURE / "old"),
            str(FIXTURE / "new"),
            "-o",
            str(out),
            "--notes",
            str(FIXTURE / "notes.toml"),
            "--questions",
            str(FIXTURE / "questions.toml"),
        ],
        capsys,
    )
    assert code == 0, err
    assert out.stat().st_size > 1000
    assert "proven" in err


def test_cli_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "memo.pdf"
    code, _ = run(["memo", str(FIXTURE / "old"), str(FIXTURE / "new"), "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    out = tmp_path / "memo.md"
    code, _ = run(["memo", str(tmp_path / "missing"), str(FIXTURE / "new"), "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    bad_notes = tmp_path / "notes.toml"
    bad_notes.write_text("[[note]]\nid = 3\n", encoding="utf-8")
    code, _ = run(
        [
            "memo",
            str(FIXTURE / "old"),
            str(FIXTURE / "new"),
            "-o",
            str(out),
            "--notes",
            str(bad_notes),
        ],
        capsys,
    )
    assert code == 2 and not out.exists()
    assert list(tmp_path.iterdir()) == [bad_notes]


def test_progress_is_reported_for_every_provision() -> None:
    old, new = load_path(FIXTURE / "old"), load_path(FIXTURE / "new")
    changeset = compare(old, new)
    done: list[int] = []
    build_memo(old, new, changeset, progress=done.append)
    assert sum(done) == len(changeset.changes)


def test_a_word_memo_of_versions_named_by_long_paths_is_written(memo) -> None:  # type: ignore[no-untyped-def]
    # Word keeps at most 255 characters in a file property; two versions read from a
    # deep folder make a longer title (this broke the suite in a checkout at a long path).
    deep = "/" + "/".join(["wetgeving-werkmap"] * 12) + "/273f"
    long = dataclasses.replace(memo, old=deep + "/old", new=deep + "/new")
    document = docx.Document(io.BytesIO(render(long, "docx")))
    title = document.core_properties.title
    assert len(title) <= 255 and title.endswith("…") and title.startswith("Wijzigingsmemo: /")
