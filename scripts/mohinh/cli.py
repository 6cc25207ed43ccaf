"""The ``mohinh`` command. The only place (with the MkDocs plugin) that turns errors into exit codes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import __version__
from .errors import InvalidRecords, MohinhError, Problem

CONTEXT = {"help_option_names": ["-h", "--help"]}
OPTIONS = "[TÙY CHỌN]"  # instead of click's [OPTIONS]

# What click itself says (help, usage errors), in Vietnamese: click asks gettext for every phrase it shows,
# so each of its modules is given this table instead (a phrase not here stays as click wrote it, and a test
# looks for English in every command's help).
VIETNAMESE = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: {command} {option}",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "Aborted!": "Đã dừng.",
    "unknown error": "lỗi không rõ",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không có.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
}


def _vietnamese(message: str) -> str:
    return VIETNAMESE.get(message, message)


def _vietnamese_n(singular: str, plural: str, n: int) -> str:
    return _vietnamese(singular if n == 1 else plural)


def _speak_vietnamese() -> None:
    """Give click's modules the Vietnamese table in place of gettext (click looks phrases up as it shows them)."""
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        if hasattr(module, "_"):
            module._ = _vietnamese  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _vietnamese_n  # type: ignore[attr-defined]


_speak_vietnamese()


class _Command(click.Command):
    """A command whose usage line reads ``[TÙY CHỌN]``."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("options_metavar", OPTIONS)
        kwargs.setdefault("context_settings", CONTEXT)
        super().__init__(*args, **kwargs)


def _print_problems(problems: list[Problem], only: tuple[str, ...] = ()) -> None:
    for problem in problems:
        if _shown(problem, only):
            click.echo(str(problem), err=not problem.warning)


def _shown(problem: Problem, only: tuple[str, ...]) -> bool:
    return not only or problem.path in only


def _summary(problems: list[Problem], only: tuple[str, ...] = ()) -> str:
    errors = sum(not p.warning for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems if not p.warning})
    text = f"{errors} lỗi trong {files} tệp" if errors else "Không có lỗi"
    text += f", {warnings} cảnh báo." if warnings else "."
    hidden = sum(not _shown(p, only) for p in problems)
    if hidden:
        text += f" Ẩn {hidden} lỗi, cảnh báo ở tệp khác (bỏ --only để xem)."
    return text


def _root() -> Path:
    from .paths import find_root

    return find_root()


class _Group(click.Group):
    """Turns every `MohinhError` into a Vietnamese message and exit 1, never a traceback."""

    command_class = _Command
    group_class = type  # subgroups are _Group too

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("options_metavar", OPTIONS)
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        super().__init__(*args, **kwargs)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except InvalidRecords as exc:
            _print_problems(exc.problems)
            click.echo(_summary(exc.problems), err=True)
            ctx.exit(1)
        except MohinhError as exc:
            click.echo(f"Lỗi: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="mohinh %(version)s", help="In phiên bản rồi thoát.")
def main() -> None:
    """Công cụ xuất bản các mô hình tự quản về an ninh trật tự thành trang web tĩnh.

    Chạy các lệnh trong thư mục gốc của dự án (nơi có mkdocs.yml và models/).
    """


@main.command(context_settings=CONTEXT)
@click.option("--only", "only", multiple=True, metavar="TỆP",
              help="Chỉ in lỗi, cảnh báo của tệp này (ví dụ models/x.yml; lặp lại được). Mã thoát vẫn tính mọi tệp.")
def check(only: tuple[str, ...]) -> None:
    """Kiểm tra mọi hồ sơ trong models/ và các nguồn trong models/_sources/.

    In mọi lỗi cùng lúc, mỗi lỗi một dòng: tệp:dòng:cột: trường: lỗi. Cách sửa.
    Thoát với mã 0 khi hợp lệ (có thể có cảnh báo), 1 khi có lỗi.
    """
    from .catalogue import check_catalogue

    root = _root()
    shown = tuple(_relative_to(root, name) for name in only)
    try:
        records, sources, warnings = check_catalogue(root)
    except InvalidRecords as exc:
        _print_problems(exc.problems, shown)
        click.echo(_summary(exc.problems, shown), err=True)
        sys.exit(1)
    _print_problems(list(warnings), shown)
    click.echo(f"{records} mô hình, {sources} nguồn. {_summary(list(warnings), shown)}")


def _relative_to(root: Path, name: str) -> str:
    """``models/x.yml`` as problems name files, from a path given on the command line."""
    path = Path(name)
    try:
        return (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@main.command(context_settings=CONTEXT)
@click.option("--drafts", is_flag=True, help="Gồm cả hồ sơ nháp (draft: true).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm thông tin của MkDocs.")
def build(drafts: bool, verbose: bool) -> None:
    """Kiểm tra hồ sơ rồi dựng toàn bộ trang vào site/.

    Nếu có lỗi, site/ cũ được giữ nguyên.
    """
    from .build import build_site

    root = _root()
    try:
        out = build_site(root, drafts=drafts, verbose=verbose)
    except (MohinhError, click.exceptions.Exit):
        raise
    except Exception as exc:  # MkDocs aborts (strict warnings, theme errors) end here
        click.echo(f"Lỗi khi dựng trang: {exc}", err=True)
        click.echo("Trang cũ trong site/ được giữ nguyên.", err=True)
        sys.exit(1)
    click.echo(f"Đã dựng trang vào {out.relative_to(root)}/")


@main.command(context_settings=CONTEXT)
@click.option("--drafts", is_flag=True, help="Gồm cả hồ sơ nháp (draft: true).")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="ĐỊA_CHỈ:CỔNG",
              help="Địa chỉ xem trước.")
def serve(drafts: bool, dev_addr: str) -> None:
    """Xem trước trang tại http://127.0.0.1:8000; sửa hồ sơ thì trang tự tải lại.

    Chạy `mkdocs serve --dirty` của MkDocs: sau mỗi lần sửa, chỉ các trang bị ảnh hưởng được dựng lại.
    """
    from .preview import serve as serve_preview

    sys.exit(serve_preview(_root(), drafts=drafts, dev_addr=dev_addr))


@main.command(context_settings=CONTEXT)
@click.option("-p", "--port", default=8000, show_default=True, metavar="CỔNG", help="Cổng của trang thử.")
@click.option("--proxy-port", default=8081, show_default=True, metavar="CỔNG",
              help="Cổng của decap-server (máy chủ git cục bộ của trình soạn thảo).")
@click.option("--decap-server", "server", metavar="TỆP",
              help="Tệp dist/index.js của decap-server; mặc định tests/cms/node_modules/decap-server/dist/index.js.")
def editor(port: int, proxy_port: int, server: str | None) -> None:
    """Thử trình soạn thảo /quan-tri/ trên máy mình, không cần tài khoản (bash run.sh editor).

    Dựng trang một lần từ một bản sao của kho (.mohinh/soan-thu/, theo commit mới nhất), phục vụ tại
    http://127.0.0.1:8000/quan-tri/ (không tự tải lại) và chạy decap-server chỉ trên 127.0.0.1. Mỗi lần lưu
    là một nhánh trong bản sao đó: tệp chưa commit trong thư mục dự án không bao giờ bị đụng tới.
    """
    from .trial import run

    sys.exit(run(_root(), port=port, proxy_port=proxy_port, server=server, say=click.echo))


@main.command(context_settings=CONTEXT)
@click.argument("name", metavar="TÊN")
@click.option("--province", required=True, metavar="TỈNH", help='Tỉnh, thành phố, ví dụ "Hà Tĩnh".')
@click.option("--id", "model_id", metavar="MÃ", help="Mã mô hình (tên tệp); mặc định tạo từ tên tỉnh và tên mô hình.")
def new(name: str, province: str, model_id: str | None) -> None:
    """Tạo hồ sơ mới models/<mã>.yml tên TÊN từ mẫu có chú thích (không ghi đè tệp đã có).

    Ví dụ: mohinh new "Tiếng kẻng an ninh" --province "Hà Tĩnh"
    """
    from .scaffold import new_record

    path = new_record(_root(), name, province, model_id=model_id, today=dt.date.today())
    click.echo(f"Đã tạo {path.as_posix()}. Điền nội dung rồi chạy `mohinh check`.")


@main.command(context_settings=CONTEXT)
@click.argument("folder", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path))
@click.option("--unit", "unit_name", required=True, metavar="TÊN_ĐƠN_VỊ", help='Tên đơn vị, ví dụ "Công an tỉnh Gia Lai".')
@click.option("--province", metavar="TỈNH", help='Tỉnh, thành phố của đơn vị, ví dụ "Gia Lai".')
@click.option("--site-url", metavar="ĐỊA_CHỈ", help="Địa chỉ công khai của trang, ví dụ https://mohinh.congan.gialai.gov.vn/.")
@click.option("--repo", metavar="KHO", help="Địa chỉ kho mã (GitHub hoặc GitLab) nơi trình soạn thảo /quan-tri/ gửi hồ sơ.")
def init(folder: Path, unit_name: str, province: str | None, site_url: str | None, repo: str | None) -> None:
    """Tạo trang mới cho một đơn vị trong THƯ_MỤC: mkdocs.yml, models/, content/, CI, README.

    Không ghi vào thư mục đã có trang (mkdocs.yml, models/ hay content/). Giao diện và mã dựng trang nằm trong
    gói mohinh, nên nâng cấp chỉ cần `pip install -U mohinh`.

    Ví dụ: mohinh init trang-gia-lai --unit "Công an tỉnh Gia Lai" --province "Gia Lai"
    """
    from .unit import check_unit, init_unit

    unit = check_unit(unit_name, province, site_url, repo)
    written, kept = init_unit(folder, unit)
    click.echo(f"Đã tạo trang của {unit.name} trong {folder.as_posix()}/ ({len(written)} tệp).")
    if kept:
        click.echo("Giữ nguyên tệp đã có: " + ", ".join(kept) + ".")
    click.echo(f"Tiếp theo: cd {folder.as_posix()} && mohinh build (dựng trang), mohinh new \"<tên mô hình>\" "
               f"--province \"{unit.province_name or '<tỉnh>'}\" (thêm mô hình đầu tiên).")


@main.group(context_settings=CONTEXT)
def source() -> None:
    """Nguồn (bài báo, báo cáo) mà hồ sơ ghi lại: mỗi nguồn một tệp models/_sources/<mã>.yml."""


@source.command("new", context_settings=CONTEXT)
@click.option("--url", metavar="ĐỊA_CHỈ", help="Địa chỉ bài viết (http:// hoặc https://).")
@click.option("--title", required=True, metavar="TIÊU_ĐỀ", help="Tiêu đề bài viết, như nguồn ghi.")
@click.option("--publisher", metavar="NƠI_ĐĂNG", help='Cơ quan đăng tải, ví dụ "Báo Khánh Hòa".')
@click.option("--date", required=True, metavar="NGÀY", help="Ngày đăng (02/10/2024, 10/2024, 2024).")
@click.option("--id", "source_id", metavar="MÃ", help="Mã nguồn (tên tệp); mặc định tạo từ nơi đăng và tiêu đề.")
def source_new(url: str | None, title: str, publisher: str | None, date: str, source_id: str | None) -> None:
    """Tạo tệp nguồn models/_sources/<mã>.yml (không ghi đè nguồn đã có).

    Ví dụ: mohinh source new --url "https://baokhanhhoa.vn/..." --title "Camera an ninh" --publisher "Báo Khánh Hòa" --date 02/10/2024
    """
    from .scaffold import new_source

    path = new_source(_root(), title=title, date=date, url=url, publisher=publisher, source_id=source_id)
    click.echo(f"Đã tạo {path.as_posix()}. Ghi mã `{path.stem}` vào `sources:` của hồ sơ (và `source:` của số liệu).")


@main.command("add-update", context_settings=CONTEXT)
@click.argument("model_id", metavar="MÃ")
@click.option("--title", required=True, metavar="TIÊU_ĐỀ", help="Tiêu đề tin cập nhật.")
@click.option("--date", metavar="NGÀY", help="Ngày (02/10/2024, 10/2024, 2024); mặc định hôm nay.")
@click.option("--text", metavar="NỘI_DUNG", help="Nội dung (Markdown, không HTML).")
@click.option("--source", metavar="MÃ_NGUỒN", help="Mã nguồn (tên tệp trong models/_sources/).")
def add_update_command(model_id: str, title: str, date: str | None, text: str | None, source: str | None) -> None:
    """Thêm một tin cập nhật có ngày vào hồ sơ models/<MÃ>.yml (giữ nguyên chú thích và bố cục).

    Hồ sơ được kiểm tra trước khi ghi; nếu tin không hợp lệ, tệp không bị thay đổi.
    """
    from .updates import add_update

    path = add_update(_root(), model_id, title=title, date=date, text=text, source=source)
    click.echo(f"Đã thêm tin cập nhật vào {path.as_posix()}.")


@main.command(context_settings=CONTEXT)
@click.option("--check", "check_only", is_flag=True, help="Chỉ kiểm tra tệp đã có có khớp không (mã thoát 1 nếu lệch).")
def schema(check_only: bool) -> None:
    """Ghi JSON Schema của hồ sơ vào schema/ (để trình soạn thảo gợi ý, kiểm tra).

    Gồm model.schema.json (hồ sơ mô hình), sources.schema.json (nguồn) và
    vocabularies.schema.json (models/_vocabularies.yml), sinh từ mã nguồn.
    """
    from .schema_files import editor_schemas

    folder = _root() / "schema"
    schemas = editor_schemas()
    if check_only:
        stale = [name for name, text in schemas.items()
                 if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
        if stale:
            click.echo(f"schema/{', schema/'.join(stale)} đã cũ: chạy `mohinh schema` để ghi lại.", err=True)
            sys.exit(1)
        click.echo("Các tệp trong schema/ khớp với mã nguồn.")
        return
    folder.mkdir(exist_ok=True)
    for name, text in schemas.items():
        (folder / name).write_text(text, encoding="utf-8")
    click.echo(f"Đã ghi schema/{', schema/'.join(schemas)}.")


if __name__ == "__main__":  # pragma: no cover
    main()
