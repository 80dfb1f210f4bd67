"""The one Jinja2 environment that turns model and facts into Markdown pages.

Templates are looked up first in the organisation's override folder (``theme/pages``
by default), then in the package, so an organisation can change any page
without touching the code.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..catalogue import Catalogue
from .escape import escape_text, escape_url
from .paths import relative_link
from .site import Page


class Renderer:
    def __init__(self, catalogue: Catalogue, build_date: dt.date, override_dirs: tuple[Path, ...] = ()) -> None:
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader([str(d) for d in override_dirs if d.is_dir()])]
        loaders.append(jinja2.PackageLoader("generator", "templates"))
        self.environment = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=escape_text,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # A Renderer lives for one build (mkdocs serve makes a new one per rebuild), so
            # there is no need to stat every template again for each of thousands of pages.
            auto_reload=False,
        )
        self.environment.globals.update(t=catalogue, build_date=build_date, date=self.date)
        self.environment.filters["date"] = self.date
        self.environment.filters["href"] = escape_url
        self.catalogue, self.build_date = catalogue, build_date

    def date(self, value: dt.date | None) -> str:
        """A date as the site's readers write it."""
        if value is None:
            return "—"
        return f"{value.day:02}-{value.month:02}-{value.year}" if self.catalogue.language == "nl" else value.isoformat()

    def page(self, template: str, path: str, title: str, *, search: bool = True, **context: Any) -> Page:
        """Render one page; ``link(target)`` in the template gives a path relative to this page."""

        def link(target: str) -> Markup:
            return Markup(relative_link(path, target))

        markdown = self.environment.get_template(template).render(page_path=path, title=title, link=link, **context)
        return Page(path=path, title=title, markdown=markdown, search=search)
