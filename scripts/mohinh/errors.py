"""Named exceptions and the `Problem` every check reports.

The library raises these; only the CLI and the MkDocs plugin turn them into exit codes or
``PluginError``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in one file, with where and how to fix it."""

    path: str
    line: int
    column: int
    field: str
    message: str
    fix: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        level = " cảnh báo:" if self.warning else ""
        text = _sentence(self.message)
        if self.fix:
            text += " Cách sửa: " + _sentence(self.fix)
        return f"{where}:{field}{level} {text}"


def _sentence(text: str) -> str:
    return text if text.endswith(("?", "!", ".")) else text + "."


class MohinhError(Exception):
    """Base class of every error the generator raises on purpose."""


class InvalidRecords(MohinhError):
    """The records in ``models/`` have problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if not p.warning]
        super().__init__(f"{len(errors)} lỗi trong hồ sơ mô hình")


class OutOfResources(MohinhError):
    """The build ran out of memory (a worker process killed, or Python's ``MemoryError``)."""


class ProjectNotFound(MohinhError):
    """The command was not run from a project root (no ``mkdocs.yml`` or ``models/``)."""


class RecordExists(MohinhError):
    """`mohinh new` would overwrite an existing record."""


class UnknownModel(MohinhError):
    """A command named a model id that has no record."""
