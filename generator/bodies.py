"""The Markdown bodies authors write: rendered once here, sanitised, and checked against the same allowlist.

A body (a work process's, a source's, an improvement's text, a free page) may hold raw HTML, and
improvement write-ups come from employees while sharing an origin with the POP and matrix pages.
So a body reaches no engine as Markdown: it is converted here with the site's Markdown extensions,
cleaned by a maintained sanitiser (``nh3``, the binding to Rust's ``ammonia``) against the allowlist
below, and handed on as HTML — to MkDocs, to the ``--out`` tree and to the feed alike. Only its
top-level headings go back to Markdown, so that the page's table of contents still lists them.

The sanitiser does not say what it removed, so ``check_bodies`` walks the unsanitised HTML with the
same allowlist and reports every construct that will be removed, at its line in the author's file:

    [unsafe-html]       a tag or attribute outside the allowlist (script, iframe, onerror=…, …)
    [unsafe-url]        a link or source whose scheme is not http, https or mailto (javascript:, data:)
    [outside-resource]  an image, frame, video, audio, stylesheet or script loaded from another host

The first two are warnings in the organisation's own texts and errors in improvements; loading
from another host is an error anywhere (the site promises a closed intranet that it loads nothing).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from itertools import chain
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markupsafe import Markup

from .diagnostics import Location, Report
from .model import Content
from .render import paths

# The extensions of the site's mkdocs.yml, in its form: the --out tree's default config writes them, and a
# body renders here as the engine would have rendered it (with fenced_code, which MkDocs always adds).
# Table alignment as align="…", not style="…": the pages' Content-Security-Policy allows no inline styles.
SITE_MARKDOWN_EXTENSIONS: list[str | dict[str, dict[str, object]]] = [
    "attr_list", "md_in_html", {"tables": {"use_align_attribute": True}}, "admonition", {"toc": {"permalink": False}},
]

# What Markdown and those extensions write, and the plain HTML an author may add for layout.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
})
_EVERYWHERE = {"class", "id", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _EVERYWHERE,
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},  # align: the tables extension's alignment
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type", "reversed"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "data", "background", "xlink:href",
                             "srcset", "longdesc", "manifest", "ping"})
# Attributes that make the browser fetch something as the page loads (not a link the reader follows).
_LOADING_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})
_LOADING_LINK_TAGS = frozenset({"link"})  # <link href> loads a stylesheet or icon
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]+)", re.IGNORECASE)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_FENCE = re.compile(r"^\s*(```|~~~)")
# In sanitised HTML (html5ever's serialisation): attribute values in double quotes, where '>' may stand.
_TAG_OR_TEXT = re.compile(r"""(<(?:[^>"']|"[^"]*"|'[^']*')*>)""")
_TAG = re.compile(r"""<(/?)([a-z0-9]+)(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>""")
_HEADING = re.compile(r"""<h([1-6])((?:\s+[a-z-]+="[^"]*")*)>(.*?)</h\1>\n?""", re.DOTALL)
_HEADING_ATTRIBUTE = re.compile(r'\s+(id|class)="([^"]*)"')
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


@dataclass(frozen=True)
class AuthoredBody:
    """Markdown an author wrote, the page it is published as, where its first line is, and who writes it."""

    page: str
    text: str
    location: Location
    by_employees: bool = False  # improvement write-ups: anyone may write them, so unsafe HTML is an error


def authored_bodies(content: Content) -> Iterator[AuthoredBody]:
    for free in content.pages:
        yield AuthoredBody(free.path, free.text, free.location.at(1))
    for source in content.sources.values():
        yield AuthoredBody(paths.source(source.id), source.body, source.location.at(source.body_line))
    for wp in content.work_processes.values():
        yield AuthoredBody(paths.work_process(wp.id), wp.body, wp.location.at(wp.body_line))
    for improvement in content.improvements.values():
        yield AuthoredBody(paths.improvement(improvement.id), improvement.body,
                           improvement.location.at(improvement.body_line), by_employees=True)


# --- rendering ----------------------------------------------------------------------------


def safe_html(text: str, page: str, directory_urls: bool | None) -> str:
    """The body as sanitised HTML, its relative links rewritten to where ``page`` is served (for the feed,
    and the parts of a page that stay HTML)."""
    return nh3.clean(_converted(text), tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, url_schemes=set(URL_SCHEMES),
                     clean_content_tags={"script", "style"}, link_rel=None,
                     attribute_filter=_attribute_filter(page, directory_urls))


def safe_markdown(text: str, page: str, directory_urls: bool | None) -> Markup:
    """The body for a Markdown page: sanitised HTML in raw blocks, its top-level headings as Markdown headings
    (with their ids), so that the engine lists them in the table of contents and changes nothing else."""
    cleaned = safe_html(text, page, directory_urls)
    parts, start, scanned, depth = [], 0, 0, 0
    for heading in _HEADING.finditer(cleaned):
        depth, scanned = depth + _depth(cleaned[scanned:heading.start()]), heading.start()
        if depth == 0:  # a heading inside a list or an admonition stays where it is
            parts += [_raw_block(cleaned[start:heading.start()]), _markdown_heading(heading)]
            start = heading.end()
    parts.append(_raw_block(cleaned[start:]))
    return Markup("\n\n".join(part for part in parts if part))


@lru_cache(maxsize=4096)
def _converted(text: str) -> str:
    return _markdown().reset().convert(text)


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    names = [item if isinstance(item, str) else next(iter(item)) for item in SITE_MARKDOWN_EXTENSIONS]
    configs = {name: config for item in SITE_MARKDOWN_EXTENSIONS if isinstance(item, dict) for name, config in item.items()}
    return markdown.Markdown(extensions=[*names, "fenced_code"], extension_configs=configs)


def _attribute_filter(page: str, directory_urls: bool | None) -> Callable[[str, str, str], str | None]:
    """Drop a source on another host (reported by ``check`` as outside-resource); link a relative target
    to where it is served, as an engine does with a Markdown link."""

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute in _LOADING_ATTRIBUTES and _is_outside(value):
            return None
        if attribute in ("href", "src") and _is_relative_file(value):
            return _served_link(page, value, directory_urls)
        return value

    return keep


def _is_outside(url: str) -> bool:
    stripped = url.strip()
    return stripped.startswith("//") or _SCHEME.match(stripped) is not None


def _is_relative_file(url: str) -> bool:
    return not (url.startswith(("#", "/")) or _SCHEME.match(url))


def _served_link(page: str, url: str, directory_urls: bool | None) -> str:
    path, hash_mark, fragment = url.partition("#")
    path, _, query = path.partition("?")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
    if not path or target.startswith(".."):
        return url  # a folder or a place above the site: left as written (check_links says so)
    link = paths.url_link(page, target, directory_urls)
    return link + (f"?{query}" if query else "") + (f"#{fragment}" if hash_mark else "")


def _depth(html: str) -> int:
    """How many more elements ``html`` opens than it closes (sanitised, so well formed)."""
    depth = 0
    for tag in _TAG.finditer(html):
        if tag.group(2) in ("br", "hr", "img", "col", "wbr") or tag.group(3):
            continue
        depth += -1 if tag.group(1) else 1
    return depth


def _raw_block(html: str) -> str:
    # One <div> around it: the engine then takes the whole part as raw HTML and reads no Markdown in it, and
    # brackets as character references besides, so that text (one a removed tag left behind, or an escaped
    # "\[x\](javascript:…)") cannot become a link in an engine that does read Markdown inside HTML.
    html = "".join(part if part.startswith("<") else part.replace("[", "&#91;").replace("]", "&#93;")
                   for part in _TAG_OR_TEXT.split(html.strip()))
    return f'<div class="wgo-body">\n{html}\n</div>' if html else ""


def _markdown_heading(heading: re.Match[str]) -> str:
    inner = "".join(part if part.startswith("<") else _MARKDOWN_SPECIAL.sub(r"\\\1", part)
                    for part in _TAG_OR_TEXT.split(heading.group(3).replace("\n", " ")))
    attributes = dict(_HEADING_ATTRIBUTE.findall(heading.group(2)))
    words = [f"#{attributes['id']}"] if attributes.get("id") else []
    words += [f".{name}" for name in attributes.get("class", "").split()]
    return f"{'#' * int(heading.group(1))} {inner.strip()}" + (f" {{{' '.join(words)}}}" if words else "")


# --- checking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    code: str  # unsafe-html, unsafe-url, outside-resource
    construct: str  # as the author wrote it: <script>, onerror, javascript:…, https://…
    needle: str  # what to look for in the source to find the line


def check_bodies(content: Content, report: Report) -> None:
    """Report every construct the sanitiser will remove from a body, and every load from another host."""
    for body in authored_bodies(content):
        lines = _searchable_lines(body.text)
        cursor = 0
        for finding in findings(body.text):
            cursor = _line_of(lines, finding.needle, cursor)
            where = body.location.at((body.location.line or 1) + cursor)
            if finding.code == "outside-resource" or body.by_employees:
                report.error(where, finding.code, construct=finding.construct)
            else:
                report.warning(where, finding.code, construct=finding.construct)


@lru_cache(maxsize=4096)  # a preview's rebuild checks every body again, nearly all unchanged
def findings(text: str) -> tuple[Finding, ...]:
    """What the sanitiser will remove from ``text`` (and every load from another host), in document order."""
    scanner = _Scanner()
    scanner.feed(_converted(text))
    scanner.close()
    return tuple(scanner.found)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        loads = [url for name, value in attrs for url in _outside_loads(tag, name, value or "")]
        if loads:  # one message per address; the tag or attribute carrying it goes with it
            self.found += [Finding("outside-resource", url, url) for url in loads]
            return
        if tag not in ALLOWED_TAGS:
            self.found.append(Finding("unsafe-html", f"<{tag}>", f"<{tag}"))
            return
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name not in ALLOWED_ATTRIBUTES["*"] and name not in ALLOWED_ATTRIBUTES.get(tag, set()):
            self.found.append(Finding("unsafe-html", f"{name}=", name))
        elif name in _URL_ATTRIBUTES and (scheme := _SCHEME.match(value)) and scheme.group(1).lower() not in URL_SCHEMES:
            self.found.append(Finding("unsafe-url", _shortened(value), value.strip()[:20]))


def _outside_loads(tag: str, name: str, value: str) -> list[str]:
    """The addresses on another host that this attribute makes the browser load with the page."""
    if name == "style":
        urls = _CSS_URL.findall(value)
    elif name == "srcset":
        urls = [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    elif name in _LOADING_ATTRIBUTES or (name == "href" and tag in _LOADING_LINK_TAGS):
        urls = [value.strip()]
    else:
        return []
    return [url for url in urls if _is_outside(url) and urlsplit(url).scheme.lower() in ("", "http", "https", "ftp")]


def _shortened(url: str) -> str:
    url = url.strip()
    return url if len(url) <= 40 else url[:39] + "…"


def _searchable_lines(text: str) -> list[str]:
    """The lines of ``text`` in lower case, code blocks blanked (an example there is not the construct)."""
    lines, fenced = [], False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line.lower())
    return lines


def _line_of(lines: list[str], needle: str, cursor: int) -> int:
    """The (0-based) line at or after ``cursor`` that holds ``needle``; else the first that does; else ``cursor``."""
    needle = needle.lower()
    for number in chain(range(cursor, len(lines)), range(cursor)):
        if needle in lines[number]:
            return number
    return cursor
