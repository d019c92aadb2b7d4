"""The words that tell the clerk whether a view shows exempt (confidential) business."""

from __future__ import annotations

INCLUDE_EXEMPT = "Include exempt i&tems"


def scope_text(confidential: bool) -> str:
    """Public unless the clerk ticked "Include exempt items": the label says which."""
    if confidential:
        return "Confidential: exempt items included"
    return "Public: exempt items left out"
