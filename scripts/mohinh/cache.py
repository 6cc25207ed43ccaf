"""The build cache: what a full build made that is costly and depends only on plain data (share cards, kits, pages
converted to HTML), kept in ``.mohinh/cache/`` of the project for the next build, so a build after an edit redoes
only what the edit changed. Plugin option ``cache`` (on by default); the cache folder can be deleted at any time.

An entry is found by a key: a SHA-256 of everything its result is made from, the inputs (a job's function and
plain data, a page's Markdown and MkDocs' Markdown settings) and the generator itself (`generator_version`: every
file of the ``mohinh`` package and the version of Python and of every installed library). Same key, same bytes:
a build with the cache makes the same site as a build without it (a test builds both ways and compares).

Entries are bytes, never pickles (a cache restored by a CI service is not trusted to run code): a job's files
after a JSON head with their paths and sizes; a converted page as a JSON line (its short Markdown), then its HTML
compressed. They are rows of one SQLite database (`DATABASE`, the standard library's ``sqlite3``; write-ahead log,
so the worker processes write while others read): an entry is written in one transaction, so a build that stops
leaves no half entry; each entry used is marked, and a build that ends well deletes the entries it did not use
(`BuildCache.prune`), so the database holds one site's worth.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .paths import LOCAL_DIR

#: Where the cache is, under the project's root.
FOLDER = LOCAL_DIR / "cache"
_PACKAGE = Path(__file__).resolve().parent


@cache
def generator_version() -> str:
    """A hash of what makes the outputs besides their inputs: the package's files (code, templates, fonts, theme)
    and the version of Python and of every installed distribution (Pillow draws the cards, python-docx writes
    the kits, Python-Markdown and its extensions convert the pages)."""
    digest = hashlib.sha256(sys.version.encode())
    # mohinh itself is its files (below): whether its own metadata is found depends on the path a command runs with
    found = {f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()
             if (d.metadata["Name"] or "").lower() != "mohinh"}
    for dist in sorted(found):
        digest.update(dist.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


#: The entries, one SQLite database in `FOLDER` (a file a site's worth, not a file an entry: creating files is slow
#: on many disks, and a CI service saves and restores one file faster than thousands), and its two companion files.
DATABASE = "muc.sqlite3"
_FILES = (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm")
_CONNECTIONS: dict[Path, sqlite3.Connection | None] = {}  # this process's, by database
_INHERITED: list[dict[Path, sqlite3.Connection | None]] = []  # a forked process never uses nor closes its parent's


def _forked() -> None:
    _INHERITED.append(dict(_CONNECTIONS))  # kept, never closed: SQLite's rule for connections across a fork
    _CONNECTIONS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def _connect(folder: Path) -> sqlite3.Connection:
    """A connection to the database in ``folder``, made if need be; `sqlite3.Error` when it is not a database."""
    folder.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(folder / DATABASE, timeout=120, isolation_level=None)
    try:
        connection.execute("PRAGMA auto_vacuum=INCREMENTAL")  # a new database only: `prune` gives space back
        connection.execute("PRAGMA journal_mode=WAL")  # the workers write while others read
        connection.execute("PRAGMA synchronous=NORMAL")  # an entry is whole or absent, even if power fails
        connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL, "
                           "used REAL NOT NULL)")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


@dataclass(frozen=True)
class BuildCache:
    """The cache of one project (plain data: it is sent to worker processes, each of which opens the database
    itself)."""

    folder: Path
    version: str
    started: float  # when the build began (`time.time`, a second early); see `prune`

    @classmethod
    def of(cls, root: Path) -> BuildCache:
        """The cache of the project at ``root``, for a build starting now; a database that cannot be read (not one
        this version wrote, or damaged) is started afresh."""
        made = cls(Path(root) / FOLDER, generator_version(), time.time() - 1)
        try:
            _connect(made.folder).close()
        except sqlite3.Error:
            for name in _FILES:
                (made.folder / name).unlink(missing_ok=True)
        except OSError:
            pass  # a folder that cannot be written: the build goes on without the cache (`_open`)
        return made

    def key(self, kind: str, *inputs: str) -> str:
        """The key of a result of ``kind`` made from ``inputs`` (their text: ``repr`` of plain data)."""
        digest = hashlib.sha256(self.version.encode())
        for part in (kind, *inputs):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _open(self) -> sqlite3.Connection | None:
        """This process's connection to the database (made once a process; None when it cannot be opened: the
        build goes on without the cache)."""
        path = self.folder / DATABASE
        if path not in _CONNECTIONS:
            try:
                _CONNECTIONS[path] = _connect(self.folder)
            except (sqlite3.Error, OSError):
                _CONNECTIONS[path] = None
        return _CONNECTIONS[path]

    def close(self) -> None:
        """Close this process's connection (the next use opens it again)."""
        connection = _CONNECTIONS.pop(self.folder / DATABASE, None)
        if connection is not None:
            connection.close()

    def get(self, key: str) -> bytes | None:
        """The entry's bytes, or None; a found entry is marked as used by this build."""
        connection = self._open()
        if connection is None:
            return None
        try:
            found = connection.execute("SELECT data FROM entries WHERE key = ?", (key,)).fetchone()
            if found is not None:
                connection.execute("UPDATE entries SET used = ? WHERE key = ?", (time.time(), key))
        except sqlite3.Error:
            return None
        return None if found is None else bytes(found[0])

    def put(self, key: str, data: bytes) -> None:
        """Keep an entry (one transaction: a build that stops leaves it whole or absent); a cache that cannot be
        written only makes the next build slower."""
        connection = self._open()
        if connection is None:
            return
        try:
            connection.execute("INSERT OR REPLACE INTO entries (key, data, used) VALUES (?, ?, ?)",
                               (key, data, time.time()))
        except sqlite3.Error:
            pass

    def get_files(self, key: str) -> dict[str, bytes] | None:
        """A job's files kept by `put_files`, by site path; None when not kept (or not readable)."""
        data = self.get(key)
        if data is None:
            return None
        head, _, body = data.partition(b"\n")
        try:
            listed = json.loads(head)
            files, start = {}, 0
            for path, size in listed:
                files[path] = body[start:start + size]
                start += size
        except (ValueError, TypeError):
            return None
        return files if start == len(body) else None

    def put_files(self, key: str, files: dict[str, bytes]) -> None:
        head = json.dumps([[path, len(content)] for path, content in files.items()]).encode()
        self.put(key, head + b"\n" + b"".join(files.values()))

    def prune(self) -> None:
        """After a build that ended well: delete the entries it did not use (not used since it started) and anything
        else in the folder (an older version's entries), then close the connection."""
        if not self.folder.is_dir():
            return
        connection = self._open()
        try:
            if connection is not None:
                connection.execute("DELETE FROM entries WHERE used < ?", (self.started,))
                connection.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error:
            pass
        self.close()
        for path in self.folder.iterdir():
            if path.name in _FILES:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
