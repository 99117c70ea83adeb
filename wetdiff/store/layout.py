"""Where each kind of file lives in a workspace: the one place that knows the layout.

::

    wetdiff.toml                                   the workspace (MARKER)
    articles/<BWB-id>/<artikel>/<date>.txt|.toml   the law's dated versions
    articles/<BWB-id>/<artikel>/notes.toml         notes on the article's own history
    articles/<BWB-id>/regeling.toml                the regeling's data (where it ends)
    proposals/<id>/proposal.toml                   a proposal: base, stages
    proposals/<id>/<stage>/<artikel>.txt           a stage's text of an article
    proposals/<id>/<stage>/<BWB-id>/<artikel>.txt  … of a further regeling it amends
    proposals/<id>/<stage>/amendment.toml          an amendment: the stage it amends, …
    proposals/<id>/notes.toml                      the proposal's notes
    proposals/<id>/review.toml                     reviewers' comments (open, resolved)
    proposals/<id>/questions.toml                  the proposal's questions
    questions/*.toml                               questions shared by proposals

Paths here are relative and written with ``/``, as a :class:`Snapshot` reads them (the
files on disk or at a git revision); ``root / stage_file(...)`` makes one absolute. The
names in them (proposal, stage, article, BWB id) are checked where they are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wetdiff.store.snapshot import Snapshot

MARKER = "wetdiff.toml"
ARTICLES = "articles"
PROPOSALS = "proposals"
SHARED_QUESTIONS = "questions"
PROPOSAL_FILE = "proposal.toml"
NOTES_FILE = "notes.toml"
REVIEW_FILE = "review.toml"
QUESTIONS_FILE = "questions.toml"
REGELING_FILE = "regeling.toml"
AMENDMENT_FILE = "amendment.toml"


def proposal_dir(proposal: str) -> str:
    return f"{PROPOSALS}/{proposal}"


def proposal_file(proposal: str) -> str:
    return f"{PROPOSALS}/{proposal}/{PROPOSAL_FILE}"


def stage_dir(proposal: str, stage: str) -> str:
    return f"{PROPOSALS}/{proposal}/{stage}"


def stage_file(proposal: str, stage: str, artikel: str, regeling: str = "") -> str:
    """A stage's text of one article: only the articles the stage changes or adds have
    one; the others come from the proposal's base version. ``regeling``: the BWB id of a
    further regeling the proposal amends (``also_amends``), whose texts are in a folder
    of that name in the stage's."""
    if regeling:
        return f"{PROPOSALS}/{proposal}/{stage}/{regeling}/{artikel}.txt"
    return f"{PROPOSALS}/{proposal}/{stage}/{artikel}.txt"


def amendment_file(proposal: str, stage: str) -> str:
    """The metadata of an amendment (a stage folder that amends another stage)."""
    return f"{PROPOSALS}/{proposal}/{stage}/{AMENDMENT_FILE}"


def notes_file(proposal: str) -> str:
    return f"{PROPOSALS}/{proposal}/{NOTES_FILE}"


def review_file(proposal: str) -> str:
    """Reviewers' comments on a proposal: notes with an author and a status."""
    return f"{PROPOSALS}/{proposal}/{REVIEW_FILE}"


def questions_file(proposal: str) -> str:
    return f"{PROPOSALS}/{proposal}/{QUESTIONS_FILE}"


def regeling_dir(bwb_id: str) -> str:
    return f"{ARTICLES}/{bwb_id}"


def regeling_file(bwb_id: str) -> str:
    return f"{ARTICLES}/{bwb_id}/{REGELING_FILE}"


def article_dir(bwb_id: str, artikel: str) -> str:
    return f"{ARTICLES}/{bwb_id}/{artikel}"


def law_notes_file(bwb_id: str, artikel: str) -> str:
    return f"{ARTICLES}/{bwb_id}/{artikel}/{NOTES_FILE}"


def merged_by_id() -> tuple[str, ...]:
    """The files merged by note or question id (git's pathspec patterns, for
    ``.gitattributes``): every notes, review and questions file of the workspace."""
    return (
        f"{PROPOSALS}/*/{NOTES_FILE}",
        f"{PROPOSALS}/*/{REVIEW_FILE}",
        f"{PROPOSALS}/*/{QUESTIONS_FILE}",
        f"{ARTICLES}/*/*/{NOTES_FILE}",
        f"{SHARED_QUESTIONS}/*.toml",
    )


def find_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards with a ``wetdiff.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def workspace_of(path: Path) -> Path | None:
    """The workspace a file is in, by its path as written (not following symbolic
    links): what a writer passes as ``within``, so that the file, resolved, must still lie
    inside it (a ``notes.toml`` that links elsewhere is not written through)."""
    for folder in path.absolute().parents:
        if (folder / MARKER).is_file():
            return folder
    return None


def proposal_ids(snapshot: Snapshot) -> list[str]:
    """The proposals of the workspace: the folders of ``proposals/`` with a
    ``proposal.toml``."""
    return [
        name
        for name, is_dir in snapshot.listdir(PROPOSALS)
        if is_dir and snapshot.read(proposal_file(name)) is not None
    ]


def question_registries(root: Path, proposal: str | None) -> list[Path]:
    """The questions files a proposal reads: its own registry (whether it exists yet or
    not), then the workspace's shared ones in name order."""
    paths = [root / questions_file(proposal)] if proposal is not None else []
    shared = root / SHARED_QUESTIONS
    if shared.is_dir():
        paths.extend(sorted(shared.glob("*.toml")))
    return paths


def law_notes_files(root: Path) -> list[tuple[str, str, Path]]:
    """``(bwb_id, artikel, path)`` of every article folder that has a ``notes.toml``: the
    articles whose history is annotated."""
    return [
        (path.parent.parent.name, path.parent.name, path)
        for path in sorted((root / ARTICLES).glob(f"*/*/{NOTES_FILE}"))
    ]
