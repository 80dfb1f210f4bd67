"""Under ``serve`` the plugin converts and renders again only the pages whose output changed.

The rebuilds run in this process as ``mkdocs serve`` runs them: the config is loaded anew for
each, and MkDocs hands back the same plugin instance, which keeps its cache.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.mkdocs_plugin import WgoPlugin

from .conftest import SOURCE_DATE_EPOCH, content_tree, with_site_config

EDITED_PAGE = "werkprocessen/bewaken.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    monkeypatch.chdir(tmp_path)
    return with_site_config(content_tree(tmp_path / "project"))


def _config(project: Path, site: Path) -> MkDocsConfig:
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))


def _plugin(config: MkDocsConfig) -> WgoPlugin:
    plugin = config.plugins["wgo"]
    assert isinstance(plugin, WgoPlugin)
    return plugin


def _edit(project: Path) -> None:
    wp = project / "content/work-processes/bewaken.md"
    wp.write_text(wp.read_text(encoding="utf-8").replace("Meldt afwijkingen direct", "Meldt afwijkingen meteen"), encoding="utf-8")


def _serve_twice(project: Path, site: Path, *, dirty: bool) -> WgoPlugin:
    """A first build as ``serve`` starts, an edit of one work process, and the rebuild."""
    config = _config(project, site)
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)
    _edit(project)
    config = _config(project, site)
    build(config, dirty=dirty)
    return _plugin(config)


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_a_rebuild_reuses_unchanged_pages_and_gives_the_same_site_as_a_build(project: Path, tmp_path: Path) -> None:
    plugin = _serve_twice(project, tmp_path / "served", dirty=False)
    assert plugin.cache is not None
    assert EDITED_PAGE in plugin.cache.changed
    assert 0 < len(plugin.cache.changed) < len(plugin.cache.keys) // 2
    assert plugin.cache.reused > 0, "no unchanged page was taken from the cache"

    config = _config(project, tmp_path / "built")  # the same content, built as `mkdocs build` does
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert _plugin(config).cache is None
    served, built = _pages(tmp_path / "served"), _pages(tmp_path / "built")
    # Only a build has a Content-Security-Policy: serve's live reload injects an inline script.
    built = {path: re.sub(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">', b"", page) for path, page in built.items()}
    assert served.keys() == built.keys()
    assert [path for path in served if served[path] != built[path]] == []
    assert "Meldt afwijkingen meteen" in served["werkprocessen/bewaken/index.html"].decode()


def test_a_dirty_rebuild_writes_only_the_changed_pages(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "served"
    config = _config(project, site)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    before = {path: p.stat().st_mtime_ns for path, p in ((p.relative_to(site).as_posix(), p) for p in site.rglob("*.html"))}
    _edit(project)
    config = _config(project, site)
    build(config, dirty=True)
    cache = _plugin(config).cache
    assert cache is not None
    rewritten = {path for path, mtime in before.items() if (site / path).stat().st_mtime_ns != mtime} - {"404.html"}
    assert "werkprocessen/bewaken/index.html" in rewritten
    assert "index.html" not in rewritten and len(rewritten) == len(cache.changed)
    assert "Meldt afwijkingen meteen" in (site / "werkprocessen/bewaken/index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations)), "a changed page is twice in the search index"
    assert any("Meldt afwijkingen meteen" in doc["text"] for doc in index["docs"])


def test_a_dirty_rebuild_removes_what_vanished_and_equals_a_fresh_build(project: Path, tmp_path: Path) -> None:
    """A person who leaves takes their folder along: a dirty build would leave it behind, the plugin removes it.
    The served tree then equals a fresh serve build of the same content, file for file."""
    site = tmp_path / "served"
    config = _config(project, site)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    person = [p.relative_to(site).as_posix() for p in site.rglob("*") if "p-002" in p.as_posix() and p.is_file()]
    assert person, "the fixture's second person must have pages of their own"
    people = project / "content/people.csv"
    leaves = people.read_text(encoding="utf-8").replace("p-002,Bea de Boer,ploeg-2,operator,,", "p-002,Bea de Boer,ploeg-2,operator,,no")
    people.write_text(leaves, encoding="utf-8")
    config = _config(project, site)
    build(config, dirty=True)
    assert not [path for path in person if (site / path).exists()]

    fresh = tmp_path / "fresh"
    config = _config(project, fresh)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert _tree(site) == _tree(fresh)


def _tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site; the sitemap carries the build's time by design."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith("sitemap.xml")}
