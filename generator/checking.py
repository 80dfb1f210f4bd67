"""What ``python -m generator check`` shows: the messages, as text or JSON, and a summary line.

The summary goes to standard error in the site's language, also when all is well, so that
an author who runs ``check`` sees that it ran and what it read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .access import advise_access
from .diagnostics import Message, Severity, Text, printable, printable_params
from .generate import Result
from .references import advise


def show_check(result: Result, content_dir: Path, *, as_json: bool) -> int:
    """Print the messages of a check and the summary line; the exit status (1 when there are errors)."""
    advise(result.content, result.facts, result.report)
    advise_access(result.content, result.report)
    messages = result.report.in_file_order()
    if as_json:
        print(json_lines(result, messages))
    else:
        for line in result.catalogue.lines(messages):
            print(line)
    print(summary(result, content_dir), file=sys.stderr)
    return 1 if result.report.has_errors else 0


def json_lines(result: Result, messages: list[Message]) -> str:
    """A JSON array with one message per line, so that it parses and a line-based matcher matches each one."""
    rows = [json.dumps(_as_object(result, message), ensure_ascii=False) for message in messages]
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


def _as_object(result: Result, message: Message) -> dict[str, str | int | None]:
    return {
        "file": printable(message.location.path, None),
        "line": message.location.line,
        "column": None,  # the content's messages know lines, not columns
        "severity": message.severity.value,
        "code": message.code,
        "message": result.catalogue.word(Text(message.code, printable_params(message.params))),
    }


def summary(result: Result, content_dir: Path) -> str:
    report, words = result.report, result.catalogue
    errors, warnings = len(report.of(Severity.ERROR)), len(report.of(Severity.WARNING))
    if errors or warnings:
        return words("check-summary", errors=errors, warnings=warnings)
    return words("check-clean", files=sum(1 for path in content_dir.rglob("*") if path.is_file()))
