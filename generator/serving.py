"""What only ``mkdocs serve`` needs from the plugin: fast rebuilds and a preview that shows errors.

A rebuild regenerates every page, but MkDocs need not convert or render again the pages whose
output cannot have changed: ``ServeCache`` remembers each page's source and converted HTML
across rebuilds, and with ``--dirty`` the ``ServedFile``s tell MkDocs which pages changed
(MkDocs 1.6 takes generated files as always changed). While the content has errors,
``ErrorPageEverywhere`` shows the error page at every page address. A normal build uses none of this.

``preview`` is ``python -m generator serve``: ``mkdocs serve --dirty`` without MkDocs' notice
about dirty builds, after ``busy_port`` has found the address free.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from .diagnostics import Text
from .generate import Result, generate
from .render.inputs import RenderMemo, Reuse
from .render.site import SiteAddress

# MkDocs warns in English at every --dirty build that the navigation may be inaccurate; with the
# ServedFiles telling it what changed it is not, and an author could do nothing about it anyway.
DIRTY_NOTICE = "A 'dirty' build is being performed"


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
    memo: RenderMemo | None = None  # the generator's pages of the last rebuild, by their inputs (render/inputs.py)
    last: tuple[str, Result] | None = None  # the last rebuild's result, by the fingerprint of what it was made from
    outputs: dict[str, str] = field(default_factory=dict)  # the last rebuild's generated files: output path -> URL
    vanished: set[str] = field(default_factory=set)  # output paths of files the last rebuild had and this one has not

    def generate(self, content_dir: Path, *, template_dirs: tuple[Path, ...], address: SiteAddress, git_history: bool) -> Result:
        """The generator's result for this rebuild: the last one when no file changed (a save without a change
        does nothing), else a build that renders only the pages whose inputs changed (render/inputs.py)."""
        fingerprint = _fingerprint((content_dir, *template_dirs), repr((address, git_history)))
        if self.last is not None and self.last[0] == fingerprint:
            return self.last[1]
        result = generate(content_dir, template_dirs=template_dirs, address=address, git_history=git_history,
                          reuse=Reuse.after(self.memo))
        if result.memo is not None:  # else the content has errors: the memo of the last good build stays
            self.memo = result.memo
        # Facts are not needed again and are most of its memory; the model names the site and words its messages.
        self.last = (fingerprint, replace(result, facts=None, memo=None))
        return result

    def note_outputs(self, config: MkDocsConfig, generated: list[File]) -> None:
        """Remember this rebuild's generated files; those of the last rebuild that are not among them have vanished
        (a retired work process, a person who changed team), and their search entries go with them."""
        outputs = {file.dest_path: file.url for file in generated}
        self.vanished = set(self.outputs) - set(outputs)
        forget_search_entries(config, [self.outputs[path] for path in self.vanished])
        self.outputs = outputs

    def remove_vanished(self, site_dir: Path) -> None:
        """Delete the output of vanished pages and files, which a dirty build leaves, and folders left empty."""
        for path in sorted(self.vanished):
            target = site_dir / path
            target.unlink(missing_ok=True)
            for folder in target.parents:
                if folder == site_dir or not folder.is_relative_to(site_dir) or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()
        self.vanished = set()

    def update(self, sources: dict[str, str], context: str) -> None:
        keys = {path: _digest(context, path, source) for path, source in sources.items()}
        self.changed = {path for path, key in keys.items() if self.keys.get(path) != key}
        self.reused = 0
        self.keys = keys
        self.converted = {path: done for path, done in self.converted.items() if keys.get(path) == done.key}

    def reusable(self, path: str) -> Converted | None:
        return self.converted.get(path)

    def files(self, sources: dict[str, str], config: MkDocsConfig, context: str) -> list[File]:
        """The generated pages as files that say whether they changed since the last rebuild."""
        self.update(sources, context)
        served: list[File] = []
        for path, source in sources.items():
            file = ServedFile.generated(config, path, content=source)
            assert isinstance(file, ServedFile)
            file.changed = path in self.changed
            served.append(file)
        forget_search_entries(config, [file.url for file in served if file.is_modified()])
        return served

    def remember(self, html: str, page: MkDocsPage) -> str:
        """Keep a page's conversion for the rebuilds to come."""
        path = page.file.src_uri
        links = {f.src_uri: dict(a) for f, a in page.links_to_anchors.items()} if page.links_to_anchors is not None else None
        self.converted[path] = Converted(
            key=self.keys[path], content=html, toc_tokens=_toc_tokens_of(page.toc), title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()), links_to_anchors=links,
        )
        return html

    def restore(self, page: MkDocsPage, files: Files) -> str | None:
        """A page's content as an earlier rebuild converted it, with its table of contents, title and
        anchors put back on the page; None when it has to be converted."""
        done = self.reusable(page.file.src_uri)
        if done is None:
            return None
        self.reused += 1
        page.toc = get_toc(done.toc_tokens)
        page.present_anchor_ids = set(done.anchors)
        page._title_from_render = done.title
        if done.links_to_anchors is not None:
            page.links_to_anchors = {f: links for uri, links in done.links_to_anchors.items() if (f := files.get_file_from_path(uri))}
        return done.content


class ServedFile(File):
    """A generated page that tells ``serve --dirty`` whether it changed (MkDocs takes generated files as always changed)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class ErrorPageEverywhere:
    """The preview server's application: while the content has errors, every page address shows
    the error page (with live reload, so the tab comes back by itself once the author fixes it).

    MkDocs would answer the pages it no longer has with its 404 page, which does not reload.
    """

    def __init__(self, failing: Callable[[], bool], server: LiveReloadServer, site_dir: Path) -> None:
        self.failing, self.server, self.site_dir = failing, server, site_dir

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = str(environ.get("PATH_INFO", ""))
        if not self.failing() or path.startswith("/livereload/") or not _is_page_address(path):
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


def forget_search_entries(config: MkDocsConfig, urls: list[str]) -> None:
    """Drop the changed pages from the index that Material's search keeps across dirty rebuilds.

    It merges the previous index with the pages built now, assuming one changed page: the
    entries of every other changed page would stay twice.
    """
    for plugin in config.plugins.values():
        previous = getattr(plugin, "search_index_prev", None)
        if previous is not None and urls:
            gone = set(urls)
            previous.entries = [e for e in previous.entries if e.get("location", "").split("#", 1)[0] not in gone]


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


def _fingerprint(folders: tuple[Path, ...], settings: str) -> str:
    """A digest of every file under ``folders`` (names and bytes, hidden folders left out) and of ``settings``."""
    digest = hashlib.blake2b(settings.encode(), digest_size=16)
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            relative = path.relative_to(folder)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                digest.update(f"\0{folder}\0{relative}\0".encode("utf-8", "surrogatepass"))
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _toc_tokens_of(toc: Any) -> list[Any]:
    """A page's ``TableOfContents`` back in the token form ``get_toc`` takes."""
    return [{"level": item.level, "id": item.id, "name": item.title, "html": item.title,
             "children": _toc_tokens_of(item.children)} for item in toc]


def preview(config_file: Path, host: str, port: int) -> int:
    """Run ``mkdocs serve --dirty`` in this process until Ctrl+C; its exit code."""
    import click
    from mkdocs.__main__ import cli

    build_log = logging.getLogger("mkdocs.commands.build")
    quiet = _WithoutDirtyNotice()
    build_log.addFilter(quiet)
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    arguments = ["serve", "--dirty", "--config-file", str(config_file), "--dev-addr", address]
    try:
        cli.main(arguments, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as error:  # MkDocs' own configuration errors, worded by MkDocs
        error.show()
        return error.exit_code
    except click.exceptions.Abort:  # Ctrl+C before the server ran
        return 130
    finally:
        build_log.removeFilter(quiet)
    return 0


def busy_port(host: str, port: int) -> Text | None:
    """Why the preview cannot listen on ``host:port`` (taken, or no such address); None when it can."""
    try:
        _bind(host, port)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return Text("serve.port-busy", {"host": host, "port": port, "free": _free_port_after(host, port)})
        return Text("serve.cannot-listen", {"host": host, "port": port, "problem": error.strerror or str(error)})
    return None


def _bind(host: str, port: int) -> None:
    """Bind as MkDocs' server will (with SO_REUSEADDR, so only a listening server is in the way), then let go."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _free_port_after(host: str, port: int) -> int:
    for candidate in range(port + 1, min(port + 100, 65536)):
        try:
            _bind(host, candidate)
        except OSError:
            continue
        return candidate
    return port + 1


class _WithoutDirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)
