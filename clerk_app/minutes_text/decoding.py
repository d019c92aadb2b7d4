"""Bytes of a minutes file -> text, with every byte that could not be read reported by line.

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such.  A UTF-8 file with a few
stray Windows-1252 bytes (a paragraph pasted from an old document) keeps its UTF-8 and has
just those bytes read as Windows-1252, each line named in a warning: reading the whole file
as Windows-1252 instead would turn every "Zoë" into "ZoÃ«" without a word.  A file with no
UTF-8 in it at all is Windows' cp1252 (Word's "Plain Text" on Windows) and is read as that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerk_app.minutes_text.summary import ImportWarning

# Python's "surrogateescape" turns each byte that is not UTF-8 into U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_REAL_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
# What a decoded binary file is full of: C0 controls (form feed aside) and replacements.
_ODD = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_SAMPLE = 3  # characters shown of each line's repaired bytes


class NotText(ValueError):
    """The bytes are not a text file; ``str()`` says what they look like instead."""


@dataclass
class Decoded:
    text: str
    warnings: list[ImportWarning] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """The text of a minutes file; NotText for a Word, PDF or binary file."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = _utf16(data)  # Notepad's "Unicode"
    elif data.startswith(b"PK\x03\x04"):
        raise NotText(
            "is a Word document or zip file, not plain text;"
            " in Word use File > Save As > Plain Text (.txt)"
        )
    elif data.startswith(b"%PDF"):
        raise NotText("is a PDF, not plain text; save the minutes as .txt")
    elif b"\x00" in data:
        raise NotText(_BINARY)
    else:
        decoded = _utf8_or_cp1252(data.removeprefix(b"\xef\xbb\xbf"))
    if len(_ODD.findall(decoded.text)) > max(8, len(decoded.text) // 20):
        raise NotText(_BINARY)
    return decoded


_BINARY = "is not a text file (it contains binary data); save the minutes as .txt"


def _utf16(data: bytes) -> Decoded:
    try:
        # A lone surrogate (half of a pair, as broken clipboards leave) decodes as itself and
        # is removed with the other characters that are never text; the line is named.
        text = data.decode("utf-16", errors="surrogatepass")
    except UnicodeDecodeError:
        raise NotText(_BINARY) from None
    if not _SURROGATE.search(text):
        return Decoded(text)
    warnings = [
        ImportWarning.at(number, "a broken character (half a UTF-16 pair) was removed")
        for number, line in enumerate(_lines(text), start=1)
        if _SURROGATE.search(line)
    ]
    return Decoded(text, warnings)


def _utf8_or_cp1252(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    if not _REAL_NON_ASCII.search(text):
        # Not one character of real UTF-8: a cp1252 file, read as a whole.
        return Decoded(data.decode("cp1252", errors="replace"))
    warnings: list[ImportWarning] = []
    lines = _lines(text)
    for index, line in enumerate(lines):
        runs = _ESCAPED.findall(line)
        if not runs:
            continue
        lines[index] = _ESCAPED.sub(lambda run: _as_cp1252(run.group()), line)
        sample = "".join(_as_cp1252(run) for run in runs)[:_SAMPLE]
        warnings.append(
            ImportWarning.at(
                index + 1,
                f"bytes that are not UTF-8 were read as Windows-1252 ({sample!r});"
                " check the spelling on this line",
            )
        )
    return Decoded("\n".join(lines), warnings)


def _as_cp1252(escaped: str) -> str:
    return bytes(ord(ch) - 0xDC00 for ch in escaped).decode("cp1252", errors="replace")


def _lines(text: str) -> list[str]:
    """Lines as the importer numbers them: "\\r\\n", "\\r" and "\\n" each end one."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
