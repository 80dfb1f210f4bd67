"""Screenshots of the pages people open most, as a reader sees them (issue 12).

Written by the browser tests into build/screenshots/ (git-ignored). The README shows two of them, copied
from there by hand when the look of the site changes: `python3 dev.py test tests/test_screenshots.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ROOT, OpenPage

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "build" / "screenshots"
PAGES = {
    "home": "",
    "work-process": "werkprocessen/installatie-opstarten/",
    "matrix": "beperkt/alle/matrix/procesoperator/",
    "checklist": "aftekenlijsten/procesoperator-niveau-2/",
}


@pytest.mark.parametrize("name", PAGES)
def test_screenshot(open_page: OpenPage, site_url: str, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab = open_page(f"{site_url}/{PAGES[name]}", viewport=(1280, 800))
    path: Path = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
