"""MkDocs hook: what Material's search indexes and how it matches, so that it finds what people type (issue 12).

- A work process is found first by its MBO code, typed with or without hyphens: the code and its
  unhyphenated form become the page's search tags, a field Material's search weighs far above text.
- Not here: tables and lists of names, and very long listings, are left out of the index by the
  templates themselves (``data-search-exclude``), so that every engine leaves them out, not only MkDocs.
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
# Where the generator puts work processes (render/paths.py).
_WORK_PROCESSES = _folder(paths.WORK_PROCESSES)
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


def on_post_build(*, config: Any) -> None:
    searching = any(name == "search" or name.endswith("/search") for name in config.plugins)  # "material/search"
    if searching and not patch_search_worker(Path(config.site_dir)):
        raise PluginError("wgo_search: Material's search worker (assets/javascripts/workers/search.*.js) is not in the site")
