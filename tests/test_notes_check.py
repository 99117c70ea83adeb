"""``wetdiff check`` and ``wetdiff questions``: a CI gate for unexplained changes and
unanswered questions, with honest gaps that do not fail it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from notes_helpers import NOTES, QUESTIONS, STAGE_273F, make_workspace, write

from wetdiff.diff import compare
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version
from wetdiff.notes import Anchor, CheckReport, Citation, Note, QuestionRegistry, check


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


def stage(root: Path, text: str) -> None:
    write(root / "proposals" / "99999" / "nr2" / "273f.txt", text)


def test_annotated_proposal_passes_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", "99999")
    assert (code, err) == (0, "")
    assert "check: clean" in out
    # Honest gaps are shown, and do not fail the check.
    assert "note-gap: note non-punishment" in out
    assert "answered-elsewhere: question 28638-213/1" in out


def test_new_unannotated_change_fails_check_naming_provision_and_words(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage(workspace, STAGE_273F.replace("van zijn beroep", "van zijn beroep of bedrijf"))
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert "unexplained-change: artikel 273f, vierde lid (was artikel 273f, derde lid)" in out
    assert "{+of bedrijf+}" in out


def test_unknown_question_id_fails_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/notes.toml",
        NOTES.replace('answers = ["CKM-2022/2"]', 'answers = ["CKM-2022/2", "motie-99"]'),
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert "unknown-question: note non-punishment answers 'motie-99'" in out


def test_question_answered_by_nothing_fails_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/questions.toml",
        QUESTIONS
        + """
[[question]]
id = "motie-1"
kind = "motie"
date = "gap"
summary = "Nobody answered this."
link = "gap"
""",
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert (
        "unanswered-question: question motie-1 (Nobody answered this. [motie, date: gap]) "
        "is open: answered by no change" in out
    )


def test_deleted_span_orphans_its_note_and_check_lists_it_with_old_text(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage(
        workspace,
        STAGE_273F.replace(
            "2. Het eerste lid is niet van toepassing op het slachtoffer dat tot het feit is "
            "gedwongen.\n\n3.",
            "2.",
        ).replace("4. De schuldige", "3. De schuldige"),
    )
    code, out, _ = run(capsys, "check", "99999", "--format", "json")
    assert code == 1
    findings = json.loads(out)["reports"][0]["findings"]
    orphan = next(f for f in findings if f["kind"] == "orphaned-note")
    assert orphan["note"] == "non-punishment"
    assert orphan["words"] == "niet van toepassing op het slachtoffer"
    # The question it answered is now answered by nothing.
    assert any(
        f["kind"] == "unanswered-question" and f["question"] == "CKM-2022/2" for f in findings
    )


def test_note_without_citation_or_gap_fails_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/notes.toml",
        NOTES.replace('gap = "The MvT is not available offline."\n', ""),
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert "uncited-note: note non-punishment cites no source" in out


def test_malformed_notes_file_exits_2_with_file_line_field_and_is_untouched(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        workspace / "proposals/99999/notes.toml",
        NOTES.replace('answers = ["2022Z19982/3"]', "answers = 3"),
    )
    before = path.read_bytes()
    code, _out, err = run(capsys, "check", "99999")
    assert code == 2
    assert f"{path}:7: field 'answers' must be a list of question ids" in err
    assert "Traceback" not in err
    assert path.read_bytes() == before


def test_every_malformed_file_is_listed_at_once(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(workspace / "proposals/99999/notes.toml", "[[note]\n")
    write(workspace / "proposals/99999/questions.toml", "id = 3\n")
    code, out, err = run(capsys, "check", "99999", "--format", "json")
    assert code == 2
    errors = json.loads(out)["errors"]
    assert {Path(e["file"]).name for e in errors} == {"notes.toml", "questions.toml"}
    assert err.count("wetdiff:") == 2


def test_malformed_article_file_of_the_proposal_exits_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage(workspace, STAGE_273F.replace("Uitbuiting omvat", "Uitbuiting\x1b[2J omvat"))
    code, _, err = run(capsys, "check", "99999")
    assert code == 2 and "273f.txt" in err


def test_unknown_proposal_exits_2(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "12345")
    assert code == 2 and "unknown proposal '12345'" in err and "99999" in err


def test_check_json_is_documented_shape(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["schema"] == 1
    (report,) = data["reports"]
    assert (report["subject"], report["old"], report["new"]) == (
        "99999",
        "law@2020-01-01",
        "99999/nr2",
    )
    assert {g["kind"] for g in report["gaps"]} == {"note-gap", "answered-elsewhere"}
    assert all(g["fails"] is False for g in report["gaps"])


def test_unknown_question_kind_is_a_warning_not_a_failure(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/questions.toml",
        QUESTIONS.replace('kind = "aanbeveling"', 'kind = "rapport"'),
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 0 and "warning" in out and "'rapport'" in out


def test_control_characters_in_notes_are_shown_visibly(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/notes.toml",
        NOTES.replace('gap = "The MvT is', 'gap = "\\u001b[31mThe MvT is'),
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 0 and "\x1b" not in out and "␛[31mThe MvT" in out


def test_questions_lists_each_question_with_the_changes_that_answer_it(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "questions", "99999", "--format", "json")
    assert code == 0
    data = json.loads(out)
    by_id = {q["id"]: q for q in data["questions"]}
    (answer,) = by_id["2022Z19982/3"]["answered_by"]
    assert answer["note"] == "straf" and answer["in_words"] == "artikel 273f, eerste lid"
    assert by_id["28638-213/1"]["answered_elsewhere"] == "Kamerstuk 28 638, nr. 213"
    assert data["open"] == []
    assert by_id["28638-213/1"]["status"] == "elsewhere"
    assert by_id["2022Z19982/3"]["status"] == "answered"
    code, out, _ = run(capsys, "questions")
    assert "← artikel 273f, tweede lid (inserted" in out
    assert "Answered elsewhere:" in out


def test_a_question_whose_answer_elsewhere_is_a_gap_is_open_and_fails_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        workspace / "proposals/99999/questions.toml",
        QUESTIONS.replace(
            'answered_elsewhere = "Kamerstuk 28 638, nr. 213"',
            'answered_elsewhere = "gap: the government\'s response was not found"',
        ),
    )
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert "✗ open-question: question 28638-213/1" in out
    assert "the government's response was not found" in out
    assert "answered elsewhere: gap" not in out
    code, out, _ = run(capsys, "check", "99999", "--format", "json")
    (report,) = json.loads(out)["reports"]
    assert [f["question"] for f in report["findings"] if f["kind"] == "open-question"] == [
        "28638-213/1"
    ]
    code, out, _ = run(capsys, "questions", "99999", "--format", "json")
    data = json.loads(out)
    assert data["open"] == ["28638-213/1"]
    code, out, _ = run(capsys, "questions", "99999")
    assert "Answered elsewhere:" not in out
    assert "Open (answered by no change" in out.split("28638-213/1")[0]


def test_law_history_notes_are_checked_per_version(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    law = workspace / "articles/BWBR0001854/273f"
    write(
        law / "2020-01-01.txt",
        (law / "2013-11-15.txt")
        .read_text(encoding="utf-8")
        .replace("twaalf jaren", "vijftien jaren"),
    )
    write(
        law / "2020-01-01.toml",
        (law / "2013-11-15.toml").read_text(encoding="utf-8").replace("2013-11-15", "2020-01-01"),
    )
    notes = law / "notes.toml"
    write(
        notes,
        """\
[[note]]
id = "2013-nieuw"
at = "273f/1"
quote = "Als schuldig aan mensenhandel"
version = 2013-11-15
gap = "The act that made this version is a gap."
rationale = "The article as it stood."
""",
    )
    code, out, _ = run(capsys, "check", "law")
    assert code == 1
    assert "BWBR0001854/273f@2020-01-01" in out
    assert "[-twaalf-] {+vijftien+}" in out
    write(
        notes,
        notes.read_text(encoding="utf-8")
        + """
[[note]]
id = "2020-straf"
at = "273f/1"
quote = "vijftien jaren"
version = 2020-01-01
rationale = "Penalty raised."

[[note.citation]]
document = "Test Staatsblad"
""",
    )
    code, out, _ = run(capsys, "check", "law")
    assert code == 0, out


def _report(old: str, new: str, notes: list[Note]) -> CheckReport:
    changeset = compare(Version("old", "old", (parse(old),)), Version("new", "new", (parse(new),)))
    return check(notes, QuestionRegistry(), changeset)


ARTICLE = (
    "Artikel 273a\n\n1. Als schuldig aan mensenhandel wordt gestraft degene die werft.\n\n"
    "2. Uitbuiting omvat ten minste uitbuiting in de prostitutie.\n"
)


def test_renumbered_article_needs_one_note_which_covers_all_its_provisions() -> None:
    renumbered = ARTICLE.replace("Artikel 273a", "Artikel 273f")
    unexplained = _report(ARTICLE, renumbered, []).findings
    assert [f.provision for f in unexplained] == ["273f/1", "273f/2"]
    note = Note(
        "n", Anchor("273f/1", "Als schuldig aan mensenhandel"), "Renumbered.", gap="Act unknown."
    )
    assert _report(ARTICLE, renumbered, [note]).fails is False


def test_pure_renumbering_inside_an_article_needs_no_note_but_an_insertion_does() -> None:
    inserted = ARTICLE.replace("2. Uitbuiting", "2. Nieuw lid over iets anders.\n\n3. Uitbuiting")
    report = _report(ARTICLE, inserted, [])
    assert [(f.kind, f.provision) for f in report.findings] == [("unexplained-change", "273a/2")]


def test_one_note_explains_a_new_article() -> None:
    empty = Version("old", "old", ())
    changeset = compare(empty, Version("new", "new", (parse(ARTICLE),)))
    note = Note(
        "n",
        Anchor("273a/2", "uitbuiting in de prostitutie"),
        "New article.",
        citations=(Citation("Stb. 2004, 645"),),
    )
    assert check([note], QuestionRegistry(), changeset).fails is False
    assert len(check([], QuestionRegistry(), changeset).findings) == 2


def test_check_law_without_annotated_articles_says_there_is_nothing_to_check(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "law")
    assert code == 0 and "nothing to check" in out


LIST_OLD = """\
Artikel 5

1. De Nederlandse strafwet is toepasselijk op:
    1°. degene die buiten Nederland een misdrijf pleegt omschreven in artikel 92;
    2°. degene die buiten Nederland een misdrijf pleegt omschreven in artikel 273f.
"""
LIST_NEW = LIST_OLD.replace("artikel 273f.", "artikel 273f;") + (
    "    3°. degene die buiten Nederland een misdrijf pleegt omschreven in artikel 273fa.\n"
)


def test_a_punctuation_consequence_is_covered_by_the_note_of_the_change_that_caused_it() -> None:
    """Adding an onderdeel after the last one turns its full stop into a semicolon
    (Ar 3.59): that "." → ";" is explained by the note on the new onderdeel."""
    old, new = Version("a", "a", (parse(LIST_OLD),)), Version("b", "b", (parse(LIST_NEW),))
    changeset = compare(old, new)
    kinds = {c.new.locatie.key: c.kinds for c in changeset.changed() if c.new}
    assert kinds["5/1/2°"] == {"rewritten"} and kinds["5/1/3°"] == {"inserted"}
    note = Note("nieuw", Anchor("5/1/3°", "artikel 273fa"), "Why.", citations=(Citation("MvT"),))
    report = check([note], QuestionRegistry(), changeset)
    assert not report.fails, [f.message for f in report.findings]
    # without that note, both are findings: the consequence is not explained by itself
    report = check([], QuestionRegistry(), changeset)
    assert {f.provision for f in report.findings} == {"5/1/2°", "5/1/3°"}
