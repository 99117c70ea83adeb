"""Acceptance (issues 2, 3, 5, 6, 7): statute text is data in every output, and a control
character that reaches a display shows as a symbol (␛), never raw.

One small workspace: a proposal whose new lid holds ``[bold]…[/]`` (ordinary statute
text), and notes, questions, version metadata and a commit message that hold an ESC.
Every display path (diff views, show, log, blame, note list/show, questions, check, the
memo in its three formats) is run over it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from cli_helpers import run
from notes_helpers import NOTES, QUESTIONS, STAGE_273F, make_workspace, write

from wetdiff.model.files import VersionMeta

MARKUP = "[bold]niet[/] [red]strafbaar[/red]"
STAGE = STAGE_273F.replace("niet van toepassing", f"{MARKUP} van toepassing")
ESC_NOTES = NOTES.replace(
    "The maximum penalty goes up", "\\u001b[31mThe maximum penalty goes up"
).replace('quote = "niet van toepassing op het slachtoffer"', f'quote = "{MARKUP} van toepassing"')
ESC_QUESTIONS = QUESTIONS.replace(
    "Will the penalty for trafficking go up?", "\\u001b[2JWill the penalty go up?"
)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_workspace(tmp_path / "ws", stage=STAGE, notes=ESC_NOTES, questions=ESC_QUESTIONS)
    meta = VersionMeta(
        "273f",
        dt.date(2013, 11, 15),
        bwb_id="BWBR0001854",
        source_act="Stb. \x1b[7m2013",
        source_note="\x1b[1mhand-written",
        certainty="unverified",
        in_force_note="\x1b[4mper a news report",
    )
    write(root / "articles/BWBR0001854/273f/2013-11-15.toml", meta.to_toml())
    proposal = root / "proposals/99999/proposal.toml"
    write(
        proposal,
        proposal.read_text(encoding="utf-8").replace(
            'title = "Testvoorstel"',
            'title = "Test\\u001b[8mvoorstel"\nillustrative = "\\u001b[9millustratief ontwerp"',
        ),
    )
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "meta \x1b[5mblink"], check=True)
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("view", ["side-by-side", "renvooi", "unified"])
def test_markup_in_statute_text_is_printed_literally_in_every_diff_view(
    workspace: Path, capsys: pytest.CaptureFixture[str], view: str
) -> None:
    code, out, err = run(capsys, "diff", "law", "99999/nr2", "--format", view, "--no-color")
    assert code == 1, err
    flat = " ".join(out.split())
    for word in ("[bold]niet[/]", "[red]strafbaar[/red]"):
        assert word in flat


def test_markup_in_statute_text_survives_json_and_show(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "diff", "law", "99999/nr2", "--format", "json")
    assert code == 1 and MARKUP in out
    code, out, _ = run(capsys, "show", "99999/nr2")
    assert code == 0 and MARKUP in out
    code, out, _ = run(capsys, "show", "99999/nr2", "--format", "json")
    assert code == 0 and MARKUP in json.dumps(json.loads(out), ensure_ascii=False)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("note", "list", "--proposal", "99999"), "␛[31mThe maximum"),
        (("note", "show", "straf", "--proposal", "99999"), "␛[31mThe maximum"),
        (("questions", "99999"), "␛[2JWill the penalty"),
        (("check", "99999"), "check:"),
        (("log", "273f"), "␛[31mThe maximum"),
        (("blame", "273f", "99999/nr2"), "273f"),
    ],
    ids=lambda v: v if isinstance(v, str) else " ".join(v[:2]),
)
def test_control_characters_never_reach_the_terminal_raw(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], shown: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code in (0, 1), err
    assert "\x1b" not in out and "\x1b" not in err
    assert shown in out


def test_log_shows_metadata_and_commit_subject_controls_as_symbols(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "log", "273f")
    assert code == 0 and "\x1b" not in out
    for shown in ("␛[1mhand-written", "Stb. ␛[7m2013", "␛[4mper a news report"):
        assert shown in out


@pytest.mark.parametrize("suffix", ["md", "html", "docx"])
def test_memo_prints_markup_literally_and_controls_as_symbols(
    workspace: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = workspace.parent / f"memo.{suffix}"
    code, _, err = run(capsys, "memo", "law", "99999/nr2", "-o", str(target))
    assert code == 0, err
    if suffix == "docx":
        with zipfile.ZipFile(target) as docx:
            text = docx.read("word/document.xml").decode("utf-8")
        words = ["[bold]", "[/]", "[red]strafbaar[/red]"]
    else:
        text = target.read_text(encoding="utf-8")
        words = ["[bold]", "[red]", "strafbaar"]
    assert "\x1b" not in text and "␛" in text
    for word in words:
        assert word in text


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("versions",), "␛[9millustratief ontwerp"),
        (("show", "99999/nr2"), "␛[9millustratief ontwerp"),
        (("blame", "273f"), "Stb. ␛[7m2013"),
        (("log", "273f"), "␛[9millustratief ontwerp"),
    ],
    ids=lambda v: v if isinstance(v, str) else " ".join(v),
)
def test_metadata_controls_show_as_symbols(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], shown: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert shown in out


def test_an_error_message_shows_what_was_typed_with_controls_as_symbols(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "diff", "law", "nope\x1b[31m")
    assert (code, out) == (2, "")
    assert "nope" in err and "\x1b" not in err
