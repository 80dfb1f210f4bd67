"""Issue 11: while the content has errors, every address of ``mkdocs serve`` shows them, and
the page comes back by itself once the author fixes the content; warnings show as a banner."""

from __future__ import annotations

import html
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from .test_serve import served  # noqa: F401  # the same mkdocs serve on loopback

Served = tuple[Path, str, subprocess.Popen[str]]


def get(url: str) -> tuple[int, str]:
    """The status and text of ``url``; an error status is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(url: str, text: str, timeout: float = 60) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    status, page = 0, ""
    while time.monotonic() < deadline:
        status, page = get(url)
        if text in html.unescape(page):
            return status, html.unescape(page)
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {timeout}s; last answer {status}:\n{page[:2000]}")


def test_every_address_shows_the_errors_until_they_are_fixed(served: Served) -> None:  # noqa: F811
    project, url, _ = served
    page_url = url + "formats/operator/"
    wait_for(page_url, "Bedient de installatie")
    work_process = project / "content/work-processes/opstarten.md"
    original = work_process.read_text(encoding="utf-8")
    work_process.write_text(original.replace("    kind: skill", "\tkind: skill"), encoding="utf-8")

    for address in (page_url, url + "no/such/page/", url):
        status, page = wait_for(address, "[yaml-tab]")
        assert status in (200, 500), status
        assert "vervang de tab door spaties" in page  # in the site's language
        assert "livereload" in page  # the tab reloads by itself once the content changes

    work_process.write_text(original, encoding="utf-8")
    status, page = wait_for(page_url, "Bedient de installatie")
    assert status == 200 and "[yaml-tab]" not in page


def test_warnings_show_as_a_banner_on_every_page(served: Served) -> None:  # noqa: F811
    project, url, _ = served
    wait_for(url + "formats/operator/", "Bedient de installatie")
    work_process = project / "content/work-processes/opstarten.md"
    text = work_process.read_text(encoding="utf-8")
    line = "    text: Start zelfstandig op\n"
    work_process.write_text(text.replace(line, line + "    retired_on: 2026-01-01\n"), encoding="utf-8")
    for address in (url, url + "formats/operator/"):
        _, page = wait_for(address, "[retired-on-without-retired]")
        assert "1 waarschuwing(en) in de inhoud" in page
