"""Snapshots of the key screens (textual pinned exactly; environment pinned in conftest).

Fixed versions (never ``law`` = today), fixed size and theme, so the SVGs only change
when the screens do. Update with ``pytest tests/tui --snapshot-update`` and review the
SVGs by eye."""

from __future__ import annotations

from tui_helpers import SIZE, THEME, wait_ready

from wetdiff.tui.app import make_app


def app(workspace):  # type: ignore[no-untyped-def]
    return make_app("law@2024-04-25", "36547/nr2", workspace=workspace, theme=THEME)


def test_main_screen(snap_compare, workspace) -> None:
    assert snap_compare(app(workspace), terminal_size=SIZE, run_before=wait_ready)


def test_renvooi_view_of_changed_provisions(snap_compare, workspace) -> None:
    assert snap_compare(app(workspace), press=["r", "f"], terminal_size=SIZE, run_before=wait_ready)


def test_help_screen(snap_compare, workspace) -> None:
    assert snap_compare(
        app(workspace), press=["question_mark"], terminal_size=SIZE, run_before=wait_ready
    )


def test_note_editor(snap_compare, workspace) -> None:
    assert snap_compare(app(workspace), press=["e"], terminal_size=SIZE, run_before=wait_ready)


def test_main_screen_at_80x24(snap_compare, workspace) -> None:
    """The smallest usual terminal: status line, the question answered above the
    rationale, and a footer with versions, note, help and quit."""
    assert snap_compare(app(workspace), terminal_size=(80, 24), run_before=wait_ready)
