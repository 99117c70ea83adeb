"""Benchmark: ``wetdiff diff`` on a whole code, side by side with the alternatives.

Not run in the tests. Two cases, each in one run:

1. the whole Wetboek van Strafrecht, 2002-05-04 against 2014-04-01 (official BWB XML from
   the corpus: ``--corpus`` or ``$WETDIFF_CORPUS``, default ``/tmp/corpus/BWBR0001854``);
2. a generated code of 1,200 articles with many edits (words replaced, leden inserted and
   deleted, articles renumbered, provisions moved to other articles), made from the 2014
   texts with a fixed random seed.

Both versions are first written as the law is kept on disk, a folder per article with
its dated text and metadata (``273f/2014-04-01.txt`` and ``.toml``; not timed: it is the
input every contender reads; wetdiff reads it as official data, whose numbering oddities
are warnings). Then each contender runs as its own process, from process start to its
output written to a file:

* ``wetdiff diff OLD NEW --format json`` (alignment + word diff + JSON);
* the same with ``WETDIFF_PURE_PYTHON_DIFF=1`` (words compared by the pure-Python
  diff-match-patch instead of the C++ one: what the C++ port gains end to end);
* ``git diff --no-index --word-diff`` (no alignment, no structure);
* difflib, line then word: ``SequenceMatcher`` over the lines, then over the word tokens
  of each replaced block (no alignment), JSON written;
* wetdiff reading both versions and nothing more (its modules, the files, the parsed
  articles and their metadata; no comparison, no output): the floor under any
  comparison that reads the law as it is kept, shown beside the baseline that reads
  only the ``.txt`` files and builds no structure;
* the ``redlines`` package on the whole text (slow: run once, for case 1; for case 2
  too with ``--redlines-generated``).

Every contender runs once untimed first, so each process finds its modules' bytecode
cached as on an installed copy (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment: without the cache every start would compile wetdiff's sources again).

Reported: median (and best) wall time and CPU time (user + system) of ``--repeat`` runs,
interleaved so every contender sees the same machine load, the ratios, and wetdiff's
peak memory (``ru_maxrss`` of its process). Targets: wetdiff at most 1.0x the difflib
baseline, at least 150x faster than redlines, peak memory under 200 MB; wetdiff / git is
reported. On a machine shared with other work, wall times move with the load; CPU times
move less, so both are shown.

    .venv/bin/python benchmarks/diff_whole_code.py [--corpus DIR] [--repeat 5]
        [--no-redlines | --redlines-generated]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_loader import corpus_option, load, write_official

from wetdiff.model.artikel import Alinea, Artikel, Lid, Onderdeel

DIFFLIB_SCRIPT = r"""
import difflib, json, re, sys
from pathlib import Path
def read(folder):
    files = sorted(Path(folder).glob("*/*.txt"))
    return "".join(p.read_text(encoding="utf-8") for p in files).splitlines()
a, b = read(sys.argv[1]), read(sys.argv[2])
token = re.compile(r"\w+|\s+|[^\w\s]")
out = []
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
    if tag == "equal":
        continue
    old, new = token.findall("\n".join(a[i1:i2])), token.findall("\n".join(b[j1:j2]))
    words = difflib.SequenceMatcher(None, old, new).get_opcodes()
    out.append([[t, "".join(old[x1:x2]), "".join(new[y1:y2])] for t, x1, x2, y1, y2 in words])
Path(sys.argv[3]).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
"""

READ_ONLY_SCRIPT = r"""
import sys
from pathlib import Path
from wetdiff.model.version import load_path
load_path(Path(sys.argv[1]))
load_path(Path(sys.argv[2]))
"""

REDLINES_SCRIPT = r"""
import sys
from pathlib import Path
from redlines import Redlines
def read(folder):
    return "".join(p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*/*.txt")))
Path(sys.argv[3]).write_text(Redlines(read(sys.argv[1]), read(sys.argv[2])).output_markdown,
                             encoding="utf-8")
"""


def write_folder(artikelen: list[Artikel], folder: Path, in_force: dt.date) -> None:
    """The version as official law is kept on disk: a folder per article with its dated
    text and metadata (what every contender reads: the difflib and redlines scripts the
    ``.txt`` files, git the whole tree)."""
    write_official(artikelen, folder, in_force)


def run_timed(
    argv: list[str], output: Path, env: dict[str, str] | None = None
) -> tuple[float, int, int, float]:
    """Wall time, exit status, peak resident memory (kB) and CPU time (user + system)
    of one process."""
    with output.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env or ENV)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stderr.close()  # type: ignore[union-attr]
    return elapsed, process.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


# The contenders' environment: bytecode cached as on an installed copy (see above).
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
ENV.pop("WETDIFF_PURE_PYTHON_DIFF", None)


# --- a generated code -----------------------------------------------------------------


def _edit_text(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(words))
        words[k] = rng.choice(vocabulary)
    return " ".join(words)


def _edit_body(body: tuple, rng: random.Random, vocabulary: list[str]) -> tuple:
    out: list = []
    for block in body:
        roll = rng.random()
        if isinstance(block, Alinea):
            out.append(Alinea(_edit_text(block.text, rng, vocabulary)) if roll < 0.3 else block)
        elif roll < 0.05:
            continue  # deleted
        else:
            if roll > 0.93:  # a new element before this one
                out.append(
                    type(block)(
                        block.number,
                        (
                            Alinea(
                                " ".join(rng.choice(vocabulary) for _ in range(rng.randint(6, 20)))
                                + "."
                            ),
                        ),
                    )
                )
            out.append(type(block)(block.number, _edit_body(block.body, rng, vocabulary)))
    return tuple(_renumber(out))


def _renumber(blocks: list) -> list:
    """Number leden 1, 2, … again after insertions and deletions (onderdelen keep their
    style but are counted again)."""
    leden = onderdelen = 0
    result = []
    for block in blocks:
        if isinstance(block, Lid):
            leden += 1
            result.append(Lid(f"{leden}.", block.body))
        elif isinstance(block, Onderdeel) and block.number.endswith("°."):
            onderdelen += 1
            result.append(Onderdeel(f"{onderdelen}°.", block.body))
        else:
            result.append(block)
    return result


def generated_code(
    source: list[Artikel], size: int = 1200, seed: int = 2014
) -> tuple[list[Artikel], list[Artikel]]:
    """An old code of ``size`` articles and a new one with many edits."""
    rng = random.Random(seed)
    vocabulary = sorted({w for a in source for p in a.provisions() for w in p.text.split()})
    old: list[Artikel] = []
    while len(old) < size:
        for artikel in source:
            if len(old) == size:
                break
            copy = len(old) // len(source)
            number = artikel.number if copy == 0 else f"{artikel.number}k{copy}"
            body = artikel.body if copy == 0 else _edit_body(artikel.body, rng, vocabulary)
            old.append(Artikel(number, body))
    new: list[Artikel] = []
    for i, artikel in enumerate(old):
        roll = rng.random()
        if roll < 0.03:
            continue  # repealed
        number = f"{artikel.number}x" if roll > 0.97 else artikel.number  # renumbered
        body = _edit_body(artikel.body, rng, vocabulary) if roll < 0.45 else artikel.body
        if i % 97 == 0 and new:  # a provision moves to the previous article
            moved = [b for b in body if isinstance(b, Lid)]
            if len(moved) > 1:
                body = tuple(b for b in body if b is not moved[-1])
                previous = new[-1]
                new[-1] = Artikel(previous.number, (*previous.body, Lid("99.", moved[-1].body)))
        new.append(Artikel(number, body))
    for k in range(size // 20):  # inserted articles
        new.append(
            Artikel(
                f"900{k}",
                (
                    Alinea(
                        " ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 40))) + "."
                    ),
                ),
            )
        )
    return old, new


# --- the run ---------------------------------------------------------------------------


def bench(name: str, old: Path, new: Path, work: Path, repeat: int, redlines: bool) -> None:
    py = sys.executable
    difflib_script = work / "difflib_baseline.py"
    difflib_script.write_text(DIFFLIB_SCRIPT, encoding="utf-8")
    read_only_script = work / "wetdiff_read_only.py"
    read_only_script.write_text(READ_ONLY_SCRIPT, encoding="utf-8")
    redlines_script = work / "redlines_baseline.py"
    redlines_script.write_text(REDLINES_SCRIPT, encoding="utf-8")
    wetdiff = [py, "-m", "wetdiff", "diff", str(old), str(new), "--format", "json"]
    contenders = {
        "wetdiff": wetdiff,
        "wetdiff pure-Python": wetdiff,
        "git --word-diff": ["git", "diff", "--no-index", "--word-diff", str(old), str(new)],
        "difflib line+word": [
            py,
            str(difflib_script),
            str(old),
            str(new),
            str(work / "difflib.json"),
        ],
        "wetdiff read only": [py, str(read_only_script), str(old), str(new)],
    }
    pure = ENV | {"WETDIFF_PURE_PYTHON_DIFF": "1"}
    envs = {label: pure if "pure" in label else ENV for label in contenders}
    outputs = {label: work / f"{label.replace(' ', '_')}.out" for label in contenders}
    for label, argv in contenders.items():  # warm-up, untimed: bytecode cached
        run_timed(argv, outputs[label], envs[label])
    times: dict[str, list[float]] = {k: [] for k in contenders}
    cpu: dict[str, list[float]] = {k: [] for k in contenders}
    peak = 0
    for _ in range(repeat):
        for label, argv in contenders.items():  # interleaved: same machine load for all
            elapsed, status, rss, used = run_timed(argv, outputs[label], envs[label])
            if label.startswith("wetdiff"):
                assert status in (0, 1), f"{label} failed with {status}"
            if label == "wetdiff":
                peak = max(peak, rss)
            times[label].append(elapsed)
            cpu[label].append(used)
    same = outputs["wetdiff"].read_bytes() == outputs["wetdiff pure-Python"].read_bytes()
    median = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    cpu_median = {k: statistics.median(v) for k, v in cpu.items()}
    if redlines:
        elapsed, status, _, used = run_timed(
            [py, str(redlines_script), str(old), str(new), str(work / "redlines.md")],
            work / "redlines.out",
        )
        median["redlines (1 run)"] = elapsed
        cpu_median["redlines (1 run)"] = used
    out_size = outputs["wetdiff"].stat().st_size
    print(
        f"\n## {name}  ({len(list(old.glob('*/*.txt')))} → {len(list(new.glob('*/*.txt')))} "
        f"articles; wetdiff JSON {out_size / 1e6:.1f} MB)"
    )
    print(
        f"{'contender':<20} {'median s':>9} {'÷ wetdiff':>10} {'best s':>9} "
        f"{'CPU s':>7} {'÷ wetdiff':>10}"
    )
    for label, seconds in median.items():
        print(
            f"{label:<20} {seconds:>9.3f} {seconds / median['wetdiff']:>10.2f} "
            f"{best.get(label, seconds):>9.3f} {cpu_median[label]:>7.3f} "
            f"{cpu_median[label] / cpu_median['wetdiff']:>10.2f}"
        )
    baseline = "difflib line+word"
    print(
        f"wetdiff / difflib = {median['wetdiff'] / median[baseline]:.2f}x median wall, "
        f"{best['wetdiff'] / best[baseline]:.2f}x best of {repeat}, "
        f"{cpu_median['wetdiff'] / cpu_median[baseline]:.2f}x CPU (target ≤ 1.0)"
    )
    print(
        f"floor: wetdiff reading both versions / difflib = "
        f"{median['wetdiff read only'] / median[baseline]:.2f}x median wall, "
        f"{cpu_median['wetdiff read only'] / cpu_median[baseline]:.2f}x CPU "
        f"(what is left for the comparison itself: "
        f"{(median[baseline] - median['wetdiff read only']) * 1000:.0f} ms)"
    )
    print(
        f"wetdiff / git --word-diff = {median['wetdiff'] / median['git --word-diff']:.1f}x "
        f"median wall"
    )
    print(
        f"pure-Python diff-match-patch / C++ = "
        f"{median['wetdiff pure-Python'] / median['wetdiff']:.2f}x end to end "
        f"(same JSON: {'yes' if same else 'NO'})"
    )
    if redlines:
        print(
            f"redlines / wetdiff = {median['redlines (1 run)'] / median['wetdiff']:.0f}x "
            f"(target ≥ 150)"
        )
    print(f"wetdiff peak memory = {peak / 1024:.0f} MB (target < 200)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    corpus_option(parser)
    parser.add_argument("--old", default="2002-05-04")
    parser.add_argument("--new", default="2014-04-01")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-redlines", action="store_true", help="skip redlines")
    parser.add_argument(
        "--redlines-generated",
        action="store_true",
        help="also run redlines on the generated code (~2.5 minutes)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wetdiff-bench-"))
    try:
        old = load(args.corpus / f"{args.old}.xml")
        new = load(args.corpus / f"{args.new}.xml")
        write_folder(old, work / "sr-old", dt.date.fromisoformat(args.old))
        write_folder(new, work / "sr-new", dt.date.fromisoformat(args.new))
        bench(
            f"Wetboek van Strafrecht {args.old} → {args.new}",
            work / "sr-old",
            work / "sr-new",
            work,
            args.repeat,
            not args.no_redlines,
        )
        gen_old, gen_new = generated_code(new)
        write_folder(gen_old, work / "gen-old", dt.date.fromisoformat(args.old))
        write_folder(gen_new, work / "gen-new", dt.date.fromisoformat(args.new))
        bench(
            "generated code, many edits",
            work / "gen-old",
            work / "gen-new",
            work,
            args.repeat,
            args.redlines_generated and not args.no_redlines,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
