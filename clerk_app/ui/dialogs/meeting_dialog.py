"""A meeting's header: council, committee, date, start and end time, venue, label style."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from clerk_app.core.model import LabelStyle, Meeting


class MeetingDialog(QDialog):
    """New meeting (committee chosen from past ones or typed) or the open meeting's details."""

    def __init__(
        self, meeting: Meeting, committees: list[str], *, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New meeting" if new else "Meeting details")
        self.council = QLineEdit(meeting.council)
        self.committee = QComboBox()
        self.committee.setEditable(True)
        self.committee.addItems(committees)
        self.committee.setCurrentText(meeting.committee)
        self.date = QDateEdit(QDate(meeting.date.year, meeting.date.month, meeting.date.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dddd d MMMM yyyy")
        self.has_start = QCheckBox("Started at")
        self.start = _time_edit(meeting.start_time, dt.time(18, 30))
        self.has_start.setChecked(meeting.start_time is not None)
        self.has_end = QCheckBox("Ended at")
        self.end = _time_edit(meeting.end_time, dt.time(20, 30))
        self.has_end.setChecked(meeting.end_time is not None)
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.committee.setFocus()
        self.resize(520, self.sizeHint().height())

    def fields(self) -> dict[str, object]:
        return {
            "council": self.council.text().strip(),
            "committee": self.committee.currentText().strip(),
            "date": self.date.date().toPython(),
            "start_time": self.start.time().toPython() if self.has_start.isChecked() else None,
            "end_time": self.end.time().toPython() if self.has_end.isChecked() else None,
            "venue": self.venue.text().strip(),
            # By index: PySide hands a StrEnum back from currentData() as a plain str.
            "label_style": list(LabelStyle)[self.label_style.currentIndex()],
        }


def _time_edit(value: dt.time | None, default: dt.time) -> QTimeEdit:
    shown = value or default
    edit = QTimeEdit(QTime(shown.hour, shown.minute))
    edit.setDisplayFormat("h.mm ap")
    return edit
