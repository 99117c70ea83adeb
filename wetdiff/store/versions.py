"""The one parser of the version syntax, used by every command and the TUI.

::

    law                 the law in force today (always shown with its date)
    law@2013-04-15      the law in force on a date
    BWBR0001854@DATE    the same, naming the regeling (when a workspace holds several)
    36547               a proposal's latest stage that has a text
    36547/nr2           one stage of a proposal
    36547/am-12         an amendment: the stage it amends with its articles laid over
    36547/A+am-12+am-15 a stage with amendments adopted (a three-way merge; refused, with
                        the conflicts named, when they conflict)
    36547/nr2 (a tag)   stages of the shipped history are also tags: 36547/nr2:36547/nr2
                        is the stage as it was when it was tagged
    HEAD~2:36547/nr2    any of those at a git revision (a commit, branch, tag, HEAD~n)
    PATH                an article file or folder on disk (no git needed)

Without ``REV:``, versions are read from the files on disk (so uncommitted edits are what
you see); with it, from the commit's tree (no checkout; the files on disk are untouched).
A proposal stage is its base version (``base`` in ``proposal.toml``) with the stage's
article files laid over it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from wetdiff.errors import WetdiffError
from wetdiff.model.dates import iso_date
from wetdiff.model.names import PROPOSAL, STAGE, check_name
from wetdiff.model.text_format import parse
from wetdiff.model.version import Version, article_sort_key, load_path
from wetdiff.store.layout import proposal_ids, stage_dir

if TYPE_CHECKING:
    from wetdiff.store.proposals import Proposal, Stage
    from wetdiff.store.snapshot import Snapshot
    from wetdiff.store.workspace import Workspace

# The git store (law, proposals, workspace) is imported where a spec needs it, not here:
# `wetdiff diff PATH PATH` resolves paths only and would pay ~20 ms at every start.

LAW = "law"
_BWB = re.compile(r"^BWB[RV]\d{7}$")
_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class VersionEntry:
    """One version the workspace holds, as ``wetdiff versions`` and the TUI list it."""

    spec: str  # what to type to get it
    kind: str  # "law", "stage" or "tag"
    date: dt.date | None
    title: str
    illustrative: str = ""
    has_text: bool = True


def today() -> dt.date:
    return dt.date.today()


def _parse_date(text: str, spec: str) -> dt.date:
    if text == "today":
        return today()
    return iso_date(
        text,
        f"{text!r} in version {spec!r} is not a date",
        hint="Write dates as YYYY-MM-DD, e.g. law@2013-04-15.",
    )


def resolve(
    spec: str,
    workspace: Workspace | None = None,
    *,
    regeling: str | None = None,
    only: Collection[str] | None = None,
) -> Version:
    """The :class:`Version` a spec names, or one clear :class:`WetdiffError` saying what
    exists. ``regeling`` (a BWB id) says which regeling a bare ``law`` means where the
    workspace holds several (the one the other side of a comparison amends). ``only``:
    read just these articles of a workspace version (the others are not read; its
    header facts, dates and title, are those of the whole version)."""
    spec = spec.strip()
    if not spec:
        raise WetdiffError("empty version", hint="Try 'law', or see 'wetdiff versions'.")
    path = Path(spec)
    if _missing_path(spec, path):
        return load_path(path)  # "no such file or folder", naming it
    if path.exists() and workspace is None and not _looks_like_name(spec):
        return load_path(path)  # a file needs no workspace (nor the example built)
    from wetdiff.store.workspace import open_workspace

    workspace = workspace or open_workspace()
    if path.exists() and not _is_name(spec, workspace):
        return load_path(path)
    return _resolve(spec, workspace, 0, regeling, only)


@dataclass(frozen=True, slots=True)
class Outline:
    """A version as far as the folder listings tell, without reading a text: its header
    (``version``: label, dates, title; no articles) and, per article, the file its text
    is read from (``files``). Articles of two versions with the same file hold the same
    text; an empty ``files`` says nothing is known (a path outside the workspace)."""

    version: Version
    files: dict[str, str]


def outline(
    spec: str, workspace: Workspace | None = None, *, regeling: str | None = None
) -> Outline:
    """What :func:`resolve` would give, but no article read: what to read first of a
    whole code, and the header to show while it is read."""
    spec = spec.strip()
    path = Path(spec)
    if not spec or _missing_path(spec, path) or (path.exists() and workspace is None):
        return Outline(resolve(spec, workspace), {})
    from wetdiff.store.workspace import open_workspace

    workspace = workspace or open_workspace()
    if path.exists() and not _is_name(spec, workspace):
        return Outline(load_path(path), {})
    return _outline(spec, workspace, 0, regeling)


def _outline(spec: str, workspace: Workspace, depth: int, regeling: str | None = None) -> Outline:
    from wetdiff.store import law
    from wetdiff.store.proposals import read_proposal

    if depth > _MAX_DEPTH:
        return Outline(_resolve(spec, workspace, depth, regeling), {})  # its own error
    parsed = parse_spec(spec, workspace)
    snapshot = workspace.snapshot(parsed.rev)
    at = f"{parsed.rev}:" if parsed.rev else ""
    if parsed.kind == "law":
        assert parsed.date is not None
        bwb = _choose_bwb(workspace, snapshot, parsed.name, regeling)
        files = law.in_force_files(snapshot, bwb, parsed.date)
        version = _law(
            workspace,
            snapshot,
            parsed.name,
            parsed.date,
            parsed.rev,
            regeling,
            only=(),
            files=files,
        )
        return Outline(version, {nr: at + file for nr, (_, file) in files.items()})
    if parsed.kind == "proposal" and "+" not in (parsed.stage or ""):
        proposal = read_proposal(snapshot, parsed.name)
        stage = proposal_stage(snapshot, proposal, parsed.stage, parsed.rev)
        if stage.on:  # an amendment: laid over the stage it amends
            base = _outline(f"{at}{proposal.id}/{stage.on}", workspace, depth + 1)
        else:
            base = _outline(
                _base_spec(proposal.base, parsed.rev), workspace, depth + 1, proposal.bwb_id or None
            )
        folder = stage_dir(proposal.id, stage.id)
        texts = dict(base.files)
        for name, is_dir in snapshot.listdir(folder):
            if not is_dir and name.endswith(".txt"):
                texts[name[:-4]] = f"{at}{folder}/{name}"
        version = _proposal(
            workspace,
            snapshot,
            parsed.name,
            parsed.stage,
            parsed.rev,
            depth,
            only=(),
            base=base.version,
        )
        return Outline(version, texts)
    if parsed.kind == "proposal":  # a stage with amendments adopted: merged, not listed
        return Outline(_resolve(spec, workspace, depth, regeling), {})
    return Outline(_path_at(snapshot, parsed.name), {})


def _base_spec(base: str, rev: str | None) -> str:
    """A proposal's base as read at ``rev`` (a base naming its own revision keeps it)."""
    return base if ":" in base or rev is None else f"{rev}:{base}"


def resolve_pair(
    old: str,
    new: str,
    workspace: Workspace | None = None,
    *,
    only: Collection[str] | None = None,
) -> tuple[Version, Version]:
    """Both sides of a comparison. A bare ``law`` facing a proposal (``law`` → ``36547``)
    means the regeling that proposal amends, so adding a regeling to a workspace does
    not make the everyday comparison ambiguous. ``only``: as for :func:`resolve`."""
    if is_bare_law(old) and not is_bare_law(new):
        after = resolve(new, workspace, only=only)
        before = resolve(old, workspace, regeling=after.bwb_id or None, only=only)
    else:
        before = resolve(old, workspace, only=only)
        if is_bare_law(new) and not is_bare_law(old):
            after = resolve(new, workspace, regeling=before.bwb_id or None, only=only)
        else:
            after = resolve(new, workspace, only=only)
    return _law_parts(before, after, workspace), _law_parts(after, before, workspace)


def with_regelingen(
    version: Version, named: Collection[str], workspace: Workspace | None = None
) -> Version:
    """A law version with the further regelingen ``named`` (their names or BWB ids, as
    the ARTIKELEN of a set of instructions name them) on the same date, where the
    workspace holds them: so that ``apply --to law`` carries ARTIKEL II out on the
    regeling it names. Anything else is returned as it is."""
    if version.kind != "law" or version.others or version.date is None or not named:
        return version
    from wetdiff.store import law
    from wetdiff.store.workspace import open_workspace

    workspace = workspace or open_workspace()
    rev, _ = split_rev(version.label)
    snapshot = workspace.snapshot(rev)
    by_name = {" ".join(n.split()).casefold() for n in named}
    others = []
    for bwb in law.bwb_ids(snapshot):
        name = " ".join(law.regeling_name(snapshot, bwb).split()).casefold()
        if bwb == version.bwb_id or not ({bwb.casefold(), name} & by_name):
            continue
        prefix = f"{rev}:" if rev else ""
        try:
            others.append(resolve(f"{prefix}{bwb}@{version.date.isoformat()}", workspace))
        except WetdiffError:
            continue  # nothing of it in force then: the ARTIKEL is reported, not applied
    return replace(version, others=tuple(others))


def _law_parts(law: Version, facing: Version, workspace: Workspace | None) -> Version:
    """A law version facing a proposal stage that amends several regelingen: with each
    further regeling on the same date (and at the same revision), so that ARTIKEL II is
    compared with the law it amends as ARTIKEL I is. A regeling with nothing in force
    then is left out (its articles then read as inserted)."""
    if law.kind != "law" or law.others or not facing.others or law.date is None:
        return law
    from wetdiff.store.workspace import open_workspace

    workspace = workspace or open_workspace()
    rev, _ = split_rev(law.label)
    prefix = f"{rev}:" if rev else ""
    others = []
    for part in facing.others:
        if part.bwb_id == law.bwb_id:
            continue
        try:
            others.append(resolve(f"{prefix}{part.bwb_id}@{law.date.isoformat()}", workspace))
        except WetdiffError:
            continue  # not in force on that date: paired with nothing
    return replace(law, others=tuple(others))


def outline_pair(old: str, new: str, workspace: Workspace | None = None) -> tuple[Outline, Outline]:
    """:func:`outline` of both sides, a bare ``law`` read as in :func:`resolve_pair`."""
    if is_bare_law(old) and not is_bare_law(new):
        after = outline(new, workspace)
        return outline(old, workspace, regeling=after.version.bwb_id or None), after
    before = outline(old, workspace)
    if is_bare_law(new) and not is_bare_law(old):
        return before, outline(new, workspace, regeling=before.version.bwb_id or None)
    return before, outline(new, workspace)


def _regeling_of(spec: str | None, workspace: Workspace) -> str | None:
    """The regeling a proposal spec amends (its ``bwb_id``), read without its texts."""
    from wetdiff.store.proposals import read_proposal

    if spec is None or is_bare_law(spec):
        return None
    try:
        parsed = parse_spec(spec.strip(), workspace)
        if parsed.kind == "law":
            return parsed.name if _BWB.match(parsed.name) else None
        if parsed.kind == "proposal":
            return read_proposal(workspace.snapshot(parsed.rev), parsed.name).bwb_id or None
    except WetdiffError:
        return None
    return None


def is_bare_law(spec: str) -> bool:
    """``law``, ``law@DATE`` or ``REV:law…``: the law without saying which regeling."""
    _, rest = split_rev(spec.strip())
    return rest == LAW or rest.startswith(LAW + "@")


def check(spec: str, workspace: Workspace | None = None, *, facing: str | None = None) -> None:
    """Raise the error :func:`resolve` would for a spec that names nothing here (an
    unknown version, date, proposal or stage, a device), without reading any article:
    the TUI reads the texts later, in a worker, and must not open on a typo. ``facing``
    is the other side of the comparison (a bare ``law`` facing a proposal is that
    proposal's regeling, as in :func:`resolve_pair`)."""
    from wetdiff.store.proposals import read_proposal
    from wetdiff.store.workspace import open_workspace

    spec = spec.strip()
    if not spec:
        raise WetdiffError("empty version", hint="Try 'law', or see 'wetdiff versions'.")
    path = Path(spec)
    if _missing_path(spec, path):
        load_path(path)
    if path.exists() and (workspace is None and not _looks_like_name(spec)):
        if not path.is_file() and not path.is_dir():
            load_path(path)  # a device or pipe: its own message
        return
    workspace = workspace or open_workspace()
    if path.exists() and not _is_name(spec, workspace):
        if not path.is_file() and not path.is_dir():
            load_path(path)
        return
    parsed = parse_spec(spec, workspace)
    snapshot = workspace.snapshot(parsed.rev)
    if parsed.kind == "law":
        _choose_bwb(workspace, snapshot, parsed.name, _regeling_of(facing, workspace))
    elif parsed.kind == "proposal":
        proposal = read_proposal(snapshot, parsed.name)
        if parsed.stage is not None and "+" in parsed.stage:
            amended_stages(snapshot, proposal, parsed.stage, parsed.rev)
        else:
            proposal_stage(snapshot, proposal, parsed.stage, parsed.rev)


def split_rev(spec: str) -> tuple[str | None, str]:
    """``HEAD~2:36547/nr2`` → ``("HEAD~2", "36547/nr2")``; without a revision
    ``(None, spec)``."""
    rev, colon, rest = spec.partition(":")
    return (rev, rest) if colon else (None, spec)


def proposal_of(spec: str, workspace: Workspace) -> str:
    """The proposal whose notes and questions go with a version: the one whose stage
    ``spec`` names (``36547``, ``36547/nr2``, ``HEAD~1:36547/nr2``, a stage's tag), or ""
    for the law, a path, or a spec that names nothing here."""
    spec = spec.strip()
    path = Path(spec)
    if not spec or _missing_path(spec, path) or (path.exists() and not _is_name(spec, workspace)):
        return ""
    try:
        parsed = parse_spec(spec, workspace)
    except WetdiffError:
        return ""
    return parsed.name if parsed.kind == "proposal" else ""


_RANGE = re.compile(r"^(?P<old>[^:\s]*?)(?P<dots>\.\.\.?)(?P<new>[^:\s./][^:\s]*|)$")


def is_range(text: str) -> bool:
    """Whether ``text`` is two git revisions (``main..review/lotte``), not a version or
    a path (``../x`` is a path)."""
    match = _RANGE.match(text.strip())
    return bool(
        match
        and (match["old"] or match["new"])
        and not text.startswith(("./", "../", "/"))
        and not Path(text).exists()
    )


def revision_range(text: str, version: str, workspace: Workspace) -> tuple[str, str]:
    """``main..review/lotte`` with a version (``36547``, ``36547/A``) → the version at each
    revision: ``("main:36547/A", "review/lotte:36547/A")``. As in git, an empty side is
    ``HEAD``, and ``A...B`` starts where B's branch left A (their merge base): what B
    changed, without what A did since."""
    match = _RANGE.match(text.strip())
    if not match or not (match["old"] or match["new"]):
        raise WetdiffError(
            f"{text!r} is not two revisions", hint="Write them as git does: main..review/lotte."
        )
    if ":" in version or is_range(version):
        raise WetdiffError(
            f"give the version without a revision: {version!r}",
            hint="The revisions are in the range: wetdiff diff main..review/lotte 36547/A.",
        )
    old, new = match["old"] or "HEAD", match["new"] or "HEAD"
    repo = workspace.repo
    repo.sha_of(old), repo.sha_of(new)  # an unknown revision: said at once
    if match["dots"] == "...":
        old = repo.merge_base(old, new)
    return f"{old}:{version}", f"{new}:{version}"


def split_stage(spec: str) -> tuple[str, str]:
    """``36547/nvw1`` → ``("36547", "nvw1")``: the stage a text is saved into (``save``,
    ``apply --as``, the TUI's editor), which must be on disk: no revision, no date."""
    proposal, slash, stage = spec.strip().partition("/")
    if not (proposal and slash and stage) or any(c in spec for c in ":@") or "/" in stage:
        raise WetdiffError(
            f"{spec!r}: give the proposal and the stage, e.g. 36547/nr2",
            hint="A text is saved into a stage on disk: PROPOSAL/STAGE, no revision or date.",
        )
    return check_name(proposal, PROPOSAL), check_name(stage, STAGE)  # folders: names only


def _missing_path(spec: str, path: Path) -> bool:
    """A spec that can only be a path (absolute, ./…, an article file's name) and names
    no file: say so, rather than list the versions as for a mistyped name."""
    if ":" in spec or path.exists():
        return False
    return spec.startswith(("/", "./", "../", "~")) or path.suffix in (".txt", ".toml")


def _looks_like_name(spec: str) -> bool:
    return spec == LAW or spec.startswith(LAW + "@")


def _is_name(spec: str, workspace: Workspace) -> bool:
    head = spec.split("@", 1)[0].split("/", 1)[0]
    return head == LAW or head in proposal_ids(workspace.snapshot())


@dataclass(frozen=True, slots=True)
class Spec:
    """A version spec, parsed: what ``resolve`` reads, and what ``blame`` walks back from.

    ``kind`` is ``"law"`` (``name`` "law" or a BWB id, ``date``), ``"proposal"``
    (``name`` the proposal id, ``stage`` or None for the latest with text) or ``"path"``
    (``name`` a path inside the repository, read at ``rev``)."""

    text: str
    kind: str
    name: str
    rev: str | None = None
    date: dt.date | None = None
    stage: str | None = None


def parse_spec(spec: str, workspace: Workspace, *, _depth: int = 0) -> Spec:
    """The one parser of ``[REV:]law[@DATE]``, ``[REV:]PROPOSAL[/STAGE]``, tags and
    ``REV:path``. Paths on disk are handled by :func:`resolve` before this."""
    if _depth > _MAX_DEPTH:
        raise WetdiffError(f"version {spec!r}: tags lead to each other too deeply")
    rev, rest = split_rev(spec)
    if rev is not None:
        if not rev:
            raise WetdiffError(
                f"version {spec!r}: nothing before ':'",
                hint="Write REV:VERSION, e.g. HEAD~1:36547/nr2.",
            )
        if not rest:
            raise WetdiffError(
                f"version {spec!r}: nothing after ':'",
                hint=f"Say which version at {rev}: e.g. {rev}:law or "
                f"{rev}:{workspace.config.default_proposal or 'PROPOSAL'}.",
            )
    snapshot = workspace.snapshot(rev)
    name, at, date_text = rest.partition("@")
    if name == LAW or _BWB.match(name):
        on = _parse_date(date_text, spec) if at else today()
        return Spec(spec, "law", name, rev, on)
    if at:
        raise WetdiffError(
            f"version {spec!r}: only the law takes @DATE",
            hint="A proposal's versions are its stages: 36547/nr2.",
        )
    head, _, stage = rest.partition("/")
    if head in proposal_ids(snapshot):
        return Spec(spec, "proposal", head, rev, stage=stage or None)
    if rev is None and rest in workspace.repo.tags():
        if "/" in rest:
            return parse_spec(f"{rest}:{rest}", workspace, _depth=_depth + 1)
        default = workspace.config.default_proposal
        if default:
            return parse_spec(f"{rest}:{default}", workspace, _depth=_depth + 1)
    if rev is not None and (snapshot.read(rest) is not None or snapshot.is_dir(rest)):
        return Spec(spec, "path", rest, rev)
    raise WetdiffError(
        f"unknown version {spec!r}" + (f" at {rev}" if rev else ""),
        hint=_what_exists(workspace, snapshot),
    )


def _resolve(
    spec: str,
    workspace: Workspace,
    depth: int,
    regeling: str | None = None,
    only: Collection[str] | None = None,
) -> Version:
    if depth > _MAX_DEPTH:
        raise WetdiffError(
            f"version {spec!r}: proposals build on each other too deeply "
            "(a base that names itself?)"
        )
    parsed = parse_spec(spec, workspace)
    snapshot = workspace.snapshot(parsed.rev)
    if parsed.kind == "law":
        assert parsed.date is not None
        return _law(workspace, snapshot, parsed.name, parsed.date, parsed.rev, regeling, only=only)
    if parsed.kind == "proposal":
        return _proposal(
            workspace, snapshot, parsed.name, parsed.stage, parsed.rev, depth, only=only
        )
    version = _path_at(snapshot, parsed.name)
    return version if only is None else version.only(tuple(only))


def _what_exists(workspace: Workspace, snapshot: Snapshot) -> str:
    from wetdiff.store import law
    from wetdiff.store.proposals import read_proposal

    parts = []
    for bwb in law.bwb_ids(snapshot):
        dates = law.all_dates(snapshot, bwb)
        if dates:
            parts.append(f"law@DATE ({bwb}: versions from {dates[0]} to {dates[-1]})")
    for pid in proposal_ids(snapshot):
        try:
            stages = [s.id for s in read_proposal(snapshot, pid).text_stages]
        except WetdiffError:
            stages = []
        parts.append(f"{pid} (stages with text: {', '.join(stages) or 'none'})")
    tags = sorted(workspace.repo.tags())
    if tags:
        parts.append(f"tags: {', '.join(tags[:12])}" + (" …" if len(tags) > 12 else ""))
    listing = "; ".join(parts) if parts else "none yet"
    return (
        f"Versions here: {listing}; or a path to an article file or folder. See 'wetdiff versions'."
    )


def _choose_bwb(
    workspace: Workspace, snapshot: Snapshot, name: str, regeling: str | None = None
) -> str:
    """The regeling a law spec means: the one it names, the only one there is, or the
    one the context says (``regeling``); else an error listing the choices."""
    from wetdiff.store import law

    present = law.bwb_ids(snapshot)
    if _BWB.match(name):
        if name not in present:
            raise WetdiffError(
                f"the workspace holds no versions of {name}",
                hint=f"Regelingen here: {', '.join(present) or 'none'}.",
            )
        return name
    if not present:
        raise WetdiffError(
            "the workspace holds no law versions yet (articles/ is empty)",
            hint="Import the official texts: 'wetdiff import bwb …'.",
        )
    if len(present) > 1:
        if regeling in present:
            return regeling
        names = {r.bwb_id: r.name for r in workspace.config.regelingen if r.name}
        for bwb in present:
            names.setdefault(bwb, law.regeling_name(snapshot, bwb))
        listed = ", ".join(f"{b} ({names[b]})" if names.get(b) else b for b in present)
        raise WetdiffError(
            f"'law' is ambiguous: this workspace holds {listed}",
            hint="Name the regeling: " + " or ".join(f"{b}@DATE" for b in present) + ".",
        )
    return present[0]


def _law(
    workspace: Workspace,
    snapshot: Snapshot,
    name: str,
    on: dt.date,
    rev: str | None,
    regeling: str | None = None,
    *,
    only: Collection[str] | None = None,
    files: dict[str, tuple[dt.date, str]] | None = None,
) -> Version:
    from wetdiff.store import law

    bwb = _choose_bwb(workspace, snapshot, name, regeling)
    if only is None:
        artikelen, sources = law.in_force(snapshot, bwb, on)
        dates = [s.meta.in_force for s in sources]
        named = sources[0].meta.regeling if sources else ""
    else:  # part of the law: the header's facts still from every article's listing
        files = files if files is not None else law.in_force_files(snapshot, bwb, on)
        artikelen, sources = law.in_force(snapshot, bwb, on, only)
        dates = [day for day, _ in files.values()]
        named = sources[0].meta.regeling if sources else law.regeling_name(snapshot, bwb)
    if not dates:
        every = law.all_dates(snapshot, bwb)
        raise WetdiffError(
            f"no article of {bwb} was in force on {on}",
            hint=f"The versions here run from {every[0]} to {every[-1]}." if every else None,
        )
    regeling = named or next((r.name for r in workspace.config.regelingen if r.bwb_id == bwb), bwb)
    latest = max(dates)
    where = f" at {rev}" if rev else ""
    label = f"{rev + ':' if rev else ''}{name}@{on.isoformat()}"
    version = Version(
        label,
        "",
        artikelen,
        on,
        "",
        regeling,
        bwb,
        sources,
        kind="law",
        name=regeling,
        text_date=latest,
        data_until=law.data_until(snapshot, bwb, sources, dates if only is not None else ()),
    )
    return replace(version, title=version.describe("en") + where)


def _proposal(
    workspace: Workspace,
    snapshot: Snapshot,
    pid: str,
    stage_id: str | None,
    rev: str | None,
    depth: int,
    *,
    only: Collection[str] | None = None,
    base: Version | None = None,
) -> Version:
    from wetdiff.store.proposals import overlay, read_proposal, stage_articles

    proposal = read_proposal(snapshot, pid)
    prefix = f"{rev}:" if rev else ""
    if stage_id is not None and "+" in stage_id:
        return _with_amendments(workspace, snapshot, proposal, stage_id, rev, depth)
    stage = proposal_stage(snapshot, proposal, stage_id, rev)
    if stage.on:  # an amendment: the stage it amends, with its articles laid over it
        amended = base or _resolve(f"{prefix}{pid}/{stage.on}", workspace, depth + 1, only=only)
        laid_over, base = amended.artikelen, amended.base
    else:
        if base is None:
            # A base written "law@DATE" (before workspaces held several regelingen) is the
            # law of the regeling the proposal names: adding a regeling never breaks a
            # proposal.
            base = _resolve(
                _base_spec(proposal.base, rev), workspace, depth + 1, proposal.bwb_id or None, only
            )
        laid_over = base.artikelen
    assert base is not None
    changed = stage_articles(snapshot, pid, stage.id, only)
    where = f" at {rev}" if rev else ""
    when = f", {stage.date.isoformat()}" if stage.date else ""
    title = f"{proposal.display_name}: {stage.name} ({pid}/{stage.id}{when}){where}"
    version = Version(
        f"{prefix}{pid}/{stage.id}",
        title,
        overlay(laid_over, changed),
        stage.date,
        proposal.illustrative,
        proposal.regeling or base.regeling,
        proposal.bwb_id or base.bwb_id,
        base.sources,
        kind="stage",
        name=f"{proposal.display_name}: {stage.name}",
        proposal=pid,
        stage=stage.id,
        base=base,
    )
    if only is not None or not proposal.also_amends:
        return version  # part of one regeling (an article or two, a first screen)
    if stage.on:
        further = tuple((part.base, part) for part in amended.others if part.base is not None)
    else:
        further = tuple(
            (b, b)
            for b in (
                _resolve(_base_spec(spec, rev), workspace, depth + 1)
                for spec in proposal.also_amends
            )
        )
    others = []
    for part_base, laid in further:
        texts = stage_articles(snapshot, pid, stage.id, regeling=part_base.bwb_id)
        others.append(
            replace(
                version,
                title=f"{title} — {part_base.regeling or part_base.bwb_id}",
                artikelen=overlay(laid.artikelen, texts),
                regeling=part_base.regeling,
                bwb_id=part_base.bwb_id,
                sources=part_base.sources,
                base=part_base,
            )
        )
    return replace(version, others=tuple(others))


def split_amended(spec_stage: str) -> tuple[str, tuple[str, ...]]:
    """``A+am-12+am-15`` → ``("A", ("am-12", "am-15"))``: a stage and the amendments
    adopted on it."""
    head, *names = spec_stage.split("+")
    return head, tuple(names)


def amended_stages(
    snapshot: Snapshot, proposal: Proposal, spec_stage: str, rev: str | None = None
) -> tuple[Stage, tuple[Stage, ...]]:
    """The stage and the amendments a ``A+am-12+am-15`` names, or one clear error: an
    unknown amendment, one that amends another stage, one named twice, one that replaces
    another named with it."""
    head, names = split_amended(spec_stage)
    pid = proposal.id
    example = f"{pid}/{proposal.latest.id if proposal.latest else 'A'}+am-12"
    if not head or not names or not all(names):
        raise WetdiffError(
            f"version {pid}/{spec_stage!r}: write the stage, then each amendment after a '+'",
            hint=f"For example {example}.",
        )
    stage = proposal_stage(snapshot, proposal, head, rev)
    if stage.on:
        raise WetdiffError(
            f"{pid}/{head} is an amendment; amendments are adopted on the stage they amend",
            hint=f"Write {pid}/{stage.on}+{head}+….",
        )
    on_it = {s.id: s for s in proposal.amendments_on(head)}
    adopted: list[Stage] = []
    for name in names:
        found = proposal.stage(name)
        if found is None or not found.on:
            raise WetdiffError(
                f"proposal {pid} has no amendment {name!r}",
                hint=f"Amendments on {head}: {', '.join(on_it) or 'none'} ('wetdiff amendment "
                f"list {pid}').",
            )
        if found.on != head:
            raise WetdiffError(
                f"amendment {name} amends {pid}/{found.on}, not {pid}/{head}",
                hint=f"Write {pid}/{found.on}+{name}.",
            )
        if found in adopted:
            raise WetdiffError(f"version {pid}/{spec_stage}: amendment {name} is named twice")
        adopted.append(found)
    from wetdiff.store.amendments import read_amendment

    for found in adopted:
        amendment = read_amendment(snapshot, pid, found.id)
        if amendment is not None and amendment.replaces in names:
            raise WetdiffError(
                f"amendment {found.id} replaces {amendment.replaces} (ter vervanging van): "
                "they are not adopted together",
                hint=f"Keep one of them in {pid}/{spec_stage}.",
            )
    return stage, tuple(adopted)


def _with_amendments(
    workspace: Workspace,
    snapshot: Snapshot,
    proposal: Proposal,
    spec_stage: str,
    rev: str | None,
    depth: int,
) -> Version:
    """The stage with amendments adopted: a provision-aware three-way merge of each
    amendment against the stage, or, when any two conflict, one error naming every
    conflict (never a half-merged text)."""
    from wetdiff.diff.merge import merge

    stage, adopted = amended_stages(snapshot, proposal, spec_stage, rev)
    pid = proposal.id
    prefix = f"{rev}:" if rev else ""
    amended = _resolve(f"{prefix}{pid}/{stage.id}", workspace, depth + 1)
    variants = [(a.id, _resolve(f"{prefix}{pid}/{a.id}", workspace, depth + 1)) for a in adopted]
    merged = merge(amended, variants)
    label = f"{prefix}{pid}/{spec_stage}"
    if merged.artikelen is None:
        listed = "\n".join(f"  {c.in_words()}" for c in merged.conflicts)
        raise WetdiffError(
            f"{label}: the amendments conflict, so they cannot be adopted together "
            f"({len(merged.conflicts)} conflict(s)); nothing was merged:\n{listed}",
            hint=f"'wetdiff conflicts {pid}/{stage.id}' shows every pair.",
        )
    names = ", ".join(a.id for a in adopted)
    where = f" at {rev}" if rev else ""
    return Version(
        label,
        f"{proposal.display_name}: {stage.name} met amendementen {names} ({label}){where}",
        merged.artikelen,
        None,  # no text of the Kamer: which amendments are adopted is for the vote to say
        proposal.illustrative,
        amended.regeling,
        amended.bwb_id,
        amended.sources,
        kind="stage",
        name=f"{proposal.display_name}: {stage.name} met amendementen {names}",
        proposal=pid,
        stage=spec_stage,
        base=amended.base,
        others=amended.others,
    )


def proposal_stage(
    snapshot: Snapshot, proposal: Proposal, stage_id: str | None, rev: str | None = None
) -> Stage:
    """The stage a spec names (the latest with a text when None), or a clear error."""
    pid = proposal.id
    with_text = [s.id for s in proposal.text_stages if snapshot.is_dir(stage_dir(pid, s.id))]
    where = f" at {rev}" if rev else ""
    if stage_id is None:
        chain = [s.id for s in proposal.chain if s.id in with_text]
        if not chain:
            raise WetdiffError(
                f"proposal {pid} has no stage with a text yet{where}",
                hint="Its stages: " + ", ".join(s.id for s in proposal.stages),
            )
        stage_id = chain[-1]
    found = proposal.stage(stage_id)
    if found is None:
        raise WetdiffError(
            f"proposal {pid} has no stage {stage_id!r}{where}",
            hint=f"Stages with a text: {', '.join(with_text) or 'none'}.",
        )
    if not found.text:
        raise WetdiffError(
            f"stage {pid}/{stage_id} ({found.name}) has no text, only its documents",
            hint=f"Stages with a text: {', '.join(with_text) or 'none'}.",
        )
    if stage_id not in with_text:
        raise WetdiffError(
            f"stage {pid}/{stage_id} has no folder of article texts{where}",
            hint=f"Stages with a text{where}: {', '.join(with_text) or 'none'}.",
        )
    return found


def _path_at(snapshot: Snapshot, rel: str) -> Version:
    """An article file or a folder of article files as it was at a revision."""
    from wetdiff.store.snapshot import walk_files

    rel = rel.rstrip("/")
    files = (
        [rel]
        if snapshot.read(rel) is not None
        else [
            f
            for f in walk_files(snapshot, rel)
            if f.endswith(".txt") and f.count("/") == rel.count("/") + 1
        ]
    )
    if not files:
        raise WetdiffError("no article files here", file=snapshot.where(rel))
    artikelen = []
    for f in files:
        text = snapshot.read(f)
        assert text is not None
        artikelen.append(parse(text, source=snapshot.where(f), strict=True))  # by hand
    artikelen.sort(key=lambda a: article_sort_key(a.number))
    return Version(snapshot.where(rel), snapshot.where(rel), tuple(artikelen))


def list_versions(workspace: Workspace | None = None, rev: str | None = None) -> list[VersionEntry]:
    """Every version the workspace holds: each date the law changed, each proposal stage
    (with or without text), and each tag."""
    from wetdiff.store import law
    from wetdiff.store.history import format_act
    from wetdiff.store.proposals import read_proposal
    from wetdiff.store.workspace import open_workspace

    workspace = workspace or open_workspace()
    snapshot = workspace.snapshot(rev)
    entries: list[VersionEntry] = []
    bwbs = law.bwb_ids(snapshot)
    for bwb in bwbs:
        name = LAW if len(bwbs) == 1 else bwb
        by_date: dict[dt.date, list[str]] = {}
        for number in law.article_numbers(snapshot, bwb):
            for day in law.version_dates(snapshot, bwb, number):
                by_date.setdefault(day, []).append(number)
        for day in sorted(by_date):
            numbers = by_date[day]
            metas = [law.read_article_version(snapshot, bwb, n, day).meta for n in numbers]
            first = metas[0]
            what = (
                f"Artikel {numbers[0]}"
                if len(numbers) == 1
                else f"Artikelen {', '.join(numbers)}"
                if len(numbers) <= 6
                else f"{len(numbers)} artikelen"
            )
            # the acts the versions' own data name: "and others" only where it names
            # others (two articles changed by one act are one act)
            acts = list(dict.fromkeys(format_act(m) for m in metas))
            act = acts[0] if len(acts) == 1 else f"{acts[0]} and {len(acts) - 1} other act(s)"
            if len(acts) in (2, 3):
                act = "; ".join(acts)
            entries.append(
                VersionEntry(
                    f"{name}@{day.isoformat()}",
                    "law",
                    day,
                    f"{first.regeling}: {what} ({first.certainty}); {act}",
                )
            )
    for pid in proposal_ids(snapshot):
        proposal: Proposal = read_proposal(snapshot, pid)
        for stage in proposal.stages:
            entries.append(
                VersionEntry(
                    f"{pid}/{stage.id}",
                    "stage",
                    stage.date,
                    f"{proposal.display_name}: {stage.name}",
                    proposal.illustrative,
                    stage.text,
                )
            )
    tags = workspace.repo.tags()
    for tag in sorted(tags):
        entries.append(VersionEntry(tag, "tag", None, f"tag on commit {tags[tag][:10]}"))
    return entries


def law_outline(
    spec: str, workspace: Workspace, files: Callable[[str, dt.date], dict[str, str]]
) -> Outline | None:
    """:func:`outline` of the law on disk (``law``, ``law@DATE``, ``BWBR…@DATE``; no
    revision), with the file in force per article given by ``files(bwb_id, date)`` (the
    citations index's file list: no article folder is listed); None for any other spec."""
    spec = spec.strip()
    if ":" in spec or Path(spec).exists():
        return None
    parsed = parse_spec(spec, workspace)
    if parsed.kind != "law" or parsed.date is None:
        return None
    snapshot = workspace.snapshot()
    bwb = _choose_bwb(workspace, snapshot, parsed.name)
    listed = files(bwb, parsed.date)
    dated = {
        nr: (dt.date.fromisoformat(path.rpartition("/")[2][:10]), path)
        for nr, path in listed.items()
    }
    version = _law(workspace, snapshot, parsed.name, parsed.date, None, only=(), files=dated)
    return Outline(version, listed)
