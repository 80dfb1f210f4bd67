"""The Content-Security-Policy of every page: one ``<meta>`` that says what a page may run and load.

A script that slips into a page anyway (through an author's HTML, a theme override, a bug of
ours) must not run. So scripts come only from the site's own files (``'self'``) plus the few
inline scripts that the theme itself writes, allowed one by one by the SHA-256 of their text.
Those are hashed from the theme's own output, never from the finished page: hashing every
inline script of the page would allow an injected one as well.

The theme's inline scripts are the ones Material keeps in ``partials/javascripts/``; their text
depends on the page's depth (``base_url``), so ``ThemeScripts`` renders them with the engine's
template environment once per depth. Styles likewise: ``'self'``, plus the ``<style>`` elements of pages the
generator rendered from data with its own templates (a checklist's page footer for print).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import jinja2

# Where Material keeps every inline script it writes into a page (base.html includes them from there).
THEME_SCRIPTS = "partials/javascripts/"

# Types a browser runs as classic or module scripts; Material's "__config" is application/json, data only.
_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

# The site's own files, Material's icons (data: SVGs in its CSS) and nothing from elsewhere.
# The search worker is a file of the site; its index is fetched from the site. A policy in a
# <meta> cannot carry frame-ancestors (browsers ignore it there): that needs the web server's header.
_FIXED = (
    ("img-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


# Search stems queries with Snowball compiled to WebAssembly (theme/hooks/wgo_search_worker.js). Over
# file:// the search worker runs in an iframe (iframe-worker), which inherits this policy, and a browser
# that gives a worker its page's policy applies it there too; compiling WebAssembly needs this keyword.
# It allows WebAssembly only: eval() and new Function() stay blocked (that would be 'unsafe-eval').
_WASM = "'wasm-unsafe-eval'"


@dataclass(frozen=True, kw_only=True)
class Policy:
    """What a page may run: the hashes of the inline scripts and ``<style>`` elements it may have."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, page: str, *, theme_scripts: frozenset[str], styles: frozenset[str] = frozenset()) -> Policy:
        """The policy of a page: the theme's scripts that the page has (the others need no hash), and ``styles``."""
        present = (text for text in theme_scripts if text in page)
        return cls(scripts=frozenset(source_hash(text) for text in present), styles=styles)

    def text(self) -> str:
        """The policy as the ``content`` of the ``<meta>``: directives in a fixed order, hashes sorted."""
        directives = [
            ("default-src", "'self'"),
            ("script-src", " ".join(["'self'", _WASM, *sorted(self.scripts)])),
            ("style-src", " ".join(["'self'", *sorted(self.styles)])),
            *_FIXED,
        ]
        return "; ".join(f"{name} {value}" for name, value in directives)

    def meta(self) -> str:
        # The policy holds only keywords, directive names and base64 hashes: nothing to escape in an attribute.
        return f'<meta http-equiv="Content-Security-Policy" content="{self.text()}">'


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script's or style's text, exactly as it stands between its tags."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(theme_output: str) -> frozenset[str]:
    """The text of each inline script (no ``src``, a script type) in HTML the theme wrote."""
    return frozenset(_inline(theme_output, "script"))


class ThemeScripts:
    """The theme's inline scripts for a page, rendered from the theme once per page depth.

    The scripts differ between pages only by ``base_url`` (Material's ``__md_scope``); the rest of
    the page's context is the site's configuration, the same for every page.
    """

    def __init__(self, env: jinja2.Environment, features: list[str]) -> None:
        self.env = env
        self.features = features  # base.html sets them for its partials in the page body
        self.partials = sorted(name for name in env.list_templates() if name.startswith(THEME_SCRIPTS))
        self._by_base: dict[str, frozenset[str]] = {}

    def scripts(self, context: Mapping[str, Any]) -> frozenset[str]:
        base = str(context["base_url"])
        if base not in self._by_base:
            local = {**context, "features": self.features}
            output = "".join(self.env.get_template(name).render(local) for name in self.partials)
            self._by_base[base] = inline_scripts(output)
        return self._by_base[base]


def style_hashes(generated_html: str) -> frozenset[str]:
    """The hashes of the ``<style>`` elements in a page the generator rendered from data."""
    if "<style" not in generated_html:  # most such pages have none; spares parsing a large matrix
        return frozenset()
    return frozenset(source_hash(text) for text in _inline(generated_html, "style"))


def with_policy(page: str, policy: Policy) -> str:
    """The page with its policy in ``<head>``, straight after the character set, before anything loads."""
    head = page.find("<head>")
    if head < 0:
        return page
    charset = page.find('<meta charset="utf-8">', head)
    at = charset + len('<meta charset="utf-8">') if charset >= 0 else head + len("<head>")
    return page[:at] + policy.meta() + page[at:]


def _inline(html: str, tag: str) -> list[str]:
    parser = _InlineElements(tag)
    parser.feed(html)
    parser.close()
    return parser.found


class _InlineElements(HTMLParser):
    """Collects the text of each inline ``<script>`` or ``<style>`` element, as the browser hashes it."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=False)  # script and style text is raw: no references to decode
        self.tag = tag
        self.found: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != self.tag:
            return
        attributes = dict(attrs)
        inline = tag == "style" or ("src" not in attributes and (attributes.get("type") or "").lower() in _SCRIPT_TYPES)
        self._text = [] if inline else None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self.tag and self._text is not None:
            self.found.append("".join(self._text))
            self._text = None
