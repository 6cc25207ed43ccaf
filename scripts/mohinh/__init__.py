"""mohinh: publish community self-management models for public order as a Vietnamese static site.

The package is the whole generator; MkDocs and the ``mohinh`` command are two thin doors into it:

``load`` (safe YAML with line marks) -> ``schema`` (typed, validated records) ->
``catalogue`` (all files, cross-references) -> ``render`` (Jinja -> Markdown pages) -> MkDocs.
"""

from __future__ import annotations

__version__ = "0.1.0"
