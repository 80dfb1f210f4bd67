"""Read YAML (and Markdown front matter) keeping the line of every key and list item.

PyYAML's composer knows where each node starts; we build plain dicts and lists
from its node tree and keep those lines beside the values, so that a message
about a value can name the line an author has to change.

The node tree is walked with limits, since YAML can describe far more than it
spells out: an alias repeats a whole subtree (nine aliases nested nine deep make a
"billion laughs"), an alias can point into itself, and explicit tags ask for
types we have no use for. Such a file is refused with one message at the node
that crossed the limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .characters import UNSAFE_CHARACTER, has_unsafe_characters
from .diagnostics import Location, Param, Report, Text
from .files import read_text

# libyaml's parser (in PyYAML's wheels) is several times faster and keeps the same marks.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 50  # content files nest three or four levels; far deeper is a mistake
MAX_VALUES = 1_000_000  # values after aliases are expanded, at most; and at most 100 per character
_VALUES_PER_CHARACTER = 100
_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map"))
_MERGE_TAG = "tag:yaml.org,2002:merge"


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
    body_line: int = 1  # the line of the file the body starts on, for messages about the body


def load_yaml_text(text: str, location: Location, report: Report, *, line_offset: int = 0) -> Any:
    """Parse YAML text; on a syntax error or a crossed limit report it at its line and return None."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        budget = min(MAX_VALUES, _VALUES_PER_CHARACTER * max(len(text), 100))
        return None if node is None else _Converter(loader, line_offset, location, report, budget).value(node, 0)
    except yaml.MarkedYAMLError as error:
        line, code, params = explain_syntax_error(error, text.splitlines(), line_offset)
        report.unreadable_file(location.at(None if line is None else line + 1 + line_offset), code, **params)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (control characters)
        line = text.count("\n", 0, error.position) + 1 + line_offset
        character = ord(error.character) if isinstance(error.character, str) else int(error.character)
        report.unreadable_file(location.at(line), "control-character", character=f"U+{character:04X}")
    except _Refused as refused:
        report.unreadable_file(location.at(refused.line), refused.code, **refused.params)
    finally:
        loader.dispose()
    return None


_QUOTED_THEN_MORE = re.compile(r"""^\s*(?:-\s+)?([\w-]+):\s*(["'])(.*?)\2\s*\S""")
# "title: LMRA: laatste minuut risicoanalyse": a value holding ': ' without quotes around it.
_COLON_IN_VALUE = re.compile(r"""^\s*(?:-\s+)?([\w-]+):\s+([^"'\s#][^#]*?:\s.*?)\s*$""")


def explain_syntax_error(error: yaml.MarkedYAMLError, lines: list[str], offset: int = 0) -> tuple[int | None, str, dict[str, Param]]:
    """PyYAML's problem turned into what the author must do, on the line where they must do it.

    Returns the 0-based line in ``lines``, the message code and its parameters (a line named in
    them counts ``offset`` lines before the text, as front matter does). PyYAML names the place
    where it gave up, which for a missing colon is the line after the key; and its phrases
    ("mapping values are not allowed in this context") mean nothing to an author.
    """
    problem = str(error.problem or error.context)
    mark = error.problem_mark or error.context_mark
    line = mark.line if mark else None
    if "tab" in problem:
        spaces = _indent_for_tab(lines, line)
        return line, "yaml-tab", {"how": Text("hint.none") if spaces is None else Text("hint.tab-spaces", {"spaces": spaces})}
    if "could not find expected ':'" in problem and error.context_mark is not None:
        key_line = error.context_mark.line
        return key_line, "yaml-missing-colon", {"key": _first_word(lines, key_line)}
    if line is None or line >= len(lines):
        return line, "yaml-syntax", {"problem": problem}
    if quoted := _QUOTED_THEN_MORE.match(lines[line]):
        value = lines[line].split(":", 1)[1].strip().replace("'", "''")
        return line, "yaml-quote", {"key": quoted.group(1), "fixed": f"{quoted.group(1)}: '{value}'"}
    if "mapping values" in problem and (colon := _COLON_IN_VALUE.match(lines[line])):
        value = colon.group(2).replace("'", "''")
        return line, "yaml-colon-in-value", {"key": colon.group(1), "fixed": f"{colon.group(1)}: '{value}'"}
    if "mapping values" in problem or "expected '-' indicator" in problem or "expected key" in problem:
        return _indentation(lines, line, offset) or (line, "yaml-syntax", {"problem": problem})
    return line, "yaml-syntax", {"problem": problem}


def _indent_for_tab(lines: list[str], line: int | None) -> int | None:
    """The spaces a line indented with a tab needs: as the line above, one step deeper under a key that opens
    a block, after '- ' under a list item. None when the tab is not in the indentation."""
    if line is None or line >= len(lines) or "\t" not in lines[line][: len(lines[line]) - len(lines[line].lstrip())]:
        return None
    above = next((lines[n] for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    if above is None or "\t" in above[: len(above) - len(above.lstrip())]:
        return 0 if above is None else None
    text = above.lstrip(" ")
    spaces = len(above) - len(text)
    if text.startswith("- "):  # the keys of a list item line up after '- '
        spaces += 2 + len(text[2:]) - len(text[2:].lstrip(" "))
    if text.rstrip().endswith(":"):  # a key without a value opens a block: its keys go one step deeper
        spaces += 2
    return spaces


def _first_word(lines: list[str], line: int) -> str:
    words = lines[line].strip().lstrip("- ").split() if line < len(lines) else []
    return words[0].split(":")[0] if words else ""


def _indentation(lines: list[str], line: int, offset: int) -> tuple[int, str, dict[str, Param]] | None:
    """A line indented unlike the key it belongs under: which key, and how many spaces."""
    found = len(lines[line]) - len(lines[line].lstrip(" "))
    above = next((n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    if above is None:
        return None
    text = lines[above]
    expected = len(text) - len(text.lstrip(" "))
    if text.lstrip().startswith("- "):  # the keys of a list item line up with the first one, after '- '
        expected += 2 + len(text.lstrip()[2:]) - len(text.lstrip()[2:].lstrip(" "))
    if found == expected:
        return None
    return line, "yaml-indent", {"key": _first_word(lines, line), "above": _first_word(lines, above),
                                 "line": above + 1 + offset, "expected": expected, "found": found}


def load_yaml_file(path: Path, location: Location, report: Report) -> Any:
    text = read_text(path, location, report)
    return None if text is None else load_yaml_text(text, location, report)


def load_markdown_file(path: Path, location: Location, report: Report) -> MarkdownFile | None:
    """Split ``---`` front matter from the body; None (reported) when unreadable."""
    text = read_text(path, location, report)
    if text is None:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        report.unreadable_file(location.at(1), "front-matter-missing")
        return None
    for index, line in enumerate(lines[1:], start=1):
        # Only an unindented '---' closes: an indented one belongs to a block of text.
        if line.rstrip() == "---":
            meta = load_yaml_text("".join(lines[1:index]), location, report, line_offset=1)
            if location.path in report.unreadable:
                return None
            body = "".join(lines[index + 1 :])
            return MarkdownFile(meta=_empty_map() if meta is None else meta, body=body, body_line=index + 2)
    closing = _where_closing_belongs(lines)
    report.unreadable_file(location.at(closing), "front-matter-unclosed", after=closing - 1)
    return None


# A line of front matter: indented, a list item, a comment, or a key with its colon (keys are lowercase;
# a sentence of the body that starts "Tekst: …" is not one).
_FRONT_MATTER_LINE = re.compile(r"\s+\S|-(\s|$)|#|[a-z_][a-z0-9_-]*:(\s|$)")


def _where_closing_belongs(lines: list[str]) -> int:
    """The line a forgotten closing '---' belongs on: after the last line that still reads as front matter.

    Comments do not count as its end: '# Title' is as likely the body's first heading.
    """
    last = 1  # the opening '---'
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        if not _FRONT_MATTER_LINE.match(line):
            break
        if not line.startswith("#"):
            last = number
    return last + 1


def _empty_map() -> YamlMap:
    result = YamlMap()
    result.line, result.key_lines, result.raw = 1, {}, {}
    return result


class _Refused(Exception):
    """Raised inside the converter to refuse the whole file at one node."""

    def __init__(self, code: str, line: int, **params: Param) -> None:
        super().__init__(code)
        self.code, self.line, self.params = code, line, params


_Pairs = list[tuple[yaml.Node, yaml.Node]]


class _Converter:
    """Builds YamlMap/YamlList values from PyYAML's node tree, keeping lines (1-based, plus ``offset``)."""

    def __init__(self, loader: Any, offset: int, location: Location, report: Report, budget: int) -> None:
        self.loader, self.offset, self.location, self.report = loader, offset, location, report
        self.budget = budget  # values left to build; aliases build a node again each time
        self.open: set[int] = set()  # nodes being built: an alias to one of them would never end

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def value(self, node: yaml.Node, depth: int) -> Any:
        self._enter(node, depth)
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, depth)
            if isinstance(node, yaml.SequenceNode):
                result = YamlList(self.value(item, depth + 1) for item in node.value)
                result.line, result.item_lines = self.line(node), [self.line(item) for item in node.value]
                return result
            return self.scalar(node)
        finally:
            self.open.discard(id(node))

    def _enter(self, node: yaml.Node, depth: int) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _Refused("yaml-too-large", self.line(node), limit=MAX_VALUES)
        if depth > MAX_DEPTH:
            raise _Refused("yaml-too-deep", self.line(node), limit=MAX_DEPTH)
        if id(node) in self.open:
            raise _Refused("yaml-recursive", self.line(node))
        if node.tag not in _TAGS:
            raise _Refused("yaml-tag", self.line(node), tag=node.tag)
        if not isinstance(node, yaml.ScalarNode):
            self.open.add(id(node))

    def scalar(self, node: yaml.Node) -> Any:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, KeyError, AttributeError, TypeError, OverflowError, yaml.YAMLError):
            # 2026-13-01 looks like a date to YAML but is none, "!!bool maybe" is no bool, and
            # PyYAML's constructors fail in their own ways when a tag and its text disagree
            # ("!!timestamp x": AttributeError): keep the text, so that the field check can say
            # which key holds a bad value, on its own line.
            return node.value
        if isinstance(value, str) and (character := has_unsafe_characters(value)):
            # read_text() refused such characters typed into the file; these were written as escapes ("\x1b").
            self.report.error(self.location.at(self.line(node)), "escaped-control-character", character=character)
            return UNSAFE_CHARACTER.sub("", value)
        return value

    def mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap:
        result = _empty_map()
        result.line = self.line(node)
        explicit, merged = self._pairs(node, depth)
        new_item = False  # a second 'id' seen: the rest of the repeats are one forgotten '- '
        for key_node, value_node in explicit:
            key = self._key(key_node)
            if key in result and not new_item:
                new_item = self._duplicate(result, key, key_node)
            self._set(result, key, key_node, value_node, depth)
        for key_node, value_node in merged:
            if (key := self._key(key_node)) not in result:  # written keys win over merged ones (<<)
                self._set(result, key, key_node, value_node, depth)
        return result

    def _duplicate(self, result: YamlMap, key: str, key_node: yaml.Node) -> bool:
        """Report a key written twice; True when it is a second 'id', a list item missing its '- '."""
        # YAML itself lets the last one win silently; an author nearly always meant one.
        where, other_line = self.location.at(self.line(key_node)), result.key_lines[key]
        if key != "id":
            self.report.error(where, "duplicate-key", key=key, other_line=other_line)
            return False
        # The first item is overwritten by the second: what cites it is not to blame.
        self.report.broken.add(str(result[key]))
        self.report.error(where, "duplicate-id-key", other_line=other_line)
        return True

    def _set(self, result: YamlMap, key: str, key_node: yaml.Node, value_node: yaml.Node, depth: int) -> None:
        result[key] = self.value(value_node, depth + 1)
        result.key_lines[key] = self.line(key_node)
        if isinstance(value_node, yaml.ScalarNode):
            result.raw[key] = value_node.value

    def _key(self, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise _Refused("yaml-complex-key", self.line(node))
        return str(self.scalar(node))

    def _pairs(self, node: yaml.MappingNode, depth: int) -> tuple[_Pairs, _Pairs]:
        """The key-value pairs written in ``node``, and those merged into it with ``<<``, earlier merges first."""
        explicit: _Pairs = []
        merged: _Pairs = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                explicit.append((key_node, value_node))
                continue
            merges = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for source in merges:
                if not isinstance(source, yaml.MappingNode):
                    raise _Refused("yaml-bad-merge", self.line(source))
                self._enter(source, depth + 1)
                source_explicit, source_merged = self._pairs(source, depth + 1)
                self.open.discard(id(source))
                self.budget -= len(source_explicit) + len(source_merged)
                merged += source_explicit + source_merged
        return explicit, merged
