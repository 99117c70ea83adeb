"""Invariants of the diff, checked on generated articles (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wetdiff.diff import apply_words, compare, word_diff
from wetdiff.diff.words import tokens
from wetdiff.model.artikel import Alinea, Artikel, Lid, Onderdeel
from wetdiff.model.normalise import compare_key
from wetdiff.model.version import Version

WORDS = [
    "de",
    "een",
    "ander",
    "wordt",
    "gestraft",
    "met",
    "gevangenisstraf",
    "van",
    "ten",
    "hoogste",
    "acht",
    "twaalf",
    "jaren",
    "of",
    "geldboete",
    "vijfde",
    "categorie",
    "indien",
    "feiten",
    "lid",
    "1°",
    "artikel",
    "273f",
    "[bold]",
    "„strafbaar”",
]
OTHER_WORDS = [
    "burgemeester",
    "gemeenteraad",
    "vergunning",
    "verordening",
    "besluit",
    "bezwaar",
    "termijn",
    "weken",
    "schriftelijk",
    "aanvraag",
    "beschikking",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(
    lambda ws: " ".join(ws) + st_end(ws)
)
# an unrelated article: other words, sentences long enough to be told apart
other_sentence = st.lists(st.sampled_from(OTHER_WORDS), min_size=4, max_size=12).map(
    lambda ws: " ".join(ws) + "."
)
other_bodies = st.lists(st.tuples(other_sentence, st.just(list[str]())), min_size=1, max_size=4)


def st_end(words: list[str]) -> str:
    return ";" if len(words) % 3 == 0 else "."


lid_body = st.tuples(sentence, st.lists(sentence, max_size=3))
article_bodies = st.lists(lid_body, min_size=1, max_size=5)


def build(number: str, bodies: list[tuple[str, list[str]]]) -> Artikel:
    leden = []
    for i, (text, items) in enumerate(bodies, 1):
        body: tuple = (Alinea(text),)
        body += tuple(Onderdeel(f"{j}°.", (Alinea(item),)) for j, item in enumerate(items, 1))
        leden.append(Lid(f"{i}.", body))
    return Artikel(number, tuple(leden))


def as_version(*artikelen: Artikel) -> Version:
    return Version("v", "v", artikelen)


@st.composite
def edited(draw: st.DrawFn, bodies: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The same article after some edits: words changed, leden dropped or inserted."""
    out = []
    for text, items in bodies:
        action = draw(st.sampled_from(["keep", "keep", "edit", "drop", "insert"]))
        if action == "drop":
            continue
        if action == "insert":
            out.append(draw(lid_body))
        if action == "edit":
            words = text.split(" ")
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(st.sampled_from(WORDS))
            text = " ".join(words)
        out.append((text, items))
    return out or [draw(lid_body)]


@st.composite
def edited_other(
    draw: st.DrawFn, bodies: list[tuple[str, list[str]]]
) -> list[tuple[str, list[str]]]:
    """An edit in the unrelated article: a word replaced, a lid added or dropped."""
    out = list(bodies)
    action = draw(st.sampled_from(["edit", "add", "drop"]))
    if action == "add" or len(out) == 1:
        out.append((draw(other_sentence), []))
    elif action == "drop":
        out.pop(draw(st.integers(0, len(out) - 1)))
    else:
        k = draw(st.integers(0, len(out) - 1))
        out[k] = (out[k][0].replace(".", " " + draw(st.sampled_from(OTHER_WORDS)) + "."), [])
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_bodies)
def test_diff_of_a_version_with_itself_is_empty(bodies: list[tuple[str, list[str]]]) -> None:
    version = as_version(build("3", bodies), build("4", bodies[:1]))
    changes = compare(version, version)
    assert changes.changed() == ()
    assert not changes


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), article_bodies)
def test_word_operations_turn_old_into_new(
    data: st.DataObject, bodies: list[tuple[str, list[str]]]
) -> None:
    old = as_version(build("3", bodies))
    new = as_version(build("3", data.draw(edited(bodies))))
    changes = compare(old, new)
    for change in changes.changes:
        before, after = apply_words(change.words)
        if change.new is not None:
            assert after == change.new.text
        else:
            assert after == ""
        if change.old is not None:
            assert compare_key(before) == compare_key(change.old.text)
    # every provision of both versions is in the change set
    assert {c.old_key for c in changes.changes if c.old} == {
        p.locatie.key for p in old.artikelen[0].provisions()
    }
    assert {c.new_key for c in changes.changes if c.new} == {
        p.locatie.key for p in new.artikelen[0].provisions()
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), article_bodies, other_bodies)
def test_ids_are_stable_under_an_unrelated_edit_elsewhere(
    data: st.DataObject,
    bodies: list[tuple[str, list[str]]],
    other: list[tuple[str, list[str]]],
) -> None:
    old = as_version(build("3", bodies), build("99", other))
    changed_3 = build("3", data.draw(edited(bodies)))
    new = as_version(changed_3, build("99", other))
    elsewhere = as_version(changed_3, build("99", data.draw(edited_other(other))))

    def ids_of_3(version: Version) -> list[str]:
        return [
            c.id
            for c in compare(old, version).changes
            if (c.new and c.new.locatie.artikel == "3")
            or (c.old and c.old.locatie.artikel == "3" and c.new is None)
        ]

    assert ids_of_3(new) == ids_of_3(new)  # re-runs
    assert ids_of_3(new) == ids_of_3(elsewhere)


@given(st.text(max_size=80))
def test_tokens_cover_the_text(text: str) -> None:
    assert "".join(tokens(text)) == text


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from([*WORDS, ",", " ", "  "]), max_size=20),
    st.lists(st.sampled_from([*WORDS, ",", " ", "  "]), max_size=20),
)
def test_word_diff_reconstructs_both_texts(a: list[str], b: list[str]) -> None:
    old, new = " ".join(a), " ".join(b)
    before, after = apply_words(word_diff(old, new))
    assert after == new
    assert compare_key(before) == compare_key(old) or before == old


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from([*WORDS, ",", ".", " ", "  ", "\u00a0", "\n", "ge", "straft"]), max_size=20
    ),
    st.lists(
        st.sampled_from([*WORDS, ",", ".", " ", "  ", "\u00a0", "\n", "ge", "straft"]), max_size=20
    ),
)
def test_word_ops_start_and_end_between_words(a: list[str], b: list[str]) -> None:
    """White space is left out of what is compared and put back after: no operation
    may start or end inside a word of the new text, and no deletion inside a word of
    the old text."""
    old, new = "".join(a), "".join(b)
    ops = word_diff(old, new)
    pos = 0
    for op in ops:
        if op.op != "delete":
            pos += len(op.text)
            assert not (0 < pos < len(new) and new[pos - 1].isalnum() and new[pos].isalnum()), (
                old,
                new,
                ops,
            )
    old_words = set(tokens(old))
    for op in ops:
        if op.op == "delete":
            assert all(t in old_words for t in tokens(op.text)), (old, new, ops)


def test_word_diff_never_cuts_a_word() -> None:
    ops = word_diff("de verwijdering van diens organen", "de verwerving van diens organen")
    assert [(o.op, o.text) for o in ops if o.op != "equal"] == [
        ("delete", "verwijdering"),
        ("insert", "verwerving"),
    ]


def test_results_do_not_depend_on_the_hash_seed() -> None:
    """Same ids and kinds in separate processes (Python randomises str hashes)."""
    import subprocess
    import sys
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "sr-2006"
    probe = (
        "import json, sys\nfrom pathlib import Path\n"
        "from wetdiff.model.version import load_path\nfrom wetdiff.diff import compare\n"
        f"c = compare(load_path(Path({str(fixtures / 'old')!r})), "
        f"load_path(Path({str(fixtures / 'new')!r})))\n"
        "print(json.dumps(c.to_json()['changes']))\n"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            timeout=60,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


_TRICKY = st.sampled_from(
    [
        *"ab \u00b0\u00eb\u00a0\u00ad\u201e\u201d\t\n  .,",
        "e\u0301",
        "\u2009",
        "\u3000",
        "\x0b",
        "\x1c",
        "\u2028",
        "\x85",
        "\u200b",
        "\ufeff",
    ]
)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=40), st.lists(_TRICKY, max_size=20).map("".join)))
def test_compare_key_fast_path_is_the_full_normalisation(text: str) -> None:
    """clean and compare_key skip the rewriting for text already in their form; they
    must give exactly what the full normalisation gives."""
    import re
    import unicodedata

    from wetdiff.model.normalise import _QUOTE_TABLE, _SPACE_TABLE, clean, clean_lines

    def full_clean(t: str) -> str:
        t = unicodedata.normalize("NFC", t).translate(_SPACE_TABLE)
        return re.sub(r"[ \t\n\r\f\v]+", " ", t).strip()

    def full_clean_lines(t: str) -> str:
        t = unicodedata.normalize("NFC", t).replace("\r\n", "\n").replace("\r", "\n")
        return "\n".join(line.rstrip() for line in t.translate(_SPACE_TABLE).split("\n"))

    assert clean(text) == full_clean(text)
    assert clean_lines(text) == full_clean_lines(text)
    assert compare_key(text) == full_clean(text).translate(_QUOTE_TABLE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), article_bodies, article_bodies)
def test_every_provision_is_aligned_once_across_articles(
    data: st.DataObject,
    first: list[tuple[str, list[str]]],
    second: list[tuple[str, list[str]]],
) -> None:
    """Two articles, edited, with a lid moved from one to the other: every old and every
    new provision appears in the change set, and the word operations hold."""
    edited_first = data.draw(edited(first))
    edited_second = data.draw(edited(second))
    if len(edited_first) > 1:
        edited_second = [*edited_second, edited_first.pop(0)]
    old = as_version(build("3", first), build("4", second))
    new = as_version(build("3", edited_first), build("4", edited_second))
    changes = compare(old, new)
    assert {c.old_key for c in changes.changes if c.old} == {
        p.locatie.key for a in old.artikelen for p in a.provisions()
    }
    assert {c.new_key for c in changes.changes if c.new} == {
        p.locatie.key for a in new.artikelen for p in a.provisions()
    }
    for change in changes.changes:
        before, after = apply_words(change.words)
        assert after == (change.new.text if change.new else "")
        if change.old is not None:
            assert compare_key(before) == compare_key(change.old.text)
    ids = [c.id for c in changes.changes]
    assert len(ids) == len(set(ids))
