"""A meeting as JSON and back: the minutes as they stood at a moment, ids included."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    LabelStyle,
    Meeting,
    Numbering,
    Point,
    Presence,
    Role,
    Status,
)
from clerk_app.core.procedure.declarations import Conduct, Declaration
from clerk_app.core.procedure.motions import Counts, Motion, NamedVote, Outcome, Vote
from clerk_app.core.procedure.movements import Movement, MovementKind
from clerk_app.core.procedure.numbering import MinuteNumbering, NumberingMode

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(meeting: Meeting) -> str:
    document = {"format": FORMAT_VERSION, "meeting": _plain(dataclasses.asdict(meeting))}
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _point(data: dict[str, Any]) -> Point:
    return Point(
        text=data["text"],
        children=[_point(c) for c in data["children"]],
        action_done=data["action_done"],
        action_done_on=_date(data["action_done_on"]),
        id=data["id"],
    )


def from_json(text: str) -> Meeting:
    data = json.loads(text)["meeting"]
    return Meeting(
        committee=data["committee"],
        date=dt.date.fromisoformat(data["date"]),
        council=data["council"],
        start_time=_time(data["start_time"]),
        end_time=_time(data["end_time"]),
        venue=data["venue"],
        status=Status(data["status"]),
        label_style=LabelStyle(data["label_style"]),
        attendees=[
            Attendee(
                name=a["name"],
                role=Role(a["role"]),
                presence=Presence(a["presence"]),
                job_title=a["job_title"],
                substitute_for=a["substitute_for"],
                note=a["note"],
                id=a["id"],
            )
            for a in data["attendees"]
        ],
        items=[
            AgendaItem(
                title=i["title"],
                number=i["number"],
                pages=i["pages"],
                intro=i["intro"],
                points=[_point(p) for p in i["points"]],
                decisions=[
                    Decision(
                        kind=DecisionKind(d["kind"]),
                        preamble=d["preamble"],
                        resolutions=list(d["resolutions"]),
                        numbering=Numbering(d["numbering"]),
                        id=d["id"],
                    )
                    for d in i["decisions"]
                ],
                documents=list(i["documents"]),
                exempt=i["exempt"],
                exempt_paragraph=i["exempt_paragraph"],
                id=i["id"],
                declarations=[_declaration(d) for d in i.get("declarations", [])],
                motions=[_motion(m) for m in i.get("motions", [])],
                movements=[
                    Movement(m["member"], MovementKind(m["kind"]), _time(m["at"]), id=m["id"])
                    for m in i.get("movements", [])
                ],
                taken_at=_time(i.get("taken_at")),
                exclusion=i.get("exclusion", ""),
                readmitted=i.get("readmitted", False),
            )
            for i in data["items"]
        ],
        notes=data["notes"],
        approved_on=_date(data["approved_on"]),
        id=data["id"],
        body_id=data.get("body_id"),
        numbering=_numbering(data.get("numbering")),
        # Older snapshots have neither: their references were all typed.
        numbering_start=data.get("numbering_start", 0),
    )


def _declaration(data: dict[str, Any]) -> Declaration:
    return Declaration(
        member=data["member"],
        kind=data["kind"],
        nature=data["nature"],
        sensitive=data["sensitive"],
        conduct=Conduct(data["conduct"]),
        id=data["id"],
    )


def _motion(data: dict[str, Any]) -> Motion:
    counts = data["counts"]
    return Motion(
        text=data["text"],
        mover=data["mover"],
        seconder=data["seconder"],
        amends=data["amends"],
        counts=None if counts is None else Counts(**counts),
        named=[NamedVote(v["member"], Vote(v["vote"])) for v in data["named"]],
        casting=None if data["casting"] is None else Vote(data["casting"]),
        declared_outcome=_outcome(data["declared_outcome"]),
        id=data["id"],
    )


def _outcome(value: str | None) -> Outcome | None:
    return None if value is None else Outcome(value)


def _numbering(data: dict[str, Any] | None) -> MinuteNumbering:
    if data is None:
        return MinuteNumbering()
    return MinuteNumbering(
        NumberingMode(data["mode"]), data["pattern"], int(data["year_start_month"])
    )
