"""Bodies and their house style: list, set up, change, and add members over time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
from pathlib import Path
from typing import TypeVar

from clerk_app.core.model import LabelStyle
from clerk_app.core.procedure.bodies import (
    Body,
    BodyKind,
    ExclusionLaw,
    MemberRole,
    Membership,
    Quorum,
)
from clerk_app.core.procedure.numbering import MinuteNumbering, NumberingMode, check_pattern
from clerk_app.core.text import clean_line
from clerk_app.store import bodies as store
from clerk_app.store.bodies import UnknownBodyError
from clerk_app.store.database import Database
from clerk_app.store.template_paths import resolved, stored_text

__all__ = ["BodySettingError", "UnknownBodyError"]

E = TypeVar("E", bound=enum.StrEnum)

_QUORUM = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*(?:,\s*(?:min(?:imum)?|at least)\s*(\d+))?\s*$")


class BodySettingError(ValueError):
    """A setting a body cannot have; ``str()`` is one sentence saying which and why."""


def parse_quorum(text: str) -> Quorum:
    """ "3" (a fixed number) or "1/3, at least 3" / "1/4,min 3" (a share of the members)."""
    if text.strip().isdigit():
        fixed = int(text)
        if fixed < 1:
            raise BodySettingError("a quorum must be at least 1")
        return Quorum(fixed=fixed)
    match = _QUORUM.match(text)
    if match is None:
        raise BodySettingError(
            f"bad quorum {text!r}: give a number (3) or a share with a minimum (1/3, at least 3)"
        )
    numerator, denominator = int(match.group(1)), int(match.group(2))
    if not 0 < numerator <= denominator:
        raise BodySettingError(f"bad quorum {text!r}: the share must be between 0 and 1")
    minimum = int(match.group(3)) if match.group(3) else 3
    return Quorum(None, numerator, denominator, minimum)


def _choice(kind: type[E], text: str, what: str) -> E:
    wanted = text.strip().lower().replace("-", " ")
    for value in kind:
        if (
            value.value.replace("-", " ") == wanted
            or value.name.lower().replace("_", " ") == wanted
        ):
            return value
    known = ", ".join(v.value for v in kind)
    raise BodySettingError(f"unknown {what} {text!r}: one of {known}")


def list_bodies(db: Database) -> list[Body]:
    """Every body, its templates given as the paths they resolve to now."""
    with db.session() as session:
        return [_shown(db, body) for body in store.list_bodies(session)]


def get_body(db: Database, name: str) -> Body:
    """The body called ``name``, its templates given as the paths they resolve to now."""
    with db.session() as session:
        return _shown(db, store.body_named(session, clean_line(name)))


def _shown(db: Database, body: Body) -> Body:
    """``body`` with its templates where they resolve for this database (a template kept
    beside the database is kept relative to it: ``store/template_paths``).  A copy for
    reading: saving it would store the absolute paths."""
    word, pdf = (resolved(text, db.path) for text in (body.word_template, body.pdf_template))
    return dataclasses.replace(body, word_template=str(word or ""), pdf_template=str(pdf or ""))


def set_up_body(
    db: Database,
    name: str,
    *,
    kind: str | None = None,
    numbering: str | None = None,
    pattern: str | None = None,
    year_start_month: int | None = None,
    labels: str | None = None,
    quorum: str | None = None,
    exclusion: str | None = None,
    exclusion_text: str | None = None,
    word_template: str | Path | None = None,
    pdf_template: str | Path | None = None,
) -> Body:
    """Create the body called ``name`` or change the settings given; the rest stay as they are.

    ``word_template`` / ``pdf_template``: the body's own house style for exports, a .docx or
    .dotx and a .typ file; "" or "default" goes back to Clerk's.  A template in the
    database's folder (or below it) is kept relative to that folder, so the two can move
    together; any other is kept as an absolute path.  The body returned shows the templates as
    the paths they resolve to.
    """
    name = clean_line(name)
    if not name:
        raise BodySettingError("a body needs a name")
    with db.unit_of_work() as uow:
        try:
            body = store.body_named(uow.session, name)
        except UnknownBodyError:
            body = Body(name=name)
        if kind is not None:
            body.kind = _choice(BodyKind, kind, "kind of body")
            if body.kind is BodyKind.PARISH and exclusion is None:
                body.exclusion_law = ExclusionLaw.PARISH
        body.numbering = _numbering(body.numbering, numbering, pattern, year_start_month)
        if labels is not None:
            body.label_style = _choice(LabelStyle, labels, "label style")
        if quorum is not None:
            body.quorum = parse_quorum(quorum)
        if exclusion is not None:
            body.exclusion_law = _choice(ExclusionLaw, exclusion, "exclusion wording")
        if exclusion_text is not None:
            body.exclusion_text = clean_line(exclusion_text)
            if exclusion is None:
                body.exclusion_law = ExclusionLaw.CUSTOM
        if word_template is not None:
            word = _template(word_template, WORD_TEMPLATE_SUFFIXES, "Word")
            body.word_template = "" if word is None else stored_text(word, db.path)
        if pdf_template is not None:
            pdf = _template(pdf_template, PDF_TEMPLATE_SUFFIXES, "PDF")
            body.pdf_template = "" if pdf is None else stored_text(pdf, db.path)
        store.save_body(uow.session, body)
        uow.commit()
    return _shown(db, body)


WORD_TEMPLATE_SUFFIXES = (".docx", ".dotx")
PDF_TEMPLATE_SUFFIXES = (".typ",)


def _template(given: str | Path, suffixes: tuple[str, ...], kind: str) -> Path | None:
    """The template's absolute path (None for Clerk's default), refusing what cannot be one."""
    if str(given).strip().lower() in ("", "default"):
        return None
    path = Path(given).expanduser()
    if path.suffix.lower() not in suffixes:
        wanted = " or ".join(suffixes)
        raise BodySettingError(f"the {kind} template {path.name} is not a {wanted} file")
    if not path.is_file():
        raise BodySettingError(f"the {kind} template {path} does not exist")
    return path.resolve()


def house_style(db: Database, body_id: int | None) -> tuple[Path | None, Path | None]:
    """The Word and Typst templates the body ``body_id`` exports with (None: Clerk's own)."""
    if body_id is None:
        return None, None
    with db.session() as session:
        try:
            body = store.body_by_id(session, body_id)
        except UnknownBodyError:
            return None, None
    return resolved(body.word_template, db.path), resolved(body.pdf_template, db.path)


def _numbering(
    now: MinuteNumbering, mode: str | None, pattern: str | None, month: int | None
) -> MinuteNumbering:
    if pattern is not None:
        try:
            check_pattern(pattern)
        except ValueError as exc:
            raise BodySettingError(str(exc)) from None
    if month is not None and not 1 <= month <= 12:
        raise BodySettingError(f"the council year cannot start in month {month}: give 1 to 12")
    changed = dataclasses.replace(
        now,
        mode=now.mode if mode is None else _choice(NumberingMode, mode, "numbering"),
        pattern=now.pattern if pattern is None else pattern,
        year_start_month=now.year_start_month if month is None else month,
    )
    if pattern is not None and mode is None and changed.mode is NumberingMode.AS_TYPED:
        # A pattern only means something to a counter: giving one asks for continuous numbers.
        changed = dataclasses.replace(changed, mode=NumberingMode.CONTINUOUS)
    return changed


def add_member(
    db: Database,
    body_name: str,
    member: str,
    *,
    role: str = "member",
    voting: bool = True,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Body:
    """Seat ``member`` on the body (a second seat for the same name records a new term)."""
    member = clean_line(member)
    if not member:
        raise BodySettingError("a member needs a name")
    if since is not None and until is not None and until < since:
        raise BodySettingError(f"{member}'s seat cannot end ({until}) before it starts ({since})")
    seat = Membership(member, _choice(MemberRole, role, "role"), voting, since, until)
    with db.unit_of_work() as uow:
        body = store.body_named(uow.session, clean_line(body_name))
        body.members.append(seat)
        store.save_body(uow.session, body)
        uow.commit()
    return _shown(db, body)
