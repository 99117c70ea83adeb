"""A stage added with ``wetdiff stage add`` is one the TUI opens and edits."""

from __future__ import annotations

import datetime as dt

from tui_helpers import edit_text_and_commit, screen_text

from wetdiff.store.drafting import add_stage
from wetdiff.store.workspace import open_workspace
from wetdiff.tui.widgets.versions_header import VersionsHeader


def test_the_tui_opens_and_edits_a_stage_added_on_the_command_line(
    app_factory, run_app, workspace
) -> None:  # type: ignore[no-untyped-def]
    add_stage(
        open_workspace(workspace), "36547", "nvw1", dt.date(2024, 10, 1), "Nota van wijziging"
    )

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        header = str(app.screen.query_one(VersionsHeader).content)
        assert "36547/nvw1" in header and "2024-10-01" in header  # now the latest stage
        await edit_text_and_commit(pilot, "vijftien jaren of", "zestien jaren of", "NvW")
        assert "{+zestien+}" in screen_text(app)

    run_app(app_factory(), scenario)
    assert "zestien jaren" in (workspace / "proposals/36547/nvw1/273f.txt").read_text(
        encoding="utf-8"
    )
    assert "vijftien jaren" in (workspace / "proposals/36547/nr2/273f.txt").read_text(
        encoding="utf-8"
    )
