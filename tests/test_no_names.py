"""An auditor's scan (issue 19): outside the restricted folder, no published byte names a person of
people.csv or carries an account, whatever form the byte takes — page, search index (also the offline
build's ``.js``), sitemap (also ``.gz``), feed, 404 page, navigation, ``.csv``/``.xlsx`` downloads —
and no account appears anywhere in the site, the restricted part included (logins go only into the
access rules). The same scan over the tree that ``python -m generator build --out`` writes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from .conftest import ROOT, SOURCE_DATE_EPOCH, build_site, with_site_config
from .leaks import find_names

EXAMPLE = ROOT / "content"
SITE_URL = "https://intranet.voorbeeld.nl/opleiden/"  # so that the sitemap lists pages


def _people() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((EXAMPLE / "people.csv").read_text(encoding="utf-8-sig"))))


def _names() -> list[str]:
    """Every name, also without its accents and with a dotless ı as i (as the site's search folds them)."""
    names = [person["name"] for person in _people()]
    folded = ["".join(ch for ch in unicodedata.normalize("NFKD", name.replace("ı", "i")) if not unicodedata.combining(ch))
              for name in names]
    return sorted(set(names + folded))


def _accounts() -> list[str]:
    """Every account, also only its user part (``jjansen`` of ``VOORBEELD\\jjansen``)."""
    accounts = [person["account"] for person in _people() if person["account"]]
    assert len(accounts) >= 3
    return sorted(set(accounts + [account.rpartition("\\")[2] for account in accounts]))


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    with_site_config(project)
    shutil.copytree(EXAMPLE, project / "content")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^(site_name:.*)$", rf"\1\nsite_url: {SITE_URL}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module", params=["directory-urls", "offline"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built as published: with readable URLs, and for a file share (``--offline``)."""
    tmp_path = tmp_path_factory.mktemp(request.param)
    project, site = _project(tmp_path), tmp_path / "site"
    if request.param == "offline":
        os.environ["WGO_OFFLINE"] = "true"
    try:
        result = build_site(project, site, "--strict")
    finally:
        os.environ.pop("WGO_OFFLINE", None)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def found(built: Path) -> list[tuple[str, str]]:
    """Every (file, name or account) the scan finds anywhere in the built site."""
    return find_names(built, _names() + _accounts())


def test_no_file_outside_the_restricted_folder_names_anyone(found: list[tuple[str, str]]) -> None:
    assert [(path, name) for path, name in found if not path.startswith("beperkt/")] == []
    # The scan is not blind: the restricted folder names people.
    assert {"Jan Jansen", "Mehmet Yılmaz", "Henk de Vries"} <= {name for _, name in found}


def test_no_account_appears_anywhere_in_the_site(found: list[tuple[str, str]]) -> None:
    assert [(path, name) for path, name in found if name in _accounts()] == []


def test_the_published_parts_that_name_no_one_are_really_there(built: Path) -> None:
    # What the scan read: the sitemap lists the public pages; the feed, the search index and the 404 page exist.
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") > 50 and f"{SITE_URL}werkprocessen/" in sitemap and f"{SITE_URL}invoering/" in sitemap
    assert "beperkt/ploeg" not in sitemap and "beperkt/alle" not in sitemap
    assert (built / "sitemap.xml.gz").is_file() and (built / "404.html").is_file()
    assert (built / "feed.xml").is_file()
    offline = "offline" in built.parent.name
    assert (built / ("search/search_index.js" if offline else "search/search_index.json")).is_file()
    assert (built / "beperkt/ploeg-1/pop/p-003" / ("index.html" if offline else "aftekenlijst/index.html")).is_file()


def test_the_out_tree_names_no_one_outside_its_restricted_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    command = [sys.executable, "-m", "generator", "build", str(EXAMPLE), "--out", str(out), "--site-url", SITE_URL]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.rmtree(out / "site-access")  # the rules, beside the site: they name groups and accounts by design
    found = find_names(out, _names() + _accounts())
    assert [(path, name) for path, name in found if not path.startswith("docs/beperkt/")] == []
    assert [(path, name) for path, name in found if name in _accounts()] == []
    assert "Jan Jansen" in {name for _, name in found}
