"""Drafting: starting a proposal and saving its texts, each step a commit with its reason.

A lawyer's edits are record time: who changed what, when and why. Every save writes the
article file atomically, refuses to overwrite a file that changed on disk since it was
read, and commits exactly that file with the rationale as the message and an
``Answers:`` trailer per question it answers. Other uncommitted work in the workspace is
left exactly as it is (and reported by the CLI); nothing is ever amended, reset or
rewritten.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

import tomli_w

from wetdiff.diff.changes import Change
from wetdiff.diff.kinds import describe
from wetdiff.errors import CommitMismatch, WetdiffError
from wetdiff.model.artikel import VERVALLEN, Artikel
from wetdiff.model.files import (
    GAP,
    atomic_write,
    missing_folders,
    parse_toml,
    read_text,
    remove_empty,
)
from wetdiff.model.names import BWB_ID, PROPOSAL, STAGE, check_name, contained
from wetdiff.model.normalise import describe_control, find_control
from wetdiff.model.text_format import parse, render
from wetdiff.model.version import article_sort_key
from wetdiff.store.amendments import Amendment, parse_amendment, render_amendment
from wetdiff.store.commits import message_with_trailers
from wetdiff.store.layout import (
    PROPOSAL_FILE,
    amendment_file,
    proposal_dir,
    proposal_file,
    question_registries,
    questions_file,
    stage_dir,
    stage_file,
)
from wetdiff.store.proposals import Proposal, read_proposal
from wetdiff.store.snapshot import Snapshot
from wetdiff.store.workspace import Workspace

MAX_COPIED = 20


P = ParamSpec("P")
R = TypeVar("R")


def _writer(func: Callable[Concatenate[Workspace, P], R]) -> Callable[Concatenate[Workspace, P], R]:
    """Run ``func`` under the workspace's write lock, from reading what it changes to its
    commit, so two wetdiffs never interleave their writes."""

    @functools.wraps(func)
    def locked(workspace: Workspace, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with workspace.writing():
            return func(workspace, *args, **kwargs)

    return locked


def _writable(workspace: Workspace) -> tuple[str, str]:
    """Check the repository can take a commit for the lawyer; returns who they are."""
    repo = workspace.repo
    if repo.detached:
        raise WetdiffError(
            "the workspace is on a detached HEAD (an old commit is checked out); a save "
            "would not be on any branch. Nothing was written",
            file=workspace.root,
            hint="Check out your branch first: git switch main",
        )
    return repo.identity()


def question_ids(workspace: Workspace, proposal: str) -> set[str]:
    """The ids of the questions a proposal can answer: its own registry
    (``proposals/<id>/questions.toml``) and the workspace's shared ones
    (``questions/*.toml``), as the notes read them."""
    ids: set[str] = set()
    for path in question_registries(workspace.root, proposal):
        if not path.is_file():
            continue
        data = parse_toml(read_text(path, what="questions file"), str(path))
        ids.update(
            q["id"]
            for q in data.get("question", [])
            if isinstance(q, dict) and isinstance(q.get("id"), str)
        )
    return ids


@_writer
def save_article(
    workspace: Workspace,
    proposal: str,
    stage: str,
    artikel_text: str,
    expected_old_text: str | None,
    message: str,
    answers: Sequence[str] = (),
    *,
    regeling: str = "",
) -> str:
    """Write one article file of a proposal stage atomically and commit it with the
    rationale as message and ``Answers:`` trailers. ``expected_old_text`` is the text as
    it was read (None for a new article): a file changed on disk since is never
    overwritten. ``regeling``: the BWB id of a further regeling the proposal amends
    (``also_amends``), whose texts are in the stage's folder of that name. Returns the
    commit's sha."""
    if not message.strip():
        raise WetdiffError(
            "a save needs its rationale (why this change); nothing was written",
            hint='Give it with --message "…".',
        )
    message = message.replace("\r\n", "\n")
    at = find_control(message)
    if at is not None:
        raise WetdiffError(
            f"the rationale holds a control character "
            f"({describe_control(message[at])}) at position {at + 1}; nothing "
            "was written",
            hint="Retype the message as plain text.",
        )
    check_name(proposal, PROPOSAL)
    check_name(stage, STAGE)
    artikel = parse(artikel_text, source=f"{proposal}/{stage} (new text)", strict=True)
    found = read_proposal(workspace.snapshot(), proposal)
    listed = found.stage(stage)
    folder = workspace.root / stage_dir(proposal, stage)
    if (listed is None or not listed.text) and not folder.is_dir():
        stages = ", ".join(s.id for s in found.text_stages) or "none"
        raise WetdiffError(
            f"proposal {proposal} has no stage {stage!r} with a text",
            hint=f"Its stages with a text: {stages}.",
        )
    if regeling and check_name(regeling, BWB_ID) not in found.regelingen[1:]:
        raise WetdiffError(
            f"proposal {proposal} does not amend {regeling}; nothing was written",
            hint="The regelingen it amends besides its own are listed in 'also_amends' in "
            f"proposal.toml: {', '.join(found.regelingen[1:]) or 'none'}.",
        )
    known = question_ids(workspace, proposal)
    for answer in answers:
        if answer not in known:
            raise WetdiffError(
                f"unknown question id {answer!r}; nothing was written",
                file=workspace.root / questions_file(proposal),
                hint="Add it to the questions registry first (or check the spelling).",
            )
    identity = _writable(workspace)
    rel = stage_file(proposal, stage, artikel.number, regeling)
    path = workspace.root / rel
    contained(path, workspace.root)  # a stage folder that is a link elsewhere: refused
    if expected_old_text is None and path.exists():
        raise WetdiffError(
            "this article file exists already (it was created since you "
            "started); not overwriting it",
            file=path,
            hint="Reload it, and make your change again.",
        )
    text = artikel_text if artikel_text.endswith("\n") else artikel_text + "\n"
    committed = workspace.repo.snapshot("HEAD").read(rel) if workspace.repo.head_sha() else None
    if committed == text and (not path.exists() or path.read_text(encoding="utf-8") == text):
        raise WetdiffError(
            "nothing to save: the text is the same as the last saved version", file=path
        )
    created = missing_folders([path])
    atomic_write(path, text, expected=expected_old_text, within=workspace.root)
    subject, _, body = message.strip().partition("\n")
    trailers = [("Stage", f"{proposal}/{stage}"), ("Artikel", artikel.number)]
    trailers += [("Regeling", regeling)] if regeling else []
    trailers += [("Answers", a) for a in dict.fromkeys(answers)]
    try:
        return workspace.repo.commit(
            [rel], message_with_trailers(subject, body, trailers), author=identity
        )
    except CommitMismatch:
        raise  # committed, if not as written: nothing to put back
    except WetdiffError:
        # The commit was refused (a hook, say): put the file back as it was read.
        if expected_old_text is None:
            path.unlink(missing_ok=True)
            remove_empty(created)
        else:
            atomic_write(path, expected_old_text)
        raise


@_writer
def new_proposal(
    workspace: Workspace,
    name: str,
    from_version: str,
    *,
    title: str = "",
    articles: Sequence[str] = (),
    stage: str = "concept",
) -> str:
    """Start ``proposals/<name>/`` from any version; returns the commit's sha."""
    from wetdiff.store.versions import parse_spec, resolve

    check_name(name, PROPOSAL)
    check_name(stage, STAGE)
    folder = workspace.root / proposal_dir(name)
    contained(folder / stage, workspace.root)  # proposals/ a link elsewhere: refused
    if folder.exists():
        raise WetdiffError(f"proposal {name} exists already; nothing was written", file=folder)
    identity = _writable(workspace)
    version = resolve(from_version, workspace)
    try:
        spec = parse_spec(from_version, workspace)
    except WetdiffError:
        spec = None  # a path on disk
    prefix = f"{spec.rev}:" if spec and spec.rev else ""
    questions: str | None = None  # a proposal's registry travels with its text
    copied = version.artikelen
    further: list[tuple[str, Artikel]] = []  # a further regeling's articles, by its BWB id
    also: list[str] = []
    if spec is not None and spec.kind == "law":
        # Stored as BWBR…@DATE: which regeling stays said when the workspace gets more.
        regeling = version.bwb_id or spec.name
        base = f"{prefix}{regeling}@{version.date.isoformat() if version.date else ''}"
    elif spec is not None and spec.kind == "proposal":
        source = read_proposal(workspace.snapshot(spec.rev), spec.name)
        base = source.base if ":" in source.base or not prefix else prefix + source.base
        # the stage's own articles; an amendment's, or a stage's with amendments
        # adopted, are those of the stage they amend and their own
        head, _, adopted = version.label.rsplit("/", 1)[-1].partition("+")
        found = source.stage(head)
        folders = [head, *([found.on] if found is not None and found.on else [])]
        folders += [a for a in adopted.split("+") if a]
        own = {
            n[:-4]
            for folder in folders
            for n, d in workspace.snapshot(spec.rev).listdir(stage_dir(spec.name, folder))
            if not d and n.endswith(".txt")
        }
        if not articles:
            copied = tuple(a for a in version.artikelen if a.number in own)
            # the further regelingen it amends, with the stage's texts of each
            also = [b if ":" in b or not prefix else prefix + b for b in source.also_amends]
            for part in version.others:
                theirs = {
                    n[:-4]
                    for folder in folders
                    for n, d in workspace.snapshot(spec.rev).listdir(
                        f"{stage_dir(spec.name, folder)}/{part.bwb_id}"
                    )
                    if not d and n.endswith(".txt")
                }
                further += [(part.bwb_id, a) for a in part.artikelen if a.number in theirs]
        questions = workspace.snapshot(spec.rev).read(questions_file(spec.name))
    else:
        base = f"law@{dt.date.today().isoformat()}"
    if articles:
        missing = [n for n in articles if version.artikel(n) is None]
        if missing:
            raise WetdiffError(f"{version.label} has no artikel {', '.join(missing)}")
        copied = tuple(a for a in version.artikelen if a.number in set(articles))
    elif len(copied) > MAX_COPIED:
        raise WetdiffError(
            f"{version.label} holds {len(copied)} articles; name the ones the proposal changes",
            hint="Add --article 273f (repeatable).",
        )
    data = {
        "title": title or name,
        "kamerstuk": "",
        "regeling": version.regeling,
        "bwb_id": version.bwb_id,
        "base": base,
        "stage": [
            {"id": stage, "name": "Eigen ontwerp (concept)", "date": dt.date.today(), "text": True}
        ],
    }
    if spec is not None and spec.kind == "proposal":
        data["started_from"] = version.label  # blame and log continue through it
    if also:
        data["also_amends"] = also
    if version.illustrative:
        data["illustrative"] = version.illustrative
    paths = [proposal_file(name)]
    message = message_with_trailers(
        f"Start proposal {name} from {version.label}",
        f"{version.title}\nArticles: {', '.join(a.number for a in copied) or 'none yet'}",
        [("Base", base), ("Stage", f"{name}/{stage}")],
    )
    try:
        (workspace.root / stage_dir(name, stage)).mkdir(parents=True)
        atomic_write(
            workspace.root / proposal_file(name), tomli_w.dumps(data), within=workspace.root
        )
        if questions is not None:
            atomic_write(workspace.root / questions_file(name), questions, within=workspace.root)
            paths.append(questions_file(name))
        for regeling, artikel in [("", a) for a in copied] + further:
            paths.append(stage_file(name, stage, artikel.number, regeling))
            atomic_write(workspace.root / paths[-1], render(artikel), within=workspace.root)
        return workspace.repo.commit(paths, message, author=identity)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the folder made just now, nothing else
        raise


@_writer
def new_amendment(
    workspace: Workspace,
    proposal: str,
    name: str,
    on: str,
    *,
    stuknummer: str = GAP,
    indieners: Sequence[str] = (),
    date: dt.date | None = None,
    replaces: str = "",
    title: str = "",
    toelichting: str = "",
) -> str:
    """Start amendment ``name`` on stage ``on`` of ``proposal``: its folder with its
    ``amendment.toml``, in one commit. Its text is the stage's until it is edited."""
    return _new_amendment(
        workspace,
        proposal,
        name,
        on,
        Amendment(
            proposal,
            name,
            on,
            stuknummer.strip() or GAP,
            tuple(i.strip() for i in indieners if i.strip()),
            date,
            replaces.strip(),
            title.strip(),
            toelichting.strip("\n"),
        ),
    )


def _new_amendment(
    workspace: Workspace, proposal: str, name: str, on: str, amendment: Amendment
) -> str:
    check_name(proposal, PROPOSAL)
    check_name(name, STAGE)
    check_name(on, STAGE)
    snapshot = workspace.snapshot()
    if snapshot.read(proposal_file(proposal)) is None:
        raise WetdiffError(f"unknown proposal {proposal!r}; nothing was written")
    found = read_proposal(snapshot, proposal)
    if found.stage(name) is not None or snapshot.is_dir(stage_dir(proposal, name)):
        raise WetdiffError(
            f"{proposal}/{name} exists already; nothing was written",
            hint="Give the amendment another name, e.g. am-13.",
        )
    target = found.stage(on)
    chain = [s.id for s in found.chain]
    if target is None or not target.text or not snapshot.is_dir(stage_dir(proposal, on)):
        raise WetdiffError(
            f"proposal {proposal} has no stage {on!r} with a text to amend; nothing was written",
            hint=f"Stages with a text: {', '.join(chain) or 'none'}.",
        )
    if target.on:
        raise WetdiffError(
            f"{proposal}/{on} is itself an amendment; an amendment amends a stage of the "
            "bill (a subamendement is not supported)",
            hint=f"Amend the stage it amends: --on {target.on}.",
        )
    if amendment.replaces:
        replaced = found.stage(amendment.replaces)
        if replaced is None or not replaced.on:
            others = ", ".join(s.id for s in found.stages if s.on) or "none"
            raise WetdiffError(
                f"{amendment.replaces!r} is no amendment of proposal {proposal}; nothing "
                "was written",
                hint=f"Its amendments: {others}.",
            )
    text = render_amendment(amendment)
    parse_amendment(text, f"{proposal}/{name} (new)", proposal, name)  # what is read back
    identity = _writable(workspace)
    folder = workspace.root / stage_dir(proposal, name)
    contained(folder, workspace.root)  # proposals/<id> a link elsewhere: refused
    rel = amendment_file(proposal, name)
    who = f" ({', '.join(amendment.indieners)})" if amendment.indieners else ""
    message = message_with_trailers(
        f"Amendment {name} on {proposal}/{on}{who}",
        amendment.title,
        [("Stage", f"{proposal}/{name}"), ("On", f"{proposal}/{on}")]
        + ([("Replaces", f"{proposal}/{amendment.replaces}")] if amendment.replaces else []),
    )
    try:
        folder.mkdir(parents=True)
        atomic_write(workspace.root / rel, text, within=workspace.root)
        return workspace.repo.commit([rel], message, author=identity)
    except CommitMismatch:
        raise  # committed, if not as written: nothing to put back
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # the folder made just now, nothing else
        raise


@dataclass(frozen=True, slots=True)
class Taken:
    """What ``take`` adopted: the stage, the changes, the articles written, the commit."""

    stage: str
    source: str
    changes: tuple[str, ...]
    articles: tuple[str, ...]
    commit: str


@_writer
def take_changes(
    workspace: Workspace,
    rev: str,
    change_ids: Sequence[str],
    *,
    into: str = "",
    message: str = "",
) -> Taken:
    """Adopt chosen changes of a reviewer's version of a stage into the stage on disk,
    in one commit: the others are left out (accept or reject, change by change). The ids
    are those ``wetdiff diff HEAD..REV`` shows (the stage on disk against it at
    ``rev``)."""
    from wetdiff.diff import compare
    from wetdiff.diff.merge import resolve_ids, take
    from wetdiff.store.versions import resolve, split_stage

    if not change_ids:
        raise WetdiffError(
            "say which changes to take: their ids, as 'wetdiff diff HEAD..REV' shows them"
        )
    pid, stage = _stage_into(workspace, into)
    if stage is None:
        latest = read_proposal(workspace.snapshot(), pid).latest
        if latest is None:
            raise WetdiffError(f"proposal {pid} has no stage with a text to take changes into")
        stage = latest.id
    pid, stage = split_stage(f"{pid}/{stage}")
    identity = _writable(workspace)
    old = resolve(f"{pid}/{stage}", workspace)
    new = resolve(f"{rev}:{pid}/{stage}", workspace)
    changes = compare(old, new)
    if not changes:
        raise WetdiffError(f"{pid}/{stage} is the same at {rev}: nothing to take")
    chosen = resolve_ids(changes, change_ids)
    taken = take(old, new, changes, chosen)
    numbers = sorted(
        {a.number for a in old.artikelen} | {a.number for a in taken.artikelen},
        key=article_sort_key,
    )
    texts: dict[str, str | None] = {}
    for number in numbers:
        before, after = old.artikel(number), taken.artikel(number)
        if before == after:
            continue
        rel = stage_file(pid, stage, number)
        if after is not None:
            texts[rel] = render(after)
        elif (workspace.root / rel).exists():
            texts[rel] = None  # an article the stage added, taken out again
        else:
            texts[rel] = f"Artikel {number}\n\n{VERVALLEN}\n"
    dirty = sorted(set(workspace.dirty_paths()) & set(texts))
    if dirty:
        raise WetdiffError(
            f"{dirty[0]} has edits not yet in git; nothing was taken",
            file=workspace.root / dirty[0],
            hint="Save them first ('wetdiff save') or put them aside ('git stash').",
        )
    sha = workspace.repo.sha_of(rev)
    by_id = {c.id: c for c in changes.changes}
    lines = [f"- {_in_words(by_id[c])} [{c[:12]}]" for c in sorted(chosen, key=list(by_id).index)]
    trailers = [("Stage", f"{pid}/{stage}"), ("Taken-from", f"{rev} ({sha[:12]})")]
    trailers += [("Change", c) for c in sorted(chosen)]
    subject = message.strip() or f"Take {len(chosen)} change(s) of {rev} into {pid}/{stage}"
    commit = _write_and_commit(
        workspace,
        texts,
        message_with_trailers(subject, "\n".join(lines), trailers),
        identity,
    )
    return Taken(
        f"{pid}/{stage}",
        rev,
        tuple(sorted(chosen)),
        tuple(rel.rpartition("/")[2].removesuffix(".txt") for rel in texts),
        commit,
    )


def _stage_into(workspace: Workspace, into: str) -> tuple[str, str | None]:
    """(proposal, stage or None for its latest) of ``--into``; default: the
    workspace's proposal."""
    if into:
        pid, _, stage = into.partition("/")
        return check_name(pid, PROPOSAL), (check_name(stage, STAGE) if stage else None)
    from wetdiff.store.layout import proposal_ids

    ids = proposal_ids(workspace.snapshot())
    pid = workspace.config.default_proposal
    if pid not in ids:
        if len(ids) != 1:
            raise WetdiffError(
                "which stage? this workspace has "
                + (f"proposals {', '.join(ids)}" if ids else "no proposal"),
                hint="Name it: --into 36547/A.",
            )
        pid = ids[0]
    return pid, None


def _in_words(change: Change) -> str:
    """ "artikel 273f, eerste lid: [-vijftien-] {+achttien+}" for a commit message."""
    provision = change.provision
    if change.old is None:
        what = "{+" + " ".join(provision.text.split()[:12]) + "+}"
    elif change.new is None:
        what = "[-" + " ".join(provision.text.split()[:12]) + "-]"
    else:
        what = " ".join(
            f"[-{w.text.strip()}-]" if w.op == "delete" else f"{{+{w.text.strip()}+}}"
            for w in change.words
            if w.op != "equal" and w.text.strip()
        )
    return f"{provision.locatie.in_words()}: {what or describe(change.kinds, 'en')}"


def _write_and_commit(
    workspace: Workspace, texts: dict[str, str | None], message: str, identity: tuple[str, str]
) -> str:
    """Write (or remove) the stage's article files and commit them as one; a commit git
    refuses puts every file back as it was."""
    root = workspace.root
    before = {
        rel: (root / rel).read_text(encoding="utf-8") if (root / rel).exists() else None
        for rel in texts
    }
    created = missing_folders([root / rel for rel in texts])
    try:
        for rel, text in texts.items():
            if text is None:
                contained(root / rel, root)
                (root / rel).unlink()
            else:
                atomic_write(root / rel, text, expected=before[rel], within=root)
        return workspace.repo.commit(list(texts), message, author=identity)
    except CommitMismatch:
        raise  # committed, if not as written: nothing to put back
    except BaseException:
        for rel, text in before.items():
            if text is None:
                (root / rel).unlink(missing_ok=True)
            else:
                atomic_write(root / rel, text)
        remove_empty(created)
        raise


@dataclass(frozen=True, slots=True)
class StageAdded:
    """What ``stage add`` made: the stage, the stage its texts came from ("" for none),
    the article files copied (relative paths) and the commit."""

    stage: str
    source: str
    files: tuple[str, ...]
    commit: str


@_writer
def add_stage(
    workspace: Workspace,
    proposal: str,
    stage: str,
    date: dt.date | None,
    title: str,
    *,
    from_stage: str | None = None,
    empty: bool = False,
    message: str = "",
) -> StageAdded:
    """Add stage ``stage`` (a nota van wijziging, a text as adopted, …) to ``proposal``:
    its ``[[stage]]`` in ``proposal.toml``, placed among the stages by its date (``None``:
    unknown, ``"gap"``), with a copy of the texts of ``from_stage`` (default: the latest
    stage with a text; ``empty``: none, so it reads as the base until a text is saved
    into it), all in one commit with its reason. Nothing is written when anything is
    wrong: an unknown proposal, a stage that exists, a title that is no one line."""
    check_name(proposal, PROPOSAL)
    check_name(stage, STAGE)
    snapshot = workspace.snapshot()
    rel_toml = proposal_file(proposal)
    source_text = snapshot.read(rel_toml)
    if source_text is None:
        raise WetdiffError(
            f"unknown proposal {proposal!r}; nothing was written",
            hint="Start one with 'wetdiff new-proposal', or see 'wetdiff versions'.",
        )
    found = read_proposal(snapshot, proposal)
    if found.stage(stage) is not None or snapshot.is_dir(stage_dir(proposal, stage)):
        raise WetdiffError(
            f"proposal {proposal} has a stage {stage!r} already; nothing was written",
            file=workspace.root / rel_toml,
            hint="Give the new stage another id, e.g. nvw2.",
        )
    title = title.strip()
    if not title or "\n" in title or "\r" in title:
        raise WetdiffError(
            "a stage needs its title on one line (what the document is called); nothing "
            "was written",
            hint='Give it with --title "Nota van wijziging".',
        )
    at = find_control(title + message)
    if at is not None:
        raise WetdiffError(
            "the title or reason holds a control character; nothing was written",
            hint="Retype it as plain text.",
        )
    source = _stage_source(snapshot, found, from_stage, empty)
    source_stage = found.stage(source) if source else None
    if source_stage is not None and date and source_stage.date and date < source_stage.date:
        raise WetdiffError(
            f"stage {stage} ({date.isoformat()}) would come before {proposal}/{source} "
            f"({source_stage.date.isoformat()}), the stage its text is copied from; "
            "nothing was written",
            hint="Give its real date, or copy from an earlier stage with --from.",
        )
    if rel_toml in set(workspace.dirty_paths()):
        raise WetdiffError(
            "proposal.toml has edits that are not in git yet; nothing was written",
            file=workspace.root / rel_toml,
            hint="Commit them first, or put them aside ('git stash').",
        )
    texts = _stage_texts(snapshot, found, source)
    entry: dict[str, object] = {"id": stage, "name": title, "date": date or GAP, "text": True}
    new_toml = _with_stage(source_text, entry, date, source)
    parse_toml(new_toml, str(workspace.root / rel_toml))  # what is read back
    identity = _writable(workspace)
    folder = workspace.root / stage_dir(proposal, stage)
    contained(folder, workspace.root)
    copied = {f"{stage_dir(proposal, stage)}/{name}": text for name, text in texts.items()}
    when = date.isoformat() if date else "date unknown"
    body = (
        f"{title} ({when}); texts copied from {proposal}/{source}: "
        + ", ".join(name.removesuffix(".txt") for name in texts)
        if source
        else f"{title} ({when}); no texts yet: it reads as the base until one is saved"
    )
    trailers = [("Stage", f"{proposal}/{stage}")]
    trailers += [("From", f"{proposal}/{source}")] if source else []
    subject = message.strip() or f"Add stage {proposal}/{stage}: {title}"
    commit = _write_and_commit(
        workspace,
        {rel_toml: new_toml, **copied},
        message_with_trailers(subject, body, trailers),
        identity,
    )
    return StageAdded(
        f"{proposal}/{stage}", f"{proposal}/{source}" if source else "", tuple(copied), commit
    )


def _stage_source(snapshot: Snapshot, found: Proposal, from_stage: str | None, empty: bool) -> str:
    """The stage a new stage copies its texts from ("" for none)."""
    if empty:
        if from_stage:
            raise WetdiffError("give --from or --empty, not both")
        return ""
    from wetdiff.store.versions import proposal_stage

    if from_stage is None:  # the latest stage with a text, as '36547' alone means it
        if not any(snapshot.is_dir(stage_dir(found.id, s.id)) for s in found.text_stages):
            return ""  # none yet: the new stage reads as the base
        return proposal_stage(snapshot, found, None).id
    check_name(from_stage, STAGE)
    return proposal_stage(snapshot, found, from_stage).id  # one with a text, or its error


def _stage_texts(snapshot: Snapshot, found: Proposal, source: str) -> dict[str, str]:
    """The article files of ``source`` by their path in its folder (``273f.txt``, and
    ``BWBR0099999/1.txt`` for a further regeling); an amendment's are those of the stage
    it amends with its own laid over them."""
    from wetdiff.store.snapshot import walk_files

    if not source:
        return {}
    stage = found.stage(source)
    folders = [stage.on, source] if stage is not None and stage.on else [source]
    texts: dict[str, str] = {}
    for name in folders:
        prefix = stage_dir(found.id, name) + "/"
        for rel in walk_files(snapshot, stage_dir(found.id, name)):
            if rel.endswith(".txt"):
                text = snapshot.read(rel)
                assert text is not None
                texts[rel.removeprefix(prefix)] = text
    return dict(sorted(texts.items()))


def _with_stage(text: str, entry: dict[str, object], date: dt.date | None, source: str) -> str:
    """``proposal.toml`` with a ``[[stage]]`` for ``entry`` inserted where it belongs by
    date: before the first listed stage of a later date (a stage of unknown date: after
    the stage it is copied from); the rest of the file (comments too) as it was."""
    block = "[[stage]]\n" + tomli_w.dumps(entry)
    lines = text.splitlines(keepends=True)
    headers = [i for i, line in enumerate(lines) if line.strip().startswith("[[stage]]")]
    raw = parse_toml(text, PROPOSAL_FILE).get("stage", [])
    listed = [s for s in raw if isinstance(s, dict)] if isinstance(raw, list) else []
    if len(listed) != len(headers):  # written as an inline list: keep the order it has
        listed, headers = [], []
    at: int | None = None
    if date is not None:
        later = [
            i
            for i, s in enumerate(listed)
            if isinstance(s.get("date"), dt.date) and s["date"] > date
        ]
        at = headers[later[0]] if later else None
    elif source:
        ids = [s.get("id") for s in listed]
        after = ids.index(source) + 1 if source in ids else len(ids)
        at = headers[after] if after < len(headers) else None
    if at is None:
        joined = "".join(lines)
        return joined + ("" if joined.endswith("\n\n") or not joined else "\n") + block
    return "".join(lines[:at]) + block + "\n" + "".join(lines[at:])
