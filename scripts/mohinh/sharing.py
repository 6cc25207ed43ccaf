"""Share links of a model page: plain links to each service's own share page, no third-party script."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    """One share button: its Vietnamese label and the address it opens."""

    label: str
    href: str


def zalo_share_url(url: str) -> str:
    """Zalo's share page for ``url`` (what Zalo's share button opens, without loading its script)."""
    payload = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode("utf-8")).decode("ascii")
    return ("https://button-share.zalo.me/share_external?layout=1&color=blue&customize=false"
            f"&d={quote(payload, safe='')}&shareType=0")


def share_links(url: str, title: str) -> list[ShareLink]:
    """Email, Facebook and Zalo links sharing ``url`` under ``title`` (none unless ``url`` is absolute)."""
    if not url.startswith(("http://", "https://")):
        return []
    return [
        ShareLink("Email", f"mailto:?subject={quote(title, safe='')}&body={quote(title + chr(10) + url, safe='')}"),
        ShareLink("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}"),
        ShareLink("Zalo", zalo_share_url(url)),
    ]


#: A model's share card, published beside its page (``mo-hinh/<id>/the-chia-se.png``; `mohinh.outputs.cards`)
#: and named in the page's Open Graph and Twitter metadata: the size Facebook and Zalo show large.
CARD_NAME = "the-chia-se.png"
CARD_WIDTH, CARD_HEIGHT = 1200, 630
