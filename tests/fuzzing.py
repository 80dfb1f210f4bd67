"""Seeded mutation fuzzing of the example content: mutations, a worker process, and a long-run CLI.

A run copies ``content/`` into a fresh folder, applies 1–3 random mutations (YAML
keys and value types, encodings, CSV rows, file kinds) and asks a worker process
to call ``generate()`` on it. The worker is a separate process so that a hang
(a FIFO opened for reading, an alias bomb) or a crash ends one run, not the suite:
``faulthandler`` dumps where it hung, then exits, and a fresh worker is started.

Every run has its own seed (the base seed plus the run's index), so that one
failing run is reproduced with ``--fuzz-seed <its seed> --fuzz-runs 1``.

The long run, with a summary of the distinct failures and a one-mutation reproducer
for each::

    .venv/bin/python -m tests.fuzzing --runs 2000 --seed 1 --jobs 2
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import faulthandler
import html
import importlib
import io
import json
import os
import random
import re
import resource
import select
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

from generator.diagnostics import Report
from generator.model import Content

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content"
GENERATOR = ROOT / "generator"
BUILD_DATE = dt.date(2026, 11, 1)
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"  # the one message location that is not a file
MEMORY_LIMIT = 2 * 1024**3  # an alias bomb or /dev/zero gives MemoryError, not a swapping machine


# --- the tree being mutated -------------------------------------------------------------------


@dataclass
class Tree:
    """A copy of the example content (``content``) with a folder beside it (``outside``) for symlink targets."""

    content: Path
    outside: Path

    def files(self, *suffixes: str) -> list[Path]:
        """Regular files (not symlinks) with one of the suffixes, in a stable order."""
        found = []
        for folder, dirs, names in os.walk(self.content):
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                if _is_regular(path) and (not suffixes or path.suffix in suffixes):
                    found.append(path)
        return found

    def folders(self) -> list[Path]:
        return sorted(Path(folder) for folder, _, _ in os.walk(self.content) if Path(folder) != self.content)

    def name(self, path: Path) -> str:
        return path.relative_to(self.content.parent).as_posix()


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def make_tree(run_dir: Path) -> Tree:
    """A fresh copy of the example content; about 60 small files, so a plain copy is cheap enough."""
    shutil.copytree(EXAMPLE, run_dir / "content", copy_function=shutil.copyfile)  # no metadata: faster
    (run_dir / "outside").mkdir()
    return Tree(content=run_dir / "content", outside=run_dir / "outside")


def remove_tree(run_dir: Path) -> None:
    """Remove a run's folder, also after chmod 000 (give the permissions back first)."""
    try:
        shutil.rmtree(run_dir)
        return
    except OSError:
        pass  # a folder made unreadable: the walk below makes it readable again
    for folder, dirs, names in os.walk(run_dir):
        for name in dirs + names:
            path = Path(folder) / name
            if not path.is_symlink():
                path.chmod(0o700)
    shutil.rmtree(run_dir, ignore_errors=True)


# --- text helpers -------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r"\A(---\r?\n)(.*?\r?\n)(---\r?\n?)(.*)\Z", re.DOTALL)
KEY_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):(?P<value>.*)$")


def yaml_files(tree: Tree) -> list[Path]:
    """Files that hold YAML: ``*.yml`` and Markdown with front matter."""
    return [p for p in tree.files(".yml", ".md") if p.suffix == ".yml" or FRONT_MATTER.match(_read(p))]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def read_yaml_part(path: Path) -> tuple[str, str, str]:
    """(text before, YAML text, text after) of a YAML file or a Markdown file's front matter."""
    text = _read(path)
    if path.suffix == ".yml":
        return "", text, ""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", "", text
    return match[1], match[2], match[3] + match[4]


def write_yaml_part(path: Path, before: str, yaml_text: str, after: str) -> None:
    path.write_text(before + yaml_text + after, encoding="utf-8")


def key_lines(yaml_text: str) -> list[int]:
    return [i for i, line in enumerate(yaml_text.splitlines()) if KEY_LINE.match(line)]


def edit_key_line(rng: random.Random, tree: Tree, edit: Callable[[re.Match[str]], str]) -> str | None:
    """Replace one ``key: value`` line of a random YAML file by ``edit(match)``."""
    files = yaml_files(tree)
    if not files:
        return None
    path = rng.choice(files)
    before, text, after = read_yaml_part(path)
    lines = text.splitlines()
    by_key: dict[str, list[int]] = {}
    for i in key_lines(text):
        by_key.setdefault(_key_of(lines[i]), []).append(i)
    if not by_key:
        return None
    # A key name first, then one of its lines: else the criteria's keys would take nearly every pick.
    index = rng.choice(by_key[rng.choice(sorted(by_key))])
    match = KEY_LINE.match(lines[index])
    assert match
    lines[index] = edit(match)
    write_yaml_part(path, before, "\n".join(lines) + "\n", after)
    return f"{tree.name(path)}:{index + 1 + before.count(chr(10))} -> {_short(lines[index])}"


def _key_of(line: str) -> str:
    match = KEY_LINE.match(line)
    return match["key"] if match else ""


def _short(text: str, limit: int = 100) -> str:
    shown = text if len(text) <= limit else f"{text[:limit]}… ({len(text)} chars)"
    return ascii(shown)


# --- YAML keys and values (on the parsed data, written back) ------------------------------------


def with_yaml_data(rng: random.Random, tree: Tree, change: Callable[[random.Random, Any], str | None]) -> str | None:
    """Parse a random YAML part, let ``change`` mutate the data in place, and write it back."""
    files = yaml_files(tree)
    if not files:
        return None
    path = rng.choice(files)
    before, text, after = read_yaml_part(path)
    try:
        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text)):
            return None  # walking an alias bomb here would hang the harness, not the generator
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None  # already broken by an earlier mutation (syntax, a 5,000-digit number, nesting)
    if not isinstance(data, dict | list) or not data:
        return None
    what = change(rng, data)
    if what is None:
        return None
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**9)
    write_yaml_part(path, before, dumped, after)
    return f"{tree.name(path)}: {what}"


def _containers(data: Any, trail: str = "") -> Iterator[tuple[str, dict[Any, Any] | list[Any]]]:
    """Every mapping and list in the data, with a readable path to it."""
    if isinstance(data, dict):
        yield trail or ".", data
        for key, value in data.items():
            yield from _containers(value, f"{trail}.{key}")
    elif isinstance(data, list):
        yield trail or ".", data
        for i, value in enumerate(data):
            yield from _containers(value, f"{trail}[{i}]")


def _pick_mapping(rng: random.Random, data: Any) -> tuple[str, dict[Any, Any]] | None:
    mappings = [(t, c) for t, c in _containers(data) if isinstance(c, dict) and c]
    return rng.choice(mappings) if mappings else None


def _pick_slot(rng: random.Random, data: Any) -> tuple[str, dict[Any, Any] | list[Any], Any] | None:
    """A (trail, container, key or index) whose value can be replaced."""
    slots = [(t, c, k) for t, c in _containers(data) for k in (c if isinstance(c, dict) else range(len(c)))]
    return rng.choice(slots) if slots else None


def rename_key(rng: random.Random, data: Any) -> str | None:
    picked = _pick_mapping(rng, data)
    if not picked:
        return None
    trail, mapping = picked
    old = rng.choice(list(mapping))
    new = rng.choice([f"{old}x", str(old)[:-1], str(old).upper(), f"{old} ", "", "<b>", "x" * 300, 1, None, True])
    items = [(new if k == old else k, v) for k, v in mapping.items()]
    mapping.clear()
    mapping.update(items)
    return f"rename key {trail}.{old} to {new!r}"


def delete_key(rng: random.Random, data: Any) -> str | None:
    picked = _pick_mapping(rng, data)
    if not picked:
        return None
    trail, mapping = picked
    old = rng.choice(list(mapping))
    del mapping[old]
    return f"delete key {trail}.{old}"


STRANGE_STRINGS = [
    "", " ", "\x00", "files/\x00.pdf", "x" * 5000, "../../outside/x.pdf", "/etc/passwd", "files/../../../etc/passwd",
    "javascript:alert(1)", "<b>&amp;</b> *x* [a](b)", "{{ 7 * 7 }}", "{% raw %}", "ploeg-9\n", "²", "\x1b[31mred", "ü", "-", "x\ny",
    "files/", "files/missing.pdf", "1e400", "NaN", "2026-02-30", "9999-12-31", "0000-00-00", "p-001,p-002",
]


def strange_value(rng: random.Random, value: Any) -> Any:
    """Another type or an edge value for ``value``: scalar↔list↔mapping, numbers, dates, strings."""
    choices: list[Callable[[], Any]] = [
        lambda: [value], lambda: {"value": value}, lambda: {}, lambda: [], lambda: None,
        lambda: True, lambda: 0, lambda: -1, lambda: 3, lambda: 2.5, lambda: 10**30, lambda: -(10**30),
        lambda: dt.date(9999, 12, 31), lambda: dt.date(1, 1, 1), lambda: dt.datetime(2026, 1, 1, 12, 0),
        lambda: rng.choice(STRANGE_STRINGS), lambda: [[[value]]], lambda: [value, value],
    ]
    if isinstance(value, list) and value:
        choices += [lambda: value[0], lambda: value * 50, lambda: {str(i): v for i, v in enumerate(value)}]
    if isinstance(value, dict) and value:
        choices += [lambda: list(value.values()), lambda: next(iter(value.values())), lambda: list(value)]
    return rng.choice(choices)()


def change_value(rng: random.Random, data: Any) -> str | None:
    picked = _pick_slot(rng, data)
    if not picked:
        return None
    trail, container, key = picked
    new = strange_value(rng, container[key])
    container[key] = new
    return f"set {trail}.{key} to {_short(repr(new))}"


# --- YAML text: duplicate keys, tags, anchors and aliases, nesting, numbers, dates --------------

TAGS = [
    "!!bool maybe", "!!int abc", "!!float x", "!!timestamp 2026-13-45", "!!python/object/apply:os.system [true]",
    "!custom value", "!!binary '***'", "!!set {a, b}", "!!omap [a: 1]", "!!null x", "!!map [1]", "!!seq {a: 1}",
    "!<tag:example.com,2000:x> y", "!!str", "!!merge x",
]
ALIASES = [
    "&a [*a]", "&a {k: *a}", "&a [[*a]]", "*undefined", "&a x", "[&a x, *a, *a]",
    "{<<: *undefined}", "{<<: [1, 2]}", "{<<: {a: 1}, a: 2}",
]
BIG_NUMBERS = [
    "9" * 5000, "9" * 4301, "1e400", "-1e400", ".inf", "-.inf", ".nan", "0x7fffffffffffffffffff", "1_000", "-0", "0o777", "1.",
    "99999999999999999999",
]
DATES = [
    "9999-12-31", "0001-01-01", "0000-01-01", "2026-02-30", "10000-01-01", "2026-12-31T25:00:00", "1970-01-01 00:00:00 +99:00",
    "9999-12-31T23:59:59-12:00",
]


def _billion_laughs(levels: int = 9) -> str:
    """Nine-fold aliases nested ``levels`` deep: small on disk, 9**levels values when expanded."""
    parts = ["&l0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        parts.append(f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "[" + ", ".join(parts) + "]"


def _merge_bomb(levels: int = 12) -> str:
    parts = ["&m0 {a0: 1, b0: 2}"]
    for i in range(1, levels):
        parts.append(f"&m{i} {{<<: [*m{i - 1}, *m{i - 1}], a{i}: *m{i - 1}, b{i}: *m{i - 1}}}")
    return "[" + ", ".join(parts) + "]"


def _deep(rng: random.Random, depth: int = 500) -> str:
    return rng.choice(["[" * depth + "]" * depth, "{a: " * depth + "1" + "}" * depth, "[" * depth + "x" + "]" * depth])


def duplicate_key(rng: random.Random, tree: Tree) -> str | None:
    return edit_key_line(rng, tree, lambda m: f"{m[0]}\n{m['indent'].replace('-', ' ')}{m['key']}:{m['value']}")


def tag_value(rng: random.Random, tree: Tree) -> str | None:
    tag = rng.choice(TAGS)
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {tag}")


def alias_value(rng: random.Random, tree: Tree) -> str | None:
    value = rng.choice([*ALIASES, _billion_laughs(), _merge_bomb()])
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {value}")


def deep_value(rng: random.Random, tree: Tree) -> str | None:
    value = _deep(rng, rng.choice([60, 200, 500, 1000]))
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {value}")


def deep_block(rng: random.Random, tree: Tree) -> str | None:
    """Block mappings nested ~500 deep under one key."""
    def nest(m: re.Match[str]) -> str:
        pad = " " * len(m["indent"])
        return f"{m['indent']}{m['key']}:" + "".join(f"\n{pad}{' ' * (i + 1)}k{i}:" for i in range(500)) + " 1"
    return edit_key_line(rng, tree, nest)


def number_value(rng: random.Random, tree: Tree) -> str | None:
    number = rng.choice(BIG_NUMBERS)
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {number}")


def date_value(rng: random.Random, tree: Tree) -> str | None:
    date = rng.choice(DATES)
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {date}")


# Keys that the author guide knows but the example sets rarely or never, and values that test their limits.
KNOWN_KEYS = [
    "file", "url", "review_months", "source_review_months", "valid_months", "reviewed", "changed", "retired_on", "started",
    "finished", "target_level", "improvement_level", "level", "id", "team", "owner", "status", "type", "kind", "language",
    "personal_data", "site_url", "coverage", "levels", "teams", "sources", "work_processes", "co_authors", "tags", "author",
]
EDGE_LITERALS = [
    "1000000", "100000", "-5", "0", '"files/\\0.pdf"', '"files/\\x00.pdf"', "files/" + "x" * 5000 + ".pdf", '"ploeg-9\\n"',
    "9999-12-31", "0001-01-01", "javascript:alert(1)", "files/../../outside/x.pdf", "sop-opstarten-r101.md", "/etc/passwd",
    "'{{ x }}'", "'{%'", "[]", "{}", "~", '"²"', '"\\e[31m"', "yes", "no", "3.5", "[1, 2]", "{a: 1}", "''",
    "http://[::1", "mailto:", "data:text/html,x",
]


def edge_value(rng: random.Random, tree: Tree) -> str | None:
    value = rng.choice(EDGE_LITERALS)
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: {value}")


def known_key(rng: random.Random, tree: Tree) -> str | None:
    """A key the author guide names, added beside another key with an edge value."""
    key, value = rng.choice(KNOWN_KEYS), rng.choice(EDGE_LITERALS)

    def add(m: re.Match[str]) -> str:
        # Before a plain key, so that a block value below it stays its own; after the first key of a list item.
        if "-" in m["indent"]:
            return f"{m[0]}\n{' ' * len(m['indent'])}{key}: {value}"
        return f"{m['indent']}{key}: {value}\n{m[0]}"

    return edit_key_line(rng, tree, add)


def yaml_syntax(rng: random.Random, tree: Tree) -> str | None:
    junk = rng.choice(["{", "[", "'", '"', ": :", "- - -", "\t", "key: value: x", "@x", "`x", "%YAML 9.9", "---", "...", "|", ">-"])
    return edit_key_line(rng, tree, lambda m: f"{m[0]}{junk}")


# --- encodings ----------------------------------------------------------------------------------

CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\ufeff", "\r", "\ud800"]


def _some_file(rng: random.Random, tree: Tree) -> Path | None:
    files = [p for p in tree.files() if p.suffix in {".yml", ".md", ".csv"}]
    return rng.choice(files) if files else None


def latin1(rng: random.Random, tree: Tree) -> str | None:
    path = _some_file(rng, tree)
    if path is None:
        return None
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    if text.isascii():
        at = rng.randrange(len(data) + 1)
        path.write_bytes(data[:at] + "é".encode("latin-1") + data[at:])
        return f"{tree.name(path)}: latin-1 byte é at byte {at}"
    path.write_bytes(text.encode("latin-1", errors="replace"))
    return f"{tree.name(path)}: whole file in latin-1"


def bom(rng: random.Random, tree: Tree) -> str | None:
    path = _some_file(rng, tree)
    if path is None:
        return None
    text = _read(path)
    encoding = rng.choice(["utf-8-sig", "utf-16", "utf-32", "utf-8-sig twice"])
    if encoding == "utf-8-sig twice":
        path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode())
    else:
        path.write_bytes(text.encode(encoding, errors="replace"))
    return f"{tree.name(path)}: encoded as {encoding}"


def control_character(rng: random.Random, tree: Tree) -> str | None:
    path = _some_file(rng, tree)
    if path is None:
        return None
    text = _read(path)
    at = rng.randrange(len(text) + 1)
    char = rng.choice(CONTROL)
    path.write_bytes((text[:at] + char + text[at:]).encode("utf-8", errors="surrogatepass"))
    return f"{tree.name(path)}: {char!r} at character {at}"


def truncate(rng: random.Random, tree: Tree) -> str | None:
    path = _some_file(rng, tree)
    if path is None:
        return None
    data = path.read_bytes()
    at = rng.randrange(len(data) + 1)
    path.write_bytes(data[:at])
    return f"{tree.name(path)}: truncated at byte {at} of {len(data)}"


def line_endings(rng: random.Random, tree: Tree) -> str | None:
    path = _some_file(rng, tree)
    if path is None:
        return None
    ending = rng.choice(["\r\n", "\r"])
    path.write_bytes(_read(path).replace("\n", ending).encode())
    return f"{tree.name(path)}: line endings {ending!r}"


BODY_SNIPPETS = [
    "{{ 7 * 7 }}", "{% if x %}", "{# x", "{%", "<script>alert(1)</script>", "[x](../../outside/secret.txt)",
    "![x](files/missing.png)", "![x](../organisation.yml)", "[x](files/%00.pdf)", "[x](javascript:alert(1))", "<!-- ",
    "```", "####### x", "!!! note", "[x]: <javascript:1>", "[[x]]", "<a href='x", "\\", "&#0;", "![x](/etc/passwd)",
    "[x](files/loto-vergrendelkaart.pdf#p=1?x)", "# " + "x" * 10_000,
]


def markdown_body(rng: random.Random, tree: Tree) -> str | None:
    """Markdown, Jinja and HTML syntax in the body of a page or a source."""
    return _into_body(rng, tree, rng.choice(BODY_SNIPPETS), line_start=False)


def _into_body(rng: random.Random, tree: Tree, snippet: str, *, line_start: bool) -> str | None:
    """``snippet`` put at a random place in the body of a random Markdown file (at the start of a line: block HTML)."""
    files = tree.files(".md")
    if not files:
        return None
    path = rng.choice(files)
    text = _read(path)
    match = FRONT_MATTER.match(text)
    start = len(text) - len(match[4]) if match else 0
    at = rng.randint(start, len(text))
    if line_start:
        at = text.rfind("\n", start, at) + 1 or start
    path.write_text(text[:at] + snippet + text[at:], encoding="utf-8")
    return f"{tree.name(path)}: {_short(snippet.strip())} at character {at}"


UNSAFE_SNIPPETS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe src=\"http://evil.example/\"></iframe>",
    "[x](javascript:alert(1))", "[x](data:text/html,<script>alert(1)</script>)", "![p](https://tracker.example/p.gif)",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<p style=\"background:url(//evil.example/a)\">x</p>",
    "<svg onload=alert(1)>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<object data=\"https://evil.example/x\"></object>",
    "<link rel=stylesheet href=https://evil.example/x.css>", "<video poster=//evil.example/p.jpg></video>",
    "<div markdown>[x](javascript:alert(1))</div>", "`<script>`", "\\[x\\](javascript:alert(1))",
]


def unsafe_body(rng: random.Random, tree: Tree) -> str | None:
    """Script, event handlers and loads from another host in a body: reported, and never in a page (see ``unsafe_output``)."""
    return _into_body(rng, tree, "\n" + rng.choice(UNSAFE_SNIPPETS) + "\n", line_start=True)


ESCAPES = ["\\0", "\\x1b[31m", "\\u202e", "\\u2066", "\\x85", "\\u200f", "\\x7f", "\\x07"]


def yaml_escape(rng: random.Random, tree: Tree) -> str | None:
    """A double-quoted YAML value with an escaped control character or direction override in it."""
    escape = rng.choice(ESCAPES)
    return edit_key_line(rng, tree, lambda m: f'{m["indent"]}{m["key"]}: "x{escape}y"')


def long_id(rng: random.Random, tree: Tree) -> str | None:
    """An id past the 100 characters a file name on the site can take: a file's name or an id in a CSV cell."""
    long = "p-" + "9" * rng.choice([99, 150, 260])
    files = [path for path in tree.files(".md", ".yml") if path.parent.name != "pages" and path.name != "organisation.yml"]
    if files and rng.random() < 0.5:
        path = rng.choice(files)
        new = path.with_name(long[:250] + path.suffix)
        path.rename(new)
        return f"{tree.name(path)} renamed to {len(new.stem)} characters"
    return with_csv_rows(rng, tree, lambda rng, rows: _long_cell(rng, rows, long))


def _long_cell(rng: random.Random, rows: list[list[str]], value: str) -> str | None:
    cell = _random_cell(rng, rows)
    if cell is None:
        return None
    rows[cell[0]][cell[1]] = value
    return f"cell ({cell[0] + 1}, {cell[1] + 1}) = an id of {len(value)} characters"


def huge_file(rng: random.Random, tree: Tree) -> str | None:
    """A YAML or Markdown file past the 20 MB that the generator reads at most: refused with a message, not read.

    Not CSV: its cap is 200 MB, and how fast a large CSV file is read is a benchmark's question.
    """
    files = tree.files(".yml", ".md")
    if not files:
        return None
    path = rng.choice(files)
    line = "x" * 99 + "\n" if path.suffix == ".md" else "\n"  # an empty line is harmless in YAML
    with path.open("a", encoding="utf-8") as file:
        file.write(line * (21 * 1024**2 // len(line)))
    return f"{tree.name(path)}: grown past 21 MB"


def front_matter_fence(rng: random.Random, tree: Tree) -> str | None:
    """An indented ``---`` inside the front matter, which must not end it early."""
    fence = rng.choice(["  ---", "---", "    --- ", "..."])
    return edit_key_line(rng, tree, lambda m: f"{m['indent']}{m['key']}: |\n{' ' * (len(m['indent']) + 2)}x\n{fence}\n")


# --- CSV ----------------------------------------------------------------------------------------


def with_csv_rows(rng: random.Random, tree: Tree, change: Callable[[random.Random, list[list[str]]], str | None]) -> str | None:
    """Parse a random CSV file, let ``change`` edit its rows in place, and write it back."""
    files = tree.files(".csv")
    if not files:
        return None
    path = rng.choice(files)
    try:
        rows = list(csv.reader(io.StringIO(_read(path))))
    except csv.Error:
        return None  # already broken by an earlier mutation (a cell over the reader's limit)
    if not rows:
        return None
    what = change(rng, rows)
    if what is None:
        return None
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return f"{tree.name(path)}: {what}"


def _random_cell(rng: random.Random, rows: list[list[str]], header: bool = False) -> tuple[int, int] | None:
    cells = [(r, c) for r, row in enumerate(rows) if header or r > 0 for c in range(len(row))]
    return rng.choice(cells) if cells else None


def drop_column(rng: random.Random, rows: list[list[str]]) -> str | None:
    column = rng.randrange(max(len(rows[0]), 1))
    for row in rows:
        del row[column:column + 1]
    return f"drop column {column}"


def duplicate_column(rng: random.Random, rows: list[list[str]]) -> str | None:
    column = rng.randrange(max(len(rows[0]), 1))
    for row in rows:
        row.extend(row[column:column + 1])
    return f"duplicate column {column}"


def change_cell(rng: random.Random, rows: list[list[str]]) -> str | None:
    cell = _random_cell(rng, rows, header=rng.random() < 0.2)
    if cell is None:
        return None
    value = rng.choice([
        "x" * 140_000, "²", "³", "٣", "１", "9" * 4400, "-1", "1.5", " 2 ", "", "9999-12-31", "0000-00-00",
        "2026-02-30", "99999999999999999999", *STRANGE_STRINGS,
    ])
    rows[cell[0]][cell[1]] = value
    return f"cell ({cell[0] + 1}, {cell[1] + 1}) = {_short(value)}"


def change_rows(rng: random.Random, rows: list[list[str]]) -> str | None:
    r = rng.randrange(len(rows))
    action = rng.choice(["duplicate", "delete", "extra field", "missing field", "empty row", "only header", "no header"])
    if action == "duplicate":
        rows.insert(r, list(rows[r]))
    elif action == "delete":
        del rows[r]
    elif action == "extra field":
        rows[r].append("extra")
    elif action == "missing field":
        del rows[r][-1:]
    elif action == "empty row":
        rows.insert(r, [])
    elif action == "only header":
        del rows[1:]
    else:
        del rows[0]
    return f"{action} at row {r + 1}"


def csv_drop_column(rng: random.Random, tree: Tree) -> str | None:
    return with_csv_rows(rng, tree, drop_column)


def csv_duplicate_column(rng: random.Random, tree: Tree) -> str | None:
    return with_csv_rows(rng, tree, duplicate_column)


def csv_cell(rng: random.Random, tree: Tree) -> str | None:
    return with_csv_rows(rng, tree, change_cell)


def csv_rows(rng: random.Random, tree: Tree) -> str | None:
    return with_csv_rows(rng, tree, change_rows)


def csv_raw(rng: random.Random, tree: Tree) -> str | None:
    """Text-level CSV damage: another delimiter, stray quotes, an empty file, a huge unquoted cell."""
    files = tree.files(".csv")
    if not files:
        return None
    path = rng.choice(files)
    text = _read(path)
    action = rng.choice(["delimiter", "quote", "quoted newline", "empty", "long cell", "nul"])
    if action == "delimiter":
        text = text.replace(",", rng.choice([";", "\t", "|", " "]))
    elif action == "quote":
        at = rng.randrange(len(text) + 1)
        text = text[:at] + '"' + text[at:]
    elif action == "quoted newline":
        text = text.replace(",", ',"a\nb",', 1)
    elif action == "empty":
        text = ""
    elif action == "long cell":
        lines = text.splitlines()
        r = rng.randrange(len(lines)) if lines else 0
        lines[r:r + 1] = [('"' if rng.random() < 0.5 else "") + "x" * 140_000 + "," + (lines[r] if lines else "")]
        text = "\n".join(lines) + "\n"
    else:
        text = text.replace(",", ",\x00", 1)
    path.write_text(text, encoding="utf-8")
    return f"{tree.name(path)}: {action}"


# --- file kinds ---------------------------------------------------------------------------------


def _any_path(rng: random.Random, tree: Tree, folders: bool = False) -> Path | None:
    paths = tree.files() + (tree.folders() if folders else [])
    return rng.choice(paths) if paths else None


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def file_to_folder(rng: random.Random, tree: Tree) -> str | None:
    path = _any_path(rng, tree)
    if path is None:
        return None
    path.unlink()
    path.mkdir()
    if rng.random() < 0.5:
        (path / "inner.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    return f"{tree.name(path)}: replaced by a folder"


def folder_to_file(rng: random.Random, tree: Tree) -> str | None:
    folders = tree.folders()
    if not folders:
        return None
    path = rng.choice(folders)
    shutil.rmtree(path)
    path.write_text("not a folder\n", encoding="utf-8")
    return f"{tree.name(path)}: folder replaced by a file"


def dangling_symlink(rng: random.Random, tree: Tree) -> str | None:
    path = _any_path(rng, tree, folders=True)
    if path is None:
        return None
    _remove(path)
    path.symlink_to(tree.content / "does-not-exist")
    return f"{tree.name(path)}: dangling symlink"


def symlink_loop(rng: random.Random, tree: Tree) -> str | None:
    path = _any_path(rng, tree, folders=True)
    if path is None:
        return None
    _remove(path)
    if rng.random() < 0.5:
        path.symlink_to(path.name)  # points at itself
        return f"{tree.name(path)}: symlink to itself"
    other = path.with_name(path.name + ".loop")
    other.symlink_to(path.name)
    path.symlink_to(other.name)
    return f"{tree.name(path)}: symlink loop through {other.name}"


def symlink_outside(rng: random.Random, tree: Tree) -> str | None:
    """Move a file or folder out of the content folder and link to it: it would work if followed."""
    path = _any_path(rng, tree, folders=True)
    if path is None:
        return None
    target = tree.outside / f"{len(list(tree.outside.iterdir()))}-{path.name}"
    shutil.move(path, target)
    path.symlink_to(target)
    return f"{tree.name(path)}: symlink to a copy outside content/"


def symlink_device(rng: random.Random, tree: Tree) -> str | None:
    path = _any_path(rng, tree)
    if path is None:
        return None
    device = rng.choice(["/dev/null", "/dev/zero", "/etc/passwd", "/"])
    path.unlink()
    path.symlink_to(device)
    return f"{tree.name(path)}: symlink to {device}"


def empty_file(rng: random.Random, tree: Tree) -> str | None:
    path = _any_path(rng, tree)
    if path is None:
        return None
    path.write_bytes(b"")
    return f"{tree.name(path)}: empty"


def unreadable(rng: random.Random, tree: Tree) -> str | None:
    if os.geteuid() == 0:
        return None  # root reads a chmod 000 file anyway
    path = _any_path(rng, tree, folders=True)
    if path is None:
        return None
    path.chmod(0)
    return f"{tree.name(path)}: chmod 000"


def fifo(rng: random.Random, tree: Tree) -> str | None:
    """A named pipe where a file should be: opening it for reading blocks until a writer comes."""
    path = _any_path(rng, tree)
    if path is None:
        return None
    if rng.random() < 0.5:
        path.unlink()
        os.mkfifo(path)
        return f"{tree.name(path)}: replaced by a FIFO"
    new = path.with_name(f"fifo{path.suffix}")
    if new.exists() or new.is_symlink():
        return None
    os.mkfifo(new)
    return f"{tree.name(new)}: a new FIFO"


def odd_name(rng: random.Random, tree: Tree) -> str | None:
    """A copy of a file under a name that is no valid id, or a name that links oddly."""
    path = _any_path(rng, tree)
    if path is None:
        return None
    stem = rng.choice(["x\n", "X Y", "ü", ".hidden", "a#b?c%d", 'q"`)[', "-", "a" * 200, "ploeg-9\n", "\x1b[31m"])
    new = path.with_name(stem + path.suffix)
    if new.exists():
        return None
    shutil.copyfile(path, new)
    return f"{tree.name(new)}: copy of {path.name} under an odd name"


# --- the registry -------------------------------------------------------------------------------

Mutation = Callable[[random.Random, Tree], "str | None"]

MUTATIONS: dict[str, Mutation] = {
    "rename-key": lambda rng, tree: with_yaml_data(rng, tree, rename_key),
    "delete-key": lambda rng, tree: with_yaml_data(rng, tree, delete_key),
    "duplicate-key": duplicate_key,
    "change-value": lambda rng, tree: with_yaml_data(rng, tree, change_value),
    "tag": tag_value,
    "alias": alias_value,
    "deep-flow": deep_value,
    "deep-block": deep_block,
    "big-number": number_value,
    "date": date_value,
    "yaml-syntax": yaml_syntax,
    "edge-value": edge_value,
    "known-key": known_key,
    "latin-1": latin1,
    "bom": bom,
    "control-character": control_character,
    "truncate": truncate,
    "line-endings": line_endings,
    "huge-file": huge_file,
    "markdown-body": markdown_body,
    "unsafe-body": unsafe_body,
    "yaml-escape": yaml_escape,
    "long-id": long_id,
    "front-matter-fence": front_matter_fence,
    "csv-drop-column": csv_drop_column,
    "csv-duplicate-column": csv_duplicate_column,
    "csv-cell": csv_cell,
    "csv-rows": csv_rows,
    "csv-raw": csv_raw,
    "file-to-folder": file_to_folder,
    "folder-to-file": folder_to_file,
    "dangling-symlink": dangling_symlink,
    "symlink-loop": symlink_loop,
    "symlink-outside": symlink_outside,
    "symlink-device": symlink_device,
    "empty-file": empty_file,
    "unreadable": unreadable,
    "fifo": fifo,
    "odd-name": odd_name,
}


@dataclass(frozen=True)
class Applied:
    """One mutation as applied: its name and seed reproduce it on a fresh tree."""

    name: str
    seed: int
    what: str

    def __str__(self) -> str:
        return f"{self.name}#{self.seed}: {self.what}"


def apply(name: str, seed: int, tree: Tree) -> Applied | None:
    what = MUTATIONS[name](random.Random(seed), tree)
    return Applied(name, seed, what) if what is not None else None


def mutate(seed: int, tree: Tree) -> list[Applied]:
    """1–3 mutations chosen by ``seed``; one that does not apply (no such file left) is replaced."""
    rng = random.Random(seed)
    wanted = rng.randint(1, 3)
    applied: list[Applied] = []
    for _ in range(20 * wanted):
        if len(applied) == wanted:
            break
        done = apply(rng.choice(sorted(MUTATIONS)), rng.randrange(2**32), tree)
        if done is not None:
            applied.append(done)
    return applied


# --- the worker process -------------------------------------------------------------------------


def serve_requests() -> None:
    """Worker loop: one JSON request a line on stdin, one JSON outcome a line on stdout."""
    from generator.generate import generate

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    replies = sys.stdout
    sys.stdout = sys.stderr  # nothing the generator prints may break the protocol
    for request in sys.stdin:
        job = json.loads(request)
        os.chdir(job["cwd"])
        faulthandler.dump_traceback_later(job["timeout"], exit=True)
        try:
            with _injected(job.get("inject"), Path(job["cwd"])):
                result = generate(Path(job["content"]), build_date=BUILD_DATE)
            result.catalogue.lines(result.report.in_file_order())  # what `check` prints
            reply: dict[str, Any] = {"paths": sorted({m.location.path for m in result.report.messages}),
                                     "messages": len(result.report.messages), "site": result.site is not None,
                                     "unsafe": unsafe_output(result.site) if result.site else []}
        except BaseException as error:  # every escape, even SystemExit, is what we look for
            said = str(error).replace(job["cwd"], "<run>")[:80]
            reply = {"error": f"{type(error).__module__}.{type(error).__qualname__}({said!r})",
                     "frame": _innermost_frame(traceback.extract_tb(error.__traceback__)),
                     "traceback": "".join(traceback.format_exception(error))[-6000:]}
        finally:
            faulthandler.cancel_dump_traceback_later()
        print(json.dumps(reply), file=replies, flush=True)


@contextlib.contextmanager
def _injected(fault: str | None, run_dir: Path) -> Iterator[None]:
    """A deliberate raise or hang inside generate(), for the tests that check that the harness can fail."""
    module = importlib.import_module("generator.generate")  # `generator.generate` the attribute is the function
    real = module.read_content

    def broken(root: Path, report: Report) -> Content:
        if fault == "raise":
            raise RuntimeError("injected")
        pipe = run_dir / "injected.fifo"
        os.mkfifo(pipe)
        pipe.read_bytes()  # blocks: nobody writes
        content: Content = real(root, report)
        return content

    if fault is None:
        yield
        return
    with mock.patch.object(module, "read_content", broken):
        yield


def _innermost_frame(frames: traceback.StackSummary) -> str:
    ours = [f for f in frames if f.filename.startswith(str(GENERATOR))]
    if not frames:
        return "?"
    frame = (ours or frames)[-1]
    return f"{Path(frame.filename).relative_to(ROOT) if ours else frame.filename}:{frame.lineno} {frame.name}"


@dataclass
class Outcome:
    """What one generate() call did: ``kind`` is ok, raised, hang or crash."""

    kind: str
    signature: str = ""
    detail: str = ""
    paths: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)  # script or outside loads in what was generated
    seconds: float = 0.0


class Worker:
    """A Python process that runs generate() on request; replaced after a hang or crash."""

    def __init__(self, log_dir: Path) -> None:
        self._log_dir = log_dir
        self._process: subprocess.Popen[str] | None = None
        self._log: Path | None = None

    def _start(self) -> subprocess.Popen[str]:
        handle, name = tempfile.mkstemp(prefix="worker-", suffix=".log", dir=self._log_dir)
        self._log = Path(name)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        env.pop("SOURCE_DATE_EPOCH", None)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.fuzzing", "--worker"], cwd=ROOT, env=env, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=handle,
        )
        os.close(handle)
        return self._process

    def generate(self, run_dir: Path, timeout: float, inject: str | None = None) -> Outcome:
        process = self._process if self._process and self._process.poll() is None else self._start()
        assert process.stdin and process.stdout and self._log
        offset = self._log.stat().st_size
        started = time.monotonic()
        request = {"cwd": str(run_dir), "content": str(run_dir / "content"), "timeout": timeout, "inject": inject}
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        # faulthandler ends a hung worker after `timeout`; the margin only covers a stuck faulthandler.
        ready, _, _ = select.select([process.stdout], [], [], timeout + 15)
        line = process.stdout.readline() if ready else ""
        seconds = time.monotonic() - started
        if line:
            return _outcome(json.loads(line), seconds)
        self.close()
        dump = self._log.read_text(errors="replace")[offset:]
        return _dead_outcome(dump, seconds, timeout)

    def close(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout):
                if stream:
                    stream.close()
            self._process = None


def _outcome(reply: dict[str, Any], seconds: float) -> Outcome:
    if "error" in reply:
        return Outcome("raised", f"{reply['error']} at {reply['frame']}", reply["traceback"], seconds=seconds)
    return Outcome("ok", paths=reply["paths"], unsafe=reply.get("unsafe", []), seconds=seconds)


# What no generated page, feed or sheet may carry, whatever the content: script, an event handler,
# a script address as a link (in an attribute or a Markdown link; as text it is harmless), a refresh,
# or anything loaded from another host. Our own templates' filter forms are no author's doing: <form is not here.
# Matched against the text in lower case: an IGNORECASE pattern took twice as long, on every run.
UNSAFE_OUTPUT = re.compile(r"<(?:script|iframe|object|embed|meta|base)\b|\son[a-z]+\s*=|(?:=\s*[\"']?|\]\(\s*<?)\s*(?:java|vb)script:"
                           r"""|(?:src|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|url\(\s*["']?\s*(?:[a-z]+:|//)""")


def unsafe_output(site: Any) -> list[str]:
    """Each unsafe construct in the generated pages and text files, with the file it is in."""
    found = []
    for page in site.pages:
        text = (page.html or "") + (page.markdown or "")
        found += [f"{page.path}: {m.group()}" for m in UNSAFE_OUTPUT.finditer(_without_code(text).lower())]
    for file in site.files:
        if file.path.endswith((".xml", ".csv")):
            text = html.unescape(file.read().decode("utf-8", "replace"))  # the feed carries its HTML escaped
            found += [f"{file.path}: {m.group()}" for m in UNSAFE_OUTPUT.finditer(_without_code(text).lower())]
    return found[:5]


def _without_code(text: str) -> str:
    """Text with code elements dropped: an example there is shown, not run (escaped, as &lt;script&gt;)."""
    return re.sub(r"<code>.*?</code>", "", text, flags=re.DOTALL)


def _dead_outcome(dump: str, seconds: float, timeout: float) -> Outcome:
    """A worker that ended without answering: hung (faulthandler's dump) or crashed."""
    hung = "Timeout (" in dump or seconds >= timeout
    # faulthandler lists the most recent call first.
    frames = re.findall(r'File "([^"]+)", line (\d+) in (\S+)', dump)
    ours = [f for f in frames if f[0].startswith(str(GENERATOR))]
    where = "?" if not ours else f"{Path(ours[0][0]).relative_to(ROOT)}:{ours[0][1]} {ours[0][2]}"
    if hung:
        return Outcome("hang", f"hang (> {timeout:g} s) at {where}", dump[-6000:], seconds=seconds)
    return Outcome("crash", f"crash at {where}", dump[-6000:], seconds=seconds)


# --- one run and many ---------------------------------------------------------------------------


@dataclass
class Run:
    seed: int | None  # None for a replay of given mutations
    mutations: list[Applied]
    outcome: Outcome
    problem: str | None  # None when the run passed

    def report(self) -> str:
        lines = [f"{'replay' if self.seed is None else f'seed {self.seed}'}: {self.problem}", "  mutations:"]
        lines += [f"    {m}" for m in self.mutations]
        if self.seed is not None:
            lines.append(f"  reproduce: .venv/bin/python -m pytest tests/test_fuzz.py -k survives --fuzz-seed {self.seed} --fuzz-runs 1")
        lines.append("  replay: .venv/bin/python -m tests.fuzzing" + "".join(f" --mutation {m.name}#{m.seed}" for m in self.mutations))
        if self.outcome.detail:
            lines += ["  " + line for line in self.outcome.detail.rstrip().splitlines()[-25:]]
        return "\n".join(lines)


def same_bug(problem: str | None) -> str | None:
    """A problem without line numbers: the generator changes while a long run goes on."""
    return None if problem is None else re.sub(r":\d+ ", " ", problem)


def check(outcome: Outcome, run_dir: Path) -> str | None:
    """The properties: generate() answered, and every message names a file under the content folder."""
    if outcome.kind != "ok":
        return outcome.signature
    content = os.path.normpath(run_dir / "content")
    outside = [p for p in outcome.paths if p != SOURCE_DATE_EPOCH and not _under(os.path.normpath(run_dir / p), content)]
    if outside:
        return f"message location outside the content folder: {outside}"
    return f"unsafe output: {outcome.unsafe}" if outcome.unsafe else None


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)


def fuzz_run(seed: int | None, work_dir: Path, worker: Worker, timeout: float, only: list[tuple[str, int]] | None = None) -> Run:
    """Mutate a fresh copy of the example (by ``seed``, or exactly the ``only`` mutations) and check generate() on it."""
    run_dir = work_dir / f"run-{'replay' if seed is None else seed}-{threading.get_ident()}"
    run_dir.mkdir()
    try:
        tree = make_tree(run_dir)
        if only is not None:
            mutations = [a for n, s in only if (a := apply(n, s, tree)) is not None]
        else:
            assert seed is not None, "a run is either seeded or given its mutations"
            mutations = mutate(seed, tree)
        outcome = worker.generate(run_dir, timeout)
        return Run(seed, mutations, outcome, check(outcome, run_dir))
    except Exception as error:
        error.add_note(f"in the fuzz harness itself, run with seed {seed}")
        raise
    finally:
        remove_tree(run_dir)


def fuzz(seeds: list[int], work_dir: Path, timeout: float, jobs: int, stop_after: int | None = None) -> Iterator[Run]:
    """Runs over ``seeds`` on ``jobs`` workers, in seed order; stops early after ``stop_after`` failing runs."""
    local = threading.local()
    workers: list[Worker] = []
    failed = 0
    stopping = threading.Event()

    def one(seed: int) -> Run | None:
        if stopping.is_set():
            return None
        if not hasattr(local, "worker"):
            local.worker = Worker(work_dir)
            workers.append(local.worker)
        return fuzz_run(seed, work_dir, local.worker, timeout)

    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for run in pool.map(one, seeds):
                if run is None:
                    continue
                yield run
                failed += run.problem is not None
                if stop_after is not None and failed >= stop_after:
                    stopping.set()
    finally:
        for worker in workers:
            worker.close()


# --- the long run -------------------------------------------------------------------------------


def minimal(run: Run, work_dir: Path, worker: Worker, timeout: float) -> str:
    """The first single mutation of a failing run that fails the same way on its own, if any."""
    for mutation in run.mutations:
        again = fuzz_run(None, work_dir, worker, timeout, only=[(mutation.name, mutation.seed)])
        if same_bug(again.problem) == same_bug(run.problem):
            return str(mutation)
    return "all of: " + " + ".join(str(m) for m in run.mutations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Long fuzz run over the example content, with distinct failures.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--mutation", action="append", metavar="NAME#SEED", help="apply exactly these (repeatable), one run")
    args = parser.parse_args(argv)
    if args.worker:
        serve_requests()
        return 0
    if args.mutation:
        return replay([(name, int(seed)) for name, _, seed in (m.partition("#") for m in args.mutation)], args.timeout)
    return long_run(args.seed, args.runs, args.jobs, args.timeout)


def replay(mutations: list[tuple[str, int]], timeout: float) -> int:
    """One run with exactly the given mutations, as a failure report prints them (``tag#123``)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        worker = Worker(Path(tmp))
        try:
            run = fuzz_run(None, Path(tmp), worker, timeout, only=mutations)
        finally:
            worker.close()
    print(run.report() if run.problem else "passed: " + " + ".join(map(str, run.mutations)))
    return 1 if run.problem else 0


def long_run(seed: int, runs: int, jobs: int, timeout: float) -> int:
    started = time.monotonic()
    distinct: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        work_dir = Path(tmp)
        for done, run in enumerate(fuzz(list(range(seed, seed + runs)), work_dir, timeout, jobs), 1):
            if run.problem is not None:
                distinct.setdefault(same_bug(run.problem) or "", []).append(run)
            if done % 100 == 0:
                print(f"{done} runs, {sum(map(len, distinct.values()))} failing, {time.monotonic() - started:.0f} s", file=sys.stderr)
        elapsed = time.monotonic() - started
        print(f"{runs} runs from seed {seed} in {elapsed:.0f} s on {jobs} jobs: {len(distinct)} distinct failures")
        worker = Worker(work_dir)
        try:
            for failing in sorted(distinct.values(), key=len, reverse=True):
                first = failing[0]
                print(f"\n[{len(failing)} runs] {first.problem}\n  minimal: {minimal(first, work_dir, worker, timeout)}")
                print(first.report())
        finally:
            worker.close()
    return 1 if distinct else 0


if __name__ == "__main__":
    sys.exit(main())
