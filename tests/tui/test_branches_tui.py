"""The TUI with amendments and reviewers: the matrix of which amendments conflict (a
pair that combines is compared adopted), and open review comments shown on their change
and resolved there."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from tui_helpers import main_screen, until

from wetdiff.notes.review import comment
from wetdiff.notes.writing import open_notes
from wetdiff.store.drafting import new_amendment, save_article
from wetdiff.store.gitrepo import close_all
from wetdiff.store.workspace import open_workspace
from wetdiff.tui.screens.confirm import ConfirmScreen
from wetdiff.tui.screens.conflicts import ConflictsScreen
from wetdiff.tui.widgets.notes_panel import NotesPanel
from wetdiff.tui.widgets.versions_header import VersionsHeader

PENALTY = "ten hoogste vijftien jaren of geldboete"


def _amend(root: Path, name: str, old: str, new: str) -> None:
    workspace = open_workspace(root)
    new_amendment(workspace, "36547", name, "nr2")
    path = root / "proposals/36547/nr2/273f.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    save_article(workspace, "36547", name, text.replace(old, new), None, f"{name}: {new}")


@pytest.fixture
def amended(workspace: Path) -> Path:
    _amend(workspace, "am-1", PENALTY, "ten hoogste achttien jaren of geldboete")
    _amend(workspace, "am-2", PENALTY, "ten hoogste twintig jaren of geldboete")
    _amend(workspace, "am-3", "gedwongen huwelijk", "gedwongen huwelijk of illegale adoptie")
    close_all()
    return workspace


def test_the_amendments_matrix_and_a_pair_compared_adopted(amended, app_factory, run_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ConflictsScreen))
        screen = app.screen
        await until(
            pilot,
            lambda: (
                screen.matrix is not None
                or "Comparing" not in str(screen.query_one("#matrix", Static).content)
            ),
        )
        assert screen.matrix is not None, str(screen.query_one("#matrix", Static).content)
        matrix = str(screen.query_one("#matrix", Static).content)
        assert "am-1  am-2  am-3" in matrix
        assert "am-1   ·     ✗     ✓" in matrix and "am-3   ✓     ✓     ·" in matrix
        pairs = screen.query_one(OptionList)
        labels = [str(pairs.get_option_at_index(i).prompt) for i in range(pairs.option_count)]
        assert labels[0].startswith("✗ am-1 and am-2: 1 conflict")
        assert "the same words changed differently" in str(
            screen.query_one("#details", Static).content
        )
        pairs.highlighted = labels.index(next(x for x in labels if x.startswith("✓ am-1 and am-3")))
        await pilot.press("enter")
        main = main_screen(app)
        await until(pilot, lambda: main.new_spec == "36547/nr2+am-1+am-3" and main.ready)
        header = str(main.query_one(VersionsHeader).content)
        assert "36547/nr2+am-1+am-3" in header

    run_app(app_factory("36547/nr2", "36547/am-1"), scenario)


def test_an_open_review_comment_shows_on_its_change_and_is_resolved_there(
    workspace, app_factory, run_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from wetdiff.notes.anchor import anchor_for_change
    from wetdiff.notes.model import Note

    monkeypatch.chdir(workspace)
    with open_notes("36547", root=workspace, writing=True, review=True) as target:
        changes = target.changeset()
        assert changes is not None
        change = next(c for c in changes.changes if c.changed and c.new_key == "273f/1")
        note = Note("273f-review-1", anchor_for_change(change), "Waarom vijftien jaren?")
        target.save(comment(note, "Lotte Reviewer"), subject="Review comment")
    close_all()

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        main = main_screen(app)
        panel = main.query_one(NotesPanel)
        await until(pilot, lambda: "Open review comments" in panel.text)
        assert "Lotte Reviewer: Waarom vijftien jaren?" in panel.text
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: "Open review comments" not in panel.text and main.ready)
        review = (workspace / "proposals/36547/review.toml").read_text(encoding="utf-8")
        assert 'status = "resolved"' in review

    run_app(app_factory("law", "36547/nr2"), scenario)
