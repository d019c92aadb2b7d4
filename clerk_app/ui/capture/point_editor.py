"""The one live editor: a borderless ``QPlainTextEdit`` laid over the point being typed.

It is a plain text editor on purpose (see ``capture_view``): a keystroke costs what it costs in
a bare ``QPlainTextEdit``, however big the meeting.  It knows nothing of points or the store;
keys that cross a point's edges (Enter, Tab, Backspace in an empty point, Backspace at the
start and Delete at the end, Alt+arrows, arrows past the first or last line) and the long
jumps (``JUMP_KEYS``) become signals for the view to act on.  Its own undo is off:
Ctrl+Z belongs to the window's undo stack, which undoes structural edits too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor, QTextOption, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QWidget

from clerk_app.core.text import clean_line


def clean_paste(text: str) -> str:
    """Pasted text as one line of a point: control characters gone, edge spaces kept as one."""
    cleaned = clean_line(text)
    if not cleaned:
        return ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{cleaned}{trail}"


# Qt counts positions in UTF-16 units, Python in code points: an emoji or a rare CJK character
# is two of Qt's and one of Python's.  Every caret that crosses between them is converted here,
# or Enter after an emoji would split the point in the wrong place.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def to_qt_position(text: str, index: int) -> int:
    """Qt's cursor position before ``text[index]``."""
    if text.isascii() or not _ASTRAL.search(text, 0, index):
        return index
    return index + len(_ASTRAL.findall(text, 0, index))


def from_qt_position(text: str, position: int) -> int:
    """The index into ``text`` of Qt's cursor ``position``."""
    # isascii() first: it is a flag Python keeps on every string, so most typing costs nothing.
    if text.isascii() or not _ASTRAL.search(text):
        return min(position, len(text))
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


_CTRL = Qt.KeyboardModifier.ControlModifier
_NONE = Qt.KeyboardModifier.NoModifier
# Long-distance movement, one name per key, handled by the view (with or without the editor).
JUMP_KEYS: dict[tuple[int, Qt.KeyboardModifier], str] = {
    (Qt.Key.Key_Home, _CTRL): "first-point",
    (Qt.Key.Key_End, _CTRL): "last-point",
    (Qt.Key.Key_Up, _CTRL): "previous-item",
    (Qt.Key.Key_Down, _CTRL): "next-item",
    (Qt.Key.Key_PageUp, _NONE): "page-up",
    (Qt.Key.Key_PageDown, _NONE): "page-down",
}

_JUMP_CODES = frozenset(key for key, _mods in JUMP_KEYS)
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
# Every key the editor may treat specially: the edge keys, the jumps, and the letters and
# Backspace of the platform's undo and redo shortcuts.  Any other key (every letter typed in a
# meeting) goes straight to Qt, skipping the chain of tests below: ~25 µs a keystroke.
_SPECIAL_KEYS = frozenset(
    int(key)
    for key in (
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Z,
        Qt.Key.Key_Y,
        *_JUMP_CODES,
    )
)


class PointEditor(QPlainTextEdit):
    enter_pressed = Signal()
    indent_pressed = Signal()
    outdent_pressed = Signal()
    delete_empty = Signal()
    move_pressed = Signal(int)  # -1 up, +1 down
    merge_pressed = Signal(int)  # -1: Backspace at the start, +1: Delete at the end
    jump_pressed = Signal(str)  # a JUMP_KEYS name
    leave_pressed = Signal(int, int)  # direction, caret x in pixels (-1: start, -2: end)
    lines_changed = Signal(int)
    undo_pressed = Signal()
    redo_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None
        # Called on every keystroke with the caret before and after the edit.  A plain Python
        # callback, not a Qt signal: emitting a PySide signal costs about 25 µs, a fifth of
        # what the whole keystroke may add to a bare editor's time.
        self.on_edited: Callable[[int, int], None] | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(False)
        self.document().setDocumentMargin(0)
        self.setViewportMargins(0, 0, 0, 0)
        self.setContentsMargins(0, 0, 0, 0)
        self._loading = False
        self._lines = 1
        # One slot per keystroke, not three: contentsChange says where the edit happened.
        self.document().contentsChange.connect(self._on_contents_change)
        # A wrapping keystroke adds a line the editor, as tall as its lines, cannot show: the
        # scroll range grows, and only then is this called.  (documentSizeChanged would say
        # the same, but it fires on every key once the document margin is not Qt's default,
        # and a Python slot per key costs ~20 µs.)  Lines lost by deleting are checked on the
        # next turn of the event loop, after the layout has caught up (``_on_contents_change``).
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_range)

    # --- contents -------------------------------------------------------------------------
    def load(self, text: str, caret: int) -> None:
        """Show a point's text without reporting it as an edit."""
        self._loading = True
        try:
            if self.toPlainText() != text:
                self.setPlainText(text)
            self.set_caret(caret)
        finally:
            self._loading = False
        self._check_lines()

    def set_caret(self, caret: int) -> None:
        """Put the caret before ``text[caret]`` (-1 or past the end: at the end)."""
        cursor = self.textCursor()
        text = self.toPlainText()
        if caret < 0 or caret >= len(text):
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            cursor.setPosition(to_qt_position(text, caret))
        self.setTextCursor(cursor)

    def caret(self) -> int:
        """The caret as an index into the point's text (a Python index, not Qt's position)."""
        return from_qt_position(self.text(), self.textCursor().position())

    def text(self) -> str:
        """The text shown, read once per change rather than copied out of Qt at every ask."""
        if self._text is None:
            self._text = self.toPlainText()
        return self._text

    def line_count(self) -> int:
        return max(1, self.document().firstBlock().layout().lineCount())

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        self._text = None  # changed: read afresh on the next ask
        if not self._loading and self.on_edited is not None:
            # Where the caret was (at the insertion, or after what Backspace removed) and
            # where the edit left it: worked out from the change, not asked of a QTextCursor.
            text = self.text()
            self.on_edited(
                from_qt_position(text, position + removed), from_qt_position(text, position + added)
            )
        if removed:
            # Fewer characters may mean fewer lines; the layout is redone after this signal.
            QTimer.singleShot(0, self._check_lines)

    def _on_scroll_range(self, _low: int, _high: int) -> None:
        self._check_lines()

    def _check_lines(self) -> None:
        lines = self.line_count()
        if lines != self._lines:
            self._lines = lines
            self.lines_changed.emit(lines)

    def resizeEvent(self, event: object) -> None:  # noqa: N802  (Qt's name)
        super().resizeEvent(event)  # type: ignore[arg-type]  # a QResizeEvent
        self._check_lines()

    # --- clipboard: pasted text from email or Word must not smuggle in control characters ---
    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802  (Qt's name)
        if source.hasText():
            self.textCursor().insertText(clean_paste(source.text()))

    # --- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        key = event.key()
        if key not in _SPECIAL_KEYS:
            QPlainTextEdit.keyPressEvent(self, event)
            return
        mods = event.modifiers()
        plain = mods & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        cursor = self.textCursor()
        # A text edit claims Ctrl+Z before the window's shortcut sees it; hand it to the
        # window's undo stack, which undoes structural edits too.  (Handled here rather than
        # in event(): a Python event() override costs a call for every event of every key.)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_pressed.emit()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo_pressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.enter_pressed.emit()
        elif key == Qt.Key.Key_Tab and plain:
            self.indent_pressed.emit()
        elif key == Qt.Key.Key_Backtab:
            self.outdent_pressed.emit()
        elif key == Qt.Key.Key_Backspace and plain and not self.toPlainText():
            self.delete_empty.emit()
        elif key == Qt.Key.Key_Backspace and plain and self._caret_alone(at_end=False):
            self.merge_pressed.emit(-1)
        elif key == Qt.Key.Key_Delete and plain and self._caret_alone(at_end=True):
            self.merge_pressed.emit(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods & Qt.KeyboardModifier.AltModifier:
            self.move_pressed.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Up and plain and self._on_edge_line(first=True):
            self.leave_pressed.emit(-1, int(self.cursorRect().center().x()))
        elif key == Qt.Key.Key_Down and plain and self._on_edge_line(first=False):
            self.leave_pressed.emit(1, int(self.cursorRect().center().x()))
        elif key == Qt.Key.Key_Left and plain and cursor.atStart() and not cursor.hasSelection():
            self.leave_pressed.emit(-1, -2)
        elif key == Qt.Key.Key_Right and plain and cursor.atEnd() and not cursor.hasSelection():
            self.leave_pressed.emit(1, -1)
        elif key in _JUMP_CODES and (key, mods & ~_KEYPAD) in JUMP_KEYS:
            self.jump_pressed.emit(JUMP_KEYS[(key, mods & ~_KEYPAD)])
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802  (Qt's name)
        # The editor is as tall as its point, so the wheel belongs to the meeting: scrolling
        # the point's own text hid its first line.  Handed to the view's viewport, whose
        # scroll area scrolls the meeting (an ignored event would not always travel up).
        parent = self.parentWidget()
        if parent is not None:
            QApplication.sendEvent(parent, event)

    def _caret_alone(self, *, at_end: bool) -> bool:
        """The caret at the point's start (end), with nothing selected: where Backspace
        (Delete) joins two points."""
        cursor = self.textCursor()
        edge = cursor.atEnd() if at_end else cursor.atStart()
        return edge and not cursor.hasSelection()

    def _on_edge_line(self, *, first: bool) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(cursor.positionInBlock())
        if not line.isValid():
            return True
        if first:
            return block == self.document().firstBlock() and line.lineNumber() == 0
        return block == self.document().lastBlock() and line.lineNumber() == layout.lineCount() - 1

    def caret_to_x(self, x: int, *, last_line: bool) -> None:
        """Put the caret on the first or last line, as near as possible to ``x`` pixels."""
        y = 1 if not last_line else self.viewport().height() - 2
        if x < 0:
            self.moveCursor(
                QTextCursor.MoveOperation.End if x == -2 else QTextCursor.MoveOperation.Start
            )
            return
        self.setTextCursor(self.cursorForPosition(QPoint(x, y)))
