"""Reads one of Clerk's settings straight from the files Qt keeps them in, without Qt.

The command line needs the clerk's name for an export's author, and importing Qt only to read
it costs a tenth of a second or more.  On Linux and the other Unix desktops Qt keeps the
window's settings (``QSettings("Clerk", "Clerk")``) in INI files; this reads the same files in
the same order.  Only plainly written values are decided here: anything Qt would have to
interpret (a list, a variant, an escape this does not know) is ``UNSURE``, and the caller asks
Qt.  On Windows (the registry) and macOS (property lists) the answer is always ``UNSURE``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final


class _Unsure:
    def __repr__(self) -> str:
        return "UNSURE"


UNSURE: Final = _Unsure()
ORGANISATION = "Clerk"
APPLICATION = "Clerk"

# The escapes Qt writes in an INI value (iniEscapedString); anything else is left to Qt.
_ESCAPES = {'"': '"', "\\": "\\", "t": "\t", "n": "\n", "r": "\r", "a": "\a", "b": "\b"}
_ESCAPES |= {"f": "\f", "v": "\v", "'": "'", "?": "?"}


def settings_files(
    environ: dict[str, str] | os._Environ[str] | None = None, home: Path | None = None
) -> list[Path]:
    """Where Qt looks, first to last: the user's file for Clerk, the user's file for the
    organisation, then the same two in each system folder (``XDG_CONFIG_DIRS``)."""
    env = os.environ if environ is None else environ
    user = env.get("XDG_CONFIG_HOME", "")
    user_dir = Path(user) if user.startswith("/") else (home or Path.home()) / ".config"
    system = [Path(d) for d in env.get("XDG_CONFIG_DIRS", "").split(":") if d.startswith("/")]
    folders = [user_dir, *(system or [Path("/etc/xdg")])]
    files: list[Path] = []
    for folder in folders:
        files += [folder / ORGANISATION / f"{APPLICATION}.conf", folder / f"{ORGANISATION}.conf"]
    return files


def read_setting(key: str, files: list[Path] | None = None) -> str | None | _Unsure:
    """The string value of ``key`` ("clerk/name"), None if no file sets it, or UNSURE."""
    if sys.platform in ("win32", "darwin") and files is None:
        return UNSURE  # the registry and property lists: only Qt reads those
    section, _, name = key.rpartition("/")
    for path in settings_files() if files is None else files:
        try:
            text = path.read_text(encoding="utf-8-sig")  # an editor may add a BOM
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError):
            return UNSURE  # unreadable or not UTF-8: whatever Qt makes of it, Qt decides
        found = _find(text, section or "General", name)
        if found is not None:
            return found
    return None


def _find(text: str, section: str, name: str) -> str | _Unsure | None:
    current = ""
    value: str | _Unsure | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith((";", "#")):
            continue
        if stripped.startswith("["):
            if not stripped.endswith("]"):
                return UNSURE
            current = stripped[1:-1]
            continue
        raw_key, equals, raw_value = stripped.partition("=")
        if not equals:
            continue
        if current == section and raw_key.strip() == name:
            value = _value(raw_value.strip())  # Qt keeps the last of repeated keys
    return value


def _value(raw: str) -> str | _Unsure:
    """A value as Qt writes a plain string: bare, or in quotes with simple escapes."""
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        text = _quoted(raw[1:-1])
    elif any(ch in raw for ch in '",;'):
        return UNSURE  # a list, or a comment after the value: Qt decides
    else:
        text = _quoted(raw)  # a bare value has the same escapes
    if isinstance(text, str) and text.startswith("@"):
        if not text.startswith("@@"):
            return UNSURE  # @Variant(...), @ByteArray(...), @Invalid(): Qt's own types
        return text[1:]
    return text


def _quoted(inner: str) -> str | _Unsure:
    """The text with Qt's simple escapes undone; UNSURE for any other escape."""
    out: list[str] = []
    chars = iter(inner)
    for ch in chars:
        if ch == '"':
            return UNSURE  # quotes closed and opened again: a list or pieces joined
        if ch == "\\":
            escaped = next(chars, "")
            if escaped not in _ESCAPES:
                return UNSURE  # \x hex, octal or a line continuation
            out.append(_ESCAPES[escaped])
        else:
            out.append(ch)
    return "".join(out)
