"""MkDocs hooks: each event only hands over to the `mohinh` package (see mohinh/site.py)."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from mohinh import site
from mohinh.errors import InvalidRecords, MohinhError


def on_files(files, config):
    try:
        return site.generate_files(files, config)
    except InvalidRecords as exc:
        raise PluginError("Hồ sơ mô hình có lỗi:\n" + "\n".join(str(p) for p in exc.problems)) from None
    except MohinhError as exc:
        raise PluginError(str(exc)) from None


def on_page_markdown(markdown, page, config, files):
    edit_url = site.page_edit_url(page.file.src_uri, config)
    if edit_url:
        page.edit_url = edit_url
    return site.fill_page(markdown, page.file.src_uri, config)


def on_post_build(config):
    site.after_build(config)
