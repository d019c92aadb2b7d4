"""This meeting's actions, beside the minutes: point label, owners, due date, done.

Refreshed when the set of actions changes (a tag typed or removed, a point moved or deleted),
not on every keystroke: the model says when a point's owners or due date changed.
Double-clicking an action puts the caret in its point; ticking Done is an undoable edit
(in a read-only window the box shows the state but cannot be ticked, and says why).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from clerk_app.core.lettering import point_label, subpoint_label
from clerk_app.core.model import Meeting, Point
from clerk_app.core.procedure.references import reference_of

COLUMNS = ("Point", "Owners", "Due", "Done", "Text")
READ_ONLY_DONE = (
    "This window is read-only: another Clerk window has the database open for editing. "
    "Mark actions done there."
)


def action_rows(meeting: Meeting) -> list[tuple[str, Point]]:
    """("77 b.", point) for every point with an action, in minute order."""
    found: list[tuple[str, Point]] = []
    style = meeting.label_style
    for item in meeting.items:
        reference, base = reference_of(meeting, item)
        where = reference or item.title[:12]
        for index, point in enumerate(item.points):
            label = point_label(style, index, base)
            if point.action is not None:
                found.append((f"{where} {label}", point))
            for child_index, child in enumerate(point.children):
                if child.action is not None:
                    sub = subpoint_label(style, child_index, label.rstrip("."))
                    found.append((f"{where} {label} {sub}", child))
    return found


class ActionsPanel(QTreeWidget):
    point_activated = Signal(object)  # Point
    done_toggled = Signal(object, bool)  # Point, done

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self._points: list[Point] = []
        self._filling = False
        # Why Done cannot be ticked here, or None.  A box that ticks but is never saved would
        # tell the clerk an action is closed when the file says it is still open.
        self.read_only_reason: str | None = None
        self.itemDoubleClicked.connect(self._activate)
        self.itemChanged.connect(self._changed)

    def refresh(self, meeting: Meeting) -> None:
        self._filling = True
        try:
            self.clear()
            self._points = []
            for label, point in action_rows(meeting):
                action = point.action
                assert action is not None
                due = f"{action.due.day} {action.due:%b %Y}" if action.due else ""
                row = QTreeWidgetItem([label, "/".join(action.owners), due, "", point.text])
                row.setCheckState(
                    3, Qt.CheckState.Checked if point.action_done else Qt.CheckState.Unchecked
                )
                if self.read_only_reason is None:
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                else:
                    row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                    row.setToolTip(3, self.read_only_reason)
                row.setToolTip(4, point.text)
                self.addTopLevelItem(row)
                self._points.append(point)
            for column in range(4):
                self.resizeColumnToContents(column)
        finally:
            self._filling = False

    def set_read_only(self, read_only: bool) -> None:
        """Done boxes show the state but cannot be ticked (the tooltip says why) when read-only."""
        self.read_only_reason = READ_ONLY_DONE if read_only else None

    def _activate(self, row: QTreeWidgetItem, _column: int) -> None:
        self.point_activated.emit(self._points[self.indexOfTopLevelItem(row)])

    def _changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 3:
            return
        point = self._points[self.indexOfTopLevelItem(row)]
        self.done_toggled.emit(point, row.checkState(3) == Qt.CheckState.Checked)
