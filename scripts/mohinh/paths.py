"""Where things are: the project root, a model's photos, and the layout of the built site. Every page, folder
and address of a model, a province, a topic, a kit, a card, a photo and the search indexes comes from one
function here, and so does the one rule for ``site_url`` (`site_base`). Kept light, so that `mohinh check`
does not load what only a build needs."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from .errors import ProjectNotFound
from .sharing import CARD_NAME
from .text import slug

#: What the generator keeps for itself beside mkdocs.yml (the build cache, held pages, the editor's trial copy);
#: ``.gitignore`` leaves it out.
LOCAL_DIR = Path(".mohinh")
MEDIA_DIR = "models/media"
MODEL_DIR = "mo-hinh"
PROVINCE_DIR = "dia-phuong"
TOPIC_DIR = "chu-de"
TYPE_DIR = "loai-mo-hinh"
TYPES_DATA = "du-lieu/loai-mo-hinh.json"
UPDATES_PAGE = "tin-moi.md"
FEED = "feed.xml"
CATALOGUE_PAGE = f"{MODEL_DIR}/index.md"
PROVINCES_PAGE = f"{PROVINCE_DIR}/index.md"
TOPICS_PAGE = f"{TOPIC_DIR}/index.md"
TYPES_PAGE = f"{TYPE_DIR}/index.md"


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder at or above ``start`` holding ``mkdocs.yml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ProjectNotFound(
        "không tìm thấy mkdocs.yml: hãy chạy lệnh trong thư mục gốc của dự án (nơi có mkdocs.yml và models/)"
    )


def media_file(root: Path, model_id: str, file: str) -> Path | None:
    """The photo ``file`` of model ``model_id`` under ``models/media/<id>/``; None when the path leads outside it."""
    folder = (root / MEDIA_DIR / model_id).resolve()
    target = (folder / file).resolve()
    return target if folder in target.parents else None


def write_if_changed(target: Path, content: str | bytes) -> bool:
    """Write ``content`` unless the file already holds it (a file's date tells MkDocs' dirty rebuild whether
    it changed), making its folder if need be; whether it was written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def published_name(file: str) -> str:
    """The photo's file name on the site: ``anh/Kẻng 1.JPG`` -> ``anh-keng-1.jpg``."""
    path = PurePosixPath(file.replace("\\", "/"))
    suffix = path.suffix.lower()
    stem = "/".join(part for part in path.with_suffix("").parts if part not in (".", "/"))
    return (slug(stem) or "anh") + (".jpg" if suffix == ".jpeg" else suffix)


# Model pages per search index; `mohinh.plugin.MohinhConfig.search_shard_pages` can change it.
SHARD_PAGES = 1500


def search_folders(model_pages: int, shard: int = SHARD_PAGES) -> list[str]:
    """Site folders of the search indexes: ``pagefind`` (also the one the browser loads), then
    ``pagefind-2``... for every further ``shard`` model pages."""
    count = max(1, -(-model_pages // shard))
    return ["pagefind"] + [f"pagefind-{n}" for n in range(2, count + 1)]


# --- The built site: pages (paths under the docs dir), files and folders (paths under the site) ---


#: Host names that are never a site's real address (RFC 2606 and 6761): ``mohinh.example.vn``, ``example.org``,
#: ``trang.test``... A ``site_url`` on one of them is a placeholder left in ``mkdocs.yml``.
PLACEHOLDER_LABELS = ("example",)
PLACEHOLDER_ENDINGS = ("invalid", "test", "example")


def is_placeholder(site_url: str) -> bool:
    """Whether ``site_url`` is a whole address on a host that is no one's (`PLACEHOLDER_LABELS`): the site
    must not print it anywhere."""
    if not site_url.startswith(("http://", "https://")):
        return False
    labels = (urlsplit(site_url).hostname or "").split(".")
    return any(label in PLACEHOLDER_LABELS for label in labels) or labels[-1] in PLACEHOLDER_ENDINGS


def is_absolute(site_url: str) -> bool:
    """Whether ``site_url`` is a real whole address (``https://…/``, not `is_placeholder`), so that a page's
    address can leave the site (feeds, open data, a kit printed on paper, share links, canonical)."""
    return site_url.startswith(("http://", "https://")) and not is_placeholder(site_url)


def site_base(site_url: str) -> str:
    """Where every address of the site starts, the one rule for ``site_url``: ``site_url`` itself when it is
    `is_absolute` (with a final ``/``); otherwise the site's path from the server's root: ``/`` when
    ``site_url`` is empty, ``/vi/`` for ``/vi``, ``vi/`` or a placeholder ``https://mohinh.example.vn/vi/``."""
    if is_absolute(site_url):
        return site_url.rstrip("/") + "/"
    path = (urlsplit(site_url).path if site_url.startswith(("http://", "https://")) else site_url).strip("/")
    return f"/{path}/" if path else "/"


def address(site_url: str, path: str) -> str:
    """The address of ``path`` (a site path such as ``mo-hinh/x/``) under `site_base`."""
    return site_base(site_url) + path


def model_page(model_id: str) -> str:
    """A model's page under the docs dir: ``mo-hinh/<id>.md`` (MkDocs publishes it at `model_path`)."""
    return f"{MODEL_DIR}/{model_id}.md"


def federated_id(unit_id: str, model_id: str) -> str:
    """The id on this site of a model another unit publishes (`mohinh.federation`): always ``<unit id>-<id>``, so it
    stays the same whatever other units publish."""
    return f"{unit_id}-{model_id}"


def original_page(data_address: str, page_url: object) -> str | None:
    """A federated model's page at its unit: ``page_url`` as the unit's open data gives it when it is a real whole
    address, else resolved against the address the data came from (``https://…/du-lieu/mo-hinh.json``); None when
    neither is known (data read from a file, a unit without ``site_url``)."""
    if not isinstance(page_url, str) or not page_url:
        return None
    if is_absolute(page_url):
        return page_url
    if is_absolute(data_address):
        return urljoin(data_address, page_url)
    return None


def model_folder(model_id: str) -> str:
    """A model's folder in the site, its page's and its kit, card and photos: ``mo-hinh/<id>``."""
    return f"{MODEL_DIR}/{model_id}"


def model_path(model_id: str) -> str:
    """A model page's path in the site: ``mo-hinh/<id>/``."""
    return model_folder(model_id) + "/"


def model_html(model_id: str) -> str:
    """The HTML file MkDocs writes for a model's page: ``mo-hinh/<id>/index.html``."""
    return model_folder(model_id) + "/index.html"


def model_url(model_id: str, site_url: str = "") -> str:
    """The address of a model's page (`address` of `model_path`)."""
    return address(site_url, model_path(model_id))


def photo_path(model_id: str, name: str) -> str:
    """Where a model's photo is published, under its `published_name`: ``mo-hinh/<id>/<name>``."""
    return f"{model_folder(model_id)}/{name}"


def card_path(model_id: str) -> str:
    """Where a model's share card is published: ``mo-hinh/<id>/the-chia-se.png``."""
    return f"{model_folder(model_id)}/{CARD_NAME}"


def _kit_files(folder: str) -> tuple[str, ...]:
    """A kit's three files in ``folder``: ``checklist.docx``, ``.csv``, ``.md``."""
    return tuple(f"{folder}/checklist.{suffix}" for suffix in ("docx", "csv", "md"))


def kit_paths(model_id: str) -> tuple[str, ...]:
    """Where a model's replication kit is published: ``mo-hinh/<id>/checklist.docx``, ``.csv``, ``.md``."""
    return _kit_files(model_folder(model_id))


def province_page(slug: str) -> str:
    """A province's page under the docs dir: ``dia-phuong/<slug>.md`` (published at `province_path`)."""
    return f"{PROVINCE_DIR}/{slug}.md"


def province_path(slug: str) -> str:
    """A province page's path in the site: ``dia-phuong/<slug>/``."""
    return f"{PROVINCE_DIR}/{slug}/"


def province_feed(slug: str) -> str:
    """A province's feed in the site: ``dia-phuong/<slug>/feed.xml``."""
    return province_path(slug) + FEED


def topic_page(slug: str) -> str:
    """A topic's page under the docs dir: ``chu-de/<slug>.md``."""
    return f"{TOPIC_DIR}/{slug}.md"


def type_page(slug: str) -> str:
    """A model type's page under the docs dir: ``loai-mo-hinh/<slug>.md`` (published at `type_path`)."""
    return f"{TYPE_DIR}/{slug}.md"


def type_path(slug: str) -> str:
    """A model type page's path in the site: ``loai-mo-hinh/<slug>/``."""
    return f"{TYPE_DIR}/{slug}/"


def type_kit_paths(slug: str) -> tuple[str, ...]:
    """Where a model type's kit is published: ``loai-mo-hinh/<slug>/checklist.docx``, ``.csv``, ``.md``."""
    return _kit_files(type_path(slug).rstrip("/"))
