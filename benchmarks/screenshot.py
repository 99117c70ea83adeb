"""Save the SVG screenshot of the main screen for the README: ``docs/screenshot.svg``.

What a lawyer sees after the README's first command: ``wetdiff`` on the worked example
(the law against the latest stage of bill 36 547), on the second change, whose note
answers parliamentary questions. Built in a temporary data folder, so the user's own
workspace is never touched.

    python benchmarks/screenshot.py [docs/screenshot.svg]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

SIZE = (140, 42)


async def shoot(target: Path) -> None:
    from wetdiff.tui.app import make_app
    from wetdiff.tui.screens.main import MainScreen

    app = make_app(theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, MainScreen) and app.screen.ready):
            await pilot.pause(0.05)
        await pilot.press("n")
        await pilot.pause(0.2)
        app.save_screenshot(filename=target.name, path=str(target.parent))


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.svg").resolve()
    os.environ.setdefault("WETDIFF_DATA_DIR", tempfile.mkdtemp(prefix="wetdiff-shot-"))
    asyncio.run(shoot(target))
    print(target)


if __name__ == "__main__":
    main()
