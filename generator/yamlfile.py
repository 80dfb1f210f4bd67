"""Read YAML (and Markdown front matter) keeping the line of every key and list item.

PyYAML's composer knows where each node starts; we build plain dicts and lists
from its node tree and keep those lines beside the values, so that a message
about a value can name the line an author has to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Location, Report

# libyaml's parser (in PyYAML's wheels) is several times faster and keeps the same marks.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlMap(dict[str, Any]):
    """A YAML mapping that remembers its own line, its keys' lines and the raw text of scalars."""

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list[Any]):
    """A YAML sequence that remembers its own line and its items' lines."""

    line: int
    item_lines: list[int]


@dataclass(frozen=True, kw_only=True)
class MarkdownFile:
    """A Markdown file split into its front matter and its body."""

    meta: Any  # a YamlMap when the author wrote one; checked by the reader's schema
    body: str


def load_yaml_text(text: str, location: Location, report: Report, *, line_offset: int = 0) -> Any:
    """Parse YAML text; on a syntax error report it at its line and return None."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Converter(loader, line_offset, location, report).value(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        report.unreadable_file(location.at(line), "yaml-syntax", problem=str(error.problem or error.context))
        return None
    finally:
        loader.dispose()


def load_yaml_file(path: Path, location: Location, report: Report) -> Any:
    text = read_text(path, location, report)
    return None if text is None else load_yaml_text(text, location, report)


def load_markdown_file(path: Path, location: Location, report: Report) -> MarkdownFile | None:
    """Split ``---`` front matter from the body; None (reported) when unreadable."""
    text = read_text(path, location, report)
    if text is None:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        report.unreadable_file(location.at(1), "front-matter-missing")
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            meta = load_yaml_text("".join(lines[1:index]), location, report, line_offset=1)
            if location.path in report.unreadable:
                return None
            return MarkdownFile(meta=_empty_map() if meta is None else meta, body="".join(lines[index + 1 :]))
    report.unreadable_file(location.at(1), "front-matter-unclosed")
    return None


def read_text(path: Path, location: Location, report: Report) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        report.unreadable_file(location, "not-utf8")
        return None


def _empty_map() -> YamlMap:
    result = YamlMap()
    result.line, result.key_lines, result.raw = 1, {}, {}
    return result


class _Converter:
    """Builds YamlMap/YamlList values from PyYAML's node tree, keeping lines (1-based, plus ``offset``)."""

    def __init__(self, loader: Any, offset: int, location: Location, report: Report) -> None:
        self.loader, self.offset, self.location, self.report = loader, offset, location, report

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node)
        if isinstance(node, yaml.SequenceNode):
            result = YamlList(self.value(item) for item in node.value)
            result.line, result.item_lines = self.line(node), [self.line(item) for item in node.value]
            return result
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:
            # 2026-13-01 looks like a date to YAML but is none; keep the text, so that the
            # field check can say which key holds a bad date, on its own line.
            return node.value

    def mapping(self, node: yaml.MappingNode) -> YamlMap:
        self.loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        result = _empty_map()
        result.line = self.line(node)
        for key_node, value_node in node.value:
            key = str(self.scalar(key_node))
            if key in result:
                # YAML itself lets the last one win silently; an author nearly always meant one.
                self.report.error(self.location.at(self.line(key_node)), "duplicate-key", key=key, other_line=result.key_lines[key])
            result[key] = self.value(value_node)
            result.key_lines[key] = self.line(key_node)
            if isinstance(value_node, yaml.ScalarNode):
                result.raw[key] = value_node.value
        return result
