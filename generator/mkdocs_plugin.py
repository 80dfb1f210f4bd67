"""The MkDocs integration: glue only. It runs the generator and hands its pages to MkDocs.

The generator's pages go to MkDocs as in-memory files, so nothing is written
into the content folder and a rebuild cannot trigger itself under ``serve``.
Pages the generator rendered to HTML skip MkDocs' Markdown conversion: their
Markdown is replaced by nothing and their content by the generator's HTML, with
the table of contents from the generator's headings.

Under ``serve`` a rebuild regenerates every page, but MkDocs need not convert or render
again the pages whose output cannot have changed: the plugin remembers each page's
source and converted HTML across rebuilds (``ServeCache``), and with ``--dirty`` its
files tell MkDocs which pages changed. A normal build keeps none of this.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from .dates import bad_source_date_epoch
from .diagnostics import Severity
from .generate import Result, error_site, generate, warnings_banner
from .render.escape import escape_html
from .render.site import Heading, Page, Site, SiteAddress
from .writer import nav_config, page_source

log = logging.getLogger("mkdocs.plugins.wgo")

_LOG_LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


class WgoConfig(Config):
    content_dir = config_options.Optional(config_options.Type(str))  # default: docs_dir
    templates_dir = config_options.Type(str, default="theme/pages")


@dataclass(frozen=True)
class Converted:
    """What MkDocs made of a page's Markdown, to hand back while the page stays the same."""

    key: str
    content: str
    toc_tokens: list[Any]
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


@dataclass
class ServeCache:
    """Across the rebuilds of one ``serve``: each page's source key, and its converted HTML.

    A page's key is the hash of its source and of everything around it that reaches its
    HTML (the navigation, the site's name and language, the set of pages its links resolve
    against); ``changed`` holds the pages whose key differs from the previous rebuild's.
    """

    keys: dict[str, str] = field(default_factory=dict)
    converted: dict[str, Converted] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    reused: int = 0  # conversions taken from the cache in this rebuild

    def update(self, sources: dict[str, str], context: str) -> None:
        keys = {path: _digest(context, path, source) for path, source in sources.items()}
        self.changed = {path for path, key in keys.items() if self.keys.get(path) != key}
        self.reused = 0
        self.keys = keys
        self.converted = {path: done for path, done in self.converted.items() if keys.get(path) == done.key}

    def reusable(self, path: str) -> Converted | None:
        return self.converted.get(path)


class _ServedFile(File):
    """A generated page that tells ``serve --dirty`` whether it changed (MkDocs takes generated files as always changed)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class WgoPlugin(BasePlugin[WgoConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.site: Site | None = None
        self.watched: list[Path] = []
        self.html_pages: dict[str, Page] = {}  # by path: the pages the generator rendered to HTML
        self.cache: ServeCache | None = None  # only under serve
        self.failing = False  # under serve: the content has errors, every page address shows them
        self.banner = ""  # under serve: the content's warnings, shown on every page

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.cache = ServeCache() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        content_dir = root / self.config.content_dir if self.config.content_dir else Path(config.docs_dir)
        self.watched = [content_dir, root / self.config.templates_dir]
        address = SiteAddress(url=config.site_url or "", directory_urls=config.use_directory_urls)
        result = generate(content_dir, template_dirs=(root / self.config.templates_dir,), address=address)
        self._log(result)
        if bad_source_date_epoch() is not None:
            # MkDocs reads it too (sitemap dates) and fails with a traceback; the generator has
            # warned and uses today, so MkDocs does the same.
            del os.environ["SOURCE_DATE_EPOCH"]
        if result.site is None and not self.serving:
            raise PluginError(result.catalogue("content-errors", count=len(result.report.of(Severity.ERROR))))
        if config.strict and not self.serving:
            self._refuse_warnings(result)
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
        sources = {page.path: page_source(page) for page in self.site.pages}
        self.html_pages = {page.path: page for page in self.site.pages if page.html is not None}
        if self.cache is None:
            generated = [File.generated(config, path, content=source) for path, source in sources.items()]
        else:
            generated = self._served_files(sources, kept, config)
        generated += [File.generated(config, file.path, content=file.read()) for file in self.site.files]
        return Files(kept + generated)

    def _served_files(self, sources: dict[str, str], kept: list[File], config: MkDocsConfig) -> list[File]:
        assert self.cache is not None
        context = repr((config.nav, str(config.site_name), config.theme["language"], sorted(sources),
                        sorted(f.src_uri for f in kept), self.banner))  # the banner is on every page
        self.cache.update(sources, context)
        served: list[File] = []
        for path, source in sources.items():
            file = _ServedFile.generated(config, path, content=source)
            assert isinstance(file, _ServedFile)
            file.changed = path in self.cache.changed
            served.append(file)
        _forget_search_entries(config, [file.url for file in served if file.is_modified()])
        return served

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
            page.present_anchor_ids = {heading.id for heading in generated.headings}
            return generated.html
        if self.cache is None:
            return html
        done = self.cache.reusable(page.file.src_uri)
        if done is None:
            return self._remember(html, page)
        self.cache.reused += 1
        page.toc = get_toc(done.toc_tokens)
        page.present_anchor_ids = set(done.anchors)
        page._title_from_render = done.title
        if done.links_to_anchors is not None:
            page.links_to_anchors = {f: links for uri, links in done.links_to_anchors.items() if (f := files.get_file_from_path(uri))}
        return done.content

    def _remember(self, html: str, page: MkDocsPage) -> str:
        """Keep a page's conversion for the rebuilds to come."""
        assert self.cache is not None
        path = page.file.src_uri
        links = {f.src_uri: dict(a) for f, a in page.links_to_anchors.items()} if page.links_to_anchors is not None else None
        self.cache.converted[path] = Converted(
            key=self.cache.keys[path], content=html, toc_tokens=_toc_tokens_of(page.toc), title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()), links_to_anchors=links,
        )
        return html

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """Under serve, the content's warnings on top of every page: a preview that looks fine would
        otherwise fail ``mkdocs build --strict``."""
        if not self.banner or (at := output.find('<div class="md-container"')) < 0:
            return output
        return output[:at] + self.banner + output[at:]

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        for folder in self.watched:
            if folder.is_dir():
                server.watch(str(folder))
        server.set_app(_ErrorPageEverywhere(self, server, Path(config.site_dir)))
        return server


class _ErrorPageEverywhere:
    """The preview server's application: while the content has errors, every page address shows
    the error page (with live reload, so the tab comes back by itself once the author fixes it).

    MkDocs would answer the pages it no longer has with its 404 page, which does not reload.
    """

    def __init__(self, plugin: WgoPlugin, server: LiveReloadServer, site_dir: Path) -> None:
        self.plugin, self.server, self.site_dir = plugin, server, site_dir

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = str(environ.get("PATH_INFO", ""))
        if not self.plugin.failing or path.startswith("/livereload/") or not _is_page_address(path):
            return self.server.serve_request(environ, start_response)
        with self.server._epoch_cond:  # as MkDocs itself does: never serve a half-built site
            self.server._epoch_cond.wait_for(lambda: self.server._visible_epoch == self.server._wanted_epoch)
            epoch = self.server._visible_epoch
        try:
            page = (self.site_dir / "index.html").read_bytes()
        except OSError:
            return self.server.serve_request(environ, start_response)
        # Its links are relative to the home page, wherever it is shown.
        page = page.replace(b"<head>", f'<head><base href="{self.server.mount_path}">'.encode(), 1)
        page = self.server._inject_js_into_html(page, epoch)
        # 200, not an error status: the page is what the author should see at this address for now.
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(page)))])
        return [page]


def _is_page_address(path: str) -> bool:
    """A page rather than an asset (a style sheet or script still comes from the site)."""
    name = path.rsplit("/", 1)[-1]
    return name == "" or name.endswith(".html") or "." not in name


def _digest(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _forget_search_entries(config: MkDocsConfig, urls: list[str]) -> None:
    """Drop the changed pages from the index that Material's search keeps across dirty rebuilds.

    It merges the previous index with the pages built now, assuming one changed page: the
    entries of every other changed page would stay twice.
    """
    for plugin in config.plugins.values():
        previous = getattr(plugin, "search_index_prev", None)
        if previous is not None and urls:
            gone = set(urls)
            previous.entries = [e for e in previous.entries if e.get("location", "").split("#", 1)[0] not in gone]


def _inside(path: str | None, folder: str) -> bool:
    """Whether ``path`` lies in ``folder`` by its name: links are not resolved, since MkDocs reads through them."""
    if path is None:
        return False
    path, folder = os.path.abspath(path), os.path.abspath(folder)
    return os.path.commonpath([path, folder]) == folder


def _toc_tokens_of(toc: Any) -> list[Any]:
    """A page's ``TableOfContents`` back in the token form ``get_toc`` takes."""
    return [{"level": item.level, "id": item.id, "name": item.title, "html": item.title,
             "children": _toc_tokens_of(item.children)} for item in toc]


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
