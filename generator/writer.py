"""Write a generated site as a plain Markdown tree that any MkDocs-like engine can build."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .bodies import SITE_MARKDOWN_EXTENSIONS
from .render.escape import escape_html
from .render.site import NavItem, Page, Site

CONFIG_FILE = "mkdocs.yml"  # read by MkDocs and by Zensical alike
DOCS_DIR = "docs"  # the pages and files, beside the config (an engine refuses docs_dir at its own level)
THEME_DIR = "overrides"  # the project's custom_dir, copied
SITE_DIR = "site"  # where an engine builds the tree (its default); the access rules go beside it
LEGACY_NAV_FILE = "nav.yml"  # earlier layout: pages at the top with nav.yml beside them
# The first line of the written config; only a folder that starts so is replaced without asking.
MARKER = "# Written by `python -m generator build`: this whole folder is replaced on every build.\n"

# The engine settings the generated pages need, for a project without an mkdocs.yml of its own.
DEFAULT_CONFIG: dict[str, Any] = {
    "theme": {"name": "material", "font": False},  # no Google Fonts: the site loads nothing from other hosts
    "extra": {"generator": False},  # no "Made with" link to an outside host
    "markdown_extensions": SITE_MARKDOWN_EXTENSIONS,  # as mkdocs.yml, and as bodies.py renders authors' Markdown
    "plugins": ["search"],
    "validation": {"nav": {"omitted_files": "ignore"}},  # the navigation lists only the index pages
}
# Keys of the project's config that the written one sets itself or that name files outside the folder.
_OWN_KEYS = frozenset({"site_name", "site_url", "docs_dir", "site_dir", "use_directory_urls", "nav", "theme", "plugins",
                       "hooks", "watch", "INHERIT"})


def page_source(page: Page, *, with_html: bool = True) -> str:
    """The page as a Markdown file: front matter (escaped title, search setting), then the body; a page
    rendered to HTML as raw HTML, which Markdown engines pass through as it is (or, ``with_html``
    false, nothing: for an engine that is handed the HTML itself)."""
    meta = yaml.safe_dump(page.front_matter(), allow_unicode=True, sort_keys=False)
    body = page.markdown if page.html is None else page.html if with_html else ""
    return f"---\n{meta}---\n\n{body}"


def nav_config(nav: tuple[NavItem, ...]) -> list[Any]:
    """The navigation in ``mkdocs.yml`` form, titles escaped because engines put them into HTML as they are."""
    return [{escape_html(item.title): nav_config(item.children) if item.children else item.path} for item in nav]


def engine_config(
    site: Site, project: Mapping[str, Any] | None, *, name: str, language: str, site_url: str = "", theme: bool = False,
) -> dict[str, Any]:
    """The ``mkdocs.yml`` of the written folder: the project's settings (or the defaults) around the generated pages.

    Plugins other than search are dropped: the pages are generated already, and Zensical runs none.
    """
    base = DEFAULT_CONFIG if project is None else project
    config: dict[str, Any] = {"site_name": escape_html(name)}  # engines put it into HTML as it is
    if site_url:
        config["site_url"] = site_url
    config["docs_dir"] = DOCS_DIR
    config["use_directory_urls"] = True  # the generator's HTML pages link to directory addresses
    config |= {key: value for key, value in base.items() if key not in _OWN_KEYS}
    given = base.get("theme") or {"name": "material"}
    theme_config = {"name": given} if isinstance(given, str) else {k: v for k, v in given.items() if k != "custom_dir"}
    if theme:
        theme_config["custom_dir"] = THEME_DIR
    config["theme"] = theme_config | {"language": language}
    config["plugins"] = [_search_plugin(options) for name, options in plugins(base) if name == "search"]
    config["nav"] = nav_config(site.nav)
    return config


def _search_plugin(options: Any) -> Any:
    """The search plugin with the project's options, but not its ``pipeline``: that is lunr's, which
    Zensical's own search engine does not use (it accepts only ``enabled`` and ``separator``), and the
    stemming and stop words around it are the project's hooks (``theme/hooks/wgo_search.py``), which
    other engines do not run."""
    kept = {key: value for key, value in options.items() if key != "pipeline"} if isinstance(options, Mapping) else options
    return {"search": kept} if kept else "search"


def plugins(config: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The plugins of an ``mkdocs.yml`` as (name, options), from either form it accepts (a list or a mapping)."""
    given = config.get("plugins") or []
    entries = [{name: options} for name, options in given.items()] if isinstance(given, dict) else given
    found: list[tuple[str, Any]] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            found.append((entry, None))
        elif isinstance(entry, dict) and len(entry) == 1:
            found.append(next(iter(entry.items())))
    return found


def write_tree(site: Site, out: Path, config: Mapping[str, Any], theme: Path | None = None) -> None:
    """Replace ``out`` with ``mkdocs.yml`` (``config``), the pages and files under ``docs/`` and a copy of ``theme``."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / DOCS_DIR
    for page in site.pages:
        _write(docs / page.path, page_source(page).encode("utf-8"))
    for file in site.files:
        _write(docs / file.path, file.read())
    if theme is not None:
        shutil.copytree(theme, out / THEME_DIR)
    text = yaml.dump(dict(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    _write(out / CONFIG_FILE, (MARKER + text).encode("utf-8"))


def is_earlier_output(out: Path) -> bool:
    """Whether ``out`` was written by :func:`write_tree` (or by its earlier layout), so may be replaced."""
    try:
        with (out / CONFIG_FILE).open(encoding="utf-8") as config:
            if config.readline() == MARKER:
                return True
    except (OSError, UnicodeDecodeError):
        pass
    return (out / LEGACY_NAV_FILE).is_file()


def read_config(path: Path) -> dict[str, Any]:
    """A project's ``mkdocs.yml``; tags such as ``!!python/name:`` or ``!ENV`` are kept as written, not run.

    Raises OSError or yaml.YAMLError, or ValueError when it holds no mapping.
    """
    with path.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_Loader)  # a SafeLoader that only keeps unknown tags
    if not isinstance(config, dict):
        raise ValueError("it holds no settings")
    return config


class _Tagged:
    """A value under a tag that only the engine understands, written back with the same tag."""

    def __init__(self, tag: str, node: yaml.Node, value: Any) -> None:
        self.tag, self.node_type, self.value = tag, type(node), value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.MappingNode):
        return _Tagged(node.tag, node, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, node, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, node, loader.construct_scalar(node))  # type: ignore[arg-type]


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if data.node_type is yaml.MappingNode:
        return dumper.represent_mapping(data.tag, data.value)
    if data.node_type is yaml.SequenceNode:
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
