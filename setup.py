"""What setuptools cannot declare in pyproject.toml: the wheel carries the project's own starting files.

A new unit's site (`mohinh init`) starts from this project's vocabularies, model types with their sources,
hand-written pages, CI and editor settings. Those files have one home, where this project's own site uses them
(``models/``, ``content/``, ``.github/``...); ``[tool.mohinh] starter`` in pyproject.toml names them. The sdist keeps
them at their paths, the wheel under ``mohinh/starter/`` (`mohinh.unit.starter_root` finds them either way).
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - build-system requires tomli there
    import tomli as tomllib

HERE = Path(__file__).resolve().parent


def starter_files() -> list[str]:
    """The starting files, as paths from the project's root (``[tool.mohinh] starter``: glob patterns)."""
    patterns = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mohinh"]["starter"]
    return sorted({path.relative_to(HERE).as_posix() for pattern in patterns for path in HERE.glob(pattern)
                   if path.is_file()})


class BuildWithStarter(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads them where they are
            return
        for rel in starter_files():
            target = Path(self.build_lib) / "mohinh" / "starter" / rel
            self.mkpath(str(target.parent))
            self.copy_file(str(HERE / rel), str(target))


class SdistWithStarter(sdist):
    def make_release_tree(self, base_dir, files) -> None:  # noqa: ANN001
        super().make_release_tree(base_dir, sorted({*files, *starter_files()}))


setup(cmdclass={"build_py": BuildWithStarter, "sdist": SdistWithStarter})
