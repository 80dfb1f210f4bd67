"""MkDocs hook: what Material's search indexes and how it matches, so that it finds what people type (issues 12, 23).

- A work process is found first by its MBO code, typed with or without hyphens: the code and its
  unhyphenated form become the page's search tags, a field Material's search weighs far above text.
- Not here: tables and lists of names, and very long listings, are left out of the index by the
  templates themselves (``data-search-exclude``), so that every engine leaves them out, not only MkDocs.
- Stemming with the current Snowball algorithm of the site's language (Snowball 3: its Dutch joins
  "instructies" and "instructie", "monsterflesjes" and "monsterflesje"; lunr's own Dutch stemmer, the
  old ``dutch_porter``, leaves them apart). One algorithm, two builds of it, one per side:
    - index side, at build time: after the search plugin has written ``search/search_index.json``, this
      hook stems every word of it with Python's ``snowballstemmer`` and writes the table word → stem
      (only the words whose stem differs) into it (``add_search_data`` says where). The browser
      indexes each word as written and its stem from that table: no stemmer needs to be loaded before
      the index can be built, and the index is the same whatever the browser.
    - query side, in the browser: the same Snowball release compiled to WebAssembly
      (``theme/mkdocs/assets/stemmer/``, see the NOTICE there), loaded by ``wgo_search_worker.js``.
      Until it has loaded (or where it cannot: a browser without WebAssembly), a query word the site
      contains is stemmed from the table, any other word is looked up as written.
  The offline build (a file share, ``file://``) cannot fetch the ``.wasm`` file: for it the hook also
  writes the bytes as a script, ``snowball.wasm.js``, which the worker loads instead.
- A query that finds nothing is tried again one typing mistake away; the results then say so, in
  the words of the catalogue (written beside the stems, shown by ``assets/wgo-search.js``).
- Stop words never decide a ranking, folded accents, highlighting once: ``wgo_search_worker.js``,
  appended to Material's search worker after the build (lunr runs there, in the browser).
"""

from __future__ import annotations

import base64
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import snowballstemmer
from mkdocs.exceptions import PluginError

from generator.catalogue import Catalogue
from generator.render import paths


def _folder(page_path: str) -> str:
    return page_path.rpartition("/")[0] + "/"


_MBO_CODE = re.compile(r"^- \*\*[^*\n]+:\*\* ([A-Z]\d+-K\d+-W\d+)\s*$", re.MULTILINE)
# Where the generator puts work processes (render/paths.py).
_WORK_PROCESSES = _folder(paths.WORK_PROCESSES)
_WORKER_PATCH = Path(__file__).with_name("wgo_search_worker.js")
_MARKER = "search worker by theme/hooks/wgo_search.py"  # a line of the patch: a dirty rebuild keeps the patched worker
# The Snowball algorithm of each site language, and the number the WebAssembly build gives that
# algorithm (the ``Languages`` enumeration of its wasm-bindgen glue; see assets/stemmer/NOTICE.txt).
SNOWBALL = {"nl": ("dutch", 6), "en": ("english", 7)}
_STEMMER = Path("assets") / "stemmer" / "snowball.wasm"
# As the worker folds a word before stemming it (wgo_search_worker.js, fold): letters that do not
# decompose into a base letter and accents.
_LETTERS = str.maketrans(
    {"ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe"}
)
_ACCENTS = re.compile("[\u0300-\u036f]")
_TAG = re.compile(r"<[^>]*>")


def search_tags(markdown: str, is_work_process: bool) -> list[str]:
    """The extra words a page is found by: its MBO code in both spellings."""
    if is_work_process and (match := _MBO_CODE.search(markdown)):
        return [match.group(1), match.group(1).replace("-", "")]
    return []


def fold(word: str) -> str:
    """A word as the search index holds it: lower case, without accents ("Yılmaz" → "yilmaz")."""
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", word.lower().translate(_LETTERS)))


def index_words(docs: Iterable[dict[str, Any]], separator: str) -> set[str]:
    """The words of the search entries, folded, split as Material's search splits them (on ``separator``,
    between HTML tags), from the fields it indexes: title, text and tags."""
    split = re.compile(separator)
    words: set[str] = set()
    for doc in docs:
        for value in (doc.get("title", ""), doc.get("text", ""), *doc.get("tags", [])):
            words.update(fold(word) for word in split.split(_TAG.sub(" ", value)) if word)
    return words


def stem_table(words: Iterable[str], algorithm: str) -> dict[str, str]:
    """Each word whose Snowball stem differs from it, with that stem, in a stable order."""
    stemmer = snowballstemmer.stemmer(algorithm)
    return {word: stem for word in sorted(words) if (stem := stemmer.stemWord(word)) != word}


def add_search_data(index_file: Path, language: str) -> None:
    """Write the stem table and the words of the corrected-query line into the search index, as an option
    of its text field (``config.fields.text.wgo``).

    Why there: the worker must have the stems before it indexes the first word, and Material hands each
    field's options to lunr's ``Builder.field`` before it adds any document. A message listener of the
    worker patch would see the index's ``config`` too late: Material's own listener, registered before
    the patch, builds the index before the next listener is called.
    """
    index = json.loads(index_file.read_text(encoding="utf-8"))
    config = index["config"]
    data: dict[str, Any] = {"corrected": Catalogue(language)("label.search-corrected", query="{query}", correction="{correction}")}
    if language in SNOWBALL:
        algorithm, number = SNOWBALL[language]
        data["stemmer"] = number
        data["stems"] = stem_table(index_words(index["docs"], config["separator"]), algorithm)
    config["fields"]["text"]["wgo"] = data
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_offline_stemmer(site_dir: Path) -> Path:
    """The stemmer's WebAssembly bytes as a script (``self.wgoSnowballWasm``, base64), for the offline
    build: over ``file://`` the worker runs in an iframe that cannot fetch a file, but loads a script."""
    wasm = site_dir / _STEMMER
    script = wasm.with_name(wasm.name + ".js")
    encoded = base64.b64encode(wasm.read_bytes()).decode("ascii")
    script.write_text(f'self.wgoSnowballWasm = "{encoded}"\n', encoding="ascii")
    return script


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


def _plugins(config: Any, name: str) -> Iterator[Any]:
    """The configured plugins called ``name`` (or ``material/name``)."""
    return (plugin for key, plugin in config.plugins.items() if key == name or key.endswith("/" + name))


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    tags = search_tags(markdown, page.file.src_uri.startswith(_WORK_PROCESSES))
    if tags:
        page.meta["tags"] = [*page.meta.get("tags", []), *tags]
    return markdown


def on_post_build(*, config: Any) -> None:
    # Runs after the search plugin has written its index and before the offline plugin (priority -100)
    # copies that index into search_index.js.
    if not any(True for _ in _plugins(config, "search")):
        return
    site_dir = Path(config.site_dir)
    if not patch_search_worker(site_dir):
        raise PluginError("wgo_search: Material's search worker (assets/javascripts/workers/search.*.js) is not in the site")
    add_search_data(site_dir / "search" / "search_index.json", config.theme["language"])
    if any(plugin.config.enabled for plugin in _plugins(config, "offline")):
        write_offline_stemmer(site_dir)
