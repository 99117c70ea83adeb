"""``wetdiff diff``: views, exit codes, and statute text shown as text, never as markup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from diff_helpers import HISTORY

from wetdiff.cli import main
from wetdiff.diff.kinds import TABLE, mark

V2009 = str(HISTORY / "2009-07-01.txt")
V2013 = str(HISTORY / "2013-04-01.txt")
V2013_NOV = str(HISTORY / "2013-11-15.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["diff", *args])
    except SystemExit as done:
        code = done.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def test_exit_status_is_one_with_differences_and_zero_without(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(capsys, V2009, V2013)[0] == 1
    assert run(capsys, V2013, V2013)[0] == 0
    import gc

    assert gc.isenabled()  # the command pauses the collector only while it runs


def test_missing_file_is_bad_input_with_one_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, V2009, str(tmp_path / "nope.txt"), "--format", "json")
    assert code == 2 and out == ""
    assert "no such file or folder" in err and "Traceback" not in err


def test_malformed_article_file_is_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Artikel 1\n\n1. tekst\x1b[31m rood\n")
    code, out, err = run(capsys, V2009, str(bad))
    assert code == 2 and out == ""
    assert "bad.txt" in err


def test_unknown_article_option_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, V2009, V2013, "--article", "999")
    assert code == 2 and "no article 999" in err and out == ""


def test_bad_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, V2009, V2013, "--format", "pdf")
    assert code == 2 and "pdf" in err


def test_json_lists_the_changes_with_schema_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, V2013, V2013_NOV, "--format", "json", "--changed-only")
    data = json.loads(out)
    assert code == 1 and data["schema_version"] == 2
    kinds = [
        (c["old"] and c["old"]["locatie"], c["new"] and c["new"]["locatie"], c["kinds"])
        for c in data["changes"]
    ]
    assert ("273f/6", "273f/7", ["renumbered"]) in kinds
    assert (None, "273f/6", ["inserted"]) in kinds
    assert all(c["kind"] != "unchanged" for c in data["changes"])


def test_unified_shows_old_and_new_lines(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, V2009, V2013, "--format", "unified", "--changed-only")
    lines = out.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert any(line.startswith("-1. Als schuldig") and "acht jaren" in line for line in lines)
    assert any(line.startswith("+1. Als schuldig") and "twaalf jaren" in line for line in lines)
    assert sum(line.startswith("@@ ") for line in lines) == 4


def test_renvooi_without_colour_marks_words(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(
        capsys,
        V2009,
        V2013,
        "--format",
        "renvooi",
        "--no-color",
        "--width",
        "200",
        "--changed-only",
    )
    assert "[-acht-]{+twaalf+}" in out
    assert "\x1b[" not in out
    assert "artikel 273f, eerste lid: gewijzigd" in out


def test_side_by_side_fits_the_width_and_aligns_renumbered_leden(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, out, _ = run(
        capsys, V2013, V2013_NOV, "--format", "side-by-side", "--width", "90", "--changed-only"
    )
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 90
    row = next(line for line in lines if "Artikel 251" in line)
    left, right = row[:44], row[46:]
    assert left.strip().startswith("6. Artikel 251") and right.strip().startswith("7. Artikel")
    assert "{+inbegrip" in out or "{+met inbegrip" in out


def test_side_by_side_colour_uses_strike_and_underline_not_colour_alone() -> None:
    from rich.console import Console

    from wetdiff.cli.diff_views import side_by_side
    from wetdiff.diff import compare
    from wetdiff.diff.shown import shown
    from wetdiff.model.version import load_path

    console = Console(record=True, width=120, force_terminal=True, color_system="truecolor")
    changes = compare(load_path(Path(V2009)), load_path(Path(V2013)))
    side_by_side(console, changes, shown(changes, changes.changed()))
    styled = console.export_text(styles=True)
    assert "\x1b[9" in styled or ";9m" in styled or "9;" in styled  # strike
    assert "\x1b[4" in styled or ";4m" in styled or "4;" in styled  # underline


def test_markup_in_statute_text_prints_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Artikel 1\n\n1. Zie [bold]hier[/bold] en [link=x]daar[/link].\n")
    new.write_text("Artikel 1\n\n1. Zie [bold]ginds[/bold] en [link=x]daar[/link].\n")
    for view in ("side-by-side", "renvooi", "unified"):
        code, out, _ = run(
            capsys, str(old), str(new), "--format", view, "--width", "160", "--no-color"
        )
        assert code == 1
        assert "[bold]" in out and "[link=x]daar[/link]" in out, view


def test_control_characters_from_other_input_show_as_symbols() -> None:
    from wetdiff.cli.diff_plain import unified
    from wetdiff.diff import compare
    from wetdiff.diff.shown import shown
    from wetdiff.model.artikel import Alinea, Artikel
    from wetdiff.model.version import Version

    old = Version("a", "a", (Artikel("1", (Alinea("tekst"),)),))
    new = Version("b\x1b[2J", "b", (Artikel("1", (Alinea("tekst \x1b[31m rood"),)),))
    changes = compare(old, new)
    out = "\n".join(unified(changes, shown(changes)))
    assert "\x1b" not in out and "␛" in out


def test_article_option_follows_a_renumbered_article(capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = HISTORY.parent / "sr-2006"
    _code, out, _ = run(
        capsys,
        str(fixtures / "old"),
        str(fixtures / "new"),
        "--article",
        "273f",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert data["article_pairs"] == [{"old": "273a", "new": "273f"}]
    assert {c["kind"] for c in data["changes"]} == {"renumbered"}


def test_diff_path_imports_neither_textual_nor_gitpython(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom wetdiff.cli import main\n"
        f"sys.argv = ['wetdiff', 'diff', {V2009!r}, {V2013!r}]\n"
        "for fmt in ('json', 'unified', 'renvooi', 'side-by-side'):\n"
        "    assert main(['diff', sys.argv[2], sys.argv[3], '--format', fmt]) == 1\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'git'))\n"
        "print('LOADED', bad, file=sys.stderr)\nsys.exit(3 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_json_path_does_not_load_rich(tmp_path: Path) -> None:
    """Nor the git store, TOML or any other module a comparison of two paths does not
    need: each costs time at every start (a whole code is compared in well under a
    second, so 20 ms of imports show)."""
    probe = (
        "import sys\nfrom wetdiff.cli import main\n"
        "try:\n"
        f"    main(['diff', {V2009!r}, {V2013!r}, '--format', 'json'])\n"
        "except SystemExit:\n    pass\n"
        "unneeded = ('rich', 'wetdiff.store.workspace', 'wetdiff.store.law',\n"
        "    'wetdiff.store.gitrepo', 'wetdiff.store.proposals', 'tomllib', 'tempfile')\n"
        "bad = [m for m in unneeded if m in sys.modules]\n"
        "print('LOADED', bad, file=sys.stderr)\nsys.exit(3 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_diff_of_the_imported_law_files(capsys: pytest.CaptureFixture[str]) -> None:
    law = Path(__file__).parent.parent / "articles" / "BWBR0001854" / "273f"
    code, out, _ = run(
        capsys,
        str(law / "2009-07-01.txt"),
        str(law / "2013-04-01.txt"),
        "--format",
        "renvooi",
        "--no-color",
        "--changed-only",
        "--width",
        "200",
    )
    assert code == 1
    assert "[-acht-]{+twaalf+}" in out and "(2013-04-01)" in out


def test_in_a_pipe_the_default_view_is_unified(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, V2009, V2013)
    assert code == 1 and out.startswith("--- ") and "\x1b[" not in out
    assert " 2. Uitbuiting omvat" in out  # unchanged provisions shown as context


def test_side_by_side_wraps_at_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, V2009, V2013, "--format", "side-by-side", "--width", "70")
    words = set(" ".join(HISTORY.joinpath("2009-07-01.txt").read_text().split()).split())
    words |= set(" ".join(HISTORY.joinpath("2013-04-01.txt").read_text().split()).split())
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("───")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("+ ingevoegd"))
    body = lines[start:end]
    assert len(body) > 20
    signs = {info.symbol for info in TABLE} | {mark({"renumbered", "rewritten"})}
    for line in body:
        for token in (
            line.replace("[-", " ").replace("-]", " ").replace("{+", " ").replace("+}", " ").split()
        ):
            assert token in words or token in signs | {"Artikel"} or token.isdigit(), (
                token,
                line,
            )


def test_side_by_side_heading_keeps_a_long_paths_file_name_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    deep = tmp_path.joinpath(*["wetgeving-archief-" + "x" * 20] * 5)
    deep.mkdir(parents=True)
    for name in ("2009-07-01.txt", "2013-04-01.txt"):
        deep.joinpath(name).write_text(HISTORY.joinpath(name).read_text())
    old, new = str(deep / "2009-07-01.txt"), str(deep / "2013-04-01.txt")
    _, out, _ = run(capsys, old, new, "--format", "side-by-side", "--width", "70")
    heading, rule = out.splitlines()[:2]
    assert rule.startswith("───")  # the heading takes one line
    assert "…/2009-07-01.txt" in heading and "…/2013-04-01.txt" in heading
