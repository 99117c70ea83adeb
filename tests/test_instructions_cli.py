"""``wetdiff apply``: in place for a path, --print, and nothing written on any failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetdiff.cli import main

ARTIKEL = """Artikel 9

1. Met gevangenisstraf van ten hoogste acht jaren wordt gestraft degene die een ander werft.

2. Artikel 251 is van overeenkomstige toepassing.
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        main(args)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stage(tmp_path: Path) -> Path:
    folder = tmp_path / "stage"
    folder.mkdir()
    (folder / "9.txt").write_text(ARTIKEL, encoding="utf-8")
    return folder


def instructions(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "opdrachten.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_apply_in_place_to_a_folder_of_article_files(tmp_path: Path, stage: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = instructions(tmp_path, "A\nIn artikel 9, eerste lid, wordt «acht» vervangen door "
                                  "«twaalf».\nB\nNa artikel 9 wordt een artikel ingevoegd, "
                                  "luidende:\nArtikel 9a\nNieuwe bepaling.\n")
    code, out, _ = run(["apply", str(path), "--to", str(stage)], capsys)
    assert code == 0
    assert "ten hoogste twaalf jaren" in (stage / "9.txt").read_text(encoding="utf-8")
    assert (stage / "9a.txt").read_text(encoding="utf-8") == "Artikel 9a\n\nNieuwe bepaling.\n"
    assert "changed: 9, 9a" in out


def test_print_changes_nothing(tmp_path: Path, stage: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    path = instructions(tmp_path, 'In artikel 9, tweede lid, wordt "251" vervangen door "250".')
    code, out, _ = run(["apply", str(path), "--to", str(stage / "9.txt"), "--print"], capsys)
    assert code == 0
    assert "2. Artikel 250 is" in out
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_a_failing_instruction_exits_1_names_it_and_writes_nothing(
        tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = ("A\nIn artikel 9, eerste lid, wordt «acht» vervangen door «twaalf».\n"
            "B\nIn artikel 9, tweede lid, wordt «252» vervangen door «250».\n")
    path = instructions(tmp_path, text)
    code, _, err = run(["apply", str(path), "--to", str(stage)], capsys)
    assert code == 1
    assert "onderdeel B: In artikel 9, tweede lid, wordt «252» vervangen door «250»." in err
    assert "«252» komt niet voor in artikel 9, tweede lid" in err
    assert "nothing was written" in err
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_bad_input_exits_2(tmp_path: Path, stage: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    empty = instructions(tmp_path, "\n\n")
    code, _, err = run(["apply", str(empty), "--to", str(stage)], capsys)
    assert code == 2 and "no amending instructions" in err
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    code, _, err = run(["apply", str(binary), "--to", str(stage)], capsys)
    assert code == 2 and "binary" in err
    code, _, err = run(["apply", str(tmp_path / "missing.txt"), "--to", str(stage)], capsys)
    assert code == 2
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_generated_instructions_applied_by_the_cli(tmp_path: Path, stage: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from wetdiff.instructions import generate
    from wetdiff.model.version import load_path

    target = tmp_path / "target"
    target.mkdir()
    (target / "9.txt").write_text(ARTIKEL.replace("acht", "twaalf").replace(
        "2. Artikel 251", "2. Artikel 250"), encoding="utf-8")
    text = generate(load_path(stage), load_path(target)).text
    path = instructions(tmp_path, text)
    code, _, err = run(["apply", str(path), "--to", str(stage)], capsys)
    assert code == 0, err
    assert (stage / "9.txt").read_text(encoding="utf-8") == (target / "9.txt").read_text(
        encoding="utf-8")
