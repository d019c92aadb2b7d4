"""Declarations and motions already recorded: found from the keyboard (Ctrl+Shift+R) or by a
double-click on their row, edited, removed after asking, and put back by undo; members who
should not take part flagged in the dialogs, never refused; bad input answered in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from clerk_app.core.procedure.declarations import NON_REGISTRABLE, PECUNIARY, Conduct, Declaration
from clerk_app.core.procedure.motions import Counts, Motion
from clerk_app.store.database import Database
from clerk_app.ui.capture.rows import RowKind
from clerk_app.ui.dialogs.approval_dialogs import ConfirmDialog
from clerk_app.ui.dialogs.declaration_dialog import DeclarationDialog
from clerk_app.ui.dialogs.motion_dialog import MotionDialog
from clerk_app.ui.dialogs.named_vote_grid import NamedVoteDialog
from clerk_app.ui.dialogs.records_dialog import RecordsDialog
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import by_keys, focused, key, reload, type_text, wait_exported
from tests.ui.procedure_steps import (
    CTRL,
    SHIFT,
    council_with_members,
    declare_interest,
    dialogs_by_keys,
    grid_keys,
    meeting_of,
    motion_keys,
    named_vote,
    open_window,
    pick_name,
    record_motion,
    rows_of,
)

BODY = "Brookfield Parish Council"
MEMBERS = [f"Councillor {name}" for name in ("Amara Okafor", "Ben Price", "Chloé Duval",
                                             "Dan Moss", "Erin Hale")]  # fmt: skip


def _parish(db: Database, tmp_path: Path, qtbot: QtBot) -> tuple[MainWindow, int]:
    council_with_members(db, BODY, MEMBERS)
    meeting_id = meeting_of(db, BODY, dt.date(2026, 9, 8), ["Planning applications"])
    return open_window(qtbot, db, tmp_path, meeting_id), meeting_id


def test_flags_show_beside_a_member_who_should_not_take_part_and_do_not_refuse(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window, meeting_id = _parish(db, tmp_path, qtbot)
    try:
        type_text("Application 26/0412: rear extension at 4 Mill Lane.")
        # Price has a pecuniary interest but stays (wrongly); Moss declares and withdraws.
        declare_interest(window, "price", "dis", "Owns 6 Mill Lane", "r")
        declare_interest(window, "moss", "non", "Friend of the applicant", "w")
        seen: dict[str, str] = {}

        def motion(dialog: QDialog) -> None:
            assert isinstance(dialog, MotionDialog)
            type_text("That the Council raises no objection")
            key(Qt.Key.Key_Tab)
            pick_name("price")
            seen["mover"] = dialog.mover.warning.text()
            key(Qt.Key.Key_Tab)
            pick_name("okafor")
            seen["seconder"] = dialog.seconder.warning.text()
            key(Qt.Key.Key_Tab)
            key(Qt.Key.Key_V, CTRL | SHIFT)  # the named vote, from inside the dialog
            seen["flags"] = dialog.flags.text()
            key(Qt.Key.Key_Return, CTRL)

        def grid(dialog: QDialog) -> None:
            assert isinstance(dialog, NamedVoteDialog)
            seen["members"] = " | ".join(dialog.members)
            seen["notes"] = " | ".join(dialog.table.item(r, 2).text() for r in range(4))  # type: ignore[union-attr]
            for letter in "ffaf":  # each letter marks the row and moves to the next
                type_text(letter)
            seen["totals"] = dialog.totals_text()
            key(Qt.Key.Key_Return, CTRL)

        window.run_dialog = dialogs_by_keys(MotionDialog=motion, NamedVoteDialog=grid)
        key(Qt.Key.Key_O, CTRL | SHIFT)
    finally:
        window.close()
    pecuniary = "⚠ declared a disclosable pecuniary interest on this item"
    assert seen["mover"] == pecuniary and seen["seconder"] == ""
    # Moss withdrew, so the grid has the four in the room; Price is marked in it.
    assert seen["members"] == " | ".join(m for m in MEMBERS if "Moss" not in m)
    assert seen["notes"] == f" | {pecuniary} |  | "
    assert seen["totals"] == "For 3, Against 1, Abstain 0, Did not vote 0"
    assert "but moved the motion" in seen["flags"] and "but voted on the motion" in seen["flags"]
    [item] = reload(db_path, meeting_id).items
    [motion_saved] = item.motions
    assert motion_saved.mover == "Councillor Ben Price"  # recorded as it happened
    assert [(v.member.split()[-1], v.vote.value) for v in motion_saved.named] == [
        ("Okafor", "for"), ("Price", "for"), ("Duval", "against"), ("Hale", "for")
    ]  # fmt: skip
    assert [d.kind for d in item.declarations] == [PECUNIARY, NON_REGISTRABLE]


def test_records_found_by_keys_edited_removed_and_undone(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window, meeting_id = _parish(db, tmp_path, qtbot)
    try:
        assert window.view is not None and window.model is not None
        type_text("The Clerk read the consultation response.")
        declare_interest(window, "hale", "", "Lives opposite", "h")  # the kind left as offered
        record_motion(window, motion_keys("That the Council objects", "okafor", "duval", (2, 2, 0)))
        record_motion(
            window, motion_keys("That the words 'on highway grounds' be added", "price", "hale",
                                (3, 1, 1), amends=1),
        )  # fmt: skip
        assert len(rows_of(window, RowKind.MOTION)) == 2

        # Ctrl+Shift+R: the latest (the amendment) is chosen; Up Up to the declaration, Enter
        # edits it: "spoke then withdrew" instead of the dispensation.
        def to_declaration(dialog: QDialog) -> None:
            assert isinstance(dialog, RecordsDialog) and dialog.index == 2
            key(Qt.Key.Key_Up)
            key(Qt.Key.Key_Up)
            key(Qt.Key.Key_Return)

        def spoke(dialog: QDialog) -> None:
            assert isinstance(dialog, DeclarationDialog) and dialog.item.isEnabled()
            for _ in range(5):  # past member, item (kept), kind, nature, sensitive
                key(Qt.Key.Key_Tab)
            type_text("s")
            key(Qt.Key.Key_Return, CTRL)

        runs = iter([by_keys(to_declaration), by_keys(spoke)])
        window.run_dialog = lambda dialog: next(runs)(dialog)
        key(Qt.Key.Key_R, CTRL | SHIFT)
        [declared] = rows_of(window, RowKind.DECLARATION)
        assert declared.text == (
            "Councillor Erin Hale declared a disclosable pecuniary interest (Lives opposite), "
            "spoke as permitted, and then left the room during consideration of this item."
        )
        assert window.stack.undoText() == "Edit declaration"

        # The tie: a double-click on the motion's row opens it; the Chair's casting vote.
        motion_row = rows_of(window, RowKind.MOTION)[0]
        assert "LOST" in motion_row.text

        def casting_for(dialog: QDialog) -> None:
            assert isinstance(dialog, MotionDialog)
            assert dialog.outcome.text() == "LOST (For 2, Against 2, Abstentions 0)"
            dialog.casting.setFocus()
            type_text("f")
            assert dialog.outcome.text() == "CARRIED (For 2, Against 2, Abstentions 0)"
            key(Qt.Key.Key_Return, CTRL)

        window.run_dialog = by_keys(casting_for)
        QTest.mouseDClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            window.view.viewport_point(motion_row),
        )
        assert "RESOLVED on the Chair's casting vote" in rows_of(window, RowKind.MOTION)[0].text

        # Delete on the motion in the list asks first; removing it takes its amendment too.
        def delete_motion(dialog: QDialog) -> None:
            key(Qt.Key.Key_Up)
            key(Qt.Key.Key_Delete)

        def confirm(dialog: QDialog) -> None:
            assert isinstance(dialog, ConfirmDialog)
            assert "Remove this motion?" in dialog.message.text()
            for _ in range(2):  # Tab to the "Remove motion" button (Enter would cancel)
                if focused().text() != "Remove motion":  # type: ignore[attr-defined]
                    key(Qt.Key.Key_Tab)
            key(Qt.Key.Key_Space)

        runs = iter([by_keys(delete_motion), by_keys(confirm)])
        window.run_dialog = lambda dialog: next(runs)(dialog)
        key(Qt.Key.Key_R, CTRL | SHIFT)
        assert rows_of(window, RowKind.MOTION) == []
        assert window.stack.undoText() == "Remove motion"
        key(Qt.Key.Key_Z, CTRL)  # one step brings both back
        assert len(rows_of(window, RowKind.MOTION)) == 2
        assert focused() is window.view.editor
        type_text(" Members discussed parking.")
        # Ctrl+Shift+V: a named vote on the latest motion (the amendment), from the window;
        # Hale spoke then withdrew, so four members are in the grid.
        named_vote(window, grid_keys([("price", "a")]))
        assert window.stack.undoText() == "Named vote"
        assert rows_of(window, RowKind.NAMED_VOTE)[0].text == (
            "Recorded vote. For (3): Councillor Amara Okafor, Councillor Chloé Duval, "
            "Councillor Dan Moss. Against (1): Councillor Ben Price."
        )
    finally:
        window.close()
    [item] = reload(db_path, meeting_id).items
    assert item.points[0].text.endswith("response. Members discussed parking.")
    assert item.declarations == [
        Declaration("Councillor Erin Hale", PECUNIARY, "Lives opposite", False,
                    Conduct.SPOKE_THEN_WITHDREW)
    ]  # fmt: skip
    motion, amendment = item.motions
    assert motion.counts == Counts(2, 2, 0) and motion.casting is not None
    assert amendment.amends == 0 and amendment.text.startswith("That the words")
    assert len(amendment.named) == 4 and amendment.counts is None  # counted from the names
    assert isinstance(motion, Motion)


def test_bad_input_is_answered_and_nothing_typed_is_lost(
    db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    window, _meeting_id = _parish(db, tmp_path, qtbot)
    try:
        said: list[str] = []

        def no_member(dialog: QDialog) -> None:
            assert isinstance(dialog, DeclarationDialog)
            key(Qt.Key.Key_Tab)
            key(Qt.Key.Key_Tab)
            key(Qt.Key.Key_Tab)
            type_text("Owns the field")
            key(Qt.Key.Key_Return, CTRL)  # refused: who declared it?
            said.append(dialog.error.text())
            assert dialog.isVisible() and dialog.nature.text() == "Owns the field"
            dialog.member.setFocus()
            pick_name("duv")
            key(Qt.Key.Key_Return, CTRL)

        window.run_dialog = by_keys(no_member)
        key(Qt.Key.Key_I, CTRL | SHIFT)
        assert said == ["A declaration of interest needs the member who made it."]
        assert len(rows_of(window, RowKind.DECLARATION)) == 1

        def no_words(dialog: QDialog) -> None:
            assert isinstance(dialog, MotionDialog)
            key(Qt.Key.Key_Return, CTRL)
            said.append(dialog.error.text())
            key(Qt.Key.Key_Escape)

        window.run_dialog = by_keys(no_words)
        key(Qt.Key.Key_O, CTRL | SHIFT)
        assert said[-1] == "Type the words of the motion (That ...)."
        assert rows_of(window, RowKind.MOTION) == []
        key(Qt.Key.Key_V, CTRL | SHIFT)
        assert window.statusBar().currentMessage() == (
            "No motion at this item yet: record one with Ctrl+Shift+O"
        )
    finally:
        window.close()


def test_a_clicked_record_row_takes_enter_and_delete(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window, meeting_id = _parish(db, tmp_path, qtbot)
    try:
        assert window.view is not None
        type_text("The Clerk read the application.")
        declare_interest(window, "moss", "oth", "Parish footpath warden", "r")
        record_motion(window, motion_keys("That the Council supports it", "okafor", "price"))
        opened: list[str] = []

        def note_and_close(dialog: QDialog) -> None:
            opened.append(type(dialog).__name__)
            key(Qt.Key.Key_Escape)

        window.run_dialog = by_keys(note_and_close)
        [motion_row] = rows_of(window, RowKind.MOTION)
        QTest.mouseClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            window.view.viewport_point(motion_row),
        )
        assert "Selected: It was moved by Councillor Amara Okafor" in (
            window.statusBar().currentMessage()
        )
        key(Qt.Key.Key_Return)
        assert opened == ["MotionDialog"]

        [declaration_row] = rows_of(window, RowKind.DECLARATION)
        QTest.mouseClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            window.view.viewport_point(declaration_row),
        )

        def remove(dialog: QDialog) -> None:
            assert isinstance(dialog, ConfirmDialog) and "Dan Moss" in dialog.message.text()
            for _ in range(2):
                if focused().text() != "Remove declaration":  # type: ignore[attr-defined]
                    key(Qt.Key.Key_Tab)
            key(Qt.Key.Key_Space)

        window.run_dialog = by_keys(remove)
        key(Qt.Key.Key_Delete)
        assert rows_of(window, RowKind.DECLARATION) == []
        assert window.stack.undoText() == "Remove declaration"
        assert focused() is window.view.editor  # back to typing
        type_text(" No objection.")
    finally:
        window.close()
    [item] = reload(db_path, meeting_id).items
    assert item.declarations == [] and len(item.motions) == 1
    assert item.points[0].text == "The Clerk read the application. No objection."


def test_an_edited_declaration_moves_to_the_item_chosen_as_one_undo_step(
    db: Database, db_path: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """Recorded at the wrong item: a double-click opens it, Tab to "In item", Down picks the
    next item, Ctrl+Enter; it shows under its new item, Ctrl+Z puts it back in one step, and
    the file and the Word minutes have it where it now is."""
    council_with_members(db, BODY, MEMBERS)
    meeting_id = meeting_of(
        db, BODY, dt.date(2026, 9, 8), ["Planning applications", "Allotment rents"]
    )
    window = open_window(qtbot, db, tmp_path, meeting_id)
    try:
        assert window.view is not None and window.model is not None
        planning, allotments = window.model.meeting.items
        window.view.go_to_item(planning)
        type_text("Application 26/0412 considered.")
        declare_interest(window, "moss", "oth", "Allotment holder", "r")
        assert [d.member for d in planning.declarations] == ["Councillor Dan Moss"]
        shown: list[str] = []

        def to_allotments(dialog: QDialog) -> None:
            assert isinstance(dialog, DeclarationDialog)
            shown.append(dialog.item.currentText())
            key(Qt.Key.Key_Tab)  # from the member to "In item"
            assert focused() is dialog.item
            key(Qt.Key.Key_Down)
            shown.append(dialog.item.currentText())
            key(Qt.Key.Key_Return, CTRL)

        window.run_dialog = by_keys(to_allotments)
        [row] = rows_of(window, RowKind.DECLARATION)
        QTest.mouseDClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            window.view.viewport_point(row),
        )
        assert shown == ["1. Planning applications", "2. Allotment rents"]
        assert planning.declarations == [] and len(allotments.declarations) == 1
        [row] = rows_of(window, RowKind.DECLARATION)
        assert row.item is allotments
        kinds = [r.kind for r in window.view.rows]
        heading = next(i for i, r in enumerate(window.view.rows) if r.item is allotments)
        assert kinds.index(RowKind.DECLARATION) > heading  # drawn under its new item
        assert window.stack.undoText() == "Move declaration"
        assert window.statusBar().currentMessage() == "Declaration moved to 2. Allotment rents"
        assert focused() is window.view.editor
        key(Qt.Key.Key_Z, CTRL)  # one step: back under planning, not in both nor in neither
        assert len(planning.declarations) == 1 and allotments.declarations == []
        assert reload(db_path, meeting_id).items[0].declarations[0].member == "Councillor Dan Moss"
        key(Qt.Key.Key_Z, CTRL | SHIFT)
        assert planning.declarations == [] and len(allotments.declarations) == 1
        window.choose_path = lambda *_args: str(tmp_path / "moved.docx")
        key(Qt.Key.Key_E, CTRL)
        wait_exported(window)
    finally:
        window.close()
    saved = reload(db_path, meeting_id)
    assert saved.items[0].declarations == []
    assert saved.items[1].declarations == [
        Declaration("Councillor Dan Moss", "other registrable", "Allotment holder", False,
                    Conduct.REMAINED)
    ]  # fmt: skip
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "moved.docx")).paragraphs)
    # The list at the head names the new item; the sentence itself is printed under it.
    assert "Dan Moss declared an other registrable interest in minute 2 (Allotment rents)" in text
    at_item = "Councillor Dan Moss declared an other registrable interest (Allotment holder)"
    assert text.count(at_item) == 1
    assert text.index("Application 26/0412") < text.index("2.\tAllotment rents")
    assert text.index("2.\tAllotment rents") < text.index(at_item)
