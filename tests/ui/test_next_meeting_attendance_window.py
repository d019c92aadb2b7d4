"""New meeting from this one: last time's apologies and substitutes come over as they were,
marked "to check", never as present members; choosing their presence is the check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from clerk_app.app import build_window
from clerk_app.core.model import AgendaItem, Attendee, Meeting, Presence, Role
from clerk_app.services.archive import TO_CHECK
from clerk_app.services.meetings import create_meeting
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.attendance_dialog import AttendanceDialog
from tests.ui.helpers import by_keys, key, present, reload, type_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_apologies_and_substitutes_carried_to_check(
    qtbot: QtBot, db: Database, settings: QSettings, db_path: Path
) -> None:
    source = create_meeting(
        db,
        Meeting(
            committee="Licensing Sub-Committee",
            date=dt.date(2026, 5, 12),
            attendees=[
                Attendee("Councillor Amy Fox", Role.CHAIR),
                Attendee("Councillor Ben Hale", presence=Presence.APOLOGIES),
                Attendee(
                    "Councillor Cy Dunn",
                    presence=Presence.SUBSTITUTE,
                    substitute_for="Councillor Ben Hale",
                ),
                Attendee("Councillor Di Roe", presence=Presence.ABSENT),
            ],
            items=[AgendaItem("Apologies for absence", "1")],
        ),
    )
    window = build_window(db, settings)
    qtbot.addWidget(window)
    present(window)
    window.meeting_list.setFocus()
    window.run_dialog = by_keys(lambda _dialog: key(Qt.Key.Key_Return))  # the date offered
    key(Qt.Key.Key_N, CTRL_SHIFT)
    model = window.model
    assert model is not None and model.meeting.id not in (None, source)
    new_id = model.meeting.id
    assert new_id is not None
    people = {a.name: a for a in reload(db_path, new_id).attendees}
    assert people["Councillor Amy Fox"].presence is Presence.PRESENT
    assert (people["Councillor Ben Hale"].presence, people["Councillor Ben Hale"].note) == (
        Presence.APOLOGIES,
        TO_CHECK,
    )
    cy = people["Councillor Cy Dunn"]
    assert (cy.presence, cy.substitute_for, cy.note) == (
        Presence.SUBSTITUTE,
        "Councillor Ben Hale",
        TO_CHECK,
    )
    assert people["Councillor Di Roe"].presence is Presence.PRESENT
    assert "check last time's apologies and substitutes (2)" in window.statusBar().currentMessage()
    assert window.view is not None
    shown = " ".join(r.text for r in window.view.rows if r.kind is RowKind.ATTENDANCE)
    assert "to check" in shown

    def ben_is_here(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        presence = dialog.table.cellWidget(1, 2)
        assert isinstance(presence, QComboBox)
        presence.setFocus()
        type_text("p")  # Present: the check is made
        key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    window.run_dialog = by_keys(ben_is_here)
    key(Qt.Key.Key_A, CTRL_SHIFT)
    people = {a.name: a for a in reload(db_path, new_id).attendees}
    assert (people["Councillor Ben Hale"].presence, people["Councillor Ben Hale"].note) == (
        Presence.PRESENT,
        "",
    )
    assert people["Councillor Cy Dunn"].note == TO_CHECK  # not yet checked
    window.close()
