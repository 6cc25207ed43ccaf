"""`mohinh init`: a new unit's site, holding only its configuration and content.

Everything else a site needs (plugin, theme, templates, fonts, the web editor) stays in the installed package,
so upgrading is ``pip install -U mohinh`` and nothing in the unit's folder is ever generator code. The starting
files come from this project's own site (`starter_root`: the project's checkout, or ``mohinh/starter/`` in a
wheel; pyproject.toml ``[tool.mohinh] starter`` names them): the project's ``mkdocs.yml`` made the unit's
(`unit_config`), its vocabularies, its model types without the guidance drawn from the project's own records
(`starting_types`) and the sources those types cite, CI, pre-commit and editor settings. Its contributing and
search pages are not copied: the plugin serves them from the package (`PROVIDED`). The pages worded for the unit (home, about, replication guide), its README and ``requirements.txt``
are the templates in ``templates/unit/``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml

from . import __version__, places
from .errors import MohinhError
from .paths import is_absolute

#: What makes a folder a site already: `init` writes none of them over.
SITE_FILES = ("mkdocs.yml", "models", "content")
#: Pages every site has that follow the generator (the contributing guide documents the record format, the search
#: page is the form ``search.js`` fills): this project's own, served by the plugin (`provided_pages`) to a site whose
#: ``docs_dir`` has no page of that name, so an upgrade brings them; a unit that writes its own keeps it.
PROVIDED = ("dong-gop.md", "tim-kiem.md")
#: Starting files copied as they are (paths in the unit's folder, the same as in this project).
COPIED = ("models/_vocabularies.yml", ".github/workflows/site.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml",
          ".gitignore", ".vscode/settings.json", ".vscode/extensions.json")
#: Pages worded for the unit (``templates/unit/<name>.j2``), and the other files made from templates.
WORDED = ("content/index.md", "content/gioi-thieu.md", "content/huong-dan-nhan-rong.md", "README.md",
          "requirements.txt")
#: Parts of a model type kept for a new unit: ``guidance`` is left out, its ``seen_in`` name this project's records.
TYPE_KEYS = ("name", "aliases", "summary", "description", "official", "sources")
TYPE_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/type.schema.json\n"


def starter_root() -> Path:
    """Where the starting files are: ``mohinh/starter/`` in an installed wheel, else this project's checkout
    (an editable install reads them where the project's own site uses them)."""
    package = Path(__file__).resolve().parent
    for folder in (package / "starter", package.parents[1]):
        if (folder / "models" / "_vocabularies.yml").is_file() and (folder / "mkdocs.yml").is_file():
            return folder
    raise MohinhError("gói mohinh thiếu các tệp khởi đầu (mohinh/starter/). Cách sửa: cài lại gói, ví dụ "
                      "`pip install --force-reinstall mohinh`")


def provided_pages() -> dict[str, Path]:
    """The `PROVIDED` pages, by their path under the docs dir, as the package carries them."""
    content = starter_root() / "content"
    return {name: content / name for name in PROVIDED}


@dataclass(frozen=True)
class Unit:
    """What `init` is told about the unit."""

    name: str
    province: str | None = None  # the province's full name, checked (`places.resolve_province`): "tỉnh Gia Lai"
    province_name: str | None = None  # its name as `mohinh new --province` takes it: "Gia Lai"
    site_url: str | None = None
    repo: str | None = None  # the repository's address, ``https://host/owner/name``

    @property
    def host(self) -> str:
        return (urlsplit(self.repo).hostname or "") if self.repo else ""

    @property
    def backend(self) -> str:
        """The web editor's backend: GitHub for github.com, GitLab (gitlab.com or the unit's own) otherwise."""
        return "github" if self.host == "github.com" else "gitlab"

    @property
    def repo_path(self) -> str:
        return urlsplit(self.repo).path.strip("/").removesuffix(".git") if self.repo else ""

    @property
    def edit_uri(self) -> str:
        return "edit/main/content/" if self.backend == "github" else "-/edit/main/content/"


def check_unit(name: str, province: str | None, site_url: str | None, repo: str | None) -> Unit:
    """The unit as `init` was told, checked; a Vietnamese `MohinhError` naming the option and the fix."""
    name = " ".join(name.split())
    if not name:
        raise MohinhError('--unit: chưa ghi tên đơn vị. Cách sửa: ghi tên đầy đủ, ví dụ --unit "Công an tỉnh Gia Lai"')
    full = short = None
    if province:
        resolved = places.resolve_province(province)
        if resolved is None:
            guesses = places.suggest_provinces(province)
            hint = f"có phải ý bạn là {' hoặc '.join(guesses)}?" if guesses else "ghi tên tỉnh, thành phố hiện nay, ví dụ “Gia Lai”"
            raise MohinhError(f"--province: không nhận ra tỉnh, thành phố “{province}”. Cách sửa: {hint}")
        full, short = resolved.full_name, resolved.name
    if site_url is not None:
        site_url = site_url.strip()
        if not is_absolute(site_url):
            raise MohinhError(f"--site-url: “{site_url}” không phải địa chỉ công khai của trang. Cách sửa: ghi địa chỉ "
                              "đầy đủ, ví dụ --site-url https://mohinh.congan.gialai.gov.vn/ (hoặc bỏ tùy chọn này)")
        site_url = site_url.rstrip("/") + "/"
    if repo is not None:
        repo = repo.strip()
        if re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
            repo = f"https://github.com/{repo}"
        parts = urlsplit(repo)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/").count("/") < 1:
            raise MohinhError(f"--repo: “{repo}” không phải địa chỉ kho mã. Cách sửa: ghi địa chỉ kho, ví dụ "
                              "--repo https://github.com/cong-an-gia-lai/mo-hinh hoặc https://git.donvi.vn/nhom/mo-hinh")
        repo = repo.rstrip("/").removesuffix(".git")
    return Unit(name=name, province=full, province_name=short, site_url=site_url, repo=repo)


def existing_site(folder: Path) -> list[str]:
    """The files or folders of ``folder`` that make it a site already (`SITE_FILES`)."""
    return [name for name in SITE_FILES if (folder / name).exists()]


def init_unit(folder: Path, unit: Unit) -> tuple[list[str], list[str]]:
    """Write a new unit's site into ``folder`` (made if need be); return the files written and the files
    left as they were (a README or .gitignore the folder already had). Refuses a folder that has a site."""
    from .schema_files import editor_schemas

    found = existing_site(folder)
    if found:
        raise MohinhError(f"thư mục {folder} đã có trang ({', '.join(found)}); mohinh init không ghi đè. Cách sửa: "
                          "chọn một thư mục mới hoặc trống; nâng cấp trang đã có chỉ cần `pip install -U mohinh`")
    starter = starter_root()
    files: dict[str, str] = {rel: (starter / rel).read_text(encoding="utf-8") for rel in COPIED}
    files["mkdocs.yml"] = unit_config((starter / "mkdocs.yml").read_text(encoding="utf-8"), unit)
    render = _unit_templates()
    for rel in WORDED:
        files[rel] = render(rel, unit)
    types, cited = starting_types(starter / "models")
    for slug, text in types.items():
        files[f"models/_types/{slug}.yml"] = text
    for source_id in sorted(cited):
        files[f"models/_sources/{source_id}.yml"] = (starter / "models" / "_sources" / f"{source_id}.yml").read_text(encoding="utf-8")
    for name, text in editor_schemas().items():
        files[f"schema/{name}"] = text
    written, kept = [], []
    for rel, text in sorted(files.items()):
        path = folder / rel
        if path.exists():
            kept.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(rel)
    (folder / "models" / "_sources").mkdir(parents=True, exist_ok=True)
    return written, kept


def starting_types(models: Path) -> tuple[dict[str, str], set[str]]:
    """This project's model types as a new unit starts with them: `TYPE_KEYS` only (the guidance names this
    project's records in ``seen_in``), and the ids of the sources they cite, which come with them."""
    types: dict[str, str] = {}
    cited: set[str] = set()
    for path in sorted((models / "_types").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kept = {key: data[key] for key in TYPE_KEYS if data.get(key)}
        cited.update(kept.get("sources", []), kept.get("official", []))
        types[path.stem] = TYPE_SCHEMA_LINE + yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=110)
    return types, cited


def _sub(pattern: str, replacement: str, text: str) -> str:
    """``text`` with the one match of ``pattern`` replaced (a project's mkdocs.yml that lost the line is a bug)."""
    changed, count = re.subn(pattern, lambda _: replacement, text, count=1, flags=re.M)
    if count != 1:
        raise MohinhError(f"mkdocs.yml khởi đầu của gói mohinh không có dòng mong đợi ({pattern}). Cách sửa: báo lỗi cho "
                          "người bảo trì mohinh")
    return changed


def unit_config(project: str, unit: Unit) -> str:
    """The unit's ``mkdocs.yml``, made from this project's: the unit's name, description, address, repository
    and editor; the country's figures (which cite a source of this project's records) left out."""
    say = json.dumps  # a JSON string is a YAML string
    where = f" của {unit.name}"
    text = _sub(r"^site_name: .*$", f"site_name: {say('Mô hình tự quản về an ninh trật tự' + where, ensure_ascii=False)}",
                project)
    text = _sub(r"^site_description: >-\n(?:  .*\n)+",
                f"site_description: {say(f'Các mô hình tự quản về an ninh trật tự do {unit.name} giới thiệu: tiêu chí, địa bàn, kết quả có nguồn, bài học kinh nghiệm và bộ hướng dẫn nhân rộng.', ensure_ascii=False)}\n",
                text)
    if unit.site_url:
        text = _sub(r"^# site_url: .*$", f"site_url: {unit.site_url}", text)
    if unit.repo:
        text = _sub(r"^# repo_url: .*$", f"repo_url: {unit.repo}", text)
        text = _sub(r"^# edit_uri: .*$", f"edit_uri: {unit.edit_uri}", text)
        editor = [f"backend: {unit.backend}", f"repo: {unit.repo_path}"]
        if unit.backend == "gitlab" and unit.host != "gitlab.com":
            editor.append(f"base_url: {urlsplit(unit.repo).scheme}://{urlsplit(unit.repo).netloc}")
        text = _sub(r"^  mohinh:\n", "  mohinh:\n    # Trình soạn thảo /quan-tri/ lưu vào kho này (xem README).\n    editor:\n"
                    + "".join(f"      {line}\n" for line in editor), text)
    national = re.search(r"^    # Con số cả nước.*\n|^    national:\n", text, flags=re.M)
    if national:
        text = text[:national.start()].rstrip("\n") + "\n"
    return text


def _unit_templates() -> Callable[[str, Unit], str]:
    """Render ``templates/unit/<file name>.j2`` for a unit (plain text: YAML and Markdown escape their own values)."""
    from .text import md

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates" / "unit"),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["md"] = md
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string

    def render(rel: str, unit: Unit) -> str:
        return env.get_template(Path(rel).name + ".j2").render(unit=unit, version=__version__)

    return render
