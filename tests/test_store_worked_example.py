"""The shipped worked example, built as a user gets it: what the issue says it must show."""

from __future__ import annotations

import pytest
from cli_helpers import run
from store_helpers import forget_open_workspaces


@pytest.fixture(autouse=True)
def _outside_any_workspace(tmp_path, monkeypatch, worked_example) -> None:  # type: ignore[no-untyped-def,misc]
    monkeypatch.chdir(tmp_path)
    yield
    forget_open_workspaces()


def test_log_273f_lists_the_official_versions_with_dates_and_sources(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "log", "273f")
    assert code == 0, err
    for day, source in (
        ("2005-01-01", "Stb. 2004, 645 (Kamerstuk 29 291)"),
        ("2006-09-01", "Stb. 2006, 300 (Kamerstuk 26 671)"),
        ("2009-07-01", "Kamerstuk 31 386"),
        ("2013-04-01", "Kamerstuk 33 185"),
        ("2013-11-15", "Stb. 2013, 444 (Kamerstuk 33 309)"),
    ):
        entry = out.split(f"\n{day}  law@{day}")[1].split("\n\n")[0]
        assert f"source: {source}" in entry
    assert "law@2005-01-01  artikel 273a" in out


def test_log_shows_a_merger_once_where_its_text_now_stands(capsys) -> None:  # type: ignore[no-untyped-def]
    # 36547/nr2 merges the old first lid's aanhef and onderdeel 1° into the new first lid:
    # one line, as diff and the memo show it, never one line per merged part.
    code, out, err = run(capsys, "log", "273f")
    assert code == 0, err
    stage = out.split("  36547/nr2  ")[1].split("\n\n")[0]
    first_lid = [line for line in stage.splitlines() if "artikel 273f, eerste lid (" in line]
    assert len(first_lid) == 1, stage
    assert (
        first_lid[0]
        .strip()
        .startswith(
            "artikel 273f, eerste lid (from artikel 273f, eerste lid, aanhef and artikel 273f, "
            "eerste lid, onderdeel 1°): merged"
        )
    )
    assert not [
        line
        for line in stage.splitlines()
        if line.strip().startswith("artikel 273f, eerste lid: merged")
    ]


def test_blame_words_273f_credits_the_acts_that_wrote_them(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "blame", "273f", "--words")
    assert code == 0, err
    assert (
        "[5] 2013-11-15   met inbegrip van de wisseling of overdracht van de controle "
        "over die ander"
    ) in out
    aanhef = out.split("artikel 273f, eerste lid, aanhef:")[1].split("\n\n")[0]
    assert "[4] 2013-04-01   twaalf\n" in aanhef
    assert "[1] 2005-01-01   jaren of geldboete" in aanhef
    assert "[1] 2005-01-01  law@2005-01-01 (artikel 273a)" in out
