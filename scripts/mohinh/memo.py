"""What ``mohinh serve`` keeps from one rebuild to the next: results and what they were made from."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Results by key, each reused while the inputs it was made from compare equal.

    A full build uses one memo for that build (``session`` False: a card shown on several listings is rendered
    once). Under ``mohinh serve`` one memo lives for the whole session; `sweep` after each rebuild lets go of what
    that rebuild did not ask for (models removed, templates changed).
    """

    def __init__(self, session: bool = True) -> None:
        self.session = session  # False: the memo of one full build (`once` keeps nothing)
        self._kept: dict[Hashable, tuple[Any, Any]] = {}
        self._asked: dict[Hashable, tuple[Any, Any]] = {}

    def once(self, key: Hashable, inputs: Any, make: Callable[[], T]) -> T:
        """A result a build asks for once (a model's page, card, kit): under ``mohinh serve`` as `get` (reused while
        its inputs are equal); in a full build made and not kept (thousands of pages would stay in memory)."""
        return self.get(key, inputs, make) if self.session else make()

    def get(self, key: Hashable, inputs: Any, make: Callable[[], T]) -> T:
        """The result kept under ``key`` if it was made from equal ``inputs``; else ``make()``, kept."""
        known = self._asked.get(key) or self._kept.get(key)
        if known is None or known[0] != inputs:
            known = (inputs, make())
        self._asked[key] = known
        return known[1]

    def last(self, key: Hashable) -> Any:
        """What was kept under ``key`` (whatever its inputs), or None."""
        known = self._asked.get(key) or self._kept.get(key)
        return None if known is None else known[1]

    def put(self, key: Hashable, inputs: Any, value: Any) -> None:
        """Keep ``value`` under ``key`` as made from ``inputs``."""
        self._asked[key] = (inputs, value)

    def sweep(self) -> None:
        """End of a rebuild: keep only what it asked for."""
        self._kept, self._asked = self._asked, {}
