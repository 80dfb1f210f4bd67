"""Compare two built sites page by page: the visible text and the sorted links of every HTML page.

    .venv/bin/python bench/compare_output.py SITE_BEFORE SITE_AFTER

Whitespace and attribute order do not count; anything else that differs is listed per page.
Exit status 0 when every page of both sites reads and links the same.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path

_INVISIBLE = frozenset({"script", "style", "template"})


class _PageReader(HTMLParser):
    """The words a reader sees and the targets of every href and src."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.extend(f"{tag}@{name}={value}" for name, value in attrs if name in ("href", "src") and value is not None)
        self._hidden += tag in _INVISIBLE

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in _INVISIBLE and self._hidden > 0

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.words.extend(data.split())


def read_page(path: Path) -> tuple[str, list[str]]:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return " ".join(reader.words), sorted(reader.links)


def compare(before: Path, after: Path) -> list[str]:
    """One line per difference: missing pages, and pages whose text or links differ."""
    pages = {p.relative_to(before) for p in before.rglob("*.html")} | {p.relative_to(after) for p in after.rglob("*.html")}
    problems = []
    for page in sorted(pages):
        if not (before / page).is_file() or not (after / page).is_file():
            problems.append(f"{page}: only in {'after' if not (before / page).is_file() else 'before'}")
            continue
        (text_a, links_a), (text_b, links_b) = read_page(before / page), read_page(after / page)
        if text_a != text_b:
            problems.append(f"{page}: text differs at {_first_difference(text_a, text_b)}")
        if links_a != links_b:
            problems.append(f"{page}: links only before {sorted(set(links_a) - set(links_b))[:5]}, "
                            f"only after {sorted(set(links_b) - set(links_a))[:5]}")
    return problems


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"{a[max(0, at - 40):at + 40]!r} / {b[max(0, at - 40):at + 40]!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    problems = compare(args.before, args.after)
    for line in problems:
        print(line)
    count = len(list(args.before.rglob("*.html")))
    print(f"{count} pages compared, {len(problems)} differences", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
