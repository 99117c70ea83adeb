"""The C++ diff-match-patch (``fast-diff-match-patch``) and the pure-Python one give the
same word diffs; ``WETDIFF_PURE_PYTHON_DIFF=1`` forces the pure-Python one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetdiff.diff import word_diff
from wetdiff.diff import words as words_module
from wetdiff.diff.words import (
    PURE_PYTHON_SWITCH,
    diff_codes,
    diff_codes_fast,
    diff_codes_python,
    fast_engine,
)

needs_fast = pytest.mark.skipif(
    words_module._fast_dmp is None,
    reason="fast-diff-match-patch has no wheel for this platform (the pure-Python diff runs)",
)


def _encoded(tokens: list[int]) -> str:
    """Token numbers as the word diff encodes them: one code point each, from U+0100."""
    return "".join(chr(0x100 + t) for t in tokens)


# Few distinct tokens make many repeats, the hard case for bisection and clean-up.
token_lists = st.integers(min_value=2, max_value=40).flatmap(
    lambda alphabet: st.lists(st.integers(0, alphabet - 1), max_size=80)
)


@st.composite
def edited(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """A token list and an edited copy of it (as two versions of a provision are)."""
    old = draw(token_lists)
    new = list(old)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(new)))
        roll = draw(st.sampled_from(["insert", "delete", "replace", "copy"]))
        if roll == "insert" or not new:
            new[at:at] = draw(st.lists(st.integers(0, 60), min_size=1, max_size=6))
        elif roll == "delete":
            del new[at : at + draw(st.integers(1, 6))]
        elif roll == "replace":
            new[min(at, len(new) - 1)] = draw(st.integers(0, 60))
        else:  # a stretch repeated elsewhere: moved or duplicated text
            start = draw(st.integers(0, len(new) - 1))
            new[at:at] = new[start : start + draw(st.integers(1, 10))]
    return old, new


@needs_fast
@settings(max_examples=400, deadline=None)
@given(st.one_of(edited(), st.tuples(token_lists, token_lists)), st.booleans())
def test_cpp_and_python_diffs_are_identical(
    pair: tuple[list[int], list[int]], semantic: bool
) -> None:
    old, new = _encoded(pair[0]), _encoded(pair[1])
    assert diff_codes_fast(old, new, semantic) == diff_codes_python(old, new, semantic)


SENTENCE_WORDS = [
    "de",
    "een",
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
    ",",
    ";",
    ".",
    "1°",
    "„strafbaar”",
    '"strafbaar"',
]
texts = st.lists(
    st.tuples(st.sampled_from(SENTENCE_WORDS), st.sampled_from([" ", "", "  ", "\n"])),
    max_size=30,
).map(lambda pairs: "".join(w + s for w, s in pairs))


@needs_fast
@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_word_operations_do_not_depend_on_the_engine(old: str, new: str) -> None:
    """What a lawyer sees (the word operations) is the same whichever engine ran."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(PURE_PYTHON_SWITCH, raising=False)
        assert fast_engine()
        fast = word_diff(old, new)
        patch.setenv(PURE_PYTHON_SWITCH, "1")
        assert not fast_engine()
        assert word_diff(old, new) == fast


class _Refusing:
    """Stands in for the C++ module: any call fails the test."""

    CHAR_WIDTH = 4

    def diff(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("the C++ diff ran although pure Python was asked for")


def test_the_switch_forces_the_pure_python_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(words_module, "_fast_dmp", _Refusing())
    monkeypatch.setenv(PURE_PYTHON_SWITCH, "1")
    ops = word_diff("gevangenisstraf van ten hoogste acht jaren", "gevangenisstraf van twaalf")
    assert [(o.op, o.text) for o in ops if o.op != "equal"] == [
        ("delete", "ten hoogste acht jaren"),
        ("insert", "twaalf"),
    ]
    monkeypatch.setenv(PURE_PYTHON_SWITCH, "0")  # 0 or unset: the C++ diff where installed
    with pytest.raises(AssertionError, match="C\\+\\+ diff ran"):
        word_diff("acht jaren", "twaalf jaren")


def test_without_the_wheel_the_pure_python_diff_does_the_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(words_module, "_fast_dmp", None)
    monkeypatch.delenv(PURE_PYTHON_SWITCH, raising=False)
    assert not fast_engine()
    assert diff_codes("ĀāĂ", "ĀăĂ") == [(0, "Ā"), (-1, "ā"), (1, "ă"), (0, "Ă")]
    with pytest.raises(RuntimeError, match="not installed"):
        diff_codes_fast("Ā", "ā")


def test_a_16_bit_build_gets_only_code_points_it_can_hold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where the C++ characters are 16 bits wide (Windows), a comparison with more
    distinct tokens than the Basic Multilingual Plane holds goes to pure Python."""

    class Narrow(_Refusing):
        CHAR_WIDTH = 2

    monkeypatch.setattr(words_module, "_fast_dmp", Narrow())
    monkeypatch.delenv(PURE_PYTHON_SWITCH, raising=False)
    assert diff_codes("\U00010000a", "\U00010000b") == [(0, "\U00010000"), (-1, "a"), (1, "b")]
    with pytest.raises(AssertionError, match="C\\+\\+ diff ran"):
        diff_codes("Āa", "Āb")
