"""Declarations of interest: who declared what on which item, and what they then did."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# The three kinds of the English model code (Localism Act 2011 and the LGA model code);
# any other text is a kind of another code, kept as typed.
PECUNIARY = "disclosable pecuniary"
OTHER_REGISTRABLE = "other registrable"
NON_REGISTRABLE = "non-registrable"
KNOWN_KINDS = (PECUNIARY, OTHER_REGISTRABLE, NON_REGISTRABLE)


class Conduct(enum.StrEnum):
    """What the member did about the item."""

    WITHDREW = "withdrew"
    REMAINED = "remained"
    SPOKE_THEN_WITHDREW = "spoke then withdrew"
    DISPENSATION = "dispensation"


@dataclass(eq=True)
class Declaration:
    """``nature`` is left empty when ``sensitive``: a sensitive interest's nature is not
    recorded (Localism Act 2011 s32), only that there is one."""

    member: str
    kind: str = PECUNIARY
    nature: str = ""
    sensitive: bool = False
    conduct: Conduct = Conduct.WITHDREW
    id: int | None = field(default=None, compare=False)

    @property
    def pecuniary(self) -> bool:
        return self.kind.strip().lower() == PECUNIARY


def check_declarations(declarations: list[Declaration]) -> None:
    """Refuse what the minutes could not print: a declaration by nobody, or of no kind.

    Raises ValueError (the editing service reports it as a refused edit)."""
    for declaration in declarations:
        if not declaration.member.strip():
            raise ValueError("a declaration of interest needs the member who made it")
        if not declaration.kind.strip():
            raise ValueError(f"{declaration.member.strip()}'s declaration needs a kind of interest")
        if ";" in declaration.member or ";" in declaration.kind:
            raise ValueError("a member's name or a kind of interest cannot contain ';'")


def _kind_phrase(kind: str) -> str:
    words = kind.strip() or "an"
    phrase = words if words.lower().endswith("interest") else f"{words} interest"
    article = "an" if phrase[:1].lower() in "aeiou" else "a"
    return f"{article} {phrase}"


def _nature(declaration: Declaration) -> str:
    if declaration.sensitive:
        return " (a sensitive interest, whose nature is not recorded)"
    return f" ({declaration.nature.strip()})" if declaration.nature.strip() else ""


_AT_ITEM = {
    Conduct.WITHDREW: "and left the room during consideration of this item",
    Conduct.REMAINED: "and remained in the room",
    Conduct.SPOKE_THEN_WITHDREW: (
        "spoke as permitted, and then left the room during consideration of this item"
    ),
    Conduct.DISPENSATION: "and took part under a dispensation",
}
_IN_LIST = {
    Conduct.WITHDREW: "and left the room during its consideration",
    Conduct.REMAINED: "and remained in the room",
    Conduct.SPOKE_THEN_WITHDREW: "spoke as permitted, and then left the room",
    Conduct.DISPENSATION: "and took part under a dispensation",
}


def at_item_sentence(declaration: Declaration) -> str:
    """ "Councillor X declared a disclosable pecuniary interest (...) and left the room
    during consideration of this item." """
    d = declaration
    joiner = "" if d.conduct is Conduct.SPOKE_THEN_WITHDREW else " "
    conduct = _AT_ITEM[d.conduct]
    if d.conduct is Conduct.SPOKE_THEN_WITHDREW:
        conduct = f", {conduct}"
    return f"{d.member.strip()} declared {_kind_phrase(d.kind)}{_nature(d)}{joiner}{conduct}."


def listed_sentence(declaration: Declaration, where: str) -> str:
    """The line under "Declarations of interest"; ``where`` names the item ("minute 6,
    Allotment rents")."""
    d = declaration
    conduct = _IN_LIST[d.conduct]
    if d.conduct is Conduct.SPOKE_THEN_WITHDREW:
        conduct = f", {conduct}"
    else:
        conduct = f" {conduct}"
    return f"{d.member.strip()} declared {_kind_phrase(d.kind)} in {where}{_nature(d)}{conduct}."
