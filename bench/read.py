"""Time the first phase alone: reading a content folder into the model, as one process.

    .venv/bin/python bench/read.py bench/out/custom/content

Prints how long ``read_content()`` took, how many sign-offs it read, the messages it
reported and the process's peak memory (which includes Python and the imports). The
cycle collector runs as rarely as it does inside ``generate()``. For the operating
system's own figures, run it under ``/usr/bin/time -v``.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from generator.diagnostics import Report
from generator.generate import _fewer_collections
from generator.read import read_content


def main() -> int:
    parser = argparse.ArgumentParser(description="Time reading a content folder (read_content) alone.")
    parser.add_argument("content", type=Path)
    args = parser.parse_args()
    report = Report()
    start = time.perf_counter()
    with _fewer_collections():
        content = read_content(args.content, report)
    seconds = time.perf_counter() - start
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    print(f"read_content: {seconds:.2f} s, {len(content.signoffs):,} sign-offs, {len(report.messages):,} messages, "
          f"peak memory {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
