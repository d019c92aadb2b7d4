"""Date and time fields that take what a clerk types ("12.5.26", "7 Tab 00") and show what
they understood, instead of spin boxes that jump between sections mid-number."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from clerk_app.core.dates import parse_date, parse_time
from clerk_app.core.wording import long_date


def time_text(moment: dt.time) -> str:
    """ "6.30 pm", as minutes print a time."""
    hour = moment.hour % 12 or 12
    return f"{hour}.{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


class DateField(QLineEdit):
    """Shows "Tuesday 12 May 2026"; takes 12/05/2026, 12 May 2026, 12.5.26 and more."""

    def __init__(self, value: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = value
        self.setText(long_date(value))
        self.setPlaceholderText("12/05/2026 or 12 May 2026")
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.date:
        """The date typed; DateError (a sentence) if it is none."""
        return parse_date(self.text(), today=self._shown)

    def set_value(self, value: dt.date) -> None:
        self._shown = value
        self.setText(long_date(value))

    def _tidy(self) -> None:
        try:
            self.set_value(self.value())
        except ValueError:
            pass  # left as typed: the dialog says what is wrong when OK is pressed


class TimeField(QLineEdit):
    """Shows "6.30 pm"; takes 7, 7.00, 19:00, 7 pm.  Tab after a bare hour goes on to the
    minutes ("7 Tab 00" is 7.00), as the clerk who learnt the old spin box expects."""

    def __init__(self, value: dt.time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = value
        self.setText(time_text(value))
        self.setPlaceholderText("7.00 pm")
        self.editingFinished.connect(self._tidy)

    def value(self) -> dt.time:
        """The time typed (an hour without am/pm in the half of the day shown before)."""
        return parse_time(self.text(), afternoon=self._shown.hour >= 12)

    def set_value(self, value: dt.time) -> None:
        self._shown = value
        self.setText(time_text(value))

    def _tidy(self) -> None:
        try:
            self.set_value(self.value())
        except ValueError:
            pass

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and not event.modifiers()
            and self.text().strip().isdigit()
            and len(self.text().strip()) <= 2
            and self.cursorPosition() == len(self.text())
        ):
            self.insert(".")  # the hour is typed: on to its minutes
            return True
        return super().event(event)


def date_problem(field: DateField, name: str, problem: QLabel) -> bool:
    """Whether ``field`` holds no date; if so ``problem`` says why and the field has focus."""
    try:
        field.value()
    except ValueError as exc:
        problem.setText(f"{name}: {exc}")
        problem.show()
        field.setFocus()
        field.selectAll()
        return True
    problem.hide()
    return False


def problem_label() -> QLabel:
    """Where a dialog says what is wrong with a typed date or time (hidden until then)."""
    label = QLabel()
    label.setObjectName("FieldProblem")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label
