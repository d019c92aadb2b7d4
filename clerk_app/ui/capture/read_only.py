"""Approved minutes on screen: readable, navigable, and refusing every edit with a reason.

Approved minutes change only by a recorded amendment (``archive.amend_point``).  The store
refuses other edits (LockedMeetingError), but the window must not even try: a refused write
would surface as "not saved, retrying".  Two guards, so no path is forgotten:

- ``GuardedStack`` is the undo stack an approved meeting's ``EditIntents`` push to.  Every
  edit gesture (keys, mouse, dialogs) ends in one push, so refusing pushes here refuses them
  all; marking an action done passes, because the store allows it (it is the tracker, not
  the record) and it stays undoable on the window's own stack.
- ``TypingGuard`` sits on the point editor (read-only as well) and turns typed characters,
  cut and paste into the status-bar message instead of silence.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QPlainTextEdit

from clerk_app.ui.capture.undo_commands import Edit

REFUSAL = (
    "These minutes are approved and read-only: record an agreed change with "
    "Meeting > Record amendment…"
)
_EDIT_KEYS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut)
# In an empty point Backspace means "delete the point": the guarded stack refuses that.
_ERASE_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


class GuardedStack(QUndoStack):
    """Forwards "action done" to the window's stack and refuses every other edit."""

    refused = Signal(str)

    def __init__(
        self,
        stack: QUndoStack,
        parent: QObject | None = None,
        *,
        reason: str = REFUSAL,
        actions_too: bool = False,
    ) -> None:
        super().__init__(parent)
        self.target = stack
        self.reason = reason
        # A read-only window (another has the database) may not even mark actions done.
        self.actions_too = actions_too

    def push(self, cmd: QUndoCommand) -> None:
        if isinstance(cmd, Edit) and cmd.tracker_only and not self.actions_too:
            self.target.push(cmd)
        else:
            self.refused.emit(self.reason)

    # The capture view binds Ctrl+Z to the stack its intents use: undo what did pass.
    def undo(self) -> None:
        self.target.undo()

    def redo(self) -> None:
        self.target.redo()


class TypingGuard(QObject):
    """On a read-only editor: typing, cutting and pasting say why nothing happens."""

    refused = Signal(str)

    def __init__(self, editor: QPlainTextEdit, reason: str = REFUSAL) -> None:
        super().__init__(editor)
        self.reason = reason
        editor.setReadOnly(True)
        # Read-only hides the caret; keep it, so the clerk sees which point is current.
        editor.setTextInteractionFlags(
            editor.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            typed = bool(text) and text.isprintable() and not _has_command_modifier(event)
            erased = event.key() in _ERASE_KEYS and not self._empty(watched)
            if typed or erased or any(event.matches(k) for k in _EDIT_KEYS):
                self.refused.emit(self.reason)
                return True
        return False

    @staticmethod
    def _empty(editor: QObject) -> bool:
        return isinstance(editor, QPlainTextEdit) and not editor.toPlainText()


def _has_command_modifier(event: QKeyEvent) -> bool:
    return bool(
        event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
    )
