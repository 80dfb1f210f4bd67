"""Write a generated site as a plain Markdown tree that any MkDocs-like engine can build."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from .render.escape import escape_html
from .render.site import NavItem, Page, Site

NAV_FILE = "nav.yml"


def page_source(page: Page) -> str:
    """The page as a Markdown file: front matter (escaped title, search setting), then the body."""
    meta = yaml.safe_dump(page.front_matter(), allow_unicode=True, sort_keys=False)
    return f"---\n{meta}---\n\n{page.markdown}"


def nav_config(nav: tuple[NavItem, ...]) -> list[Any]:
    """The navigation in ``mkdocs.yml`` form, titles escaped because engines put them into HTML as they are."""
    return [{escape_html(item.title): nav_config(item.children) if item.children else item.path} for item in nav]


def write_tree(site: Site, out: Path) -> None:
    """Replace ``out`` with the site's pages, files and ``nav.yml``."""
    if out.exists():
        shutil.rmtree(out)
    for page in site.pages:
        _write(out / page.path, page_source(page).encode("utf-8"))
    for file in site.files:
        _write(out / file.path, file.read())
    nav = yaml.safe_dump({"nav": nav_config(site.nav)}, allow_unicode=True, sort_keys=False)
    _write(out / NAV_FILE, nav.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
