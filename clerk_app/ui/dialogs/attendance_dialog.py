"""Attendance, edited quickly: a table of names, roles, presence, job titles and substitutions.

A new meeting starts from the committee's last attendance (services.meetings.new_meeting), so
usually the clerk only flips a few people to "apologies".  Tab walks the cells; Insert adds a
person, Delete removes the selected one.  In the Role and Presence cells the first letters of a
choice pick it ("ch" Chair, "ap" Apologies), whatever was chosen before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.model import Attendee, Presence, Role
from clerk_app.services.archive import TO_CHECK
from clerk_app.ui.dialogs.choice_combo import ChoiceCombo
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter

COLUMNS = ("Name", "Role", "Presence", "Job title (officers)", "Substitute for", "Note")
_NAME, _ROLE, _PRESENCE, _JOB, _SUB, _NOTE = range(6)
# What the cells show: a capital, and words a clerk would type the start of.
LABELS: dict[Role | Presence, str] = {
    Role.CHAIR: "Chair",
    Role.VICE_CHAIR: "Vice-chair",
    Role.MEMBER: "Member",
    Role.COOPTED: "Co-opted",
    Role.ALSO_PRESENT: "Also present",
    Role.OFFICER: "Officer",
    Presence.PRESENT: "Present",
    Presence.APOLOGIES: "Apologies",
    Presence.SUBSTITUTE: "Substitute",
    Presence.ABSENT: "Absent",
}
HINT = (
    "Role: type ch Chair, v Vice-chair, m Member, co Co-opted, a Also present, o Officer.  "
    "Presence: p Present, ap Apologies, s Substitute, ab Absent.  "
    "Insert adds a person; Ctrl+Enter saves."
)


class AttendanceDialog(QDialog):
    def __init__(self, attendees: list[Attendee], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("Attendance")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(True)
        for attendee in attendees:
            self.add_person(attendee)
        add = QPushButton("&Add person")
        add.clicked.connect(lambda: self.add_person(Attendee("")))
        remove = QPushButton("&Remove")
        remove.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self, lambda: self.add_person(Attendee("")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(row)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(_NAME, max(200, self.table.columnWidth(_NAME)))
        # Sized to the widest choice from the start, rows or none ("c", "preser" before).
        first: tuple[tuple[int, Role | Presence], ...] = (
            (_ROLE, Role.CHAIR),
            (_PRESENCE, Presence.PRESENT),
        )
        for column, value in first:
            widest = _combo(type(value), value).sizeHint().width()
            self.table.setColumnWidth(column, max(widest + 8, self.table.columnWidth(column)))
        self.resize(940, 420)

    def add_person(self, attendee: Attendee) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in (
            (_NAME, attendee.name),
            (_JOB, attendee.job_title),
            (_SUB, attendee.substitute_for),
            (_NOTE, attendee.note),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCellWidget(row, _ROLE, _combo(Role, attendee.role))
        presence = _combo(Presence, attendee.presence)
        self.table.setCellWidget(row, _PRESENCE, presence)
        # Last time's apology copied "to check": choosing a presence is the check.
        presence.currentIndexChanged.connect(lambda _i, combo=presence: self._checked(combo))
        if not attendee.name:
            self.table.setCurrentCell(row, _NAME)
            cell = self.table.item(row, _NAME)
            if cell is not None:
                self.table.editItem(cell)

    def _checked(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, _NOTE)
            if self.table.cellWidget(row, _PRESENCE) is combo and cell and cell.text() == TO_CHECK:
                cell.setText("")

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.currentRow()]:
            if row >= 0:
                self.table.removeRow(row)

    def attendees(self) -> list[Attendee]:
        people: list[Attendee] = []
        for row in range(self.table.rowCount()):
            name = _text(self.table, row, _NAME)
            if not name:
                continue
            role = self.table.cellWidget(row, _ROLE)
            presence = self.table.cellWidget(row, _PRESENCE)
            assert isinstance(role, QComboBox) and isinstance(presence, QComboBox)
            people.append(
                Attendee(
                    name=name,
                    # By index: PySide hands a StrEnum back from currentData() as a str.
                    role=list(Role)[role.currentIndex()],
                    presence=list(Presence)[presence.currentIndex()],
                    job_title=_text(self.table, row, _JOB),
                    substitute_for=_text(self.table, row, _SUB),
                    note=_text(self.table, row, _NOTE),
                )
            )
        return people


def _combo(enum_type: type[Role] | type[Presence], value: Role | Presence) -> QComboBox:
    combo = ChoiceCombo()
    for member in enum_type:
        combo.addItem(LABELS[member], member)
    combo.setCurrentIndex(list(enum_type).index(value))
    return combo


def _text(table: QTableWidget, row: int, column: int) -> str:
    cell = table.item(row, column)
    return cell.text().strip() if cell is not None else ""
