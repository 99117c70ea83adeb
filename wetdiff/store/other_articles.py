"""What a step of an article's history took from, or gave to, other articles.

An article's history (``log``, ``blame``) compares the article with itself, version by
version. A provision that a step moved to another article (36 547 moves 273f's
voordeeltrekking to 273fb) would read there as deleted, and in the other article as
introduced. Compared together with the other articles the step changed, it reads as what
it is: moved.
"""

from __future__ import annotations

from wetdiff.diff import ChangeSet, compare
from wetdiff.errors import WetdiffError
from wetdiff.model.version import paired_parts
from wetdiff.store.history_walk import HistoryStep
from wetdiff.store.versions import outline, resolve
from wetdiff.store.workspace import Workspace

# An article's step that changes more articles than this is not widened (a
# reorganisation of the whole code): its provisions are compared within the article.
MAX_WIDER = 60


def with_other_articles(
    workspace: Workspace,
    rev: str | None,
    regeling: str | None,
    before: HistoryStep | None,
    step: HistoryStep,
) -> ChangeSet | None:
    """The article's step compared together with the other articles the step changed
    (as the version listings tell: their files differ), so that a provision that went to
    another article (36 547: 273f's voordeeltrekking to 273fb) reads as moved there, and
    one that came from another as moved here. ``before`` None: the article's first
    version, in a proposal stage, compared with the law the stage is laid over. The
    changes of this article only: its provisions before, or after. None when the step's
    versions cannot be read whole, or it changes more than :data:`MAX_WIDER` articles."""
    at = f"{rev}:" if rev else ""
    # a bare law@DATE names no regeling: in a workspace of several it is the article's own
    regeling = regeling or _regeling_of(before, step)
    try:
        news = outline(at + step.label, workspace, regeling=regeling)
        regeling = regeling or news.version.bwb_id or None  # the law a stage is laid over
        if before is not None:
            before_label, before_number = before.label, before.number
        elif step.kind == "stage" and news.version.base is not None:
            before_label, before_number = news.version.base.label, step.number
        else:
            return None
        olds = outline(at + before_label, workspace, regeling=regeling)
        if not olds.files or not news.files or olds.version.bwb_id != news.version.bwb_id:
            return None  # a further regeling of a stage: its listing is not the stage's
        numbers = {
            nr
            for nr in olds.files.keys() | news.files.keys()
            if olds.files.get(nr) != news.files.get(nr)
        } | {before_number, step.number}
        if len(numbers) > MAX_WIDER:
            return None
        old = resolve(at + before_label, workspace, regeling=regeling, only=numbers)
        new = resolve(at + step.label, workspace, regeling=regeling, only=numbers)
    except WetdiffError:
        return None
    old, new = paired_parts(old, new)[0]  # a stage of several regelingen: the first
    changes = compare(old, new)
    own = before_number if before is not None else ""  # the article's number before
    mine = tuple(
        c
        for c in changes.changes
        if (c.old is not None and c.old.locatie.artikel == own)
        or (c.new is not None and c.new.locatie.artikel == step.number)
    )
    pairs = tuple((o, n) for o, n in changes.article_pairs if o == own or n == step.number)
    return ChangeSet(old, new, mine, pairs)


def _regeling_of(*steps: HistoryStep | None) -> str | None:
    """The regeling (BWB id) of the article's official versions among ``steps``, or None."""
    return next((step.bwb_id for step in steps if step is not None and step.bwb_id), None)
