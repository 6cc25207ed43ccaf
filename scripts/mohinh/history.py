"""Dates from git history: when each record was first published and last changed (one ``git log``)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from .dates import PartialDate


def record_dates(root: Path) -> tuple[dict[str, PartialDate], dict[str, PartialDate]]:
    """``(first, last)`` commit dates of every file under ``models/``, keyed by ``models/x.yml``.

    Outside a git checkout (or without git) both are empty and callers fall back to record dates.
    """
    if shutil.which("git") is None:
        return {}, {}
    try:
        result = subprocess.run(
            # --relative: paths from ``root`` even when the project sits in a sub-folder of the repository
            ["git", "-c", "core.quotepath=off", "log", "--format=%x00%cs", "--name-only", "--no-renames",
             "--relative", "--", "models"],
            cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}, {}
    if result.returncode != 0:
        return {}, {}
    first: dict[str, PartialDate] = {}
    last: dict[str, PartialDate] = {}
    date: PartialDate | None = None
    for line in result.stdout.splitlines():  # newest commit first
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
            date = PartialDate(day.year, day.month, day.day)
        elif line.strip() and date is not None:
            last.setdefault(line.strip(), date)
            first[line.strip()] = date
    return first, last
