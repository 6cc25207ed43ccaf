"""MkDocs hooks: each event only hands over to the `mohinh` package (see mohinh/site.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from mohinh import site
from mohinh.errors import InvalidRecords, MohinhError


def on_startup(command, dirty):
    site.startup(command)


def on_shutdown():
    site.shutdown()


def on_config(config):
    site.configure(config)
    return config


def on_files(files, config):
    try:
        return site.generate_files(files, config)
    except InvalidRecords as exc:
        raise PluginError("Hồ sơ mô hình có lỗi:\n" + "\n".join(str(p) for p in exc.problems)) from None
    except MohinhError as exc:
        raise PluginError(str(exc)) from None


def on_pre_page(page, config, files):
    site.prepare_page(page, config)
    return page


def on_page_markdown(markdown, page, config, files):
    edit_url = site.page_edit_url(page.file.src_uri, config)
    if edit_url:
        page.edit_url = edit_url
    return site.fill_page(markdown, page.file.src_uri, config)


def on_page_content(html, page, config, files):
    return site.fill_html(html, page, config)


def on_page_context(context, page, config, nav):
    site.restore_html(page, config)
    return context


def on_env(env, config, files):
    return site.theme_environment(env)


def on_post_page(output, page, config):
    site.page_written(output, page, config)
    return output


def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    for folder in ("models", "overrides"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


def on_post_build(config):
    try:
        site.after_build(config)
    except MohinhError as exc:
        raise PluginError(str(exc)) from None


def on_build_error(error):
    site.build_failed()
