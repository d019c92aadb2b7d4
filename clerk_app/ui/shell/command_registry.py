"""Every command of the window, declared once: text, shortcut, icon, menu, toolbar, when enabled.

Keys that the capture editor handles itself (Enter, Tab, Backspace, Alt+arrows) are listed
with ``hint`` rather than a real shortcut: the menu shows the key, but a window-wide shortcut
on Enter or Tab would steal those keys from every dialog field and from focus navigation.
Enabled states are asked of the window (``needs``), never worked out from widget types.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from clerk_app.ui.shell.icons import icon


class Cmd(enum.Enum):
    NEW_MEETING = "new-meeting"
    MEETINGS = "meetings"
    IMPORT_MINUTES = "import-minutes"
    NEW_FROM_AGENDA = "new-from-agenda"
    EXPORT_WORD = "export-word"
    EXPORT_PDF = "export-pdf"
    EXPORT_HTML = "export-html"
    CLERK_NAME = "clerk-name"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    SEARCH = "search"
    NEW_POINT = "new-point"
    INDENT = "indent"
    OUTDENT = "outdent"
    MOVE_UP = "move-up"
    MOVE_DOWN = "move-down"
    DELETE_POINT = "delete-point"
    TAG_ACTION = "tag-action"
    ACTION_DONE = "action-done"
    NEW_ITEM = "new-item"
    EDIT_ITEM = "edit-item"
    RESOLVED = "resolved"
    ITEM_UP = "item-up"
    ITEM_DOWN = "item-down"
    DELETE_ITEM = "delete-item"
    MEETING_DETAILS = "meeting-details"
    ATTENDANCE = "attendance"
    # Proceedings (flows/proceedings.py)
    MEMBER_MOVES = "member-moves"
    CLOSE_MEETING = "close-meeting"
    EXCLUDE_PUBLIC = "exclude-public"
    READMIT_PUBLIC = "readmit-public"
    ACTIONS_PANEL = "actions-panel"
    PREVIEW = "print-preview"
    ABOUT = "about"
    # The archive (wired in archive_wiring.py)
    NEXT_MEETING = "next-meeting"
    DELETE_MEETING = "delete-meeting"
    TRASH = "trash"
    RESTORE_BACKUP = "restore-backup"
    APPROVE = "approve"
    AMEND = "amend"
    HISTORY = "history"
    TRACKER = "action-tracker"
    # The Navigate menu: the editor handles these keys itself (point_editor.JUMP_KEYS)
    FIRST_POINT = "first-point"
    LAST_POINT = "last-point"
    PREVIOUS_ITEM = "previous-item"
    NEXT_ITEM = "next-item"
    PAGE_UP = "page-up"
    PAGE_DOWN = "page-down"
    GO_TO_ITEM = "go-to-item"
    JOIN_ABOVE = "join-above"
    JOIN_BELOW = "join-below"
    KEYS = "keyboard-shortcuts"
    # Issue 12: declarations of interest, motions and named votes (flows/procedure.py)
    DECLARE_INTEREST = "declare-interest"
    MOTION = "motion"
    NAMED_VOTE = "named-vote"
    RECORDS = "records-at-item"


@dataclass(frozen=True)
class Spec:
    text: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    hint: str = ""  # a key the editor handles, shown in the menu only
    icon: str = ""
    toolbar: bool = False
    # "meeting", "edit", "action", "point", "item", "undo", "redo"; the archive's: "draft",
    # "approved-point", "listed", "source" (see MainWindow.can)
    needs: str = "always"
    tip: str = ""
    checkable: bool = False


SPECS: dict[Cmd, Spec] = {
    Cmd.NEW_MEETING: Spec("&New meeting…", "&File", ("Ctrl+N",), icon="new-meeting", toolbar=True),
    Cmd.NEXT_MEETING: Spec(
        "New meeting from &this one…",
        "&File",
        ("Ctrl+Shift+N",),
        needs="source",
        tip="The committee's next meeting, with open actions under Matters arising",
    ),
    Cmd.NEW_FROM_AGENDA: Spec(
        "New meeting from a&genda…",
        "&File",
        needs="writable",
        tip="A meeting with the items and recommendations of a published agenda (.docx, .pdf)",
    ),
    Cmd.MEETINGS: Spec("&Meetings", "&File", ("Ctrl+O",), icon="meetings", toolbar=True),
    Cmd.IMPORT_MINUTES: Spec(
        "&Import minutes…",
        "&File",
        needs="writable",
        tip="Past minutes from Word (.docx) or plain text, in any house style",
    ),
    Cmd.DELETE_MEETING: Spec(
        "&Delete meeting…", "&File", hint="Del", icon="delete", needs="listed"
    ),
    Cmd.TRASH: Spec("T&rash…", "&File", tip="Deleted meetings, to restore"),
    Cmd.RESTORE_BACKUP: Spec(
        "Restore from &backup…", "&File", needs="writable", tip="Put an automatic backup back"
    ),
    Cmd.EXPORT_WORD: Spec(
        "Export &Word…", "&File", ("Ctrl+E",), icon="export-word", toolbar=True, needs="meeting"
    ),
    Cmd.EXPORT_PDF: Spec(
        "Export &PDF…", "&File", ("Ctrl+P",), icon="export-pdf", toolbar=True, needs="meeting"
    ),
    Cmd.EXPORT_HTML: Spec(
        "Export &HTML…", "&File", needs="meeting", tip="One web page for the council's website"
    ),
    Cmd.CLERK_NAME: Spec(
        "Your na&me on documents…", "&File", tip="The author named in exported minutes"
    ),
    Cmd.QUIT: Spec("&Quit", "&File", ("Ctrl+Q",)),
    Cmd.UNDO: Spec("&Undo", "&Edit", ("Ctrl+Z",), icon="undo", toolbar=True, needs="undo"),
    Cmd.REDO: Spec(
        "&Redo", "&Edit", ("Ctrl+Shift+Z", "Ctrl+Y"), icon="redo", toolbar=True, needs="redo"
    ),
    Cmd.SEARCH: Spec("&Search all meetings…", "&Edit", ("Ctrl+F",), icon="search", toolbar=True),
    Cmd.NEW_POINT: Spec("&New point", "&Point", hint="Enter", icon="new-point", needs="edit"),
    Cmd.INDENT: Spec(
        "Make &sub-point", "&Point", hint="Tab", icon="indent", toolbar=True, needs="point"
    ),
    Cmd.OUTDENT: Spec(
        "&Lift sub-point", "&Point", hint="Shift+Tab", icon="outdent", toolbar=True, needs="point"
    ),
    Cmd.MOVE_UP: Spec(
        "Move point &up", "&Point", hint="Alt+Up", icon="move-up", toolbar=True, needs="point"
    ),
    Cmd.MOVE_DOWN: Spec(
        "Move point &down",
        "&Point",
        hint="Alt+Down",
        icon="move-down",
        toolbar=True,
        needs="point",
    ),
    Cmd.DELETE_POINT: Spec(
        "&Delete point",
        "&Point",
        ("Ctrl+Shift+Backspace",),
        icon="delete",
        needs="point",
        tip="Backspace in an empty point deletes it too",
    ),
    Cmd.JOIN_ABOVE: Spec(
        "&Join with the point above",
        "&Point",
        hint="Backspace at the start",
        needs="point",
        tip="Its sub-points follow",
    ),
    Cmd.JOIN_BELOW: Spec(
        "Join the point &below", "&Point", hint="Delete at the end", needs="point"
    ),
    Cmd.TAG_ACTION: Spec(
        "&Tag action…", "&Point", ("Ctrl+T",), icon="action", toolbar=True, needs="point"
    ),
    Cmd.ACTION_DONE: Spec(
        "Action d&one", "&Point", ("Ctrl+Shift+D",), needs="action", checkable=True
    ),
    Cmd.NEW_ITEM: Spec(
        "&New agenda item…",
        "&Item",
        ("Ctrl+Return", "Ctrl+Enter"),
        icon="new-item",
        toolbar=True,
        needs="edit",
    ),
    Cmd.EDIT_ITEM: Spec(
        "&Edit item (title, number, exempt)…", "&Item", ("F2",), icon="edit-item", needs="item"
    ),
    Cmd.RESOLVED: Spec(
        "Add &RESOLVED…", "&Item", ("Ctrl+R",), icon="resolved", toolbar=True, needs="item"
    ),
    Cmd.ITEM_UP: Spec("Move item &up", "&Item", ("Ctrl+Alt+Up",), needs="item"),
    Cmd.ITEM_DOWN: Spec("Move item &down", "&Item", ("Ctrl+Alt+Down",), needs="item"),
    Cmd.DELETE_ITEM: Spec("&Delete item", "&Item", needs="item"),
    Cmd.MEETING_DETAILS: Spec(
        "Meeting &details…", "&Meeting", ("Ctrl+Shift+M",), icon="details", needs="edit"
    ),
    Cmd.ATTENDANCE: Spec(
        "&Attendance…",
        "&Meeting",
        ("Ctrl+Shift+A",),
        icon="attendance",
        toolbar=True,
        needs="edit",
    ),
    # Proceedings: arrivals and departures, the meeting's close, the press and public
    Cmd.MEMBER_MOVES: Spec(
        "Member arrives or &leaves…",
        "&Meeting",
        ("Ctrl+Shift+J",),
        needs="item",
        tip="At the current item, at the time now: the quorum follows",
    ),
    Cmd.CLOSE_MEETING: Spec(
        "&Close meeting (note the time)",
        "&Meeting",
        ("Ctrl+Shift+X",),
        needs="edit",
        tip="The meeting ended now; Meeting details changes the time",
    ),
    Cmd.EXCLUDE_PUBLIC: Spec(
        "E&xclude press and public…",
        "&Meeting",
        ("Ctrl+Shift+E",),  # not Ctrl+Alt: that is AltGr on European keyboards (AltGr+E, €)
        needs="item",
        tip="The resolution at this item; the items after it are exempt until readmission. "
        "Its RESOLVED row, clicked: Enter edits it, Delete removes it",
    ),
    Cmd.READMIT_PUBLIC: Spec(
        "&Readmit press and public",
        "&Meeting",
        ("Ctrl+Shift+B",),  # "back in": R, A and P are taken (records, attendance, preview)
        needs="item",
        tip="The press and public come back in before this item",
    ),
    Cmd.APPROVE: Spec(
        "A&pprove minutes…", "&Meeting", needs="draft", tip="Lock the minutes as approved"
    ),
    Cmd.AMEND: Spec(
        "Record a&mendment…",
        "&Meeting",
        needs="approved-point",
        tip="Change a point of approved minutes as agreed at a later meeting",
    ),
    Cmd.HISTORY: Spec("&History and revisions…", "&Meeting", needs="meeting"),
    Cmd.ACTIONS_PANEL: Spec("&Actions panel", "&View", ("F9",), checkable=True),
    Cmd.PREVIEW: Spec(
        "Print pre&view",
        "&View",
        ("Ctrl+Shift+P",),
        checkable=True,
        tip="The minutes as the PDF will print them, page by page, following your typing",
    ),
    Cmd.TRACKER: Spec(
        "Action &tracker", "&View", ("Ctrl+Shift+L",), icon="action", tip="Actions of every meeting"
    ),
    Cmd.FIRST_POINT: Spec("&First point", "Navig&ate", hint="Ctrl+Home", needs="meeting"),
    Cmd.LAST_POINT: Spec(
        "&Last point (back to where you were typing)",
        "Navig&ate",
        hint="Ctrl+End",
        needs="meeting",
        tip="After fixing an earlier point, one key takes you back to the end of the minutes",
    ),
    Cmd.PREVIOUS_ITEM: Spec("&Previous agenda item", "Navig&ate", hint="Ctrl+Up", needs="meeting"),
    Cmd.NEXT_ITEM: Spec("&Next agenda item", "Navig&ate", hint="Ctrl+Down", needs="meeting"),
    Cmd.PAGE_UP: Spec("A screen &up", "Navig&ate", hint="PageUp", needs="meeting"),
    Cmd.PAGE_DOWN: Spec("A screen &down", "Navig&ate", hint="PageDown", needs="meeting"),
    Cmd.GO_TO_ITEM: Spec(
        "&Go to agenda item…", "Navig&ate", ("Ctrl+G",), needs="meeting", tip="Type its number"
    ),
    Cmd.DECLARE_INTEREST: Spec(
        "Declare an &interest…",
        "&Item",
        ("Ctrl+Shift+I",),
        needs="item",
        tip="A member's declaration of interest at this item, completed over those present",
    ),
    Cmd.MOTION: Spec(
        "M&otion / vote…",
        "&Item",
        ("Ctrl+Shift+O",),
        needs="item",
        tip="A motion or amendment: mover, seconder, the vote; carried or lost worked out",
    ),
    Cmd.NAMED_VOTE: Spec(
        "Named (recorded) &vote…",
        "&Item",
        ("Ctrl+Shift+V",),
        needs="item",
        tip="On the item's latest motion: F for, A against, B abstain, N did not vote",
    ),
    Cmd.RECORDS: Spec(
        "Re&cords at this item…",
        "&Item",
        ("Ctrl+Shift+R",),
        needs="item",
        tip="Declarations, motions, arrivals and departures, the exclusion and readmission: "
        "pick one to edit (Enter) or remove (Delete); a double-click on its row does the same",
    ),
    Cmd.KEYS: Spec("&Keyboard shortcuts", "&Help", ("F1",), tip="Every key, printable"),
    Cmd.ABOUT: Spec("&About Clerk", "&Help"),
}

MENUS = ("&File", "&Edit", "Navig&ate", "&Point", "&Item", "&Meeting", "&View", "&Help")
_SEPARATE_BEFORE = {
    Cmd.QUIT,
    Cmd.SEARCH,
    Cmd.TAG_ACTION,
    Cmd.ITEM_UP,
    Cmd.DELETE_ITEM,
    Cmd.DELETE_MEETING,
    Cmd.EXPORT_WORD,
    Cmd.APPROVE,
    Cmd.PAGE_UP,
    Cmd.GO_TO_ITEM,
    Cmd.JOIN_ABOVE,
    Cmd.MEMBER_MOVES,
    Cmd.DECLARE_INTEREST,
}
_TOOLBAR_GROUPS = {Cmd.UNDO, Cmd.NEW_ITEM, Cmd.ATTENDANCE, Cmd.EXPORT_WORD}


class ActionRegistry:
    """The window's QActions, built from SPECS; menus and the toolbar are laid out from it."""

    def __init__(self, parent: QWidget) -> None:
        self.actions: dict[Cmd, QAction] = {}
        for cmd, spec in SPECS.items():
            action = QAction(icon(spec.icon) if spec.icon else icon(""), spec.text, parent)
            if spec.hint:
                action.setText(f"{spec.text}\t{spec.hint}")
            if spec.shortcuts:
                action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            keys = spec.hint or ", ".join(spec.shortcuts)
            tip = spec.text.replace("&", "").rstrip("…") + (f" ({keys})" if keys else "")
            action.setToolTip(tip + (f". {spec.tip}" if spec.tip else ""))
            action.setStatusTip(spec.tip or tip)
            action.setCheckable(spec.checkable)
            action.setObjectName(cmd.value)
            parent.addAction(action)  # shortcuts work even with the toolbar hidden
            self.actions[cmd] = action

    def __getitem__(self, cmd: Cmd) -> QAction:
        return self.actions[cmd]

    def connect(self, cmd: Cmd, slot: Callable[[], object]) -> None:
        self.actions[cmd].triggered.connect(lambda _checked=False: slot())

    def build_menus(self, bar: QMenuBar) -> None:
        menus = {name: bar.addMenu(name) for name in MENUS}
        for cmd, spec in SPECS.items():
            if cmd in _SEPARATE_BEFORE:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self.actions[cmd])

    def build_toolbar(self, toolbar: QToolBar) -> None:
        for cmd, spec in SPECS.items():
            if spec.toolbar:
                if cmd in _TOOLBAR_GROUPS:
                    toolbar.addSeparator()
                toolbar.addAction(self.actions[cmd])

    def update_enabled(self, can: Callable[[str], bool]) -> None:
        """Enable each action by asking the window whether its need is met."""
        for cmd, spec in SPECS.items():
            self.actions[cmd].setEnabled(can(spec.needs))
