"""Author bodies are sanitised before any engine sees them, and ``check`` says what was removed.

The golden case ``cases/unsafe-bodies`` holds the messages; here: what the sanitiser keeps and
removes, and a scan of a built site whose bodies try every way to run script or load from
another host, built with the checker's verdict ignored, so that the sanitiser alone must hold.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import generate
from generator.bodies import findings, safe_html, safe_markdown
from generator.writer import engine_config, write_tree

from .conftest import BUILD_DATE, content_tree

ATTACKS = """\
<script>alert('script')</script>
<img src="foto.png" onerror="alert('onerror')">
<iframe src="http://video.example/embed"></iframe>
<object data="https://cdn.example/x.swf"></object>
<embed src="https://cdn.example/x.swf">
<video poster="https://cdn.example/poster.jpg" src="https://cdn.example/film.mp4"></video>
<audio src="//cdn.example/geluid.mp3"></audio>
<img srcset="https://cdn.example/a.png 2x, b.png 1x">
<link rel="stylesheet" href="https://cdn.example/stijl.css">
<p style="background: url('https://cdn.example/bg.png')">achtergrond</p>
<meta http-equiv="refresh" content="0;url=https://phishing.example/">
<base href="https://phishing.example/">
<form action="https://phishing.example/"><input name="pw"></form>
<svg onload="alert('svg')"></svg>

[javascript](javascript:alert('link')) [data](data:text/html,<script>alert(1)</script>) [vbscript](vbscript:msgbox)
![pixel](https://tracker.example/p.gif)
<a href="JaVaScRiPt:alert('case')">hoofdletters</a>

[een gewone link naar buiten](https://www.example.org/) en [mail](mailto:kwaliteit@example.nl)
"""


def test_every_attack_is_removed_and_ordinary_links_stay() -> None:
    html = safe_html(ATTACKS, "werkprocessen/w.md", True)
    for gone in ("<script", "onerror", "<iframe", "<object", "<embed", "<video", "<audio", "<link", "<meta", "<base",
                 "<form", "<input", "<svg", "onload", "javascript:", "JaVaScRiPt", "data:", "vbscript:", "cdn.example",
                 "tracker.example", "style=", "alert"):
        assert gone not in html, gone
    assert '<a href="https://www.example.org/">een gewone link naar buiten</a>' in html
    assert '<a href="mailto:kwaliteit@example.nl">mail</a>' in html
    assert 'src="../foto.png"' in html  # the image stays, linked from where the page is served


def test_check_finds_each_construct_the_sanitiser_removes() -> None:
    found = [(f.code, f.construct) for f in findings(ATTACKS)]
    assert ("unsafe-html", "<script>") in found
    assert ("unsafe-html", "onerror=") in found
    assert ("unsafe-html", "<meta>") in found and ("unsafe-html", "<base>") in found and ("unsafe-html", "<form>") in found
    assert ("unsafe-html", "<svg>") in found
    assert ("unsafe-url", "javascript:alert(") in found and ("unsafe-url", "vbscript:msgbox") in found  # as Markdown reads it
    assert ("unsafe-url", "JaVaScRiPt:alert('case')") in found
    outside = {construct for code, construct in found if code == "outside-resource"}
    assert outside == {"http://video.example/embed", "https://cdn.example/x.swf", "https://cdn.example/poster.jpg",
                       "https://cdn.example/film.mp4", "//cdn.example/geluid.mp3", "https://cdn.example/a.png",
                       "https://cdn.example/stijl.css", "https://cdn.example/bg.png", "https://tracker.example/p.gif"}
    assert not any("example.org" in construct or "mailto" in construct for _, construct in found)


def test_a_clean_body_has_no_findings() -> None:
    body = "## Stappen\n\n1. Open *klep* [V-12](../bronnen/v12.md).\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n!!! note\n    Let op.\n"
    assert findings(body) == ()


def test_headings_stay_markdown_for_the_table_of_contents_and_nothing_else_does() -> None:
    body = "## Kop met `code` {#eigen}\n\nTekst.\n\n<div>\\[x\\](javascript:alert(1))</div>\n\n### [Nog] een (kop)\n"
    page = safe_markdown(body, "werkprocessen/w.md", True)
    assert "## Kop met <code>code</code> {#eigen}" in page
    assert "### \\[Nog\\] een \\(kop\\) {#nog-een-kop}" in page  # escaped: the engine makes no link of it
    blocks = [part for part in page.split("\n\n") if not part.startswith("#")]
    assert all(part.startswith('<div class="wgo-body">') and part.endswith("</div>") for part in blocks)


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, 'href="../../bronnen/sop/#stap-2"'), (False, 'href="../bronnen/sop.html#stap-2"'), (None, 'href="../bronnen/sop.md#stap-2"'),
])
def test_relative_links_reach_the_served_page(directory_urls: bool | None, expected: str) -> None:
    assert expected in safe_html("[SOP](../bronnen/sop.md#stap-2)", "werkprocessen/w.md", directory_urls)


# Anything that makes a browser load from another host, as the built HTML can carry it.
_LOADS = re.compile(r"""\b(?:src|srcset|poster|data|action)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)"""
                    r"""|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|<link\b[^>]*href=["']?(?:[a-z][a-z0-9+.-]*:|//)""", re.IGNORECASE)


def test_a_built_site_carries_none_of_it_even_if_check_let_it_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = content_tree(tmp_path / "project", "unsafe-bodies")
    for name in ("sources/extern.md", "pages/over.md", "improvements/script.md"):
        (project / "content" / name).write_text((project / "content" / name).read_text() + "\n" + ATTACKS, encoding="utf-8")
    # The checker would refuse this content: the sanitiser alone must hold.
    monkeypatch.setattr(importlib.import_module("generator.generate"), "check_bodies", lambda content, report: None)
    result = generate(project / "content", build_date=BUILD_DATE)
    assert result.site is not None, result.catalogue.lines(result.report.in_file_order())
    out = tmp_path / "out"
    write_tree(result.site, out, engine_config(result.site, None, name="Test", language="nl"))
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out / "site")], cwd=out,
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    pages = {path: path.read_text(encoding="utf-8") for path in (out / "site").rglob("*") if path.suffix in (".html", ".xml")}
    assert any("achtergrond" in text for text in pages.values())  # the bodies are there
    for path, text in pages.items():
        assert not _LOADS.search(text), (path, _LOADS.search(text))
        for gone in ("alert(", "onerror", "onload", "javascript:", "<iframe", "http-equiv=\"refresh\"", "phishing.example"):
            assert gone not in text, (path, gone)
