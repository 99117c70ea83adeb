"""Bad input is one message and exit 2, never a traceback or a hang: devices and pipes
given as files, TOML nested thousands deep, output to a full disk; control characters
are shown as symbols in every message and refused in every statute text written."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run


def _wetdiff(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wetdiff", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.parametrize("command", [("import", "bwb"), ("import", "ob", "--print")])
def test_a_device_is_refused_not_read(tmp_path: Path, command: tuple[str, ...]) -> None:
    done = _wetdiff(tmp_path, *command, "/dev/zero", timeout=30)
    assert done.returncode == 2, done.stderr
    assert "/dev/zero: is a device or pipe" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", [("import", "bwb"), ("import", "ob", "--print")])
def test_a_pipe_is_refused_not_waited_on(tmp_path: Path, command: tuple[str, ...]) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    done = _wetdiff(tmp_path, *command, str(fifo), timeout=30)  # no writer: a read would hang
    assert done.returncode == 2 and f"{fifo}: is a device or pipe" in done.stderr


def test_a_notes_file_nested_thousands_deep_is_one_message(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = store_workspace / "proposals/36547/notes.toml"
    notes.write_text("x = " + "[" * 20_000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "36547")
    assert code == 2 and f"{notes}:1: not valid TOML" in err and "nested too deeply" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_a_workspace_file_nested_thousands_deep_is_one_message(store_workspace: Path) -> None:
    (store_workspace / "wetdiff.toml").write_text("x = " + "[" * 20_000 + "\n", encoding="utf-8")
    done = _wetdiff(store_workspace, "versions")
    assert done.returncode == 2 and "nested too deeply" in done.stderr
    assert "Traceback" not in done.stderr


def test_output_to_a_full_disk_is_one_message(store_workspace: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "wetdiff", "show", "law"],
            cwd=store_workspace,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr


def test_an_escape_in_a_file_name_never_reaches_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paste = tmp_path / "plak\x1b[2J.txt"
    paste.write_text("Artikel 5\n\n- De eerste zin\n- De tweede zin\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "import", "text", str(paste), "--article", "5")
    assert code == 0 and "warning" in err
    assert "\x1b" not in err and "␛[2J" in err


def test_a_warning_of_import_bwb_shows_an_escape_as_a_symbol(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    xml = tmp_path / "2020-01-01\x1b[2J.xml"
    xml.write_text(
        '<?xml version="1.0"?>\n<wetgeving bwb-id="BWBR0001854"><wet-besluit><wettekst>\n'
        "<artikel><kop><nr>5</nr></kop><lid><lidnr>1</lidnr><al>Een.</al></lid>"
        "<lid><lidnr>3</lidnr><al>Drie.</al></lid></artikel>\n"
        "</wettekst></wet-besluit></wetgeving>\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "import", "bwb", str(xml))
    assert code == 0, err
    assert "warning" in err and "\x1b" not in out + err and "␛[2J" in err


@pytest.mark.parametrize("where", ["--print", "in place"])
def test_apply_refuses_an_escape_in_the_words_it_would_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    article = tmp_path / "273f.txt"
    text = "Artikel 273f\n\nDe straf is acht jaren.\n"
    article.write_text(text, encoding="utf-8")
    instructions = tmp_path / "opdracht.txt"
    instructions.write_text(
        "In artikel 273f wordt «acht» vervangen door «twaalf\x1b[2J».\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    extra = ["--print"] if where == "--print" else []
    code, out, err = run(capsys, "apply", str(instructions), "--to", str(article), *extra)
    assert code == 2 and f"{instructions}:1: control character U+001B (ESC)" in err
    assert "\x1b" not in out + err
    assert article.read_text(encoding="utf-8") == text


def test_memo_to_dash_writes_standard_output_not_a_file(store_workspace: Path) -> None:
    done = _wetdiff(store_workspace, "memo", "law", "36547", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ") and "<del>" in done.stdout
    assert not (store_workspace / "-").exists()
    assert "(standard output):" in done.stderr
    html = _wetdiff(store_workspace, "memo", "law", "36547", "-o", "-", "--format", "html")
    assert html.returncode == 0 and html.stdout.lstrip().lower().startswith("<!doctype html")


GAP = (
    "Artikel 273f\n\n"
    "1. Als schuldig wordt gestraft:\n"
    "    1° degene die werft;\n"
    "    3° degene die vervoert.\n"
)


@pytest.mark.parametrize("command", [("show",), ("diff", "law")])
def test_a_numbering_gap_in_a_file_a_lawyer_wrote_is_one_message(
    store_workspace: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    draft = store_workspace.parent / "273f.txt"
    draft.write_text(GAP, encoding="utf-8")
    code, out, err = run(capsys, *command, str(draft))
    assert code == 2 and out == ""
    assert f"{draft}:5:" in err and "Traceback" not in err


def test_a_numbering_gap_in_a_stage_file_is_one_message(
    store_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage = store_workspace / "proposals/36547/A/273f.txt"
    stage.write_text(GAP, encoding="utf-8")
    code, _, err = run(capsys, "diff", "law", "36547/A")
    assert code == 2 and f"{stage}:5:" in err


def test_a_numbering_gap_in_official_data_stays_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wetdiff.model.files import VersionMeta

    folder = tmp_path / "273f"
    folder.mkdir()
    (folder / "2013-11-15.txt").write_text(GAP, encoding="utf-8")
    meta = VersionMeta("273f", dt.date(2013, 11, 15), bwb_id="BWBR0001854")
    (folder / "2013-11-15.toml").write_text(meta.to_toml(), encoding="utf-8")
    code, out, err = run(capsys, "show", str(folder / "2013-11-15.txt"))
    assert code == 0, err
    assert "3° degene die vervoert." in out


PASTE = """Artikel 273f
1
Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf jaren gestraft:
a.
degene die een ander werft;

b.
degene die een ander vervoert.
2
Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.
"""


def test_a_paste_with_each_number_on_its_own_line_is_read_as_leden_and_onderdelen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paste = tmp_path / "plak.txt"
    paste.write_text(PASTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "import", "text", str(paste), "--article", "273f")
    assert code == 0, err
    assert out == (
        "Artikel 273f\n\n"
        "1. Als schuldig aan mensenhandel wordt met gevangenisstraf van ten hoogste twaalf "
        "jaren gestraft:\n"
        "    a. degene die een ander werft;\n"
        "    b. degene die een ander vervoert.\n\n"
        "2. Uitbuiting omvat ten minste uitbuiting van een ander in de prostitutie.\n"
    )
    assert "stood on a line of their own" in err
