"""The log a bug's traceback goes to, so the clerk sees one line and support sees the rest."""

from __future__ import annotations

import datetime as dt
import tempfile
import traceback
from pathlib import Path

LOG_NAME = "clerk-app-errors.log"


def _folders() -> list[Path]:
    # platformdirs is imported here: only a crash needs it.
    from platformdirs import user_state_path

    return [user_state_path("Clerk", appauthor=False), Path(tempfile.gettempdir())]


def log_exception(exc: BaseException, command: list[str]) -> Path | None:
    """Append ``exc``'s traceback to the log; the log's path, or None if none could be written.

    The user's state folder first, then the temporary folder: a full or read-only disk must
    not turn one line into a second traceback.
    """
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    entry = "".join(
        [
            f"--- {stamp} clerk-app {' '.join(command)}\n",
            *traceback.format_exception(type(exc), exc, exc.__traceback__),
        ]
    )
    for folder in _folders():
        target = folder / LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as log:
                log.write(entry)
        except OSError:
            continue
        return target
    return None
