"""Crawl of the built example from its home page through every internal link (issue 12): no failed page,
no console error, no request to any host outside the site (the offline build: tests/test_offline.py)."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit
from urllib.request import url2pathname

import pytest

pytestmark = pytest.mark.browser

PAGE_LINKS = "() => [...document.querySelectorAll('a[href]')].map((a) => a.href)"


def crawl(page: Any, start: str, inside: Any) -> tuple[set[str], list[str]]:
    """Every page reachable from ``start`` by links for which ``inside(url)`` holds; the problems found on the way."""
    problems: list[str] = []
    current = [start]
    page.on("console", lambda message: problems.append(f"{current[0]}: console {message.type}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"{current[0]}: script error: {error}"))
    page.on("request", lambda request: None if inside(request.url) or request.url.startswith(("data:", "blob:", "about:"))
            else problems.append(f"{current[0]}: request outside the site: {request.url}"))
    seen, queue = {start}, deque([start])
    while queue:
        url = current[0] = queue.popleft()
        if not url.endswith(("/", ".html")):
            # A file (PDF, CSV, spreadsheet, feed): fetched, not opened, or Chromium starts a download or its PDF viewer.
            if url.startswith("file:"):
                if not Path(url2pathname(urlsplit(url).path)).is_file():
                    problems.append(f"{url}: no such file")
            elif not (fetched := page.request.get(url)).ok:
                problems.append(f"{url}: HTTP {fetched.status}")
            continue
        try:
            response = page.goto(url, wait_until="load")
        except Exception as error:  # a failed navigation is what the crawl reports, not a crash of the test
            problems.append(f"{url}: {error}")
            continue
        if response is not None and not response.ok:
            problems.append(f"{url}: HTTP {response.status}")
            continue
        for link in page.evaluate(PAGE_LINKS):
            target = urldefrag(link).url.split("?")[0]
            if inside(target) and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen, problems


def test_every_internal_link_of_the_site_opens_cleanly(page: Any, site_url: str) -> None:
    host = urlsplit(site_url).netloc
    seen, problems = crawl(page, f"{site_url}/", lambda url: urlsplit(url).netloc == host)
    assert len(seen) > 100, f"only {len(seen)} addresses reached"
    assert problems == [], "\n".join(problems[:20])

