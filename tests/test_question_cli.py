"""``wetdiff question import|add|list|show``: the Kamer's motions and amendments read
from their official XML into the questions registry, and questions registered without
writing TOML by hand."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from cli_helpers import run
from hypothesis import HealthCheck, given, settings
from lxml import etree
from notes_helpers import make_workspace
from xml_helpers import publication, trees

from wetdiff.errors import WetdiffError
from wetdiff.importers.instrument import read_instrument
from wetdiff.notes.questions import (
    QuestionFieldError,
    question_from_input,
    read_questions,
)

FIXTURES = Path(__file__).parent / "fixtures" / "kamerstukken"
REAL = Path(__file__).parent.parent.parent / "shared" / "publications" / "kamerstukken"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    return root


def registry(root: Path) -> Path:
    return root / "proposals" / "99999" / "questions.toml"


def commits(root: Path) -> list[str]:
    return subprocess.run(
        ["git", "-C", str(root), "log", "--format=%s"], capture_output=True, text=True, check=True
    ).stdout.splitlines()


def fixture(name: str) -> str:
    return str(FIXTURES / name)


# -- reading the XML ---------------------------------------------------------------------


def test_motion_is_read_with_every_field_as_the_kamer_printed_it() -> None:
    question = read_instrument(FIXTURES / "kst-99999-7.xml").question
    assert question.id == "kst-99999-7"
    assert question.kind == "motie"
    assert question.date == dt.date(2025, 6, 5)
    assert question.date_note == "Voorgesteld 5 juni 2025"
    assert question.dossier == "99 999"
    assert question.document == "Kamerstukken II 2024/25, 99 999, nr. 7"
    assert question.title.startswith("Motie van de leden Jansen en Van den Berg over")
    assert question.considerations == (
        "constaterende dat twee delicten elkaar gedeeltelijk overlappen;",
        "overwegende dat dit tot onduidelijkheid leidt;",
    )
    # the request keeps its list, one item a line; the closing formula is not part of it
    assert question.request == (
        "verzoekt de regering:\n"
        "– de grens tussen de delicten helder te trekken;\n"
        "– de Kamer daarover te informeren,"
    )
    assert question.summary.startswith("verzoekt de regering: – de grens")
    # ... and the summary, shown beside brackets and in lists, ends on its last word
    assert question.summary.endswith("de Kamer daarover te informeren")
    assert question.outcome == "gap"
    assert question.link is None  # the XML gives no address of the document: gap


def test_indieners_are_in_the_order_they_signed_with_the_full_names_of_the_metadata() -> None:
    # the metadata lists Van den Berg first; Jansen signed first (and the title names him)
    question = read_instrument(FIXTURES / "kst-99999-7.xml").question
    assert question.asked_by == "C. Jansen, A.B. van den Berg"


def test_older_metadata_form_is_read_from_the_text() -> None:
    question = read_instrument(FIXTURES / "kst-99998-12.xml").question
    assert question.id == "kst-99998-12"  # from the external metadata record's address
    assert question.asked_by == "De Vries, Bakker"  # as signed: no full names given
    assert question.title == "MOTIE VAN HET LID DE VRIES C.S."
    assert question.considerations == ("van mening dat het actieplan beter kan;",)
    assert question.request == "verzoekt de regering het actieplan te herzien,"
    assert "kst-99998-12/metadata.xml" in question.imported_from


def test_amended_motion_names_the_motion_it_replaces() -> None:
    question = read_instrument(FIXTURES / "kst-99999-9.xml").question
    assert question.replaces == "kst-99999-7"
    assert question.request.splitlines() == [
        "verzoekt de regering de grens tussen de delicten helder te trekken;",
        "verzoekt de regering voorts de Kamer te informeren,",
    ]


def test_amendment_is_read_with_its_instructions_as_its_request() -> None:
    question = read_instrument(FIXTURES / "kst-99999-11.xml").question
    assert question.kind == "amendement"
    assert question.request == (
        "In artikel I, onderdeel A, wordt in artikel 9 «twaalf» vervangen door «vijftien»."
    )
    assert question.considerations == ("Dit amendement verhoogt de strafmaat.",)
    assert question.asked_by == "Jansen"


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("kst-99999-3.xml", "a Kamerstuk of the type 'Memorie van toelichting'"),
        ("../bekendmaking/stb-fixture.xml", "a <staatsblad> publication"),
        ("../bwb/plus_meta.xml", "BWB XML"),
    ],
)
def test_a_document_that_is_no_instrument_is_refused(name: str, what: str) -> None:
    path = FIXTURES / name
    if not path.exists():
        pytest.fail(f"fixture {path} is missing")
    with pytest.raises(WetdiffError) as refused:
        read_instrument(path)
    assert "not a parliamentary instrument" in refused.value.what
    assert what in refused.value.what


def test_entity_declarations_are_refused_as_in_every_xml_import(tmp_path: Path) -> None:
    hostile = tmp_path / "kst-1-1.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        "<officiele-publicatie><kamerstuk/></officiele-publicatie>",
        encoding="utf-8",
    )
    with pytest.raises(WetdiffError):
        read_instrument(hostile)


# Any publication built from the vocabulary: the reader gives a record or one clear
# refusal, never a crash.
_TREES = trees(
    [
        "kamerstuk",
        "stuk",
        "titel",
        "al",
        "al-groep",
        "lijst",
        "li",
        "li.nr",
        "tekst",
        "datumtekst",
        "datum",
        "stuknr",
        "ondernummer",
        "dossier",
        "dossiernummer",
        "dossiernr",
        "amendement",
        "amendement-lid",
        "metadata",
        "meta",
        "naam",
        "toelichting",
    ],
    [
        "",
        "De Kamer,",
        "gehoord de beraadslaging,",
        "verzoekt de regering iets,",
        "constaterende dat",
        "en gaat over tot de orde van de dag.",
        "MOTIE VAN HET LID X",
        "GEWIJZIGDE MOTIE TER VERVANGING VAN DIE GEDRUKT ONDER NR. 3",
        "Motie",
        "2025-13-45",
        "36 547",
        "«x»",
    ],
)


def _attributes(element: etree._Element) -> None:
    if element.tag == "meta":
        element.set("name", "DC.type")
        element.set("scheme", "OVERHEIDop.KamerstukTypen")
        element.set("content", element.text or "Motie")
    if element.tag == "datum":
        element.set("isodatum", element.text or "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=_TREES)
def test_no_publication_crashes_the_instrument_reader(tree: tuple) -> None:
    try:
        question = read_instrument(Path("kst-x.xml"), publication(tree, _attributes)).question
    except WetdiffError:
        return
    assert question.id and question.request
    assert "\n" not in question.summary


# -- wetdiff question import -------------------------------------------------------------


def test_import_registers_and_commits_then_reimport_changes_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [fixture("kst-99999-7.xml"), fixture("kst-99999-9.xml"), fixture("kst-99999-11.xml")]
    code, out, err = run(capsys, "question", "import", *files)
    assert code == 0, err
    assert "3 registered, 0 unchanged" in out
    assert commits(workspace)[0].startswith("Questions: 3 (amendement and motie) registered")
    found, _ = read_questions(registry(workspace))
    assert [q.id for q in found][-3:] == ["kst-99999-7", "kst-99999-9", "kst-99999-11"]
    before = registry(workspace).read_text(encoding="utf-8")

    code, out, _ = run(capsys, "question", "import", *files)
    assert code == 0
    assert "0 registered, 3 unchanged" in out
    assert registry(workspace).read_text(encoding="utf-8") == before
    assert len(commits(workspace)) == 2  # start + the one import


def test_reimport_keeps_what_a_lawyer_added_by_hand(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "question", "import", fixture("kst-99998-12.xml"))
    text = registry(workspace).read_text(encoding="utf-8")
    registry(workspace).write_text(
        text.replace('outcome = "gap"', 'outcome = "aangenomen"'), encoding="utf-8"
    )
    code, out, _ = run(capsys, "question", "import", fixture("kst-99998-12.xml"))
    assert code == 0
    assert "unchanged" in out
    assert 'outcome = "aangenomen"' in registry(workspace).read_text(encoding="utf-8")


def test_reimport_over_other_content_is_refused_and_writes_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "question", "import", fixture("kst-99998-12.xml"))
    text = registry(workspace).read_text(encoding="utf-8")
    edited = text.replace("het actieplan te herzien", "het actieplan te schrappen")
    registry(workspace).write_text(edited, encoding="utf-8")
    code, _, err = run(capsys, "question", "import", fixture("kst-99998-12.xml"))
    assert code == 2
    assert "kst-99998-12 is registered already, with another request" in err
    assert registry(workspace).read_text(encoding="utf-8") == edited


def test_a_file_that_is_no_instrument_stops_the_whole_import(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = registry(workspace).read_text(encoding="utf-8")
    code, out, err = run(
        capsys, "question", "import", fixture("kst-99999-7.xml"), fixture("kst-99999-3.xml")
    )
    assert code == 2
    assert out == ""
    assert "kst-99999-3.xml:" in err and "not a parliamentary instrument" in err
    assert registry(workspace).read_text(encoding="utf-8") == before
    assert len(commits(workspace)) == 1


def test_import_json_lists_the_records(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "question", "import", fixture("kst-99999-7.xml"), "--no-commit", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "wetdiff.question.import/1"
    [record] = data["added"]
    assert record["id"] == "kst-99999-7"
    assert record["considerations"][0].startswith("constaterende dat")
    assert record["outcome"] is None  # unknown
    assert len(commits(workspace)) == 1  # --no-commit


@pytest.mark.skipif(
    not REAL.is_dir(), reason=f"the real Kamerstukken are not here ({REAL}); fixtures cover CI"
)
def test_the_27_real_motions_are_registered_with_their_fields(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(str(p) for p in REAL.glob("kst-*.xml"))
    assert len(files) == 27
    code, out, err = run(capsys, "question", "import", *files, "--no-commit")
    assert code == 0, err
    assert "27 registered, 0 unchanged" in out
    found, _ = read_questions(registry(workspace))
    motions = {q.id: q for q in found if q.id.startswith("kst-")}
    assert len(motions) == 27
    for question in motions.values():
        assert question.kind == "motie"
        assert question.date is not None and question.asked_by and question.dossier
        assert question.request.startswith("verzoekt")
        assert question.considerations and question.outcome == "gap"
    boomsma = motions["kst-36547-28"]
    assert boomsma.asked_by == "D.T. Boomsma"
    assert boomsma.date == dt.date(2025, 6, 5)
    assert "normatieve afbakening tussen «mensenhandel» en «ernstige benadeling»" in (
        boomsma.request
    )
    assert motions["kst-36547-44"].replaces == "kst-36547-30"
    assert motions["kst-36547-31"].request.count("\n– ") == 3
    assert motions["kst-28638-238"].asked_by.startswith("Bikker, Helder")


# -- wetdiff question add ----------------------------------------------------------------


def test_add_registers_and_commits_a_question(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "question",
        "add",
        "2023Z12345/1",
        "--kind",
        "schriftelijke vraag",
        "--text",
        "Hoeveel zaken?",
        "--date",
        "2023-05-01",
        "--asked-by",
        "Kuik (CDA)",
    )
    assert code == 0, err
    assert "registered 2023Z12345/1" in out
    assert commits(workspace)[0] == "Question 2023Z12345/1: Hoeveel zaken?"
    found, _ = read_questions(registry(workspace))
    assert found[-1].date == dt.date(2023, 5, 1) and found[-1].link is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "2023-13-01"}, "--date: date '2023-13-01' is not a date"),
        ({"kind": "vraagje"}, "--kind: unknown kind 'vraagje'"),
        ({"link": "www.example"}, "--link: must be a web address"),
        ({"text": "   "}, "--text: a question needs an id and a summary"),
    ],
)
def test_add_refuses_what_the_tui_editor_refuses(
    workspace: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, str], message: str
) -> None:
    before = registry(workspace).read_text(encoding="utf-8")
    values = {"kind": "motie", "text": "Doe iets.", "date": "gap", "link": "gap", **fields}
    options = [part for name, value in values.items() for part in (f"--{name}", value)]
    code, _, err = run(capsys, "question", "add", "motie-9", *options)
    assert code == 2
    assert message in err and "nothing written" in err
    assert registry(workspace).read_text(encoding="utf-8") == before
    # the TUI's editor calls the same function, and refuses the same input
    with pytest.raises(QuestionFieldError):
        question_from_input(
            id="motie-9",
            kind=values["kind"],
            date=values["date"],
            summary=values["text"],
            link=values["link"],
        )


def test_add_refuses_an_id_the_registry_has(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "question", "add", "2022Z19982/3", "--kind", "motie", "--text", "Nog eens."
    )
    assert code == 2
    assert "question id '2022Z19982/3' exists already" in err


def test_add_puts_the_file_back_when_git_refuses_the_commit(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = registry(workspace).read_text(encoding="utf-8")
    (workspace / ".git" / "index.lock").write_text("", encoding="utf-8")
    code, _, err = run(capsys, "question", "add", "motie-9", "--kind", "motie", "--text", "x")
    assert code == 2
    assert "nothing was written" in err
    assert registry(workspace).read_text(encoding="utf-8") == before


# -- list, show, and the views every question appears in --------------------------------


def test_list_and_show_give_the_request_first_with_indieners_and_date(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "question", "import", fixture("kst-99999-7.xml"), fixture("kst-99999-9.xml"))
    code, out, _ = run(capsys, "question", "list")
    assert code == 0
    assert "kst-99999-7  [motie, C. Jansen, A.B. van den Berg, 2025-06-05]" in out
    assert "    verzoekt de regering: – de grens tussen de delicten helder te trekken;" in out

    code, out, _ = run(capsys, "question", "show", "kst-99999-7")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "kst-99999-7  [motie, C. Jansen, A.B. van den Berg, 2025-06-05]"
    assert lines.index("  request:") < lines.index("  considerations:")
    assert "  date: Voorgesteld 5 juni 2025" in lines
    assert "  replaced by: kst-99999-9" in lines
    assert "  outcome: unknown (gap: no source says whether it was adopted)" in lines

    code, out, _ = run(capsys, "question", "show", "kst-99999-9", "--format", "json")
    data = json.loads(out)
    assert data["replaces"] == "kst-99999-7" and data["file"].endswith("questions.toml")


def test_show_gives_the_ground_of_a_relation_on_both_sides(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "question", "import", fixture("kst-99999-7.xml"), "--no-commit")
    with registry(workspace).open("a", encoding="utf-8") as handle:
        handle.write(
            "\n[[question]]\n"
            'id = "motie-grens"\nkind = "motie"\ndate = "gap"\nlink = "gap"\n'
            'summary = "Trek een grens tussen de delicten"\n'
            'related = ["kst-99999-7"]\n'
            'relation = "zelfde onderwerp, wetsvoorstel en maand; geen bevestigde identiteit"\n'
        )
    code, out, _ = run(capsys, "question", "show", "kst-99999-7")
    assert code == 0
    assert "  related: motie-grens — Trek een grens tussen de delicten" in out
    assert "    ground: zelfde onderwerp, wetsvoorstel en maand; geen bevestigde identiteit" in out
    code, out, _ = run(capsys, "questions", "99999")
    assert (
        "    ↔ kst-99999-7: zelfde onderwerp, wetsvoorstel en maand; geen bevestigde identiteit"
        in out
    )
    assert "    ↔ motie-grens: zelfde onderwerp" in out


def test_show_of_an_unknown_id_says_which_are_known(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "question", "show", "kst-1-1")
    assert code == 2
    assert "no question 'kst-1-1'" in err and "2022Z19982/3" in err


def test_imported_motion_shows_in_questions_and_check_like_any_question(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "question", "import", fixture("kst-99998-12.xml"))
    code, out, _ = run(capsys, "questions", "99999")
    assert "  kst-99998-12  [motie, De Vries, Bakker, 2023-12-21]" in out
    assert "    verzoekt de regering het actieplan te herzien\n" in out
    code, out, _ = run(capsys, "check", "99999")
    assert code == 1
    assert (
        "question kst-99998-12 (verzoekt de regering het actieplan te herzien [motie, "
        "De Vries, Bakker, 2023-12-21]) is open: answered by no change" in out
    )


def test_registry_written_by_import_is_read_back_exactly(tmp_path: Path) -> None:
    """What the importer writes parses to the same record (request with its lines,
    considerations, the summary left out because it is the request)."""
    question = read_instrument(FIXTURES / "kst-99999-7.xml").question
    path = tmp_path / "questions.toml"
    path.write_text(question.to_toml(), encoding="utf-8")
    assert "summary" not in path.read_text(encoding="utf-8")
    [back], _ = read_questions(path)
    assert back == question
