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


LAYOUT_FOLDERS = {"proposals", "articles", "questions"}
LAYOUT_FILES = {"wetdiff.toml", "proposal.toml", "notes.toml", "questions.toml"}


def test_only_the_layout_module_spells_where_files_live() -> None:
    """``proposals/<id>/<stage>/273f.txt`` and its kin are built in one place
    (:mod:`wetdiff.store.layout`); a view or command that joins them itself drifts."""
    import io
    import tokenize
    from pathlib import Path

    import wetdiff

    package = Path(wetdiff.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "store" / "layout.py":
            continue
        source = path.read_text(encoding="utf-8")
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        for i, token in enumerate(tokens):
            if token.type != tokenize.STRING or token.string[0] not in "\"'":
                continue
            word = token.string[1:-1]
            before = tokens[i - 1].string
            after = tokens[i + 1].string if i + 1 < len(tokens) else ""
            if (
                (word in LAYOUT_FOLDERS and "/" in (before, after))  # root / "proposals"
                or (word in LAYOUT_FILES and after != ":")  # (a JSON key is no path)
                or (word.split("/")[0] in LAYOUT_FOLDERS and "/" in word and "<" not in word)
            ):
                found.append(f"{path.relative_to(package)}:{token.start[0]}: {token.string}")
    assert found == []


def test_the_readme_draws_the_layers_the_contract_enforces() -> None:
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    enforced = [layer.removeprefix("wetdiff.") for layer in contract["layers"]]
    readme = (root / "README.md").read_text(encoding="utf-8")
    drawn = readme.split("below it:\n\n```\n", 1)[1].split("```", 1)[0]
    assert [line.split()[0] for line in drawn.splitlines()] == enforced


def test_the_views_speak_in_the_domain_types() -> None:
    """The TUI's session, line index and text view are typed with the domain's own types
    (a Change, a Note, a Version), never ``Any``: mypy then checks what they show."""
    import re
    from pathlib import Path

    import wetdiff

    tui = Path(wetdiff.__file__).parent / "tui"
    for name in ("data.py", "layout.py", "widgets/side_by_side.py"):
        assert re.search(r"\bAny\b", (tui / name).read_text(encoding="utf-8")) is None, name


def test_no_gitpython_object_leaves_the_store() -> None:
    """GitRepo and CommitSnapshot answer in shas, CommitInfo values and text: their
    public methods never return (or take) an untyped GitPython object."""
    import inspect

    from wetdiff.store.gitrepo import CommitSnapshot, GitRepo

    for cls in (GitRepo, CommitSnapshot):
        for name, member in inspect.getmembers(cls):
            if name.startswith("_") or not callable(member):
                continue
            annotations = getattr(member, "__annotations__", {})
            assert all("Any" not in str(a) for a in annotations.values()), (cls.__name__, name)


def test_no_two_classes_share_a_name() -> None:
    """A name says what a thing is, once: two classes called Citation or Block make a
    reader (and an import) guess which is meant."""
    import re
    from collections import Counter
    from pathlib import Path

    import wetdiff

    package = Path(wetdiff.__file__).parent
    names = Counter(
        name
        for path in package.rglob("*.py")
        for name in re.findall(r"^class (\w+)", path.read_text(encoding="utf-8"), re.M)
    )
    assert [name for name, count in names.items() if count > 1] == []
