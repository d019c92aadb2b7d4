"""Lines of the plain-text minutes for the formal record: declarations of interest.

    DECLARED: Cllr Ngozi Adeyemi; disclosable pecuniary; withdrew; owns land beside the site
    DECLARED: Cllr Tomasz Nowak; other registrable; remained
    DECLARED: Cllr Ellis Hart; non-registrable; spoke then withdrew; sensitive

Member, kind of interest, what the member did (withdrew, remained, spoke then withdrew,
dispensation), then the nature if recorded, or "sensitive" for a sensitive interest.  Written
just under the item's heading.  Limitations: a member's name or a kind cannot contain ";"
(the core refuses them); a nature of exactly "sensitive" reads back as a sensitive interest.
"""

from __future__ import annotations

import re

from clerk_app.core.procedure.declarations import Conduct, Declaration
from clerk_app.core.text import clean_line

_DECLARED = re.compile(r"^DECLARED\s*:\s*(.*)$")
_SENSITIVE = "sensitive"


def format_declaration(declaration: Declaration) -> str:
    fields = [declaration.member, declaration.kind, declaration.conduct.value]
    if declaration.sensitive:
        fields.append(_SENSITIVE)
    elif declaration.nature:
        fields.append(declaration.nature)
    return "DECLARED: " + "; ".join(fields)


def is_declaration_line(content: str) -> bool:
    return _DECLARED.match(content) is not None


def parse_declaration(content: str) -> Declaration | str:
    """The declaration on a "DECLARED:" line, or a sentence saying what is wrong with it."""
    match = _DECLARED.match(content)
    assert match is not None, "only called on a DECLARED: line"
    # The nature is the rest of the line, semicolons and all.
    parts = [clean_line(part) for part in match.group(1).split(";", 3)]
    if len(parts) < 3 or not parts[0] or not parts[1]:
        return "a DECLARED: line needs a member, a kind and what they did, separated by ';'"
    try:
        conduct = Conduct(parts[2].lower())
    except ValueError:
        known = ", ".join(c.value for c in Conduct)
        return f"{parts[2]!r} is not what a member did about an interest: one of {known}"
    nature = parts[3] if len(parts) > 3 else ""
    sensitive = nature.lower() == _SENSITIVE
    return Declaration(parts[0], parts[1], "" if sensitive else nature, sensitive, conduct)
