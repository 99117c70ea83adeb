"""The house rules that keep wetdiff layered: the domain core never pulls in a view."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import wetdiff
names = []
for module in pkgutil.walk_packages(wetdiff.__path__, "wetdiff."):
    top = module.name.split(".")[1]
    if top in {"tui", "cli", "__main__"}:
        continue
    importlib.import_module(module.name)
    names.append(module.name)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {"textual", "rich"})
print(len(names), leaked[:5])
sys.exit(1 if leaked else 0)
"""


def test_domain_core_never_imports_textual_or_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_version_and_help_answer_without_loading_the_tui() -> None:
    probe = (
        "import sys\nfrom wetdiff.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "assert 'textual' not in sys.modules, 'textual imported by --help'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Compare statute articles" in result.stdout
