"""``wetdiff cites`` from the citations index, against ``git grep -w`` on the same tree.

    .venv/bin/python benchmarks/cites_index.py [--regelingen 300] [--runs 15] [--keep DIR]

The workspace: the worked example as wetdiff builds it (the whole Wetboek van Strafrecht,
766 articles with their dated history from the official captures, and bill 36 547), plus
``--regelingen`` generated small regelingen committed beside it with plain git (each
four articles in two dated versions; their texts cite articles of the Sr by name,
"artikel 273f van het Wetboek van Strafrecht" or "artikel 300 Sr", and their own
articles by number). The regelingen are made up for the benchmark: BWB ids BWBR09xxxxx,
no such acts exist.

Measured in one run, interleaved, median of ``--runs`` (each a new process, as a lawyer
types it):

* ``wetdiff cites BWBR0001854 273f`` with the index up to date (warm);
* ``git grep -w 273f`` on the same tree (what a drafter would otherwise type; it finds
  the words, not the citations, and says nothing of which version is in force);
* ``wetdiff cites`` with the index file removed first (cold: every text of the versions
  in force is searched and the index written).

The children run with bytecode compiled (``compileall``), as an installed wetdiff does.

``BWBR0001854`` names the Sr: with several regelingen in the workspace a bare ``law`` is
ambiguous. Reports the medians and the ratios warm/grep and cold/grep (target: warm
within 3x git grep).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wetdiff.store.cites_index import index_path
from wetdiff.store.example import build_workspace, source_files

ROOT = Path(__file__).resolve().parent.parent
SR = "Wetboek van Strafrecht"
# Articles of the Sr the generated texts cite (273f among them, as often as the others).
CITED = ("273f", "300", "310", "57", "36f", "141", "225", "240b", "248a", "250", "285", "350")


def generate(root: Path, count: int, seed: int = 15) -> int:
    """``count`` small regelingen under ``articles/``, committed with plain git. Returns
    how many of their provisions in force today cite Sr 273f."""
    rng = random.Random(seed)
    citing_273f = 0
    for i in range(count):
        bwb = f"BWBR09{i:05d}"
        name = f"Testregeling {i + 1}"
        for nr in ("1", "2", "3", "4"):
            folder = root / "articles" / bwb / nr
            folder.mkdir(parents=True)
            for day, wording in (("2010-01-01", "oud"), ("2015-01-01", "nieuw")):
                cited = rng.sample(CITED, 2)
                if day == "2015-01-01" and "273f" in cited:
                    citing_273f += 1
                text = (
                    f"Artikel {nr}\n\n"
                    f"1. Met de feiten bedoeld in artikel {cited[0]} van het {SR} worden voor "
                    f"de toepassing van deze regeling ({wording}) gelijkgesteld de feiten "
                    f"bedoeld in artikel {cited[1]} Sr.\n"
                    f"2. Het eerste lid is niet van toepassing op de gevallen, bedoeld in "
                    f"artikel {int(nr) % 4 + 1}.\n"
                )
                (folder / f"{day}.txt").write_text(text, encoding="utf-8")
                (folder / f"{day}.toml").write_text(
                    f'artikel = "{nr}"\nin_force = {day}\nregeling = "{name}"\n'
                    f'bwb_id = "{bwb}"\ncertainty = "unverified"\n'
                    'source_note = "generated for benchmarks/cites_index.py; no such act"\n'
                    'status = "geldend"\n',
                    encoding="utf-8",
                )
    git = ["git", "-c", "user.name=Benchmark", "-c", "user.email=benchmark@example.org"]
    subprocess.run([*git, "add", "articles"], cwd=root, check=True)
    subprocess.run(
        [*git, "commit", "-q", "--no-verify", "-m", f"{count} generated regelingen"],
        cwd=root,
        check=True,
    )
    return citing_273f


def timed(command: list[str], root: Path, env: dict[str, str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regelingen", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="wetdiff-cites-bench-"))
    root = base / "ws"
    try:
        print(f"building the worked example in {root} …", flush=True)
        build_workspace(root, ROOT, source_files(ROOT))
        expected = generate(root, args.regelingen)
        files = subprocess.run(
            ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.count("\n")
        print(f"{args.regelingen} generated regelingen committed; {files} files in the tree")
        import compileall

        import wetdiff

        compileall.compile_dir(Path(wetdiff.__file__).parent, quiet=1)  # as installed
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["WETDIFF_WORKSPACE"] = str(root)
        cites = [sys.executable, "-m", "wetdiff", "cites", "BWBR0001854", "273f"]
        grep = ["git", "grep", "-w", "273f"]
        index = index_path(root)
        assert index is not None
        time.sleep(2.1)  # files written in the last 2 s are never trusted by their time
        _, out = timed(cites, root, env)  # the first build, and the answer to check
        lines = out.decode().splitlines()
        elsewhere = sum(1 for line in lines if "Testregeling" in line)
        print(f"cites: {lines[-1]}; {elsewhere} in generated regelingen (expected {expected})")
        subprocess.run(grep, cwd=root, capture_output=True, check=False)
        warm: list[float] = []
        greps: list[float] = []
        cold: list[float] = []
        for _ in range(args.runs):
            warm.append(timed(cites, root, env)[0])
            greps.append(timed(grep, root, env)[0])
            index.unlink()
            cold.append(timed(cites, root, env)[0])
        w, g, c = (statistics.median(x) * 1000 for x in (warm, greps, cold))
        print(f"median of {args.runs}, interleaved:")
        print(f"  wetdiff cites, index warm : {w:7.1f} ms")
        print(f"  git grep -w 273f          : {g:7.1f} ms")
        print(f"  wetdiff cites, index cold : {c:7.1f} ms")
        print(f"ratio warm / git grep: {w / g:.2f}x (target <= 3x)")
        print(f"ratio cold / git grep: {c / g:.2f}x")
        print(f"index size: {index.stat().st_size / 1024:.0f} KiB")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
