"""The MkDocs integration: glue only. It runs the generator and hands its pages to MkDocs.

The generator's pages go to MkDocs as in-memory files, so nothing is written
into the content folder and a rebuild cannot trigger itself under ``serve``.
Pages the generator rendered to HTML skip MkDocs' Markdown conversion: their
Markdown is replaced by nothing and their content by the generator's HTML, with
the table of contents from the generator's headings.

Under ``serve`` it also keeps conversions across rebuilds and shows errors at every address:
``serving.py``. A normal build keeps none of that.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from .access import AccessRules, write_access_rules
from .catalogue import Catalogue
from .dates import bad_source_date_epoch
from .diagnostics import Severity
from .generate import Result, error_site, generate, warnings_banner
from .model import Organisation
from .render.csp import Policy, ThemeScripts, style_hashes, with_policy
from .render.escape import escape_html
from .render.site import Heading, Page, Site, SiteAddress
from .serving import ErrorPageEverywhere, ServeCache
from .writer import nav_config, page_source

log = logging.getLogger("mkdocs.plugins.wgo")

_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


class WgoConfig(Config):
    content_dir = config_options.Optional(config_options.Type(str))  # default: docs_dir
    templates_dir = config_options.Type(str, default="theme/pages")
    git_history = config_options.Type(bool, default=True)  # dates of last change and checks from the content's git history


class WgoPlugin(BasePlugin[WgoConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        # What on_post_build needs to write the access rules: not the whole Result, whose model and facts
        # would otherwise stay in memory through MkDocs' build.
        self.access: tuple[AccessRules | None, Organisation, Catalogue] | None = None
        self.watched: list[Path] = []
        self.content_dir: Path | None = None
        self.html_pages: dict[str, Page] = {}  # by path: the pages the generator rendered to HTML
        self.cache: ServeCache | None = None  # only under serve
        self.failing = False  # under serve: the content has errors, every page address shows them
        self.banner = ""  # under serve: the content's warnings, shown on every page
        self.theme_scripts: ThemeScripts | None = None  # a build's, not serve's: live reload injects its own script
        # Of the page being rendered, from its context to its output: the theme's scripts and the page's styles.
        self.policy: tuple[frozenset[str], frozenset[str]] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.cache = ServeCache() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        content_dir = root / self.config.content_dir if self.config.content_dir else Path(config.docs_dir)
        self.watched, self.content_dir = [content_dir, root / self.config.templates_dir], content_dir
        address = SiteAddress(url=config.site_url or "", directory_urls=config.use_directory_urls)
        templates = (root / self.config.templates_dir,)
        if self.cache is None:
            result = generate(content_dir, template_dirs=templates, address=address, git_history=self.config.git_history)
        else:
            result = self.cache.generate(content_dir, template_dirs=templates, address=address, git_history=self.config.git_history)
        self._log(result)
        if bad_source_date_epoch() is not None:
            # MkDocs reads it too (sitemap dates) and fails with a traceback; the generator has
            # warned and uses today, so MkDocs does the same.
            del os.environ["SOURCE_DATE_EPOCH"]
        if result.site is None and not self.serving:
            raise PluginError(result.catalogue("content-errors", count=len(result.report.of(Severity.ERROR))))
        if config.strict and not self.serving:
            self._refuse_warnings(result)
        self.access = (result.access_rules, result.content.organisation, result.catalogue) if result.site else None
        self.site = result.site or error_site(result)
        self.failing = result.site is None
        self.banner = warnings_banner(result) if self.serving else ""
        config.nav = nav_config(self.site.nav)
        # Material prints site_name raw in most places and with "| e" in some; escaped Markup
        # is safe in both and is not escaped twice.
        config.site_name = Markup(escape_html(result.content.organisation.name or config.site_name))
        config.theme["language"] = result.catalogue.language
        return config

    def _refuse_warnings(self, result: Result) -> None:
        """Stop a strict build on content warnings now, rather than after building every page.

        MkDocs counts warnings for --strict only at the level it logs, so with -q they would
        pass unnoticed; then the error itself lists them.
        """
        warnings = [m for m in result.report.in_file_order() if m.severity is Severity.WARNING]
        if not warnings:
            return
        text = result.catalogue("content-warnings-strict", count=len(warnings))
        if not log.isEnabledFor(logging.WARNING):
            text = "\n".join([text, *result.catalogue.lines(warnings)])
        raise PluginError(text)

    def _log(self, result: Result) -> None:
        for message in result.report.in_file_order():
            log.log(_LOG_LEVELS[message.severity], result.catalogue.line(message))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Hand MkDocs the generated pages and the files the generator checked, and the theme's files.

        Nothing is taken from ``docs_dir`` as MkDocs found it: a stray file there, or a link
        to a file elsewhere, would otherwise be published as it is.
        """
        assert self.site is not None
        kept = [f for f in files if f.generated_by or not _inside(f.abs_src_path, config.docs_dir)]
        # The HTML pages' HTML reaches MkDocs in on_page_content; a second copy in their files cost a
        # third of a large build's memory. Under serve it stays: it is part of each page's cache key.
        sources = {page.path: page_source(page, with_html=self.cache is not None) for page in self.site.pages}
        self.html_pages = {page.path: page for page in self.site.pages if page.html is not None}
        if self.cache is None:
            generated = [File.generated(config, path, content=source) for path, source in sources.items()]
        else:
            context = repr((config.nav, str(config.site_name), config.theme["language"], sorted(sources),
                            sorted(f.src_uri for f in kept), self.banner))  # the banner is on every page
            generated = self.cache.files(sources, config, context)
        edit_uris = self._edit_uris(config)
        for file in generated:
            if file.src_uri in edit_uris:
                file.edit_uri = edit_uris[file.src_uri]  # MkDocs makes the page's edit_url from it, as for a file of its own
        generated += [File.generated(config, file.path, content=file.read()) for file in self.site.files]
        if self.cache is not None:
            self.cache.note_outputs(config, generated)
        return Files(kept + generated)

    def _edit_uris(self, config: MkDocsConfig) -> dict[str, str]:
        """Per public page the content file it comes from, as a path relative to ``docs_dir`` (what ``edit_uri``
        is relative to). Restricted pages get none: they are built from the tables, and name people."""
        assert self.site is not None and self.content_dir is not None
        if not (config.edit_uri or config.edit_uri_template):
            return {}
        content = os.path.relpath(self.content_dir, config.docs_dir)
        return {page.path: posixpath.normpath(posixpath.join(Path(content).as_posix(), page.source_file))
                for page in self.site.pages if page.source_file and not page.audience.restricted}

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.theme_scripts = None if self.serving else ThemeScripts(env, list(config.theme.get("features") or []))
        return env

    def on_page_context(self, context: TemplateContext, *, page: MkDocsPage, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """What the page's Content-Security-Policy allows (``render/csp.py``): the theme's scripts, and the
        ``<style>`` elements of a page the generator rendered from data."""
        if self.theme_scripts is not None:
            generated = self.html_pages.get(page.file.src_uri)
            styles = style_hashes(generated.html or "") if generated is not None else frozenset()
            self.policy = (self.theme_scripts.scripts(context), styles)
        return context

    def on_template_context(self, context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
        if self.theme_scripts is not None:  # 404.html
            self.policy = (self.theme_scripts.scripts(context), frozenset())
        return context

    @event_priority(100)  # before other plugins look at the Markdown
    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        """Nothing to convert for a page rendered to HTML (its front matter is read already), nor for
        a page converted in an earlier rebuild of this ``serve`` whose source has not changed."""
        path = page.file.src_uri
        return "" if path in self.html_pages or (self.cache and self.cache.reusable(path)) else markdown

    @event_priority(100)  # before other plugins look at the content
    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        generated = self.html_pages.get(page.file.src_uri)
        if generated is not None and generated.html is not None:
            page.toc = get_toc(toc_tokens(generated.headings))
            page.present_anchor_ids = {heading.id for heading in generated.headings} | set(generated.anchors)
            return generated.html
        if self.cache is None:
            return html
        restored = self.cache.restore(page, files)
        return self.cache.remember(html, page) if restored is None else restored

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """A build's pages get their Content-Security-Policy. Under serve, the content's warnings on top
        of every page: a preview that looks fine would otherwise fail ``mkdocs build --strict``."""
        output = self._with_policy(output)
        if not self.banner or (at := output.find('<div class="md-container"')) < 0:
            return output
        return output[:at] + self.banner + output[at:]

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self._with_policy(output) if template_name.endswith(".html") else output

    def _with_policy(self, output: str) -> str:
        if self.policy is None:
            return output
        (scripts, styles), self.policy = self.policy, None
        return with_policy(output, Policy.of(output, theme_scripts=scripts, styles=styles))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The access rules beside the site (``site`` → ``site-access``): only a build publishes a site to protect.
        Under serve, the output of pages and files that are gone since the last rebuild is removed."""
        if self.cache is not None:
            self.cache.remove_vanished(Path(config.site_dir))
        if self.serving or self.access is None:
            return
        rules, organisation, catalogue = self.access
        for written in write_access_rules(Path(config.site_dir), rules, organisation, catalogue):
            log.info(catalogue("access-rules-written", file=str(written)))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        for folder in self.watched:
            if folder.is_dir():
                server.watch(str(folder))
        server.set_app(ErrorPageEverywhere(lambda: self.failing, server, Path(config.site_dir)))
        return server


def _inside(path: str | None, folder: str) -> bool:
    """Whether ``path`` lies in ``folder`` by its name: links are not resolved, since MkDocs reads through them."""
    if path is None:
        return False
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return os.path.commonpath([path, folder]) == folder


def toc_tokens(headings: tuple[Heading, ...]) -> list[Any]:
    """Headings as Python-Markdown's toc extension nests them (``md.toc_tokens``), for MkDocs' ``get_toc``."""
    root: list[Any] = []
    stack: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.html, "html": heading.html, "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
