"""Pilot tests: each flow a lawyer uses, on a small fixture workspace."""

from __future__ import annotations

from conftest import screen_text  # type: ignore[import-not-found]

from wetdiff.tui.screens.main import MainScreen
from wetdiff.tui.widgets.versions_header import VersionsHeader


def main_screen(app) -> MainScreen:  # type: ignore[no-untyped-def]
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def test_opens_on_law_against_latest_stage_with_dates_and_illustrative_label(
        app_factory, run_app) -> None:
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        header = str(app.screen.query_one(VersionsHeader).content)
        assert "law" in header and "2013-11-15" in header
        assert "36547" in header and "illustratief ontwerp" in header
        text = screen_text(app)
        assert "Artikel 273f" in text and "Artikel 273fa" in text
        assert "[-twaalf-]" in text and "{+vijftien+}" in text

    run_app(app_factory(), scenario)
