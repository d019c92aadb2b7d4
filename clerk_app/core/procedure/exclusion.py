"""The wording of a resolution excluding the press and public, in the body's law."""

from __future__ import annotations

import re

from clerk_app.core.procedure.bodies import Body, ExclusionLaw
from clerk_app.core.wording import clean_line

_PARISH_OPENING = "That in view of the confidential nature of the business about to be transacted"
_PARISH_REST = (
    ", it is advisable in the public interest that the press and public be temporarily "
    "excluded and they are instructed to withdraw (Public Bodies (Admission to "
    "Meetings) Act 1960, section 1(2))."
)
# The reason as exclusion_wording words it, read back greedily up to the fixed text after
# it, so a reason with brackets of its own ("the lease (plot 4)") comes back whole.
_PARISH_REASON = re.compile(re.escape(_PARISH_OPENING) + r" \((.+)\)" + re.escape(_PARISH_REST))


def exclusion_reason(typed: str) -> str:
    """The reason as the resolution words it: one line, trimmed, and without the full stop or
    brackets a clerk might type around it (the wording puts it in brackets mid-sentence)."""
    reason = clean_line(typed)
    while reason[:1] == "(" and reason[-1:] == ")":
        reason = reason[1:-1].strip()
    return reason.rstrip(" .;,").strip()


def exclusion_wording(body: Body, paragraphs: str, reason: str = "") -> str:
    """The resolution's text; ``paragraphs`` are Schedule 12A paragraph numbers ("1, 3").
    ``reason`` is for a parish or town council only: the 1960 Act, s.1(2), wants the special
    reasons stated in the resolution; "" leaves the wording as it always was."""
    if body.exclusion_law is ExclusionLaw.CUSTOM and body.exclusion_text.strip():
        return body.exclusion_text.strip().replace("{paragraphs}", paragraphs)
    if body.exclusion_law is ExclusionLaw.PARISH:
        reason = exclusion_reason(reason)
        return _PARISH_OPENING + (f" ({reason})" if reason else "") + _PARISH_REST
    return (
        "That under section 100A(4) of the Local Government Act 1972 the press and public be "
        "excluded from the meeting for the following item(s) of business on the grounds that "
        "it involves the likely disclosure of exempt information as defined in "
        f"{cited_paragraphs(paragraphs)} of Part 1 of Schedule 12A to the Act."
    )


def cited_paragraphs(paragraphs: str) -> str:
    """ "paragraph 3", "paragraphs 1, 3"; "" for none (a parish council cites none)."""
    if not paragraphs.strip():
        return ""
    which = "paragraph" if "," not in paragraphs and " and " not in paragraphs else "paragraphs"
    return f"{which} {paragraphs}"


def parish_reason(wording: str) -> str:
    """The reason a parish resolution worded by ``exclusion_wording`` states ("" if none, or
    if the minutes worded it their own way)."""
    found = _PARISH_REASON.fullmatch(wording.strip())
    return found.group(1) if found else ""
