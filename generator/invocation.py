"""How the author runs the generator, so that a command a message prints works as printed.

Through ``python3 dev.py`` in the generator's own repository (which sets ``WGO_COMMAND``),
else ``python -m generator`` where the generator is installed (an organisation's repository,
its CI, an activated virtual environment).
"""

from __future__ import annotations

import os
import shlex

COMMAND_VARIABLE = "WGO_COMMAND"
DEFAULT_PREFIX = "python -m generator"


def printed_command(*words: str) -> str:
    """The command line for ``words`` (``check content``), as the author would type it here."""
    prefix = os.environ.get(COMMAND_VARIABLE) or DEFAULT_PREFIX
    return " ".join([prefix, *(shlex.quote(word) for word in words)])
