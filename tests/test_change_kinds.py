"""One vocabulary of change kinds: a sign means one thing in every view, and the legend
the README shows is the table every view reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run
from diff_helpers import HISTORY, fixture

from wetdiff.diff import compare
from wetdiff.diff.kinds import CHANGE_KINDS, TABLE, describe, legend, mark, primary
from wetdiff.tui.layout import kind_symbol
from wetdiff.tui.screens.help import MARKERS
from wetdiff.tui.widgets.notes_panel import heading as panel_heading

README = Path(__file__).resolve().parent.parent / "README.md"
OLD = str(HISTORY / "2006-09-01.txt")
NEW = str(HISTORY / "2009-07-01.txt")


def test_every_kind_has_its_own_sign_and_names() -> None:
    symbols = [info.symbol for info in TABLE]
    assert len(set(symbols)) == len(symbols)
    assert len({info.nl for info in TABLE}) == len(TABLE)
    assert len({info.en for info in TABLE}) == len(TABLE)
    assert all(len(info.symbol) == 1 for info in TABLE)  # fits the TUI's gutter


def test_renumbered_and_merged_have_different_signs_in_cli_and_tui() -> None:
    # `>` once meant "renumbered" in `wetdiff diff` and "merged" in the TUI.
    assert mark({"renumbered"}) != mark({"merged"})
    assert mark({"merged"}) == ">"
    assert mark({"renumbered"}) == "#"


def test_a_renumbered_and_reworded_provision_says_both() -> None:
    kinds = {"renumbered", "rewritten"}
    assert primary(kinds) == "renumbered"
    assert mark(kinds) == "#~"
    assert describe(kinds, "nl") == "vernummerd en gewijzigd"
    assert describe({"moved", "renumbered", "rewritten"}, "en") == (
        "moved, renumbered and reworded"
    )
    assert describe({"unchanged"}, "nl") == "ongewijzigd"
    assert mark({"unchanged"}) == ""


def test_the_readme_and_the_help_show_the_table() -> None:
    text = README.read_text(encoding="utf-8")
    for info in TABLE[:-1]:
        assert f"| `{info.symbol}` | {info.nl} | {info.en} | {info.meaning} |" in text
        assert (info.symbol, info.meaning) in MARKERS
    assert [k for k in CHANGE_KINDS] == [info.kind for info in TABLE[:-1]]
    assert legend("nl").startswith("+ ingevoegd   - vervallen")


def test_the_cli_and_the_tui_show_a_renumbered_and_reworded_lid_alike(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 2006 → 2009: lid 5 became lid 4 and its penalty went from twaalf to vijftien.
    _, out, _ = run(
        capsys, "diff", OLD, NEW, "--format", "side-by-side", "--no-color", "--width", "160"
    )
    row = next(line for line in out.splitlines() if line.startswith("5. Indien"))
    assert " #~ " in row
    assert legend("nl") in out
    _, out, _ = run(capsys, "diff", OLD, NEW, "--format", "unified")
    assert "@@ 273f/5 → 273f/4 @@ vernummerd en gewijzigd" in out
    change = next(
        c
        for c in compare(fixture("2006-09-01"), fixture("2009-07-01")).changes
        if c.old_key == "273f/5"
    )
    assert kind_symbol(change) == "#"
    assert "# renumbered and reworded" in panel_heading(change).plain
