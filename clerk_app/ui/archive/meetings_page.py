"""The meetings page: filters by committee and year above the meeting list.

Start-up must not grow with the archive: the window built by ``clerk-app`` lists the meetings
from a background query (``reload(..., in_background=True)``), so it paints at once and the
rows arrive a moment later, while ten years of meetings are counted off the GUI thread.  Other
reloads (a filter chosen, the list shown again) answer synchronously: a filtered list takes a
few milliseconds, and callers (and tests) can rely on the rows being there afterwards.
The Delete key asks to move the selected meeting to the trash.  An empty database shows
the first-run page (first_run.py) in place of the empty table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services import meetings
from clerk_app.services.database import Database
from clerk_app.services.meetings import MeetingSummary
from clerk_app.ui.archive.first_run import FirstRun
from clerk_app.ui.archive.meeting_list import MeetingList
from clerk_app.ui.shell.background import Background

_Answer = tuple[list[MeetingSummary], list[str]]


class MeetingsPage(QWidget):
    filled = Signal(int)  # rows listed, after every fill
    delete_requested = Signal(int)  # meeting id

    def __init__(self, db: Database, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.background = db, background
        self._generation = 0  # a later reload makes an earlier background answer stale
        self._years: list[int] = []
        self.committee = QComboBox()
        self.committee.addItem("All committees", None)
        self.year = QComboBox()
        self.year.addItem("All years", None)
        self.count = QLabel()
        self.list = MeetingList()
        self.first_run = FirstRun()
        self.body = QStackedWidget()
        self.body.addWidget(self.list)
        self.body.addWidget(self.first_run)
        self.bar = QWidget()
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for caption, combo in (("&Committee:", self.committee), ("&Year:", self.year)):
            label = QLabel(caption)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.body, 1)
        self.setFocusProxy(self.list)
        self.committee.activated.connect(lambda _i: self.reload(self.list.selected_id()))
        self.year.activated.connect(lambda _i: self.reload(self.list.selected_id()))
        self.list.installEventFilter(self)

    def filters(self) -> tuple[str | None, int | None]:
        return self.committee.currentData(), self.year.currentData()

    def reload(self, select: int | None, *, in_background: bool = False) -> None:
        """List the meetings the filters allow, selecting ``select`` if it is among them."""
        self._generation += 1
        generation = self._generation
        committee, year = self.filters()

        def query() -> _Answer:
            # Points counted too (one grouped count, tens of ms for ten years of meetings).
            found = meetings.list_meetings(
                self.db, count_points=True, committee=committee, year=year
            )
            return found, meetings.committees(self.db)

        if in_background:
            self.count.setText("Reading the archive…")
            self.background.run(
                "meetings", query, lambda answer: self._fill(generation, answer, select)
            )
        else:
            self._fill(generation, query(), select)

    def _fill(self, generation: int, answer: _Answer, select: int | None) -> None:
        if generation != self._generation:
            return  # a newer reload has answered already
        summaries, committees = answer
        if self.filters() == (None, None):
            # Only the unfiltered list knows every year; a filtered one keeps them.
            self._years = sorted({s.date.year for s in summaries}, reverse=True)
        self._refill(self.committee, "All committees", [(c, c) for c in committees])
        self._refill(self.year, "All years", [(str(y), y) for y in self._years])
        self.list.fill(summaries, select)
        count = len(summaries)
        self.show_first_run(count == 0 and self.filters() == (None, None))
        self.count.setText(f"{count:,} meeting{'s' if count != 1 else ''}")
        self.filled.emit(count)

    def show_first_run(self, empty: bool) -> None:
        """The first-run page while the database has no meeting; the list once it has one."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        shown = self.first_run if empty else self.list
        self.body.setCurrentWidget(shown)
        self.bar.setVisible(not empty)
        self.setFocusProxy(shown)
        if had_focus:
            shown.setFocus()

    @property
    def empty(self) -> bool:
        return self.body.currentWidget() is self.first_run

    @staticmethod
    def _refill(combo: QComboBox, everything: str, entries: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in entries:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def choose(self, *, committee: str | None = None, year: int | None = None) -> None:
        """Set the filters as the clerk would, and list again."""
        self.committee.setCurrentIndex(max(0, self.committee.findData(committee)))
        self.year.setCurrentIndex(max(0, self.year.findData(year)))
        self.reload(self.list.selected_id())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            selected = self.list.selected_id()
            if event.key() == Qt.Key.Key_Delete and selected is not None:
                self.delete_requested.emit(selected)
                return True
        return False
