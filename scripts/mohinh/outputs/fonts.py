"""The site's typeface, Be Vietnam Pro (SIL Open Font License 1.1), published from the package.

The WOFF2 files in ``mohinh/data/fonts/`` (Latin and Vietnamese letters only; made by
``scripts/update_fonts.py``, provenance in ``data/fonts/PROVENANCE.md``) are published under
``assets/fonts/`` with the licence; ``theme/assets/fonts.css`` declares them (``font-display: swap``)
and sets Material's ``--md-text-font``. The share cards (`mohinh.outputs.cards`) are drawn with the same files.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..render import Site

FOLDER = "assets/fonts"
WEIGHTS = (400, 600, 700)


def font_file(weight: int) -> str:
    """The packaged file of ``weight`` (one of `WEIGHTS`), as a path Pillow can open."""
    return str(resources.files("mohinh").joinpath(f"data/fonts/be-vietnam-pro-{weight}.woff2"))


@lru_cache(maxsize=1)
def _files() -> dict[str, bytes]:
    data = resources.files("mohinh").joinpath("data/fonts")
    made = {f"{FOLDER}/be-vietnam-pro-{w}.woff2": data.joinpath(f"be-vietnam-pro-{w}.woff2").read_bytes()
            for w in WEIGHTS}
    made[f"{FOLDER}/OFL.txt"] = data.joinpath("OFL.txt").read_bytes()
    return made


def make(site: Site) -> dict[str, bytes]:
    """The font files and their licence, by site path."""
    return dict(_files())
