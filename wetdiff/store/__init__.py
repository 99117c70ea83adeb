"""Versions in git: the workspace, its dated history, versions, log, blame and drafting.

The only package of wetdiff that imports GitPython (in :mod:`wetdiff.store.gitrepo`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

# Who hears what a first run's build of the worked example is doing (step, files done,
# files in all): the command line sets it to show progress on stderr; the terminal UI
# shows its own state. Set here, not in store.example, so that setting it loads nothing.
example_progress: Callable[[str, int, int], None] | None = None
