"""Check: the C++ and the pure-Python diff-match-patch give the same word diffs on the
whole history of the Wetboek van Strafrecht, and how much faster the C++ one is.

Not run in the tests (it needs the corpus). For every consecutive pair of the versions
in the corpus (93 versions: 92 pairs), and for the first against the last (2002-05-04
against 2014-04-01, the case of ``diff_whole_code.py``), the two versions are aligned once with
``wetdiff.diff.compare``; then every pair of provisions whose text differs is diffed
with both engines, on the same encoded token strings:

* the raw diffs (``diff_codes_fast`` and ``diff_codes_python``: diff-match-patch's
  operations on the code-point strings, after its semantic clean-up) must be equal;
* the word operations a lawyer sees (``word_diff``, once through each engine, switched
  with ``WETDIFF_PURE_PYTHON_DIFF``) must be equal.

Reported: pairs and provisions checked, differences found (must be 0, else the exit
status is 1 and the first differences are printed), and the time of each engine over
all of them, interleaved per version pair so both see the same machine load.

    .venv/bin/python benchmarks/diff_engines.py [--corpus DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_loader import corpus_option, load

from wetdiff.diff import compare, word_diff
from wetdiff.diff.words import (
    PURE_PYTHON_SWITCH,
    Encoder,
    _split,
    diff_codes_fast,
    diff_codes_python,
    fast_engine,
)
from wetdiff.model.normalise import compare_key
from wetdiff.model.version import Version


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    corpus_option(parser)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs")
    args = parser.parse_args()
    os.environ.pop(PURE_PYTHON_SWITCH, None)
    if not fast_engine():
        raise SystemExit("fast-diff-match-patch is not installed: nothing to compare")
    files = sorted(args.corpus.glob("*.xml"))
    if len(files) < 2:
        raise SystemExit(f"no corpus versions in {args.corpus}")
    pairs = list(itertools.pairwise(files))
    if args.limit:
        pairs = pairs[: args.limit]
    pairs.append((files[0], files[-1]))  # first against last: the whole-code benchmark's case
    loaded: dict[Path, Version] = {}

    def version(path: Path) -> Version:
        if path not in loaded:
            if len(loaded) > 2:
                loaded.pop(next(iter(loaded)))
            loaded[path] = Version(path.stem, path.stem, tuple(load(path)))
        return loaded[path]

    seconds = {"fast": 0.0, "python": 0.0}
    checked = differences = 0
    texts_total = 0
    for old_file, new_file in pairs:
        old, new = version(old_file), version(new_file)
        texts = [  # the pairs that reach the word diff: texts differ in compare form
            (c.old.text, c.new.text)
            for c in compare(old, new).changes
            if c.old is not None
            and c.new is not None
            and compare_key(c.old.text) != compare_key(c.new.text)
        ]
        texts_total += len(texts)
        encoder = Encoder()
        encoded = [(encoder.encode(_split(a)[1]), encoder.encode(_split(b)[1])) for a, b in texts]
        start = time.perf_counter()
        fast = [diff_codes_fast(a, b) for a, b in encoded]
        seconds["fast"] += time.perf_counter() - start
        start = time.perf_counter()
        python = [diff_codes_python(a, b) for a, b in encoded]
        seconds["python"] += time.perf_counter() - start
        fast_words = [word_diff(a, b) for a, b in texts]
        os.environ[PURE_PYTHON_SWITCH] = "1"
        python_words = [word_diff(a, b) for a, b in texts]
        del os.environ[PURE_PYTHON_SWITCH]
        for (a, b), f, p, fw, pw in zip(texts, fast, python, fast_words, python_words, strict=True):
            checked += 1
            if f != p or fw != pw:
                differences += 1
                if differences <= 5:
                    print(f"DIFFERENT in {old_file.stem} → {new_file.stem}:\n  {a!r}\n  {b!r}")
        print(
            f"{old_file.stem} → {new_file.stem}: {len(texts)} changed provisions, "
            f"{differences} differences so far",
            flush=True,
        )
    print(
        f"\n{len(pairs) - 1} consecutive version pairs and the first against the last: "
        f"{checked} changed provision pairs diffed by both engines, {differences} differences"
    )
    print(
        f"diff-match-patch on the encoded strings: C++ {seconds['fast']:.3f} s, "
        f"pure Python {seconds['python']:.3f} s = "
        f"{seconds['python'] / max(seconds['fast'], 1e-9):.1f}x faster"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
