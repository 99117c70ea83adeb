"""``wetdiff apply``: in place for a path, --print, and nothing written on any failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run

ARTIKEL = """Artikel 9

1. Met gevangenisstraf van ten hoogste acht jaren wordt gestraft degene die een ander werft.

2. Artikel 251 is van overeenkomstige toepassing.
"""


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


def test_apply_in_place_to_a_folder_of_article_files(
    tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = instructions(
        tmp_path,
        "A\nIn artikel 9, eerste lid, wordt «acht» vervangen door "
        "«twaalf».\nB\nNa artikel 9 wordt een artikel ingevoegd, "
        "luidende:\nArtikel 9a\nNieuwe bepaling.\n",
    )
    code, out, _ = run(capsys, "apply", str(path), "--to", str(stage))
    assert code == 0
    assert "ten hoogste twaalf jaren" in (stage / "9.txt").read_text(encoding="utf-8")
    assert (stage / "9a.txt").read_text(encoding="utf-8") == "Artikel 9a\n\nNieuwe bepaling.\n"
    assert "changed: 9, 9a" in out


def test_print_changes_nothing(
    tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = instructions(tmp_path, 'In artikel 9, tweede lid, wordt "251" vervangen door "250".')
    code, out, _ = run(capsys, "apply", str(path), "--to", str(stage / "9.txt"), "--print")
    assert code == 0
    assert "2. Artikel 250 is" in out
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_a_failing_instruction_exits_1_names_it_and_writes_nothing(
    tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "A\nIn artikel 9, eerste lid, wordt «acht» vervangen door «twaalf».\n"
        "B\nIn artikel 9, tweede lid, wordt «252» vervangen door «250».\n"
    )
    path = instructions(tmp_path, text)
    code, _, err = run(capsys, "apply", str(path), "--to", str(stage))
    assert code == 1
    assert "onderdeel B: In artikel 9, tweede lid, wordt «252» vervangen door «250»." in err
    assert "«252» komt niet voor in artikel 9, tweede lid" in err
    assert "nothing was written" in err
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_bad_input_exits_2(tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = instructions(tmp_path, "\n\n")
    code, _, err = run(capsys, "apply", str(empty), "--to", str(stage))
    assert code == 2 and "no amending instructions" in err
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01")
    code, _, err = run(capsys, "apply", str(binary), "--to", str(stage))
    assert code == 2 and "binary" in err
    code, _, err = run(capsys, "apply", str(tmp_path / "missing.txt"), "--to", str(stage))
    assert code == 2
    assert (stage / "9.txt").read_text(encoding="utf-8") == ARTIKEL


def test_generated_instructions_applied_by_the_cli(
    tmp_path: Path, stage: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wetdiff.instructions import generate
    from wetdiff.model.version import load_path

    target = tmp_path / "target"
    target.mkdir()
    (target / "9.txt").write_text(
        ARTIKEL.replace("acht", "twaalf").replace("2. Artikel 251", "2. Artikel 250"),
        encoding="utf-8",
    )
    text = generate(load_path(stage), load_path(target)).text
    path = instructions(tmp_path, text)
    code, _, err = run(capsys, "apply", str(path), "--to", str(stage))
    assert code == 0, err
    assert (stage / "9.txt").read_text(encoding="utf-8") == (target / "9.txt").read_text(
        encoding="utf-8"
    )


def test_apply_as_a_proposal_stage_commits_through_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from store_helpers import build, forget_open_workspaces, git

    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    try:
        path = instructions(
            tmp_path,
            "In artikel 273f, tweede lid, wordt «gedwongen huwelijk» "
            "vervangen door «gedwongen huwelijk, illegale adoptie».",
        )
        head = git(root, "rev-parse", "HEAD").strip()
        code, _, err = run(
            capsys,
            "apply",
            str(path),
            "--to",
            "36547/A",
            "--as",
            "36547/A",
            "-m",
            "Illegale adoptie (amendement)",
        )
        assert code == 0, err
        text = (root / "proposals/36547/A/273f.txt").read_text(encoding="utf-8")
        assert "gedwongen huwelijk, illegale adoptie" in text
        assert git(root, "log", "-1", "--format=%s").strip() == "Illegale adoptie (amendement)"
        assert git(root, "rev-parse", "HEAD~1").strip() == head
        assert git(root, "status", "--porcelain") == ""
        # a failing set commits nothing
        bad = instructions(tmp_path, "In artikel 273f wordt «bestaat niet» vervangen door «x».")
        code, _, err = run(capsys, "apply", str(bad), "--to", "36547/A", "--as", "36547/A")
        assert code == 1 and "komt niet voor" in err
        assert git(root, "rev-parse", "HEAD~1").strip() == head
    finally:
        forget_open_workspaces()


def test_real_stb_2006_11_via_the_cli_reports_onderdeel_c(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    base = Path(__file__).parent / "fixtures" / "instructions" / "stb-2006-11"
    folder = tmp_path / "2006-01-03"
    shutil.copytree(base / "2006-01-03", folder)
    code, _, err = run(capsys, "apply", str(base / "instructions.txt"), "--to", str(folder))
    assert code == 1
    assert "onderdeel C: In artikel 5, eerste lid, onderdeel 3°, en artikel 5a" in err
    assert "«minderjarige» komt niet voor" in err
    for name in ("4.txt", "5.txt", "10.txt"):
        assert (folder / name).read_text(encoding="utf-8") == (
            base / "2006-01-03" / name
        ).read_text(encoding="utf-8")
