"""A parish council's exclusion in the real window, by keys: the Reason field (the 1960 Act,
s.1(2), wants the special reasons stated in the resolution) worded in live as it is typed,
read back when the exclusion is edited and reworded as one undo step; the file and the
public Word minutes carry the reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.model import AgendaItem, Meeting, Point
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.exclusion_dialog import ExclusionDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import (
    by_keys,
    chaired,
    committee_window,
    focused,
    key,
    reload,
    type_text,
    wait_exported,
)

COUNCIL = "Ashcombe Parish Council"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
MEMBERS = ["Cllr Aoife Ní Bhriain", "Cllr Łukasz Wójcik", "Cllr Tegan Moss"]
SECRET = "The clerk's appraisal was discussed."
# Irish and Polish names and an emoji: the reason is kept exactly, only trimmed to one line.
REASON = "legal advice on the lease from Siobhán Ó Súilleabháin & Wójcik 🏠"


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    meeting = Meeting(
        COUNCIL,
        dt.date(2026, 9, 15),
        attendees=chaired(MEMBERS),
        items=[
            AgendaItem("Minutes", number="1", points=[Point("Agreed.")]),
            AgendaItem("Exclusion of the press and public", number="2"),
            AgendaItem("Staffing", number="3", points=[Point(SECRET)]),
        ],
    )
    win = committee_window(qtbot, db, tmp_path, meeting, MEMBERS, kind="parish council")
    yield win
    win.close()


def test_the_reason_is_worded_in_live_and_an_edit_rewords_it(
    window: MainWindow, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    assert window.model is not None and window.view is not None
    items = window.model.meeting.items
    seen: list[str] = []

    def staffing(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        assert dialog.reason_field.isVisible() and not dialog.paragraphs.isVisible()
        assert focused() is dialog.reason_field
        seen.append(dialog.wording.text())
        type_text("  staffing matters. ")
        seen.append(dialog.wording.text())
        key(Qt.Key.Key_Return)

    window.view.go_to_item(items[1])
    window.run_dialog = by_keys(staffing)
    key(Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bool(items[1].exclusion), timeout=3000)
    assert "transacted, it is advisable" in seen[0]  # nothing typed: the wording as ever
    assert "transacted (staffing matters), it is advisable" in seen[1]
    assert "transacted (staffing matters), it is advisable" in items[1].exclusion
    assert [(i.exempt, i.exempt_paragraph) for i in items] == [
        (False, ""), (False, ""), (True, ""),
    ]  # fmt: skip
    first = items[1].exclusion

    def lease(dialog: QDialog) -> None:
        assert isinstance(dialog, ExclusionDialog)
        assert dialog.reason_field.selectedText() == "staffing matters"  # typing replaces it
        seen.append(dialog.wording.text())
        type_text(REASON)
        seen.append(dialog.wording.text())
        key(Qt.Key.Key_Return, CTRL)

    [row] = [r for r in window.view.rows if r.kind is RowKind.EXCLUSION]
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.viewport_point(row)
    )
    window.run_dialog = by_keys(lease)
    key(Qt.Key.Key_Return)
    assert seen[2] == first  # as recorded until the reason is changed
    assert f"transacted ({REASON}), it is advisable" in seen[3]
    assert f"({REASON})," in items[1].exclusion
    assert window.stack.undoText() == "Edit exclusion of press and public"
    key(Qt.Key.Key_Z, CTRL)
    assert items[1].exclusion == first
    key(Qt.Key.Key_Z, CTRL_SHIFT)
    window.run_dialog = by_keys(lambda dialog: key(Qt.Key.Key_Return))
    path = tmp_path / "public.docx"
    window.choose_path = lambda *_args: str(path)
    key(Qt.Key.Key_E, CTRL)
    wait_exported(window)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert f"transacted ({REASON}), it is advisable" in text and SECRET not in text
    meeting_id = window.model.meeting.id
    assert meeting_id is not None
    window.close()
    assert f"({REASON})," in reload(db_path, meeting_id).items[1].exclusion
