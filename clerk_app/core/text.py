"""Cleaning text that a person typed or pasted, so that every layer can store and print it.

What is removed, and why (documented promise, see docs/reliability.md once it exists):
- C0/C1 control characters other than tab and newline: Word and PDF writers refuse them and they
  are invisible anyway; a tab inside running text becomes a space.
- Lone surrogates (from broken clipboard data): they cannot be encoded as UTF-8 at all.
- Carriage returns: "\r\n" and "\r" become "\n".
Everything else (emoji, combining marks, right-to-left text, zero-width joiners inside emoji,
non-breaking spaces) is kept exactly.  Each line is stripped of surrounding white space, and
blank lines are dropped, because a point or paragraph's shape comes from the model, not from
stray spacing.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t]+")


def clean_line(text: str) -> str:
    """One line of text: no line breaks, no control characters, single spaces, stripped."""
    return clean_text(text, multiline=False)


def clean_text(text: str, *, multiline: bool = True) -> str:
    if text.isprintable() and "  " not in text and text == text.strip():
        # Already clean, as nearly everything is by the time it is exported: no line breaks,
        # tabs, controls or surrogates (none is printable), no run of spaces, nothing to strip.
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("", text)
    if not multiline:
        text = text.replace("\n", " ")
    text = _CONTROL.sub("", text.replace("\t", " "))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
