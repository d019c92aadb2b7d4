"""The record rows of an item (declarations, motions, named votes, arrivals and departures,
the readmission, the exclusion's resolution) and the one table that says which flow edits and
removes each.

Three gestures reach a record: Ctrl+Shift+R's list, a click then Enter or Delete, and a
double-click.  All three go through ``routes`` here, so they cannot disagree, and a new
kind of record is one more line in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clerk_app.core.model import AgendaItem
from clerk_app.ui.capture.open_meeting import OpenMeeting
from clerk_app.ui.capture.record_keys import RecordKeys
from clerk_app.ui.capture.rows import Row, RowKind
from clerk_app.ui.dialogs.records_dialog import EDIT, REMOVE, VOTE, RecordsDialog
from clerk_app.ui.flows.procedure import NO_ITEM, ProcedureFlow
from clerk_app.ui.flows.proceedings import ProceedingsFlow
from clerk_app.ui.shell.port import Shell

Handler = Callable[[Row], None]


@dataclass(frozen=True)
class Route:
    what: str  # "Motion": the list says what each entry is
    many: str  # "motions": what an empty list would have held
    edit: Handler
    remove: Handler


def routes(procedure: ProcedureFlow, proceedings: ProceedingsFlow) -> dict[RowKind, Route]:
    """Every kind of record row and its handlers (the list's order is the screen's, read
    from the rows; this order only words "nothing")."""
    p, q = procedure, proceedings
    return {
        RowKind.DECLARATION: Route("Declaration", "declarations", p.edit_record, p.remove_record),
        RowKind.MOTION: Route("Motion", "motions", p.edit_record, p.remove_record),
        RowKind.NAMED_VOTE: Route("Named vote", "named votes", p.edit_record, p.remove_record),
        RowKind.MOVEMENT: Route(
            "Arrival or departure", "arrivals or departures", q.edit_movement, q.remove_movement
        ),
        RowKind.EXCLUSION: Route("Exclusion", "exclusion", q.edit_exclusion, q.remove_exclusion),
        RowKind.READMITTED: Route(
            "Readmission",
            "readmission of the press and public",
            q.move_readmission,
            q.remove_readmission,
        ),
    }


def section(rows: list[Row], item: AgendaItem) -> list[Row]:
    """The rows under ``item``'s heading, up to the next item's (under "Declarations of
    interest" they include every declaration of the meeting)."""
    start = next(i for i, r in enumerate(rows) if r.kind is RowKind.ITEM and r.item is item)
    end = next((i for i, r in enumerate(rows) if i > start and r.kind is RowKind.ITEM), len(rows))
    return rows[start + 1 : end]


def nothing_here(kinds: list[Route]) -> str:
    """ "Nothing recorded at this item yet: no declarations, motions, ..., or exclusion of
    the press and public", from the table, so a new kind is named with the rest."""
    names = [route.many for route in kinds]
    listed = f"{', '.join(names[:-1])}, or {names[-1]}" if len(names) > 1 else names[0]
    return f"Nothing recorded at this item yet: no {listed}"


class RecordsFlow:
    def __init__(
        self, shell: Shell, procedure: ProcedureFlow, proceedings: ProceedingsFlow
    ) -> None:
        self.shell = shell
        self.procedure = procedure
        self.routes = routes(procedure, proceedings)

    def attach(self, open_: OpenMeeting) -> RecordKeys:
        """Enter and Delete on a record row selected with a click."""
        keys = RecordKeys(open_.view, tuple(self.routes), self.shell.say)
        keys.edit.connect(self.edit)
        keys.remove.connect(self.remove)
        return keys

    def edit(self, row: Row) -> None:
        route = self.routes.get(row.kind)
        if route is not None:
            route.edit(row)

    def remove(self, row: Row) -> None:
        route = self.routes.get(row.kind)
        if route is not None:
            route.remove(row)

    def edit_row(self, _target: str, row: Row) -> None:
        """A double-click on a row: a record's opens its editor (other rows are not ours)."""
        self.edit(row)

    def records(self) -> None:
        """Ctrl+Shift+R: every record row of the current item, to edit or remove one."""
        current = self.shell.current
        if current is None or current.locked:
            return
        item = current.view.current_item
        if item is None:
            self.shell.say(NO_ITEM)
            return
        rows = [r for r in section(current.view.rows, item) if r.kind in self.routes]
        if not rows:
            self.shell.say(nothing_here(list(self.routes.values())))
            return
        heading = next(r for r in current.view.rows if r.kind is RowKind.ITEM and r.item is item)
        where = f"{heading.label} {item.title or '(untitled item)'}".strip()
        dialog = RecordsDialog(
            where,
            [f"{self.routes[row.kind].what}: {row.text}" for row in rows],
            [row.kind in (RowKind.MOTION, RowKind.NAMED_VOTE) for row in rows],
            parent=self.shell.widget,
        )
        if not self.shell.run_dialog(dialog):
            self.shell.refocus()
            return
        row = rows[dialog.index]
        if dialog.action == EDIT:
            self.edit(row)
        elif dialog.action == REMOVE:
            self.remove(row)
        elif dialog.action == VOTE:
            self.procedure.vote_on(row)
