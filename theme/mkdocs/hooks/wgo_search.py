"""MkDocs hook: what Material's search indexes, so that it finds what people type (issue 12).

- A work process is found first by its MBO code, typed with or without hyphens: the code and its
  unhyphenated form become the page's search tags, a field Material's search weighs far above text.
- Names fold accents and the dotless ı ("Yilmaz" finds "Yılmaz"): lunr has no folding step, so the
  folded form of each capitalised word that has one is added to the tags as well.
- Tables of names (planning, matrix, teams, people index) are left out of the index: a whole table
  as one search excerpt helps nobody, and each person has a page of their own that search finds.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_MBO_CODE = re.compile(r"^- \*\*[^*\n]+:\*\* ([A-Z]\d+-K\d+-W\d+)\s*$", re.MULTILINE)
_WORD = re.compile(r"\b[^\W\d_][^\W\d_'’-]+\b")
_NAME_TABLE_PAGES = ("planning/", "matrix/", "teams/", "mensen/")
# Letters that Unicode does not decompose into a base letter and a mark.
_FOLD_EXTRA = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE"})


def fold(word: str) -> str:
    """``word`` without accents: Yılmaz → Yilmaz, Çelik → Celik."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD_EXTRA))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search_tags(markdown: str, is_work_process: bool) -> list[str]:
    """The extra words a page is found by: its MBO code in both spellings, folded names."""
    tags: list[str] = []
    if is_work_process and (match := _MBO_CODE.search(markdown)):
        tags += [match.group(1), match.group(1).replace("-", "")]
    for word in sorted(set(_WORD.findall(markdown))):
        if word[0].isupper() and (folded := fold(word)) != word:
            tags.append(folded)
    return tags


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    tags = search_tags(markdown, page.file.src_uri.startswith("werkprocessen/"))
    if tags:
        page.meta["tags"] = [*page.meta.get("tags", []), *tags]
    return markdown


def on_page_content(html: str, *, page: Any, config: Any, files: Any) -> str:
    if page.file.src_uri.startswith(_NAME_TABLE_PAGES):
        return html.replace("<table", "<table data-search-exclude")
    return html
