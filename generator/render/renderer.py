"""The Jinja2 environments that turn model and facts into pages: Markdown, or HTML for
pages built only from data.

Templates are looked up first in the organisation's override folder (``theme/pages``
by default), then in the package, so an organisation can change any page
without touching the code. Markdown templates (``*.md.j2``) escape every value for
Markdown and HTML at once; HTML templates (``*.html.j2``) use Jinja2's own autoescape.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import re
from pathlib import Path
from typing import Any

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from ..audience import Audience
from ..catalogue import Catalogue
from .escape import escape_css_string, escape_text, escape_url
from .paths import Place, path_of, relative_link, url_link
from .site import Heading, Page

# Headings with an id, as the HTML templates write them: these make the table of contents.
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


class Renderer:
    def __init__(self, catalogue: Catalogue, build_date: dt.date, override_dirs: tuple[Path, ...] = ()) -> None:
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader([str(d) for d in override_dirs if d.is_dir()])]
        loaders.append(jinja2.PackageLoader("generator", "templates"))
        loader = jinja2.ChoiceLoader(loaders)
        md_cache, html_cache = _bytecode_cache("md"), _bytecode_cache("html")
        self.environment = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=escape_text,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # A Renderer lives for one build (mkdocs serve makes a new one per rebuild), so
            # there is no need to stat every template again for each of thousands of pages.
            auto_reload=False,
            bytecode_cache=md_cache,
        )
        # HTML pages: plain autoescape, and the same words, dates and URL filter.
        self.html_environment = jinja2.Environment(
            loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, auto_reload=False, bytecode_cache=html_cache,
        )
        for environment in (self.environment, self.html_environment):
            environment.globals.update(t=catalogue, build_date=build_date, date=self.date, month=self.month)
            environment.filters["date"] = self.date
            environment.filters["href"] = escape_url
            environment.filters["css_string"] = escape_css_string
        self.catalogue, self.build_date = catalogue, build_date

    def date(self, value: dt.date | None) -> str:
        """A date as the site's readers write it."""
        if value is None:
            return "—"
        return f"{value.day:02}-{value.month:02}-{value.year}" if self.catalogue.language == "nl" else value.isoformat()

    def month(self, value: dt.date) -> str:
        """A month as a chart's axis and table name it: "nov 2026"."""
        return f"{self.catalogue(f'month.{value.month}')} {value.year}"

    def fragment(self, template: str, **context: Any) -> Markup:
        """A piece of HTML for a Markdown page (a chart): one block without blank lines, which would end it."""
        html_text = self.html_environment.get_template(template).render(**context)
        return Markup("\n".join(line for line in html_text.splitlines() if line.strip()))

    def page(self, template: str, path: str, title: str, *, audience: Audience, **context: Any) -> Page:
        """Render one page; ``link(target)`` in the template gives a path relative to this page."""

        def link(target: str | Place) -> Markup:
            return Markup(relative_link(path, path_of(target)))

        markdown = self.environment.get_template(template).render(page_path=path, title=title, link=link, **context)
        return Page(path=path, title=title, markdown=markdown, audience=audience)

    def html_page(
        self, template: str, path: str, title: str, *, directory_urls: bool | None, audience: Audience, **context: Any,
    ) -> Page:
        """Render one page to HTML. ``link(target)`` gives the served address of ``target`` relative to this
        page (with ``directory_urls`` None: the source file, for engines that rewrite links in HTML);
        ``anchor(text)`` a heading id, unique on the page, as Python-Markdown's toc would make it."""
        used: set[str] = set()

        def link(target: str | Place) -> str:
            return url_link(path, path_of(target), directory_urls)

        def anchor(text: str) -> str:
            return unique(_slug(str(text)), used)

        body = self.html_environment.get_template(template).render(
            page_path=path, title=title, link=link, anchor=anchor, **context,
        )
        # Characters beyond ASCII as references (``&#8250;``): Python keeps a string with even one of them
        # at two or four bytes a character, and a large organisation's POP pages are hundreds of megabytes.
        body = body.rstrip("\n").encode("ascii", "xmlcharrefreplace").decode("ascii")  # no final newline, as Python-Markdown
        return Page(path=path, title=title, html=body, headings=headings_of(body), audience=audience)


@functools.cache
def _renderer_source() -> str:
    return f"{jinja2.__version__}\0{Path(__file__).read_text(encoding='utf-8')}"


def _bytecode_cache(kind: str) -> jinja2.BytecodeCache | None:
    """Compiled templates kept between builds, in jinja2's per-user folder in the temporary directory:
    compiling them took ~0.15 s of every build. Jinja checks each against its template's source; the
    file names also carry jinja2's version and this module's own source, since the environments'
    options change the compiled code. Without a usable folder, templates are compiled each build."""
    key = hashlib.sha256(f"{_renderer_source()}\0{kind}".encode()).hexdigest()[:16]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__wgo_{key}_%s.cache")
    except (OSError, RuntimeError):
        return None


@functools.lru_cache(maxsize=65536)
def _slug(text: str) -> str:
    """A heading's id before it is made unique on its page; the same titles head thousands of pages."""
    return slugify(" ".join(text.split()), "-")


def headings_of(body: str) -> tuple[Heading, ...]:
    """The headings that carry an id, with their text as HTML (tags left out)."""
    return tuple(
        Heading(level=int(level), id=html.unescape(id_), html=_TAG.sub("", inner).strip())
        for level, id_, inner in _HEADING.findall(body)
    )
