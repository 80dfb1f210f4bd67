"""Links that authors write between pages, checked against the pages the generator makes.

MkDocs finds a broken link only in a strict build, and then names paths that are not
under ``content/``; here ``check`` finds it, at the author's own file and line, with the
link that would work. A link is relative to where the page is published (a source's
body is the page ``bronnen/<id>.md``, a free page keeps its path under ``pages/``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterator
from urllib.parse import unquote

from .bodies import authored_bodies
from .diagnostics import Report, Text, suggest
from .model import Content

# [text](target "title") and ![alt](target); the target may stand in <…>.
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check_links(content: Content, published: Collection[str], report: Report) -> None:
    """Warn about every link to a page or file of the site that is not among ``published``."""
    for authored in authored_bodies(content):
        for line, target in _links(authored.text):
            resolved = _resolve(authored.page, target)
            if resolved is not None and resolved not in published:
                where = authored.location.at((authored.location.line or 1) + line - 1)
                report.warning(where, "broken-link", target=target, hint=_hint(authored.page, resolved, published))


def _links(text: str) -> Iterator[tuple[int, str]]:
    """(line within ``text``, target) of each link outside code."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            for match in _LINK.finditer(_CODE_SPAN.sub("", line)):
                yield number, match.group(1)


def _resolve(page: str, target: str) -> str | None:
    """The site path a relative link to a page or file leads to; None for what is not checked here
    (web addresses, anchors on the same page, absolute paths, folders)."""
    if _SCHEME.match(target) or target.startswith(("#", "/")):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path or "." not in posixpath.basename(path):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _hint(page: str, resolved: str, published: Collection[str]) -> Text:
    """The link that would work from ``page``: to the published page or file with the closest path."""
    same_name = [p for p in published if posixpath.basename(p) == posixpath.basename(resolved)]
    same_kind = [p for p in published if posixpath.splitext(p)[1] == posixpath.splitext(resolved)[1]]
    closest = same_name[0] if len(same_name) == 1 else suggest(resolved, same_name or same_kind)
    if closest is None:
        return Text("hint.none")
    return Text("hint.did-you-mean", {"word": posixpath.relpath(closest, posixpath.dirname(page) or ".")})
