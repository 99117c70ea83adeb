"""The workspace: found from the current folder, else the worked example built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run
from store_helpers import SOURCE, build, forget_open_workspaces, git

from wetdiff.store import example
from wetdiff.store.gitrepo import close_all
from wetdiff.store.versions import resolve
from wetdiff.store.workspace import open_workspace


@pytest.fixture(autouse=True)
def _fresh() -> None:  # type: ignore[misc]
    yield
    forget_open_workspaces()


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped example is a copy of the fixture files (so a test can change it)."""
    source = tmp_path / "shipped"
    shutil.copytree(SOURCE, source)
    monkeypatch.setattr(example, "shipped_source", lambda: source)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    monkeypatch.chdir(outside)
    return source


def test_workspace_is_found_from_a_subfolder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root / "proposals" / "36547")
    workspace = open_workspace()
    assert workspace.root == root.resolve() and not workspace.example


def test_log_outside_any_workspace_builds_the_example_once(
    shipped: Path,
    capsys,  # type: ignore[no-untyped-def]
    monkeypatch,
) -> None:
    code, out, err = run(capsys, "log", "273f")
    assert code == 0, err
    assert "law@2005-01-01  artikel 273a" in out
    built = list(Path(os.environ["WETDIFF_DATA_DIR"]).glob("example-*"))
    assert len(built) == 1
    forget_open_workspaces()

    def no_rebuild(*args: object) -> None:
        raise AssertionError("the example was built again")

    monkeypatch.setattr(example, "build_workspace", no_rebuild)
    code, out, _ = run(capsys, "log", "273f")
    assert code == 0 and "law@2013-11-15" in out
    assert list(Path(os.environ["WETDIFF_DATA_DIR"]).glob("example-*")) == built


def test_the_projects_own_repository_is_not_a_workspace(shipped: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = shipped.parent / "project"
    project.mkdir()
    git(project, "init", "-q")
    monkeypatch.chdir(project)
    assert open_workspace().example


def test_a_changed_example_is_built_into_a_new_folder(shipped: Path) -> None:
    first = open_workspace()
    (first.root / "proposals" / "36547" / "A" / "note.txt").write_text("mijn werk\n")
    forget_open_workspaces()
    text = shipped / "proposals/36547/A/273f.txt"
    text.write_text(text.read_text().replace("gedwongen huwelijk", "gedwongen huwelijken"))
    second = open_workspace()
    assert second.root != first.root and second.example
    assert (first.root / "proposals/36547/A/note.txt").read_text() == "mijn werk\n"
    assert "huwelijken" in resolve("36547/A", second).artikel("273f").leden[1].body[0].text  # type: ignore[union-attr]


def test_example_history_has_dated_commits_and_stage_tags(tmp_path: Path) -> None:
    root = build(tmp_path / "ws")
    log = git(root, "log", "--reverse", "--format=%s|%ad", "--date=short").strip().splitlines()
    subjects = [line.split("|")[0] for line in log]
    assert subjects[1] == "Artikel 251: source act: gap"
    assert subjects[2] == "Artikel 273a: Stb. 2004, 645 (Kamerstuk 29 291)"
    assert subjects[6] == "Artikel 273f: Stb. 2013, 444 (Kamerstuk 33 309)"
    # legal date as author date, where git can hold it; 1886 lives in the trailer only
    assert log[6].split("|")[1] == "2013-11-15"
    assert log[1].split("|")[1] != "1886-09-01"
    assert "In-force: 1886-09-01" in git(root, "log", "--format=%B", "--grep=Artikel 251")
    message = git(root, "log", "-1", "--format=%B", "HEAD~3")
    assert "In-force: 2013-11-15" in message and "Certainty: unverified" in message
    assert "Source: Stb. 2013, 444" in message and "Kamerstuk: 33 309" in message
    assert "Answers: Q-1" in git(root, "log", "--format=%B", "--grep=273a: Stb. 2004")
    assert git(root, "tag").split() == ["36547/A", "36547/nr2"]
    committer = git(root, "log", "-1", "--format=%cd", "--date=short", "36547/nr2").strip()
    author = git(root, "log", "-1", "--format=%ad", "--date=short", "36547/nr2").strip()
    assert author == "2024-04-25" and committer != author


def test_init_makes_an_empty_workspace_and_never_overwrites_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "nieuw"
    code, _out, err = run(capsys, "init", str(target))
    assert code == 0, err
    assert (target / "wetdiff.toml").is_file() and (target / ".git").is_dir()
    assert git(target, "status", "--porcelain") == ""
    (target / "wetdiff.toml").write_text('name = "Mijn werk"\n', encoding="utf-8")
    head = git(target, "rev-parse", "HEAD")
    code, out, err = run(capsys, "init", str(target))
    assert code == 0 and "workspace already" in out and "nothing was overwritten" in out
    assert (target / "wetdiff.toml").read_text(encoding="utf-8") == 'name = "Mijn werk"\n'
    assert git(target, "rev-parse", "HEAD") == head


def test_init_example_copies_history_and_tags(shipped: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "kopie"
    code, _, err = run(capsys, "init", "--example", str(target))
    assert code == 0, err
    assert "36547/nr2" in git(target, "tag")
    assert len(git(target, "log", "--oneline").splitlines()) >= 8
    assert git(target, "remote") == ""


def _git_children() -> list[str]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces ("(tmux: server)")
        name, _, rest = text.partition(" (")[2].rpartition(") ")
        fields = rest.split()
        if len(fields) > 1 and int(fields[1]) == os.getpid() and "git" in name:
            children.append(name)
    return children


def test_no_git_processes_are_left_behind(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = build(tmp_path / "ws")
    monkeypatch.chdir(root)
    workspace = open_workspace()
    resolve("HEAD~1:36547/nr2", workspace)  # reads blobs: starts git cat-file
    assert _git_children()
    close_all()  # what runs at exit
    assert _git_children() == []


def test_a_cli_run_leaves_no_git_process(tmp_path: Path) -> None:
    root = build(tmp_path / "ws")
    script = (
        "import os, sys\nfrom wetdiff.cli import main\n"
        "try:\n    main(['show', 'HEAD:36547/nr2', '--article', '273fa'])\n"
        "except SystemExit:\n    pass\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert "273fa" in done.stdout, done.stderr
    leftover = subprocess.run(["pgrep", "-f", f"cat-file.*{root}"], capture_output=True)
    assert leftover.stdout == b""


def test_only_the_store_imports_gitpython() -> None:
    package = Path(__file__).parents[1] / "wetdiff"
    offenders = []
    for path in package.rglob("*.py"):
        if path.parts[-2:] == ("store", "gitrepo.py"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped in ("import git",) or stripped.startswith(
                ("from git ", "from git.", "import git.")
            ):
                offenders.append(f"{path.relative_to(package)}: {stripped}")
    assert offenders == []


def test_reading_from_threads_shares_one_repository(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.chdir(build(tmp_path / "ws"))
    workspace = open_workspace()
    specs = ["HEAD:36547/nr2", "HEAD~1:law", "36547/A:36547/A", "HEAD:law@2009-07-01"] * 5
    with ThreadPoolExecutor(max_workers=4) as pool:
        labels = list(pool.map(lambda s: resolve(s, workspace).label, specs))
    assert labels[:4] == [
        "HEAD:36547/nr2",
        "HEAD~1:law@" + labels[1].split("@")[1],
        "36547/A:36547/A",
        "HEAD:law@2009-07-01",
    ]


def test_a_folder_named_on_purpose_must_be_a_workspace(tmp_path: Path) -> None:
    from wetdiff.errors import WetdiffError

    with pytest.raises(WetdiffError, match="not a wetdiff workspace"):
        open_workspace(tmp_path)


def test_the_built_example_is_a_clean_checkout_of_its_history(tmp_path: Path) -> None:
    """Written in one fast-import: the files on disk, the index and HEAD agree (git sees
    nothing to commit), every shipped file is there as shipped, and a save works."""
    root = build(tmp_path / "ws")
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""
    for rel in example.source_files(SOURCE):
        assert (root / rel).read_bytes() == (SOURCE / rel).read_bytes(), rel
    tracked = set(git(root, "ls-files").split())
    assert tracked == {*example.source_files(SOURCE), "wetdiff.toml", ".gitattributes"}
    assert git(root, "symbolic-ref", "HEAD").strip() == "refs/heads/main"


def test_the_first_run_says_it_builds_when_it_takes_over_a_second(
    shipped: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import wetdiff.cli as cli_module

    monkeypatch.setattr(cli_module._BuildProgress, "AFTER", 0.0)
    code, _, err = run(capsys, "versions")
    assert code == 0, err
    assert "building the worked example (first run only)" in err
    assert "the worked example is ready" in err
    forget_open_workspaces()
    code, _, err = run(capsys, "versions")  # built: nothing to say
    assert code == 0 and "building" not in err


def test_a_quick_build_says_nothing(shipped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "versions")
    assert code == 0 and err == ""


def test_the_example_folder_is_named_by_content_not_by_file_dates(shipped: Path) -> None:
    """The folder's name is remembered against the files' sizes and times; touching a
    file reads them again and finds the same name, changing one gives a new name."""
    first = example.example_folder()[0]
    text = shipped / "proposals/36547/A/273f.txt"
    os.utime(text, (1, 1))
    assert example.example_folder()[0] == first
    text.write_text(text.read_text() + "\n")
    assert example.example_folder()[0] != first
