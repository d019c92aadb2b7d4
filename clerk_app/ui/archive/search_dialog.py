"""Ctrl+F: search every meeting as you type; Enter opens the meeting at the chosen hit.

The query runs on the background worker 150 ms after the last key, so typing never waits
for the archive; Up/Down choose a hit without leaving the field, Enter opens it (if the
answer for the latest keys has not come yet, it opens the first hit as soon as it does), and
Escape closes.  A malformed query (an unclosed quote) is explained under the field, never
raised.  The dialog is modeless and kept by the window, so Ctrl+F again finds the last query.
Exempt items are searched only when "Include exempt items" is ticked; a label says which.

The filters under the field (committee, year, decisions only, open actions only) narrow the
search as the same filter words typed in it would (``committee:housing year:2024 resolved
actions:open``); Alt+M shows 50 more hits than the best 50.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clerk_app.core.search_query import split_filters
from clerk_app.core.wording import long_date
from clerk_app.services.searching import QuerySyntaxError, SearchHit
from clerk_app.ui.archive.exempt_scope import INCLUDE_EXEMPT, scope_text
from clerk_app.ui.shell.background import Background

DEBOUNCE_MS = 150
LIMIT = 50  # hits shown at first: the best ones; Alt+M shows LIMIT more each time
COLUMNS = ("Meeting", "Minute", "Point", "Found")
SNIPPET = 3
_MARKED = re.compile(r"\[([^\[\]]*)\]")
# Shorter beginnings match too much to rank quickly; tried only where a word starts, so a
# long word is scanned once rather than once from each of its letters.
_LAST_WORD = re.compile(r"(?<!\w)\w{3,}$")
_BARE_YEAR = re.compile(r"(?<![\w:/.-])(?:19|20)\d\d(?![\w/.-])")
_WHERE = {
    "item": "title",
    "decision": "RESOLVED",
    "attendance": "attendance",
    "declaration": "interest",
    "motion": "motion",
}


_FILTER_WORDS = ("resolved", "decisions")


def as_typed(text: str) -> str:
    """While typing, the last word is the start of a word: "damp mou" finds "mould"; a filter
    word ("year:2024", "resolved") is left as it is."""
    last = text.split()[-1].lower() if text.split() else ""
    if ":" in last or last in _FILTER_WORDS:
        return text
    if _LAST_WORD.search(text) and text.count('"') % 2 == 0:
        return text + "*"
    return text


def snippet_html(snippet: str) -> str:
    """The service's "[hit]" marks as highlighted HTML, everything else escaped."""
    parts: list[str] = []
    cursor = 0
    for match in _MARKED.finditer(snippet):
        parts.append(html.escape(snippet[cursor : match.start()]))
        parts.append(f'<b style="background-color:#ffe27a">{html.escape(match.group(1))}</b>')
        cursor = match.end()
    parts.append(html.escape(snippet[cursor:]))
    return "".join(parts)


class SnippetDelegate(QStyledItemDelegate):
    """Paints a column's HTML (the highlighted snippet) in one line, elided by the cell."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDocumentMargin(2)
        document.setDefaultFont(option.font)
        document.setHtml(text)
        rect = option.rect
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # noqa: N802  (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 4)


class SearchDialog(QDialog):
    hit_chosen = QtSignal(object)  # SearchHit

    def __init__(
        self,
        # (query, include exempt items, at most this many hits)
        search: Callable[[str, bool, int], list[SearchHit]],
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._search, self._background = search, background
        self.hits: list[SearchHit] = []
        self.answered = ""  # the text typed that the hits shown are for
        self.searched = ""  # ... and the query that found them (see as_typed)
        self._open_when_answered = False
        self.limit = LIMIT
        self._keep_choice = False  # Alt+M: the hit chosen stays chosen
        self.setWindowTitle("Search all meetings")
        self.setObjectName("SearchDialog")
        self.query = QLineEdit()
        self.query.setPlaceholderText('Words to find: damp mould · "exact phrase" · tenan*')
        self.query.setClearButtonEnabled(True)
        self.message = QLabel("Type to search every meeting.")
        self.message.setObjectName("SearchMessage")
        self.results = QTreeWidget()
        self.results.setColumnCount(len(COLUMNS))
        self.results.setHeaderLabels(COLUMNS)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegateForColumn(SNIPPET, SnippetDelegate(self.results))
        # The Point column holds a label ("aa.iv.") or where a hit lies ("RESOLVED").
        point = self.results.fontMetrics().horizontalAdvance("attendance") + 16
        for column, width in enumerate((260, 190, max(60, point))):
            self.results.setColumnWidth(column, width)
        hint = QLabel("↑ ↓ choose · Enter opens the meeting there · Esc closes")
        hint.setEnabled(False)
        self.confidential = QCheckBox(INCLUDE_EXEMPT)
        self.scope = QLabel(scope_text(False))
        self.scope.setObjectName("SearchScope")
        footer = QHBoxLayout()
        footer.addWidget(hint, 1)
        footer.addWidget(self.scope)
        footer.addWidget(self.confidential)
        self.committee = QLineEdit()
        self.committee.setPlaceholderText("Committee: housing")
        self.year = QLineEdit()
        self.year.setPlaceholderText("Year: 2024 or 2022-2024")
        self.decisions = QCheckBox("&Decisions only")
        self.open_actions = QCheckBox("&Open actions only")
        self.more = QPushButton("&More hits")
        self.more.setEnabled(False)
        self.more.setAutoDefault(False)  # Enter opens the hit chosen, wherever the focus is
        filters = QHBoxLayout()
        for label, field in (("&Committee", self.committee), ("&Year", self.year)):
            named = QLabel(label)
            named.setBuddy(field)
            filters.addWidget(named)
            filters.addWidget(field, 1)
        for widget in (self.decisions, self.open_actions, self.more):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.results)
        layout.addLayout(footer)
        self.resize(980, 540)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self.query.textEdited.connect(lambda _text: self._filters_changed())
        self.query.returnPressed.connect(self.open_current)
        self.query.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemDoubleClicked.connect(lambda *_: self.open_current())
        self.confidential.toggled.connect(self._scope_changed)
        for field in (self.committee, self.year):
            field.textEdited.connect(lambda _text: self._filters_changed())
            field.returnPressed.connect(self.open_current)
        for box in (self.decisions, self.open_actions):
            box.toggled.connect(lambda _on: self._filters_changed())
        self.more.clicked.connect(self.show_more)

    def present(self) -> None:
        """Show (again) with the last query selected, so typing replaces it."""
        self.show()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    # --- searching --------------------------------------------------------------------------
    def pending(self) -> bool:
        """Whether the hits shown are not yet those of the text in the field."""
        return self._timer.isActive() or self.answered != self.query.text().strip()

    def filter_words(self) -> str:
        """The dialog's filters as the words that, typed in the query, would mean the same."""
        words = []
        committee = self.committee.text().strip().replace('"', "")
        if committee:
            words.append(f'committee:"{committee}"')
        year = self.year.text().strip().replace(" ", "")
        if year:
            words.append(f"year:{year}")
        if self.decisions.isChecked():
            words.append("decisions")
        if self.open_actions.isChecked():
            words.append("actions:open")
        return " ".join(words)

    def _filters_changed(self) -> None:
        self.answered = ""  # the hits shown were for other filters: search again
        self.limit = LIMIT
        self._timer.start()

    def show_more(self) -> None:
        """Alt+M: LIMIT more hits than are shown, the selection kept."""
        self.limit += LIMIT
        self.answered = ""
        self._keep_choice = True
        self._start()

    def _start(self) -> None:
        self._timer.stop()
        text = self.query.text().strip()
        if not text:
            self._show([], "", "Type to search every meeting.")
            return
        query = " ".join(filter(None, (as_typed(text), self.filter_words())))
        confidential, limit = self.confidential.isChecked(), self.limit
        self._background.run(
            "search",
            lambda: self._search(query, confidential, limit),
            lambda hits: self._show(hits, text, None, query),
            lambda error: self._refused(error, text),
        )

    def _scope_changed(self, confidential: bool) -> None:
        self.scope.setText(scope_text(confidential))
        self.answered = ""  # the hits shown were for the other scope: search again
        self._start()

    def _refused(self, error: Exception, text: str) -> None:
        if not isinstance(error, QuerySyntaxError):
            raise error  # anything else is a bug
        self._show([], text, f"Cannot search for that: {error}")

    def _show(self, hits: list[SearchHit], text: str, message: str | None, query: str = "") -> None:
        chosen = self.results.currentItem()
        keep = self.results.indexOfTopLevelItem(chosen) if chosen is not None else 0
        same, self._keep_choice = self._keep_choice, False
        self.hits, self.answered, self.searched = hits, text, query
        self.results.clear()
        self.results.addTopLevelItems([self._row(hit) for hit in hits])
        first = self.results.topLevelItem(keep if same and keep > 0 else 0)
        if first is not None:
            self.results.setCurrentItem(first)
        full = len(hits) >= self.limit
        self.more.setEnabled(full)
        if message is None:
            count = f"{len(hits)} hits" if len(hits) != 1 else "1 hit"
            message = f"{count}, best first" if hits else f"Nothing found for {text}"
            if full:
                message = f"The {self.limit} best hits: Alt+M shows more, or narrow the search"
            narrowed = split_filters(query)[1].describe()
            if narrowed:
                message += f" (only {narrowed})"
            year = _BARE_YEAR.search(text)
            if not hits and year:  # "damp mould 2024": a year typed alone is a word to find
                message += f"; for meetings in {year.group()}, type year:{year.group()}"
        self.message.setText(message)
        if self._open_when_answered:
            self._open_when_answered = False
            self.open_current()

    @staticmethod
    def _row(hit: SearchHit) -> QTreeWidgetItem:
        meeting = f"{long_date(hit.meeting_date)}, {hit.committee}"
        minute = f"{hit.item_number} {hit.item_title}".strip()
        where = hit.label or _WHERE.get(hit.kind, hit.kind)
        row = QTreeWidgetItem([meeting, minute, where, snippet_html(hit.snippet)])
        row.setToolTip(0, meeting)
        row.setToolTip(1, minute)
        row.setToolTip(SNIPPET, _MARKED.sub(r"\1", hit.snippet))
        return row

    # --- choosing and opening ---------------------------------------------------------------
    def current_hit(self) -> SearchHit | None:
        row = self.results.currentItem()
        index = self.results.indexOfTopLevelItem(row) if row is not None else -1
        return self.hits[index] if 0 <= index < len(self.hits) else None

    def open_current(self) -> None:
        if self.pending():
            # Enter typed before the answer came: open the first hit of the answer.
            self._open_when_answered = True
            if self._timer.isActive():
                self._start()
            return
        hit = self.current_hit()
        if hit is None:
            return
        self.hide()
        self.hit_chosen.emit(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.open_current()  # from a filter box too, not only from the field
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.query and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        return False

    def _step(self, delta: int) -> None:
        count = self.results.topLevelItemCount()
        if not count:
            return
        row = self.results.currentItem()
        index = self.results.indexOfTopLevelItem(row) if row is not None else -1
        target = self.results.topLevelItem(max(0, min(count - 1, index + delta)))
        if target is not None:
            self.results.setCurrentItem(target)
            self.results.scrollToItem(target)
