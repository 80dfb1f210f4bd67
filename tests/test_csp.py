"""The Content-Security-Policy of every page (issue 20): what it says, where it stands, and that a browser keeps to it.

The unit tests call ``generator/render/csp.py`` directly, with Material's own templates for the
theme's scripts; the others read the built example, and open it in Debian's Chromium.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import jinja2
import material
import pytest

from generator.render.csp import Policy, ThemeScripts, inline_scripts, source_hash, style_hashes, with_policy

from .chromium import serve

THEME = Path(material.__file__).parent / "templates"
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

# What a script that slipped into a page tries: each is blocked, each blocked thing is reported.
INJECTED = """
<script>document.documentElement.dataset.injected = "inline script"</script>
<img src="missing.png" alt="" onerror="document.documentElement.dataset.injected = 'event handler'">
<style>.md-typeset h1 { color: rgb(1, 2, 3) }</style>
<p id="wgo-probe" style="color: rgb(4, 5, 6)">probe</p>
<script src="http://127.0.0.2:9/outside.js"></script>
"""
# Recorded from before the page's first script; Playwright's init scripts are not subject to the page's policy.
RECORD_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) => {
  (window.wgoViolations = window.wgoViolations || []).push(`${event.effectiveDirective} ${event.blockedURI}`);
});"""
PROBE_RESULT = """() => ({
  injected: document.documentElement.dataset.injected || null,
  heading: getComputedStyle(document.querySelector('.md-typeset h1')).color,
  probe: getComputedStyle(document.getElementById('wgo-probe')).color,
  material: typeof __md_get === 'function' && document.documentElement.classList.contains('js'),
  violations: (window.wgoViolations || []).sort(),
})"""


# --- the policy, without MkDocs ------------------------------------------------------------------


def test_the_policy_as_written() -> None:
    policy = Policy(scripts=frozenset({"'sha256-b'", "'sha256-a'"}), styles=frozenset({"'sha256-c'"}))
    assert policy.text() == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c'; "
        "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
    assert Policy().text().startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; ")


def test_a_hash_is_the_sha256_of_the_text_between_the_tags() -> None:
    # The example of the CSP specification (CSP Level 3, "hash-source").
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_scripts_a_browser_runs_inline_are_hashed() -> None:
    html = (
        '<script>a()</script><script src="x.js"></script><script type="application/json">{"b": 1}</script>'
        '<script type="module">c()</script><SCRIPT TYPE="text/javascript">d()</SCRIPT><script>\n</script>'
    )
    assert inline_scripts(html) == frozenset({"a()", "c()", "d()", "\n"})


def _material() -> ThemeScripts:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME))
    return ThemeScripts(env, ["navigation.indexes"])


def test_the_theme_scripts_come_from_materials_partials_per_page_depth() -> None:
    theme = _material()
    assert theme.partials, f"no partials/javascripts/ in {THEME}: did Material move its inline scripts?"
    config = {"extra": {}, "theme": {"features": ["navigation.indexes"]}}
    deep, top = theme.scripts({"base_url": "../..", "config": config}), theme.scripts({"base_url": ".", "config": config})
    assert any(text.startswith('__md_scope=new URL("../..",location)') for text in deep), deep
    assert any(text.startswith('__md_scope=new URL(".",location)') for text in top), top
    assert len(deep) == len(top) and deep != top


def test_a_page_allows_the_theme_scripts_it_has_and_never_one_injected() -> None:
    theme = frozenset({"theme()", "unused()"})
    page = "<head><script>theme()</script></head><body><script>injected()</script></body>"
    policy = Policy.of(page, theme_scripts=theme)
    assert policy.scripts == {source_hash("theme()")}


def test_the_policy_follows_the_character_set_before_anything_loads() -> None:
    page = '<!doctype html><html><head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="a.css"><script src="b.js"></script>'
    written = with_policy(page, Policy())
    assert written.startswith('<!doctype html><html><head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" ')
    assert written.endswith('">\n<link rel="stylesheet" href="a.css"><script src="b.js"></script>')
    assert with_policy("<p>no head</p>", Policy()) == "<p>no head</p>"


def test_style_elements_of_a_generated_page_are_hashed() -> None:
    assert style_hashes("<table></table>") == frozenset()
    assert style_hashes("<style>@page { margin: 1cm }</style><p>x</p>") == {source_hash("@page { margin: 1cm }")}


# --- the built example ---------------------------------------------------------------------------


def _policy(page: Path) -> str:
    found = META.findall(page.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{page}: {len(found)} Content-Security-Policy meta elements"
    return found[0]


def _sources(policy: str, directive: str) -> list[str]:
    for part in policy.split(";"):
        name, *sources = part.split()
        if name == directive:
            return sources
    raise AssertionError(f"no {directive} in {policy}")


def test_every_page_of_the_example_has_the_policy_first_in_its_head(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 100 and example_site / "404.html" in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = _policy(page)
        head = text[: text.index("</head>")]
        at = head.index("Content-Security-Policy")
        assert head.index('<meta charset="utf-8">') < at < min(head.index("<link"), head.index("<script")), page
        # WebAssembly only (search's stemmer); never 'unsafe-inline' or 'unsafe-eval'.
        assert "unsafe" not in policy.replace("'wasm-unsafe-eval'", ""), page


def test_every_inline_script_and_style_of_the_example_is_allowed_and_no_more(example_site: Path) -> None:
    """Nothing the site itself writes is blocked: every inline script and <style> has its hash in the
    page's policy, no element has a style attribute, and the policy allows nothing the page lacks."""
    for page in example_site.rglob("*.html"):
        text, policy = page.read_text(encoding="utf-8"), _policy(page)
        scripts = {source_hash(script) for script in inline_scripts(text)}
        assert set(_sources(policy, "script-src")) == {"'self'", "'wasm-unsafe-eval'", *scripts}, page
        assert set(_sources(policy, "style-src")) == {"'self'", *style_hashes(text)}, page
        assert not re.search(r"<[a-z][^>]*\sstyle=", text), f"{page}: a style attribute, which the policy blocks"
        assert not re.search(r"\son[a-z]+=", text), f"{page}: an event handler attribute, which the policy blocks"


# --- in the browser ------------------------------------------------------------------------------


def write_probe(site: Path, page: str, probe: str) -> None:
    """A copy of the built ``page`` at ``probe`` (at the same depth) with ``INJECTED`` in its content."""
    text = (site / page).read_text(encoding="utf-8")
    assert text.count("</article>") == 1, page
    (site / probe).parent.mkdir(parents=True, exist_ok=True)
    (site / probe).write_text(text.replace("</article>", INJECTED + "</article>"), encoding="utf-8")


def check_probe(page: Any, url: str) -> None:
    """The injected script, handler, style element and style attribute are blocked; Material still runs."""
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    page.wait_for_function("() => (window.wgoViolations || []).length >= 5")
    result = page.evaluate(PROBE_RESULT)
    assert result["injected"] is None, result
    assert result["heading"] != "rgb(1, 2, 3)" and result["probe"] != "rgb(4, 5, 6)", result
    assert result["material"], "Material's own scripts did not run"
    directives = sorted(violation.split()[0] for violation in result["violations"])
    assert directives == ["script-src-attr", "script-src-elem", "script-src-elem", "style-src-attr", "style-src-elem"], result
    assert "script-src-elem http://127.0.0.2:9/outside.js" in result["violations"], result


@pytest.mark.browser
def test_a_script_injected_into_a_built_page_does_not_run(page: Any, example_site: Path, tmp_path: Path) -> None:
    site = shutil.copytree(example_site, tmp_path / "site")
    write_probe(site, "werkprocessen/installatie-opstarten/index.html", "werkprocessen/csp-probe/index.html")
    with serve(site) as url:
        check_probe(page, url + "/werkprocessen/csp-probe/")


MAIN_PAGES = {
    "home": "/",
    "work process": "/werkprocessen/installatie-opstarten/",
    "source": "/bronnen/sop-opstarten-r101/",
    "matrix": "/beperkt/alle/matrix/procesoperator/",
    "people": "/beperkt/alle/mensen/",
    "team": "/beperkt/ploeg-1/",
    "checklist": "/aftekenlijsten/procesoperator-niveau-1/",
    "pop": "/beperkt/ploeg-1/pop/p-001/",
    "improvement": "/verbeteropdrachten/",
    "not found": "/404.html",
}


def _use(page: Any, kind: str) -> None:
    """What a reader does on a page of that kind, so that its scripts run as far as they go."""
    if kind == "home":
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("runaway", delay=10)
        page.locator(".md-search-result__item").first.wait_for()
    elif kind == "matrix":
        page.select_option("select[name=team]", "ploeg-2")
        page.fill("input[name=name]", "robb")
        assert len(page.locator(".wgo-matrix-table > tbody:first-of-type > tr:visible").all_inner_texts()) == 1
    elif kind == "people":
        page.select_option("select[data-filter=team]", "ploeg-2")
        assert page.locator("#wgo-people tbody tr:visible td:nth-child(2)").all_inner_texts() == ["Ploeg 2"] * 9


@pytest.mark.browser
@pytest.mark.parametrize("kind", MAIN_PAGES)
def test_no_page_breaks_its_own_policy(page: Any, site_url: str, kind: str) -> None:
    page.context.add_init_script(RECORD_VIOLATIONS)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type in ("error", "warning") else None)
    page.goto(site_url + MAIN_PAGES[kind], wait_until="networkidle")
    _use(page, kind)
    assert page.evaluate("() => window.wgoViolations || []") == []
    assert [text for text in messages if "Content Security Policy" in text or "Content-Security-Policy" in text] == []
