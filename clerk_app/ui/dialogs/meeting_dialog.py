"""A meeting's header: council, committee, date, start and end time, venue, label style.

The date and times are typed as a clerk writes them (typed_fields.py); OK with one that is
not a date or time says which, under the fields, and keeps the dialog open with all typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from clerk_app.core.model import LabelStyle, Meeting
from clerk_app.ui.dialogs.ctrl_enter import accept_on_ctrl_enter
from clerk_app.ui.dialogs.typed_fields import DateField, TimeField


class MeetingDialog(QDialog):
    """New meeting (committee chosen from past ones or typed) or the open meeting's details."""

    def __init__(
        self, meeting: Meeting, committees: list[str], *, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        accept_on_ctrl_enter(self)
        self.setWindowTitle("New meeting" if new else "Meeting details")
        self.council = QLineEdit(meeting.council)
        self.committee = QComboBox()
        self.committee.setEditable(True)
        self.committee.addItems(committees)
        self.committee.setCurrentText(meeting.committee)
        self.date = DateField(meeting.date)
        self.has_start = QCheckBox("Started at")
        self.start = TimeField(meeting.start_time or dt.time(18, 30))
        self.has_start.setChecked(meeting.start_time is not None)
        self.has_end = QCheckBox("Ended at")
        self.end = TimeField(meeting.end_time or dt.time(20, 30))
        self.has_end.setChecked(meeting.end_time is not None)
        # Typing a time means the meeting has one.
        self.start.textEdited.connect(lambda _t: self.has_start.setChecked(True))
        self.end.textEdited.connect(lambda _t: self.has_end.setChecked(True))
        self.problem = QLabel()
        self.problem.setObjectName("MeetingDialogProblem")
        self.problem.setStyleSheet("color: #b00020")
        self.venue = QLineEdit(meeting.venue)
        self.label_style = QComboBox()
        for style in LabelStyle:
            self.label_style.addItem(style.value, style)
        self.label_style.setCurrentIndex(list(LabelStyle).index(meeting.label_style))
        form = QFormLayout(self)
        form.addRow("&Committee:", self.committee)
        form.addRow("&Date:", self.date)
        form.addRow("C&ouncil:", self.council)
        form.addRow(self.has_start, self.start)
        form.addRow(self.has_end, self.end)
        form.addRow("&Venue:", self.venue)
        form.addRow("Point &labels:", self.label_style)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.committee.setFocus()
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        """OK: only with a date and times that are dates and times; else say which."""
        checks: list[tuple[str, DateField | TimeField, bool]] = [
            ("Date", self.date, True),
            ("Started at", self.start, self.has_start.isChecked()),
            ("Ended at", self.end, self.has_end.isChecked()),
        ]
        for name, field, wanted in checks:
            if not wanted:
                continue
            try:
                field.value()
            except ValueError as exc:
                self.problem.setText(f"{name}: {exc}")
                field.setFocus()
                return
        self.problem.setText("")
        super().accept()

    def fields(self) -> dict[str, object]:
        return {
            "council": self.council.text().strip(),
            "committee": self.committee.currentText().strip(),
            "date": self.date.value(),
            "start_time": self.start.value() if self.has_start.isChecked() else None,
            "end_time": self.end.value() if self.has_end.isChecked() else None,
            "venue": self.venue.text().strip(),
            # By index: PySide hands a StrEnum back from currentData() as a plain str.
            "label_style": list(LabelStyle)[self.label_style.currentIndex()],
        }
