"""``mohinh build``: check the records, build the whole site elsewhere, swap it in only on success.

The build itself is MkDocs' with the ``mohinh`` plugin (`mohinh.plugin`); this module adds what an
officer needs around it: every record checked before anything is written, and an atomic publish (a
failed or killed build leaves the previous ``site/`` exactly as it was; the next build clears what a
killed one left).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalogue import collector_paused, load_catalogue
from .errors import MohinhError, OutOfResources

if TYPE_CHECKING:  # MkDocs is only needed when a site is built
    from mkdocs.config.defaults import MkDocsConfig

    from .plugin import MohinhPlugin



def quiet_mkdocs_notice() -> None:
    """MkDocs 1.6 prints a notice about MkDocs 2 when it is imported; ``mohinh build`` turns it off (the
    variable is set when a build starts, never on import: importing mohinh changes nothing around it)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class PluginMissing(MohinhError):
    """``mkdocs.yml`` does not name the ``mohinh`` plugin."""


def mkdocs_logging(verbose: bool) -> None:
    """Print MkDocs' warnings and mohinh's notices (INFO records marked ``mohinh_notice``, such as the one about
    ``site_url``), and with ``verbose`` MkDocs' progress too, on the terminal, once."""
    logger = logging.getLogger("mkdocs")
    handler = next((h for h in logger.handlers if getattr(h, "_mohinh", False)), None)
    if handler is None:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s - %(message)s"))
        handler.addFilter(lambda record: getattr(handler, "_verbose", False) or record.levelno >= logging.WARNING
                          or getattr(record, "mohinh_notice", False))
        handler._mohinh = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    handler._verbose = verbose  # type: ignore[attr-defined]
    logger.setLevel(logging.INFO)


def load_config(root: Path, **overrides: Any) -> MkDocsConfig:
    """MkDocs' config for the project at ``root`` (strict: any warning fails the build)."""
    quiet_mkdocs_notice()
    from mkdocs.config import load_config as mk_load_config

    return mk_load_config(str(root / "mkdocs.yml"), strict=True, **overrides)


def mohinh_plugin(config: MkDocsConfig) -> MohinhPlugin:
    """The ``mohinh`` plugin of a loaded config; `PluginMissing` when ``mkdocs.yml`` does not name it."""
    from .plugin import MohinhPlugin

    for plugin in config.plugins.values():
        if isinstance(plugin, MohinhPlugin):
            return plugin
    raise PluginMissing("mkdocs.yml chưa khai báo plugin mohinh: thêm `plugins:` với dòng `  mohinh: {}` "
                        "(và xóa dòng `hooks: - scripts/mkdocs_hooks.py` của phiên bản cũ)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recover(final: Path) -> None:
    """Clear what a killed build left next to ``final``: its half-built folder is removed; if it was
    killed between its two renames, the previous site (``.site-old-<pid>``) is put back."""
    leftovers = []
    for folder in final.parent.glob(f".{final.name}-*-*"):
        kind, _, pid = folder.name[len(final.name) + 2:].rpartition("-")
        if kind in ("old", "build") and pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            leftovers.append((kind != "old", folder))
    for _, folder in sorted(leftovers):
        if folder.name.startswith(f".{final.name}-old-") and not final.exists():
            folder.rename(final)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def out_of_resources_message(workers: int) -> str:
    """What `mohinh build` says when the machine ran out of memory with ``workers`` worker processes (the
    previous site is kept)."""
    fewer = (f"giảm số tiến trình phụ: trong mkdocs.yml ghi `plugins: {{mohinh: {{workers: {max(workers - 1, 0)}}}}}` "
             "(0: không dùng tiến trình phụ, chậm hơn nhưng ít bộ nhớ nhất), " if workers else "")
    return ("Máy hết bộ nhớ khi dựng trang (một tiến trình bị dừng). Trang cũ trong site/ được giữ nguyên, không có "
            f"trang dựng dở nào được đăng. Cách sửa: đóng bớt chương trình khác, {fewer}hoặc dựng trên máy nhiều bộ "
            "nhớ hơn (khoảng 800 MiB cho 10.000 mô hình, xem README, mục “Hiệu năng”).")


def build_site(root: Path, *, drafts: bool = False, verbose: bool = False, site_dir: Path | None = None,
               before_publish: Callable[[Path], None] | None = None) -> Path:
    """Check the records, then build the whole site into ``site/``, swapping it in only on success.

    Raises `InvalidRecords` before anything is written when a record is wrong; any other failure
    removes the half-built folder and leaves the previous ``site/`` exactly as it was.
    ``before_publish`` is called with the finished folder just before it is swapped in (tests stop
    the build there).
    """
    quiet_mkdocs_notice()
    from mkdocs.commands.build import build as mk_build

    root = root.resolve()
    final = (site_dir or root / "site").resolve()
    _recover(final)
    with collector_paused():  # before MkDocs starts: no other thread runs
        catalogue = load_catalogue(root, drafts=drafts)
    work = final.with_name(f".{final.name}-build-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    mkdocs_logging(verbose)
    config = load_config(root, site_dir=str(work))
    plugin = mohinh_plugin(config)
    plugin.config.drafts = drafts
    plugin.catalogue = catalogue
    config.plugins.on_startup(command="build", dirty=False)
    try:
        try:
            mk_build(config)
        except (MemoryError, BrokenProcessPool) as exc:
            raise OutOfResources(out_of_resources_message(plugin.config.workers)) from exc
        if before_publish is not None:
            before_publish(work)
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        if final.exists():
            final.rename(old)
        work.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return final
