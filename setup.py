"""Ship the worked example (top-level ``articles/`` and ``proposals/``) inside the wheel.

The project's repository keeps the example's source data at the top level, where a
lawyer finds it; a non-editable ``pip install .`` must still carry it, so the build
copies both folders into ``wetdiff/example/``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithExample(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "wetdiff" / "example"
        for name in ("articles", "proposals"):
            source = root / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithExample})
