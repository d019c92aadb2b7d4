"""Every action of a meeting as a row for the tracker, with the label its point carries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clerk_app.core.lettering import reference_label
from clerk_app.core.model import Meeting


@dataclass(slots=True)  # not frozen: frozen dataclasses build slowly, and the tracker builds many
class ActionEntry:
    meeting_id: int | None
    meeting_date: dt.date
    committee: str
    item_number: str
    item_title: str
    label: str  # "h." or "b.ii." for a sub-point
    owners: tuple[str, ...]
    due: dt.date | None
    done: bool
    done_on: dt.date | None
    text: str
    point_id: int | None
    exempt: bool  # from an exempt item: never shown in public output

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due is not None and self.due < today


def meeting_actions(meeting: Meeting) -> list[ActionEntry]:
    """The meeting's actions in minute order."""
    entries: list[ActionEntry] = []
    style = meeting.label_style
    for item in meeting.items:
        for index, point in enumerate(item.points):
            labelled = [(reference_label(style, index, None, item.number), point)]
            labelled += [
                (reference_label(style, index, sub, item.number), child)
                for sub, child in enumerate(point.children)
            ]
            for text_label, p in labelled:
                action = p.action
                if action is None:
                    continue
                entries.append(
                    ActionEntry(
                        meeting_id=meeting.id,
                        meeting_date=meeting.date,
                        committee=meeting.committee,
                        item_number=item.number,
                        item_title=item.title,
                        label=text_label,
                        owners=action.owners,
                        due=action.due,
                        done=action.done,
                        done_on=action.done_on,
                        text=p.text,
                        point_id=p.id,
                        exempt=item.exempt,
                    )
                )
    return entries
