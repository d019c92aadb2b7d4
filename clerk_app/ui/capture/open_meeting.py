"""One open meeting in the window: its model, the intents that edit it and the view showing it.

Built in one place so that every way of opening a meeting (the list, a search hit, the
tracker, `clerk-app open`, a new meeting) gets the same guards: approved minutes and a
read-only window refuse edits with a reason (``read_only``), and keep marking actions done
only where the store allows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from clerk_app.core.model import Meeting, Status
from clerk_app.services.database import Database
from clerk_app.ui.capture.capture_view import CaptureView
from clerk_app.ui.capture.intents import EditIntents
from clerk_app.ui.capture.meeting_model import MeetingModel
from clerk_app.ui.capture.read_only import REFUSAL, GuardedStack, TypingGuard

IN_USE = (
    "Another Clerk window has this database open for editing: this one is read-only. "
    "Close the other window, then reopen Clerk here to edit."
)
LOCKED_DIALOGS = (
    "These minutes are approved and read-only: Meeting > Record amendment… changes a point"
)


@dataclass(frozen=True)
class OpenMeeting:
    model: MeetingModel
    intents: EditIntents
    view: CaptureView
    # Why edits are refused (approved minutes, or another window has the database); None if
    # the meeting can be edited.
    locked_because: str | None

    @property
    def meeting(self) -> Meeting:
        return self.model.meeting

    @property
    def locked(self) -> bool:
        return self.locked_because is not None


def open_meeting(
    db: Database,
    meeting: Meeting,
    stack: QUndoStack,
    *,
    now: Callable[[], dt.datetime],
    say: Callable[[str], None],
    parent: QObject,
) -> OpenMeeting:
    """The model, intents and view of ``meeting``, guarded as its state requires."""
    model = MeetingModel(db, meeting, now=now, parent=parent)
    reason: str | None = None
    target = stack
    if db.read_only:
        reason = IN_USE
        target = GuardedStack(stack, parent=model, reason=IN_USE, actions_too=True)
    elif meeting.status is Status.APPROVED:
        reason = REFUSAL
        target = GuardedStack(stack, parent=model)
    if isinstance(target, GuardedStack):
        target.refused.connect(say)
    intents = EditIntents(model, target)
    view = CaptureView(model, intents)
    if reason is not None:
        TypingGuard(view.editor, reason).refused.connect(say)
    return OpenMeeting(model, intents, view, reason)
