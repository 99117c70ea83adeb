"""``wetdiff blame ARTICLE [VERSION]``: which version introduced each provision and word.

Not git's line blame: an article's provisions move (a lid inserted before them renumbers
them; 273a became 273f), and a line holds a whole lid, so line blame would credit the
last act that touched any word of it. Instead the article's versions are walked oldest
to newest through the diff engine: provisions are paired by content, and inside each
pair the word operations carry every character's origin forward. A word is credited to
the newest version that changed any of its characters; "twaalf" in the aanhef of 273f's
first lid is credited to the April 2013 act, "jaren" beside it to 273a of 2005.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any

from wetdiff.diff import compare, word_diff
from wetdiff.diff.words import WordOp, tokens
from wetdiff.errors import WetdiffError
from wetdiff.model.artikel import Provision
from wetdiff.store.history_walk import HistoryStep, law_steps, require_article, single, stage_steps
from wetdiff.store.other_articles import with_other_articles
from wetdiff.store.proposals import Proposal, read_proposal
from wetdiff.store.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Origin:
    """A version credited with text: its date, act and note."""

    index: int
    label: str
    number: str
    date: dt.date | None
    act: str
    certainty: str
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "version": self.label,
            "artikel": self.number,
            "date": self.date.isoformat() if self.date else None,
            "source": self.act,
            "certainty": self.certainty or None,
            "note": self.note or None,
        }


@dataclass(frozen=True, slots=True)
class Span:
    """Consecutive words credited to the same version."""

    text: str
    origin: int


@dataclass(frozen=True, slots=True)
class ProvisionBlame:
    provision: Provision
    introduced: int
    changed: tuple[int, ...]
    spans: tuple[Span, ...]
    # came into this article from another in version ``introduced`` (where it stood
    # there, in words): its history before that is the other article's
    moved_from: str = ""

    @property
    def last(self) -> int:
        return self.changed[-1] if self.changed else self.introduced

    def to_json(self) -> dict[str, Any]:
        p = self.provision
        return {
            "key": p.locatie.key,
            "role": p.role,
            "in_words": p.locatie.in_words(),
            "text": p.text,
            "introduced": self.introduced,
            "moved_from": self.moved_from or None,
            "changed": list(self.changed),
            "words": [{"text": s.text, "origin": s.origin} for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Blame:
    """``illustrative``: the label of a text in the walk that is not an official one (a
    proposal's illustrative draft), so every view of it says so."""

    number: str
    version: str
    origins: tuple[Origin, ...]
    provisions: tuple[ProvisionBlame, ...]
    illustrative: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "artikel": self.number,
            "version": self.version,
            "illustrative": self.illustrative or None,
            "origins": [o.to_json() for o in self.origins],
            "provisions": [p.to_json() for p in self.provisions],
        }


@dataclass
class _State:
    text: str
    chars: list[int]
    introduced: int
    changed: list[int]
    moved_from: str = ""


def chain(
    workspace: Workspace, number: str, spec: str | None, _depth: int = 0
) -> tuple[str, list[HistoryStep]]:
    """The article's versions to walk, oldest first, ending at ``spec`` (the law in force
    today by default): its official versions, then, for a proposal stage, the stages
    before it (and those of the proposal its text was started from)."""
    from wetdiff.store.versions import parse_spec, proposal_stage

    if _depth > 4:
        raise WetdiffError(f"proposals start from each other too deeply at {spec!r}")
    parsed = parse_spec(spec or "law", workspace)
    snapshot = workspace.snapshot(parsed.rev)
    if parsed.kind == "law":
        steps = law_steps(workspace, snapshot, number, until=parsed.date)
        require_article(steps, number, parsed.text)
        assert parsed.date is not None
        label = f"{parsed.rev + ':' if parsed.rev else ''}{parsed.name}@{parsed.date}"
        return label, steps
    if parsed.kind != "proposal":
        raise WetdiffError(
            f"blame walks an article's history: give the law (law@DATE) or "
            f"a proposal stage, not {parsed.text!r}"
        )
    proposal = read_proposal(snapshot, parsed.name)
    stage = proposal_stage(snapshot, proposal, parsed.stage, parsed.rev)
    steps = _start(workspace, proposal, number, parsed.rev, _depth)
    steps += stage_steps(snapshot, proposal, number, until_stage=stage.id)
    require_article(steps, number, parsed.text)
    return parsed.text, steps


def _start(
    workspace: Workspace, proposal: Proposal, number: str, rev: str | None, depth: int
) -> list[HistoryStep]:
    """The versions before a proposal's first stage: those of the stage its text was
    started from, else the official versions up to its base."""
    from wetdiff.store.versions import parse_spec

    def at_rev(spec: str) -> str:
        return spec if rev is None or ":" in spec else f"{rev}:{spec}"

    if proposal.started_from:
        try:
            return chain(workspace, number, at_rev(proposal.started_from), depth + 1)[1]
        except WetdiffError:
            pass  # the stage it started from is gone or lacks the article: use the base
    base = parse_spec(at_rev(proposal.base), workspace)
    if base.kind != "law":
        return []
    return law_steps(workspace, workspace.snapshot(base.rev), number, until=base.date)


def blame_article(workspace: Workspace, number: str, spec: str | None = None) -> Blame:
    """Who wrote each provision and word of the article in ``spec`` (the law in force by
    default). The workspace is read as one snapshot: each folder listed once."""
    with workspace.reading():
        return _blame_article(workspace, number, spec)


def _blame_article(workspace: Workspace, number: str, spec: str | None) -> Blame:
    from wetdiff.store.versions import parse_spec

    label, steps = chain(workspace, number, spec)
    rev = parse_spec(spec or "law", workspace).rev
    final = steps[-1]
    if final.artikel is None:
        how = f"renumbered to {final.renumbered_to}" if final.renumbered_to else "repealed"
        raise WetdiffError(f"artikel {number} is not in force in {label} ({how})")
    origins: list[Origin] = []
    state: dict[tuple[str, str], _State] = {}
    before: HistoryStep | None = None
    for step in steps:
        if step.artikel is None:
            continue
        index = len(origins) + 1
        origins.append(
            Origin(
                index,
                step.label,
                step.number,
                step.date,
                step.act,
                step.certainty,
                step.note or step.date_note,
            )
        )
        if before is None:
            came_from = _came_from(workspace, rev, None, step) if step.kind == "stage" else {}
            state = {
                _key(p): _State(
                    p.text, [index] * len(p.text), index, [], came_from.get(_key(p), "")
                )
                for p in step.artikel.provisions()
            }
        else:
            state = _carry(state, before, step, index, workspace, rev)
        before = step
    provisions = []
    for p in final.artikel.provisions():
        s = state.get(_key(p)) or _State(p.text, [len(origins)] * len(p.text), len(origins), [])
        provisions.append(
            ProvisionBlame(p, s.introduced, tuple(s.changed), _spans(s), s.moved_from)
        )
    illustrative = next((s.illustrative for s in steps if s.illustrative), "")
    return Blame(number, label, tuple(origins), tuple(provisions), illustrative)


def _key(p: Provision) -> tuple[str, str]:
    """A provision's place within its article, whatever the article's number (so that
    273a's first lid and 273f's first lid are the same place after the renumbering)."""
    return p.locatie.key[len(p.locatie.artikel) :], p.role


def _carry(
    state: dict[tuple[str, str], _State],
    before: HistoryStep,
    step: HistoryStep,
    index: int,
    workspace: Workspace,
    rev: str | None,
) -> dict[tuple[str, str], _State]:
    """Move every character's origin from one version to the next along the diff. A
    provision new to the article that the step brought from another article (compared
    with the other articles it changed, as ``log`` does) is marked as moved here."""
    changes = compare(single(before, step.number), single(step))
    new_here = any(c.old is None for c in changes.changes)
    came_from = _came_from(workspace, rev, before, step) if new_here else {}
    sources: dict[tuple[str, str], list[Provision]] = {}
    targets: dict[tuple[str, str], Provision] = {}
    for change in changes.changes:
        if change.new is None:
            continue
        targets[_key(change.new)] = change.new
        parts = sources.setdefault(_key(change.new), [])
        if change.old is not None and _key(change.old) in state:
            parts.append(change.old)
    words = {_key(c.new): c.words for c in changes.changes if c.new is not None}
    old_order = {
        _key(p): i for i, p in enumerate(single(before, step.number).artikelen[0].provisions())
    }
    carried: dict[tuple[str, str], _State] = {}
    for key, new in targets.items():
        parts = sorted(sources[key], key=lambda p: old_order.get(_key(p), 0))
        if not parts:
            carried[key] = _State(
                new.text, [index] * len(new.text), index, [], came_from.get(key, "")
            )
            continue
        if len(parts) == 1:
            old_state = state[_key(parts[0])]
            chars, touched = _follow(old_state, new.text, words[key], index)
        else:  # merged: the parts, in reading order, become one provision
            states = [state[_key(p)] for p in parts]
            text = " ".join(s.text for s in states)
            merged_chars: list[int] = []
            for s in states:
                if merged_chars:
                    merged_chars.append(s.chars[0] if s.chars else index)
                merged_chars.extend(s.chars)
            old_state = _State(
                text,
                merged_chars,
                min(s.introduced for s in states),
                sorted({i for s in states for i in s.changed}),
            )
            chars, _ = _follow(old_state, new.text, (), index)
            touched = True
        changed = list(old_state.changed)
        if touched:
            changed.append(index)
        carried[key] = _State(new.text, chars, old_state.introduced, changed, old_state.moved_from)
    return carried


def _came_from(
    workspace: Workspace, rev: str | None, before: HistoryStep | None, step: HistoryStep
) -> dict[tuple[str, str], str]:
    """The provisions the step brought into the article from another article (by their
    place), with where each stood there, in words."""
    wider = with_other_articles(workspace, rev, None, before, step)
    own = before.number if before is not None else ""
    return {
        _key(change.new): change.old.locatie.in_words()
        for change in (wider.changes if wider is not None else ())
        if change.old is not None
        and change.new is not None
        and change.new.locatie.artikel == step.number
        and change.old.locatie.artikel != own
    }


def _follow(
    old: _State, new_text: str, words: tuple[WordOp, ...], index: int
) -> tuple[list[int], bool]:
    """The origins of ``new_text``'s characters, and whether anything changed."""
    if old.text == new_text:
        return list(old.chars), False
    ops = words or word_diff(old.text, new_text)
    old_rebuilt = "".join(op.text for op in ops if op.op != "insert")
    new_rebuilt = "".join(op.text for op in ops if op.op != "delete")
    if old_rebuilt != old.text or new_rebuilt != new_text:
        ops = tuple(_char_ops(old.text, new_text))
    chars: list[int] = []
    at = 0
    touched = False
    for op in ops:
        n = len(op.text)
        if op.op == "equal":
            chars.extend(old.chars[at : at + n])
            at += n
        elif op.op == "delete":
            at += n
            touched = True
        else:
            chars.extend([index] * n)
            touched = True
    return chars, touched


def _char_ops(old: str, new: str) -> list[WordOp]:
    """A plain character diff, for when the word operations do not spell out the texts
    (never expected; keeps blame honest rather than wrong)."""
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            ops.append(WordOp("equal", old[i1:i2]))
        else:
            if i2 > i1:
                ops.append(WordOp("delete", old[i1:i2]))
            if j2 > j1:
                ops.append(WordOp("insert", new[j1:j2]))
    return ops


def _spans(state: _State) -> tuple[Span, ...]:
    """Words grouped by the version credited with them (a word belongs to the newest
    version that changed any of its characters)."""
    spans: list[Span] = []
    at = 0
    for token in tokens(state.text):
        start, at = at, at + len(token)
        if token.isspace():
            if spans:
                spans[-1] = Span(spans[-1].text + token, spans[-1].origin)
            continue
        origin = max(state.chars[start:at])
        if spans and spans[-1].origin == origin:
            spans[-1] = Span(spans[-1].text + token, origin)
        else:
            spans.append(Span(token, origin))
    return tuple(spans)  # "".join(span.text) is the provision's text
