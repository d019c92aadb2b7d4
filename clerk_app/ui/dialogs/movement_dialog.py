"""A member arrives or leaves during an item: who, which, and when (now, unless typed).

The member is completed from the attendance and the body's members; whether they "left the
meeting" or "arrived" follows from whether they are in the room, until the clerk picks one.
The sentence the minutes will print is shown as it is typed (the core's wording).  When the
item already has arrivals or departures they are listed at the top: Up/Down picks one, Enter
edits it in the fields below, Delete removes it; the dialog returns the item's whole list,
so whatever was done in it is one undo step.  A time that is not a time is refused under
the fields, which keep what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from clerk_app.core.procedure.movements import (
    Movement,
    MovementKind,
    check_movements,
    member_key,
    movement_sentence,
)
from clerk_app.ui.dialogs.choice_combo import ChoiceCombo
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter
from clerk_app.ui.dialogs.typed_fields import TimeField, problem_label

NEW = "New arrival or departure"
_KINDS = (MovementKind.LEFT, MovementKind.ARRIVED)
_KIND_TEXT = {MovementKind.LEFT: "left the meeting", MovementKind.ARRIVED: "arrived"}


class RecordedList(QListWidget):
    """The item's arrivals and departures: Enter edits the one chosen, Delete removes it."""

    def __init__(self, dialog: MovementDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.dialog.member.setFocus()  # edit it: the fields already show it
            self.dialog.member.selectAll()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.dialog.remove_chosen()
        else:
            super().keyPressEvent(event)


class MovementDialog(QDialog):
    def __init__(
        self,
        *,
        names: list[str],
        in_room: set[str],
        recorded: list[Movement],
        where: str,
        now: dt.time,
        chosen: Movement | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``in_room``: member keys of those in the room at the item; ``where``: "item 6";
        ``chosen``: a recorded movement to open for editing (a double-click on its row)."""
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Member arrives or leaves")
        self.in_room, self.where, self.now = in_room, where, now
        self.names = names
        self.recorded = list(recorded)
        self._initial_count = len(recorded)
        self._editing: int | None = None  # index in ``recorded``, or None for a new one
        self._kind_chosen = False  # the clerk picked one: the member no longer decides it
        self.existing = RecordedList(self)
        self.member = QLineEdit()
        self.member.setPlaceholderText("Councillor …")
        completer = QCompleter(QStringListModel(names, self), self.member)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.member.setCompleter(completer)
        self.kind = ChoiceCombo()
        for kind in _KINDS:
            self.kind.addItem(_KIND_TEXT[kind])
        self.time = TimeField(now)
        self.time.setToolTip("When it happened; empty if the time was not noted")
        self.sentence = QLabel()
        self.sentence.setObjectName("MovementSentence")
        self.sentence.setWordWrap(True)
        self.problem = problem_label()
        form = QFormLayout(self)
        form.addRow("&Recorded:", self.existing)
        form.addRow("&Member:", self.member)
        form.addRow("&What:", self.kind)
        form.addRow("&Time:", self.time)
        form.addRow("Minutes:", self.sentence)
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._fill_list()
        self.existing.setVisible(bool(self.recorded))
        label = form.labelForField(self.existing)
        if label is not None:
            label.setVisible(bool(self.recorded))
        self.existing.currentRowChanged.connect(self._load)
        self.member.textChanged.connect(self._member_typed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.time.textChanged.connect(lambda _t: self._show_sentence())
        index = next((i for i, m in enumerate(self.recorded) if m is chosen), None)
        self.existing.setCurrentRow(0 if index is None else index + 1)
        self._load(self.existing.currentRow())
        self.member.setFocus()
        self.resize(560, self.sizeHint().height())

    # --- the list of recorded arrivals and departures ---------------------------------------
    def _fill_list(self) -> None:
        self.existing.blockSignals(True)
        self.existing.clear()
        self.existing.addItem(NEW)
        for movement in self.recorded:
            self.existing.addItem(movement_sentence(movement, self.where))
        self.existing.blockSignals(False)

    def _load(self, row: int) -> None:
        """Show the chosen entry in the fields (a new one: empty member, now)."""
        self._editing = row - 1 if row >= 1 else None
        movement = self.recorded[self._editing] if self._editing is not None else None
        self.member.blockSignals(True)
        self.member.setText(movement.member if movement is not None else "")
        self.member.blockSignals(False)
        self._kind_chosen = movement is not None
        kind = movement.kind if movement is not None else MovementKind.LEFT
        self.kind.setCurrentIndex(_KINDS.index(kind))
        if movement is not None and movement.at is None:
            self.time.setText("")
        else:
            self.time.set_value(movement.at if movement is not None and movement.at else self.now)
        self.problem.hide()
        self._show_sentence()

    def remove_chosen(self) -> None:
        """Delete in the list: the chosen arrival or departure goes (OK saves it so)."""
        if self._editing is None:
            return
        del self.recorded[self._editing]
        row = self._editing + 1
        self._fill_list()
        self.existing.setCurrentRow(min(row, self.existing.count() - 1))
        self._load(self.existing.currentRow())

    # --- the fields ---------------------------------------------------------------------------
    def _named(self, text: str) -> str:
        """The member the clerk means: a surname ("Russo") or any end of a known name that
        only one member's name ends with is that member, named in full as on the list."""
        typed = " ".join(text.split())
        key = member_key(typed)
        if not key:
            return typed
        known = [n for n in self.names if member_key(n) == key]
        if not known:
            known = [n for n in self.names if member_key(n).endswith(f" {key}")]
        return known[0] if len(known) == 1 else typed

    def _member_typed(self, text: str) -> None:
        if not self._kind_chosen:
            # In the room: they are leaving; not (yet, or again): arriving.
            leaving = member_key(self._named(text)) in self.in_room
            kind = MovementKind.LEFT if leaving else MovementKind.ARRIVED
            self.kind.setCurrentIndex(_KINDS.index(kind))
        self._show_sentence()

    def _kind_changed(self, _index: int) -> None:
        if self.kind.hasFocus():
            self._kind_chosen = True  # the clerk's choice ("a", "l", the list), not the name's
        self._show_sentence()

    def _typed_time(self) -> dt.time | None:
        """The time typed, None if left empty; ValueError (a sentence) if it is not a time."""
        return self.time.value() if self.time.text().strip() else None

    def _typed(self) -> Movement:
        kind = _KINDS[max(0, self.kind.currentIndex())]
        return Movement(self._named(self.member.text()), kind, self._typed_time())

    def _show_sentence(self) -> None:
        try:
            typed = self._typed()
        except ValueError:
            self.sentence.setText("(the time is not a time yet)")
            return
        name = typed.member or "The member"
        self.sentence.setText(movement_sentence(Movement(name, typed.kind, typed.at), self.where))

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.problem.setText(message)
        self.problem.show()
        field.setFocus()
        field.selectAll()

    def accept(self) -> None:
        try:
            typed = self._typed()
        except ValueError as exc:
            self._refuse(f"Time: {exc} (or leave it empty if it was not noted).", self.time)
            return
        before = list(self.recorded)
        if typed.member:
            if self._editing is None:
                self.recorded.append(typed)
            else:
                typed.id = self.recorded[self._editing].id
                self.recorded[self._editing] = typed
        elif self._editing is not None or not self._removed_any():
            self._refuse("Member: name the member who arrived or left.", self.member)
            return
        try:
            check_movements(self.recorded)
        except ValueError as exc:
            self.recorded = before
            self._refuse(f"Member: {exc}.", self.member)
            return
        super().accept()

    def _removed_any(self) -> bool:
        return self.existing.count() - 1 < self._initial_count

    def movements(self) -> list[Movement]:
        """The item's arrivals and departures as the dialog leaves them."""
        return list(self.recorded)
