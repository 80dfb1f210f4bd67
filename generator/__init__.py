"""Turn a content folder of training formats, work processes and sources into a Markdown site."""

from __future__ import annotations

from .generate import Result, generate

__all__ = ["Result", "generate"]
