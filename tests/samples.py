"""Meetings built in code for tests: several councils, Irish and Polish names, every part."""

from __future__ import annotations

import datetime as dt

from clerk_app.core.model import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionKind,
    Meeting,
    Numbering,
    Point,
    Presence,
    Role,
)


def planning_meeting() -> Meeting:
    return Meeting(
        council="Borough of Wexham Vale",
        committee="Planning Sub-Committee",
        date=dt.date(2025, 3, 11),
        start_time=dt.time(19, 0),
        end_time=dt.time(21, 15),
        venue="Committee Room 2, Civic Centre",
        attendees=[
            Attendee("Siobhán Ó Briain", Role.CHAIR),
            Attendee("Łukasz Wójcik", Role.VICE_CHAIR),
            Attendee("Amara Okafor"),
            Attendee("Zoë Fairweather", presence=Presence.APOLOGIES),
            Attendee("Tom Pike", presence=Presence.SUBSTITUTE, substitute_for="Zoë Fairweather"),
            Attendee("Priya Raman", Role.OFFICER, job_title="Head of Development Management"),
        ],
        items=[
            AgendaItem(
                title="Apologies for absence",
                number="12/25",
                intro="Apologies were received from Councillor Fairweather.",
            ),
            AgendaItem(
                title="Land at Mill Lane",
                number="13/25",
                pages="21-48",
                intro="The Head of Development Management introduced the report.",
                points=[
                    Point("Members asked about parking on the estate road."),
                    Point(
                        "Officers advised that the highway authority had not objected.",
                        children=[
                            Point("the visibility splays met the standard; and"),
                            Point("a travel plan would be secured. (Action: Priya Raman)"),
                        ],
                    ),
                    Point(
                        "The Chair asked for a site visit. (Actions: Chair/Clerk by 1 April 2025)"
                    ),
                ],
                decisions=[
                    Decision(
                        DecisionKind.RESOLVED,
                        "That the Sub-Committee:",
                        ["granted permission subject to conditions; and", "noted the travel plan."],
                        Numbering.ROMAN,
                    )
                ],
                documents=["Report of the Head of Development Management (PDF)"],
            ),
            AgendaItem(
                title="Enforcement case 2025/0041",
                number="14/25",
                exempt=True,
                exempt_paragraph="1",
                points=[Point("Members discussed the owner's circumstances in private.")],
            ),
        ],
    )
