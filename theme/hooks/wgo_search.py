"""MkDocs hook: what Material's search indexes and how it matches, so that it finds what people type (issue 12).

- A work process is found first by its MBO code, typed with or without hyphens: the code and its
  unhyphenated form become the page's search tags, a field Material's search weighs far above text.
- Tables and lists of names are left out of the index: every table on the planning, matrix, team and
  people pages, and elsewhere each table that links to a POP and each list whose every item does
  (who can do a work process, who needs re-instruction, the health page's lists). A whole table
  as one search excerpt helps nobody, and each person has a page of their own.
- Stemming in the site's language that still finds whole words, and accents folded ("Yilmaz" finds
  "Yılmaz"): ``wgo_search_worker.js``, appended to Material's search worker after the build (lunr
  runs there, in the browser; why it is needed is in that file).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.render import paths


def _folder(page_path: str) -> str:
    return page_path.rpartition("/")[0] + "/"


_MBO_CODE = re.compile(r"^- \*\*[^*\n]+:\*\* ([A-Z]\d+-K\d+-W\d+)\s*$", re.MULTILINE)
# Where the generator puts work processes, the pages of names, and POPs (render/paths.py).
_WORK_PROCESSES = _folder(paths.WORK_PROCESSES)
_NAME_TABLE_PAGES = tuple(_folder(page) for page in (paths.PLANNING, paths.MATRICES, paths.TEAMS, paths.PEOPLE))
_TABLE = re.compile(r"<table\b.*?</table>", re.DOTALL)  # the generator's tables do not nest
_TABLE_START = re.compile(r"<table\b(?![^>]*data-search-exclude)")  # not marked yet (templates mark tables of names)
_LIST = re.compile(r"<ul>.*?</ul>", re.DOTALL)  # nor do their lists of names
_ITEM = re.compile(r"<li>.*?</li>", re.DOTALL)
_POP_LINK = re.compile(rf'href="[^"]*\b{re.escape(_folder(paths.person("x")))}')
_WORKER_PATCH = Path(__file__).with_name("wgo_search_worker.js")
_MARKER = "/* wgo (issue 12)"


def search_tags(markdown: str, is_work_process: bool) -> list[str]:
    """The extra words a page is found by: its MBO code in both spellings."""
    if is_work_process and (match := _MBO_CODE.search(markdown)):
        return [match.group(1), match.group(1).replace("-", "")]
    return []


def patch_search_worker(site_dir: Path) -> list[Path]:
    """Append the patch to Material's search worker(s) in the built site, once (a ``--dirty`` rebuild
    keeps the patched file); the workers patched."""
    patch = _WORKER_PATCH.read_text(encoding="utf-8")
    patched = []
    for worker in sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.js")):
        text = worker.read_text(encoding="utf-8")
        if _MARKER not in text:
            worker.write_text(f"{text}\n{patch}", encoding="utf-8")
        patched.append(worker)
    return patched


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    tags = search_tags(markdown, page.file.src_uri.startswith(_WORK_PROCESSES))
    if tags:
        page.meta["tags"] = [*page.meta.get("tags", []), *tags]
    return markdown


def exclude_tables_of_names(html: str, whole_page: bool) -> str:
    """Mark the tables and lists that name people as left out of search: a table that links to a POP,
    a list whose every item does; on the pages of names (``whole_page``) every table, since names
    without a POP (inactive people) are names too."""
    if whole_page:
        return _TABLE_START.sub("<table data-search-exclude", html)
    html = _TABLE.sub(lambda table: _excluded(table[0]) if _POP_LINK.search(table[0]) else table[0], html)
    return _LIST.sub(lambda items: _excluded(items[0]) if _names_only(items[0]) else items[0], html)


def _names_only(items: str) -> bool:
    entries = _ITEM.findall(items)
    return bool(entries) and all(_POP_LINK.search(entry) for entry in entries)


def _excluded(element: str) -> str:
    tag, _, rest = element.partition(">")
    return element if "data-search-exclude" in tag else f"{tag} data-search-exclude>{rest}"  # the template's own mark


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    if (page.meta.get("search") or {}).get("exclude"):
        return html  # not indexed at all (POPs, checklists): no need to scan their long tables
    return exclude_tables_of_names(html, page.file.src_uri.startswith(_NAME_TABLE_PAGES))


def on_post_build(*, config: Any) -> None:
    searching = any(name == "search" or name.endswith("/search") for name in config.plugins)  # "material/search"
    if searching and not patch_search_worker(Path(config.site_dir)):
        raise PluginError("wgo_search: Material's search worker (assets/javascripts/workers/search.*.js) is not in the site")
