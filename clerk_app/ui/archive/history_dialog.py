"""Meeting > History: the minutes' revisions and amendments, and what changed since a revision.

A revision is kept when a draft is circulated (exported), when the minutes are approved and
when an amendment is recorded.  Choosing one shows, side by side, every paragraph that differs
between it and the minutes as they are now (``archive.compare_revisions``): a plain table a
clerk can read out at the next meeting, not a character diff.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.wording import long_date
from clerk_app.services.archive import Amendment, Change, Revision

REASONS = {"circulated": "Draft circulated", "approved": "Approved", "amended": "Amended"}


def _tree(columns: tuple[str, ...]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setColumnCount(len(columns))
    tree.setHeaderLabels(columns)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    return tree


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        revisions: list[Revision],
        amendments: list[Amendment],
        compare: Callable[[int], list[Change]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._compare = compare
        self.revisions = revisions
        self.setWindowTitle(f"History – {title}")
        self.revision_list = _tree(("Revision", "Kept on"))
        for revision in revisions:
            row = QTreeWidgetItem(
                [
                    REASONS.get(revision.reason, revision.reason),
                    f"{revision.taken_at:%d/%m/%Y %H:%M}",
                ]
            )
            self.revision_list.addTopLevelItem(row)
        self.amendment_list = _tree(("Agreed on", "Minute", "Was", "Now reads"))
        self.amendment_list.setWordWrap(True)  # the wording is the point: show it whole
        for column, width in enumerate((150, 150, 200)):
            self.amendment_list.setColumnWidth(column, width)
        for amendment in amendments:
            row = QTreeWidgetItem(
                [long_date(amendment.agreed_on), amendment.where, amendment.before, amendment.after]
            )
            for column in (2, 3):
                row.setToolTip(column, row.text(column))
            self.amendment_list.addTopLevelItem(row)
        self.changes_label = QLabel()
        self.changes = QTableWidget(0, 3)
        self.changes.setHorizontalHeaderLabels(("Where", "In that revision", "Now"))
        self.changes.setWordWrap(True)
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.verticalHeader().setVisible(False)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.revision_list.currentItemChanged.connect(lambda *_: self._show_changes())

        top = QSplitter(Qt.Orientation.Horizontal)
        for caption, widget in (
            ("Revisions: choose one to compare with now", self.revision_list),
            ("Amendments recorded", self.amendment_list),
        ):
            box = QWidget()
            stacked = QVBoxLayout(box)
            stacked.setContentsMargins(0, 0, 0, 0)
            stacked.addWidget(QLabel(f"<b>{caption}</b>"))
            stacked.addWidget(widget)
            top.addWidget(box)
        top.setSizes([320, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 2)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes, 3)
        layout.addWidget(buttons)
        self.resize(960, 640)
        if revisions:
            # The latest revision first: "what changed since it was approved/amended".
            self.choose(len(revisions) - 1)
        else:
            self.changes_label.setText(
                "No revisions yet: one is kept when the draft is exported and when it is approved."
            )

    def choose(self, index: int) -> None:
        row = self.revision_list.topLevelItem(index)
        if row is not None:
            self.revision_list.setCurrentItem(row)

    def _show_changes(self) -> None:
        row = self.revision_list.currentItem()
        if row is None:
            return
        revision = self.revisions[self.revision_list.indexOfTopLevelItem(row)]
        found = self._compare(revision.id)
        reason = REASONS.get(revision.reason, revision.reason).lower()
        kept = f"{reason} {revision.taken_at:%d/%m/%Y %H:%M}"
        if found:
            count = "1 paragraph differs" if len(found) == 1 else f"{len(found)} paragraphs differ"
            self.changes_label.setText(f"<b>{count}</b> between the revision {kept} and now:")
        else:
            self.changes_label.setText(f"Nothing has changed since the revision {kept}.")
        self.changes.setRowCount(len(found))
        for index, change in enumerate(found):
            for column, text in enumerate(
                (change.where, change.before or "(added)", change.after or "(removed)")
            ):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.changes.setItem(index, column, cell)
        self.changes.resizeRowsToContents()
