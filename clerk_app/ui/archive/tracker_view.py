"""The action tracker page: every action across meetings, filtered, marked done, exported.

Filters (owner, committee, open/done/all, overdue) are the service's own (``action_log``), run
on the background worker: "all actions" of ten years takes seconds and must not freeze the
window.  Space (or "Mark done") marks the current action done today, or open again; the row
stays in view even when the filter would now hide it, so the clerk sees what happened and can
press Space again to take it back.  Enter opens the meeting with the caret in that point.
Exempt items' actions are left out, of the table and the exports, unless "Include exempt
items" is ticked; a label beside it says which the page shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.wording import short_date
from clerk_app.services import editing, meetings
from clerk_app.services.action_tracker import ActionEntry, action_log
from clerk_app.services.database import Database, StorageUnavailable
from clerk_app.ui.archive.exempt_scope import INCLUDE_EXEMPT, scope_text
from clerk_app.ui.archive.tracker_model import TEXT, ActionTableModel
from clerk_app.ui.shell.background import Background

STATUSES = ("Open", "Done", "All")
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
OWNER_DEBOUNCE_MS = 250


class TrackerView(QWidget):
    open_requested = Signal(int, int)  # meeting id, point id
    export_requested = Signal(str)  # "docx", "pdf" or "csv"
    status_message = Signal(str)
    loaded = Signal(int)  # rows shown, after each answer

    def __init__(
        self,
        db: Database,
        background: Background,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.background, self.today = db, background, today
        self.model = ActionTableModel(today)
        # Rows marked here stay in view until the filters change (see the module docstring).
        self._pinned: dict[int, tuple[int, ActionEntry]] = {}
        self._build()
        self._owner_timer = QTimer(self, singleShot=True, interval=OWNER_DEBOUNCE_MS)
        self._owner_timer.timeout.connect(self._filters_changed)
        self.owner.textEdited.connect(lambda _text: self._owner_timer.start())
        self.committee.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.status.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.overdue.toggled.connect(lambda _on: self._filters_changed())
        self.confidential.toggled.connect(self._scope_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self.table.installEventFilter(self)
        self.mark_button.clicked.connect(self.toggle_current)
        self.open_button.clicked.connect(self.open_current)

    def _build(self) -> None:
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("any owner")
        self.owner.setMinimumWidth(160)
        self.owner.setClearButtonEnabled(True)
        self.committee = QComboBox()
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        self.overdue = QCheckBox("&Overdue only")
        self.count = QLabel()
        # Mnemonics chosen apart from the menus' (F E P I M V H) and from each other.
        bar = QHBoxLayout()
        for caption, widget in (("Ow&ner:", self.owner), ("&Committee:", self.committee)):
            label = QLabel(caption)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        status_label = QLabel("&Status:")
        status_label.setBuddy(self.status)
        bar.addWidget(status_label)
        bar.addWidget(self.status)
        bar.addWidget(self.overdue)
        bar.addStretch(1)
        bar.addWidget(self.count)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Widths from the longest text a column can hold, in this font: measuring contents
        # would read every one of up to 120,000 rows.  A date is never cut ("30 September").
        metrics, pad = self.table.fontMetrics(), 14
        longest = (
            "30 September 2026",
            "Housing Scrutiny Panel",
            "OSC 12/24",
            "aa.iv.",
            "Head of Housing",
            "30 September 2026",
            "done 30 May 2026",
        )
        for column, sample in enumerate(longest):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)

        self.mark_button = QPushButton("Mark done / &reopen  (Space)")
        self.open_button = QPushButton("Open meetin&g  (Enter)")
        # Public unless ticked, for the table and the exports alike; the label says which.
        self.confidential = QCheckBox(INCLUDE_EXEMPT)
        self.scope = QLabel(scope_text(False))
        self.scope.setObjectName("TrackerScope")
        actions = QHBoxLayout()
        actions.addWidget(self.mark_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.scope)
        actions.addWidget(self.confidential)
        for kind, caption in (("docx", "&Word…"), ("pdf", "P&DF…"), ("csv", "CSV for E&xcel…")):
            button = QPushButton(caption)
            button.setToolTip(f"Export the action log as {kind.upper()}")
            button.clicked.connect(lambda _checked=False, k=kind: self.export_requested.emit(k))
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    # --- filters and loading --------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the committees and the actions (kept filters and pinned rows)."""
        chosen = self.committee.currentData()
        self.committee.blockSignals(True)  # refilling must not start a query per entry
        self.committee.clear()
        self.committee.addItem("All committees", None)
        for name in meetings.committees(self.db):
            self.committee.addItem(name, name)
        self.committee.setCurrentIndex(max(0, self.committee.findData(chosen)))
        self.committee.blockSignals(False)
        self.load()

    def filters(self) -> dict[str, object]:
        status = STATUSES[self.status.currentIndex()]
        return {
            "open_only": status == "Open",
            "done_only": status == "Done",
            "owner": self.owner.text().strip() or None,
            "committee": self.committee.currentData(),
            "overdue_on": self.today() if self.overdue.isChecked() else None,
            "include_exempt": self.confidential.isChecked(),
        }

    def _scope_changed(self, confidential: bool) -> None:
        self.scope.setText(scope_text(confidential))
        self._filters_changed()

    def _filters_changed(self) -> None:
        self._pinned.clear()
        self.load()

    def load(self) -> None:
        filters = self.filters()
        self.count.setText("Reading the archive…")
        self.background.run(
            "actions",
            lambda: action_log(self.db, **filters),  # type: ignore[arg-type]  # keys match
            self._show,
        )

    def loading(self) -> bool:
        return self.background.busy("actions")

    def _show(self, entries: list[ActionEntry]) -> None:
        current = self.current_entry()
        shown = {e.point_id for e in entries}
        for row, entry in sorted(self._pinned.values(), key=lambda pinned: pinned[0]):
            if entry.point_id not in shown:
                entries.insert(min(row, len(entries)), entry)
        self.model.set_entries(entries)
        overdue = sum(1 for e in entries if e.overdue(self.today()))
        noun = "action" if len(entries) == 1 else "actions"
        self.count.setText(
            f"{len(entries):,} {noun}" + (f", {overdue:,} overdue" if overdue else "")
        )
        again = self.model.row_of(current.point_id) if current and current.point_id else None
        self.select_row(again if again is not None else 0)
        self.loaded.emit(len(entries))

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- the current action -----------------------------------------------------------------
    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def current_entry(self) -> ActionEntry | None:
        row = self.current_row()
        return self.model.entries[row] if row is not None else None

    def open_current(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.meeting_id is not None and entry.point_id is not None:
            self.open_requested.emit(entry.meeting_id, entry.point_id)

    def toggle_current(self) -> None:
        """Mark done today (or reopen); the write is committed before the row changes."""
        row, entry = self.current_row(), self.current_entry()
        if row is None or entry is None or entry.point_id is None:
            return
        done = not entry.done
        on = self.today() if done else None
        try:
            editing.mark_action(self.db, point_id=entry.point_id, done=done, on=on)
        except StorageUnavailable as exc:  # the environment's fault: nothing changed
            self.status_message.emit(f"Not saved: {exc}")
            return
        changed = dataclasses.replace(entry, done=done, done_on=on)
        self.model.entries[row] = changed
        self.model.entry_changed(row)
        self._pinned[entry.point_id] = (row, changed)
        where = f"{entry.item_number} {entry.label}".strip()
        if done:
            message = f"Action {where} of {short_date(entry.meeting_date)} marked done on "
            message += f"{short_date(on or self.today())} (Space again reopens it)"
        else:
            message = f"Action {where} of {short_date(entry.meeting_date)} is open again"
        self.status_message.emit(message)
        # Re-read: a matters-arising follow-up and its original close together.
        self.load()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            done_key = event.key() == Qt.Key.Key_D and event.modifiers() == _CTRL_SHIFT
            if done_key or (event.key() == Qt.Key.Key_Space and not event.modifiers()):
                self.toggle_current()  # Space, or Ctrl+Shift+D as in the minutes
                return True
        return False
