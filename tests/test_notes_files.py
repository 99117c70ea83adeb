"""Notes and questions files: read, written deterministically, and refused with file,
line and field when malformed — with the file left as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notes_helpers import NOTES, QUESTIONS, make_workspace, write

from wetdiff.errors import WetdiffError
from wetdiff.notes import (
    Anchor,
    Citation,
    Note,
    Question,
    add_question,
    load_registry,
    parse_notes,
    parse_questions,
    read_notes,
    render_notes,
    write_notes,
)
from wetdiff.notes.proposal import load_proposal_notes, new_question, save_note


def error_of(text: str, parser=parse_notes) -> WetdiffError:  # type: ignore[no-untyped-def]
    with pytest.raises(WetdiffError) as caught:
        parser(text, "notes.toml")
    return caught.value


# -- questions ---------------------------------------------------------------------------


def test_questions_registry_reads_ids_people_use_and_gaps_as_unknown() -> None:
    questions, warnings = parse_questions(QUESTIONS, "questions.toml")
    assert [q.id for q in questions] == ["2022Z19982/3", "CKM-2022/2", "28638-213/1"]
    first, second, third = questions
    assert first.date == dt.date(2022, 10, 20) and first.link is None
    assert second.date is None and second.link == "https://example.org/ckm"
    assert third.answered_elsewhere == "Kamerstuk 28 638, nr. 213"
    assert (first.source, first.line, second.line) == ("questions.toml", 1, 9)
    assert warnings == ()


def test_unknown_question_kind_is_accepted_with_a_warning() -> None:
    text = QUESTIONS.replace('kind = "aanbeveling"', 'kind = "Rapport"')
    questions, warnings = parse_questions(text, "questions.toml")
    assert questions[1].kind == "rapport"
    assert len(warnings) == 1 and "unknown kind 'rapport'" in warnings[0]


def test_question_kind_case_is_folded() -> None:
    text = QUESTIONS.replace('kind = "aanbeveling"', 'kind = "RvS-advies"')
    questions, warnings = parse_questions(text, "q")
    assert questions[1].kind == "rvs-advies" and warnings == ()


@pytest.mark.parametrize(
    ("edit", "line", "words"),
    [
        (("date = 2022-10-20", "date = 20"), 4, "field 'date' must be a date"),
        (('asked_by = "Kuik (CDA)"', "asked_by = 3"), 5, "field 'asked_by' must be text"),
        (('summary = "Will', 'summery = "Will'), 6, "unknown field 'summery'"),
        (('id = "CKM-2022/2"', 'id = "2022Z19982/3"'), 10, "duplicate question id"),
        (('link = "https://example.org/ckm"', 'link = "example.org"'), 14, "field 'link'"),
        (
            ('summary = "Will the penalty for trafficking go up?"', "summary = Will"),
            6,
            "not valid TOML",
        ),
    ],
)
def test_malformed_questions_file_names_file_line_and_field(
    edit: tuple[str, str], line: int, words: str
) -> None:
    error = error_of(QUESTIONS.replace(*edit), parse_questions)
    assert (error.file, error.line) == ("notes.toml", line)
    assert words in error.what


def test_question_without_date_must_say_gap() -> None:
    error = error_of(QUESTIONS.replace("date = 2022-10-20\n", ""), parse_questions)
    assert "no 'date'" in error.what and error.line == 1
    assert "gap" in (error.hint or "")


def test_same_question_id_in_proposal_and_shared_registry_is_refused(tmp_path: Path) -> None:
    own = write(tmp_path / "own.toml", QUESTIONS)
    shared = write(tmp_path / "shared.toml", QUESTIONS.split("\n\n")[0] + "\n")
    with pytest.raises(WetdiffError) as caught:
        load_registry([own, shared])
    assert caught.value.file == str(shared) and "also defined in" in caught.value.what


def test_add_question_appends_and_keeps_existing_text(tmp_path: Path) -> None:
    path = write(tmp_path / "questions.toml", "# kept comment\n" + QUESTIONS)
    added = add_question(path, Question("motie-1", "motie", None, "Kamerleden", "Do it.", None))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# kept comment\n" + QUESTIONS)
    assert added.id == "motie-1" and added.line is not None
    assert 'date = "gap"' in text and 'link = "gap"' in text
    with pytest.raises(WetdiffError, match="already exists"):
        add_question(path, added)


def test_new_question_refuses_an_id_of_a_shared_registry(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", git=False)
    write(
        root / "questions" / "shared.toml",
        QUESTIONS.replace("2022Z19982/3", "shared-1").split("\n\n")[0] + "\n",
    )
    with pytest.raises(WetdiffError, match="exists already"):
        new_question(root, "99999", Question("shared-1", "motie", None, "", "x", None))
    before = (root / "proposals/99999/questions.toml").read_text(encoding="utf-8")
    new_question(root, "99999", Question("motie-2", "motie", None, "", "x", None))
    assert "motie-2" in load_proposal_notes(root, "99999").questions
    assert (root / "proposals/99999/questions.toml").read_text(encoding="utf-8").startswith(before)


# -- notes -------------------------------------------------------------------------------


def test_notes_file_reads_anchor_citations_answers_and_gap() -> None:
    straf, non_punishment = parse_notes(NOTES, "notes.toml")
    assert straf.anchor == Anchor("273f/1", "vijftien jaren", "ten hoogste", "gestraft degene")
    assert straf.citations == (Citation("Kamerstukken II 2023/24, 36 547, nr. 3", "§ 4", "gap"),)
    assert straf.answers == ("2022Z19982/3",)
    assert straf.rationale == "The maximum penalty goes up from twelve to fifteen years."
    assert non_punishment.gap == "The MvT is not available offline."
    assert non_punishment.line == 17


def test_writer_is_deterministic_sorted_and_round_trips() -> None:
    notes = parse_notes(NOTES, "notes.toml")
    text = render_notes(reversed(notes))
    assert text == render_notes(notes)
    assert parse_notes(text, "x") == notes
    assert text.index('id = "straf"') < text.index('id = "non-punishment"')
    assert render_notes(parse_notes(text, "x")) == text


def test_notes_sort_by_provision_in_reading_order_not_as_strings() -> None:
    notes = [
        Note(f"n{p.replace('/', '-')}", Anchor(f"273f/{p}", "woorden"), "r")
        for p in ("10", "2", "1/b")
    ]
    notes.append(Note("z", Anchor("273fa/1", "woorden"), "r"))
    order = [n.anchor.path for n in parse_notes(render_notes(notes), "x")]
    assert order == ["273f/1/b", "273f/2", "273f/10", "273fa/1"]


def test_statute_markup_and_quotes_in_a_rationale_survive_writing() -> None:
    note = Note(
        "m",
        Anchor("273f/1", 'het woord "[bold]"'),
        'Line one with """ triple quotes\nand [red]markup[/red] and \\ backslash',
    )
    (back,) = parse_notes(render_notes([note]), "x")
    assert back == note


@pytest.mark.parametrize(
    ("edit", "line", "words"),
    [
        (
            ('answers = ["2022Z19982/3"]', 'answers = "2022Z19982/3"'),
            7,
            "field 'answers' must be a list",
        ),
        (('at = "273f/2"', "at = 2"), 19, "field 'at' must be text"),
        (('at = "273f/2"', 'at = "/2"'), 19, "not a provision path"),
        (('quote = "vijftien jaren"', 'quote = ""'), 4, "field 'quote'"),
        (('id = "non-punishment"', 'id = "straf"'), 18, "duplicate note id 'straf'"),
        (('page = "gap"', 'pagina = "12"'), 15, "unknown field 'pagina' in a citation"),
        (('section = "§ 4"', "section = 4"), 14, "citation field 'section' must be text"),
        (('after = "gestraft degene"', 'afterwards = "x"'), 6, "unknown field 'afterwards'"),
        (('gap = "The MvT is not available offline."', 'gap = "gap"'), 22, "why the source"),
        (("[[note.citation]]", "[[note.citation]"), 12, "not valid TOML"),
    ],
)
def test_malformed_notes_file_names_file_line_and_field(
    edit: tuple[str, str], line: int, words: str
) -> None:
    error = error_of(NOTES.replace(*edit))
    assert words in error.what
    assert (error.file, error.line) == ("notes.toml", line)


def test_note_needs_a_rationale_or_a_gap() -> None:
    text = NOTES.replace(
        'rationale = """\nThe maximum penalty goes up from twelve to fifteen years.\n"""\n', ""
    )
    error = error_of(text)
    assert "needs a rationale" in error.what and error.line == 1


def test_malformed_notes_file_is_left_untouched_by_a_command(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.toml", NOTES.replace('at = "273f/2"', "at = 2"))
    before = path.read_bytes()
    with pytest.raises(WetdiffError):
        read_notes(path)
    assert path.read_bytes() == before


def test_save_refuses_a_file_changed_on_disk_since_it_was_read(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.toml", NOTES)
    current = read_notes(path)
    path.write_text(NOTES + "\n# a colleague's edit\n", encoding="utf-8")
    note = Note("new", Anchor("273f/3", "woorden"), "r")
    with pytest.raises(WetdiffError, match="changed on disk"):
        save_note(current, note)
    assert path.read_text(encoding="utf-8").endswith("# a colleague's edit\n")


def test_save_adds_and_replaces_notes_and_returns_what_was_written(tmp_path: Path) -> None:
    current = read_notes(tmp_path / "notes.toml")
    assert current.notes == () and current.text is None
    saved = save_note(current, Note("a", Anchor("273f/2", "woorden"), "first"))
    assert saved.note.line == 4 and saved.note.source == str(tmp_path / "notes.toml")
    again = save_note(saved.file, Note("a", Anchor("273f/2", "woorden"), "second"))
    assert [n.rationale for n in again.file.notes] == ["second"]
    assert read_notes(tmp_path / "notes.toml") == again.file
    with pytest.raises(WetdiffError, match="no note"):
        save_note(again.file, Note("b", Anchor("273f/2", "w"), "r"), replace_id="zz")


def test_write_never_leaves_a_temporary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.toml", NOTES)
    write_notes(read_notes(path), parse_notes(NOTES, "x"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.toml"]


_line = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00"), max_size=40
).map(lambda s: " ".join(s.split()))
_block = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\x00"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip("\n").strip())


@settings(max_examples=60, deadline=None)
@given(
    quote=_line.filter(bool),
    before=_line,
    rationale=_block,
    gap=_line,
    document=_line.filter(lambda s: bool(s) and s != "gap"),
    page=_line,
    answers=st.lists(_line.filter(bool), unique=True, max_size=3),
)
def test_any_note_text_survives_writing_and_reading(
    quote: str, before: str, rationale: str, gap: str, document: str, page: str, answers: list[str]
) -> None:
    if gap == "gap":
        gap = ""
    note = Note(
        "n-1",
        Anchor("273f/1/3°", quote, before=before),
        rationale.strip("\n"),
        citations=(Citation(document, page=page),),
        answers=tuple(answers),
        gap=gap,
    )
    text = render_notes([note])
    assert parse_notes(text, "x") == (note,)
    assert render_notes(parse_notes(text, "x")) == text


def _timed_read(count: int) -> float:
    import time

    notes = [
        Note(f"n{i:05d}", Anchor(f"273f/{i % 9 + 1}", "woorden"), "r\nregel twee\n")
        for i in range(count)
    ]
    text = render_notes(notes)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read = parse_notes(text, "x")
        best = min(best, time.perf_counter() - start)
    assert [n.line for n in read[:2]] == [4, 14] and len(read) == count
    return best


def test_reading_notes_takes_time_in_proportion_to_their_number() -> None:
    # 4x the notes: about 4x the time (each note's line is looked up, not searched for:
    # searching the file per note took 55 s for 5,000 notes)
    small, large = _timed_read(400), _timed_read(1600)
    assert large < 8 * small, (small, large)
