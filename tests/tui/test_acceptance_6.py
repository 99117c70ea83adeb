"""Acceptance (issue 6): the history (log) view of the selected article, which no other
Pilot test opens: `l` shows every version of the article with its date and source."""

from __future__ import annotations

from tui_helpers import screen_text


def test_history_key_shows_each_version_of_the_article_with_its_date(app_factory, run_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(pilot):  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.press("g")
        for char in "273f":
            await pilot.press(char)
        await pilot.press("enter", "l")
        text = ""
        for _ in range(200):
            await pilot.pause(0.02)
            text = screen_text(app)
            if "History of artikel 273f" in text:
                break
        assert "History of artikel 273f" in text
        assert "2024-04-25  36547/nr2  artikel 273f" in text
        assert "2013-11-15  law@2013-11-15  artikel 273f" in text
        assert "artikel 273f, eerste lid: reworded (twaalf → vijftien" in text

    run_app(app_factory(), scenario)
