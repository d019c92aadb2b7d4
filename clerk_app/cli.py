"""The command line: the stable contract of DESIGN.md, over the same services as the window.

Exit 0 on success; 2 with one line on stderr for bad input or an unusable file.  Heavy modules
(Qt, Alembic, the exporters) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeVar

from clerk_app import __version__
from clerk_app.core.procedure.quorum import describe as describe_quorum
from clerk_app.services.errors import (
    DatabaseError,
    StorageUnavailable,
    UnknownMeetingError,
    resolve_database_path,
)
from clerk_app.services.meeting_ids import parse_meeting_id

_Done = TypeVar("_Done")

if TYPE_CHECKING:
    from clerk_app.core.action_entries import ActionEntry
    from clerk_app.core.procedure.bodies import Body
    from clerk_app.services.database import Database
    from clerk_app.services.pdf_ahead import PdfAhead

# The store's services (and with them SQLAlchemy, a quarter of a second) are imported by the
# commands that use them: an export to PDF begins laying out before they have loaded.


class UsageError(Exception):
    """Bad input from the person at the keyboard; ``str()`` is the one-line message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage; one line naming the problem is what a script wants.
        raise UsageError(f"{message} (see clerk-app --help)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"bad date {text!r}: expected YYYY-MM-DD, for example 2024-05-21"
        ) from None


def _limit(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"{count} hits: give 1 or more") from None
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clerk-app", description="Minutes for council committees.")
    parser.add_argument("--version", action="version", version=f"clerk-app {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: $CLERK_DB or the user data folder)"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("open", help="open the window on a meeting, ready to type")
    p.add_argument("meeting", metavar="MEETING")

    p = sub.add_parser(
        "import", help="import minutes (plain text or Word .docx); prints the new meeting's id"
    )
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--committee", metavar="NAME")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_date)

    p = sub.add_parser(
        "new-from-agenda",
        help="a new meeting from a published agenda (.docx or .pdf); prints its id",
    )
    p.add_argument("file", metavar="AGENDA", type=Path)
    p.add_argument("--committee", metavar="NAME")
    p.add_argument("--date", metavar="YYYY-MM-DD", type=_date)

    p = sub.add_parser("list", help="meetings, newest first")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="export a meeting to .docx, .pdf, .html or .txt")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--to", metavar="PATH", type=Path, required=True)
    p.add_argument(
        "--template",
        metavar="FILE",
        type=Path,
        help="Word reference template (.docx or .dotx); default: the body's",
    )
    p.add_argument(
        "--pdf-template",
        metavar="FILE",
        type=Path,
        help="Typst template for the PDF (.typ); default: the body's",
    )
    p.add_argument("--confidential", action="store_true", help="include exempt items")
    p.add_argument("--action-log", action="store_true", help="add the action log as an appendix")

    p = sub.add_parser("search", help="search all meetings")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=_limit, default=50, help="at most this many hits (default 50)")
    p.add_argument("--committee", metavar="WORDS", help="only committees whose name has WORDS")
    p.add_argument("--year", metavar="YEAR", help="only meetings in YEAR (2024 or 2022-2024)")
    p.add_argument("--decisions", action="store_true", help="only hits in decisions")
    p.add_argument("--open-actions", action="store_true", help="only points with open actions")
    _scope_options(p)

    p = sub.add_parser("backup", help="take a backup of the database now")
    p.add_argument(
        "--keep-days",
        type=int,
        metavar="N",
        help="then delete backups older than N days (the newest is always kept)",
    )
    p = sub.add_parser("backups", help="list the automatic backups, newest first")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("restore", help="put a backup in place of the database (kept aside)")
    p.add_argument("backup", metavar="BACKUP", type=Path)

    p = sub.add_parser("actions", help="the action log across meetings")
    p.add_argument("--open", action="store_true", help="only actions not yet done")
    p.add_argument("--json", action="store_true")
    p.add_argument("--owner", metavar="NAME", help="only actions owned by NAME (part of it)")
    p.add_argument("--committee", metavar="NAME", help="only this committee's actions")
    p.add_argument("--overdue", action="store_true", help="only open actions past their due date")
    p.add_argument("--csv", action="store_true", help="print CSV for a spreadsheet")
    _scope_options(p)
    _body_commands(sub)
    return parser


def _month(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise argparse.ArgumentTypeError(f"bad month {text!r}: give 1 to 12 (5 is May)")
    return int(text)


def _body_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = sub.add_parser("bodies", help="the council's bodies and their house style")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("body", help="set up a body (committee, council...) or change its style")
    p.add_argument("name")
    p.add_argument("--kind", help="council, committee, panel or 'parish council'")
    p.add_argument("--numbering", help="'as typed', 'per meeting' or continuous")
    p.add_argument("--pattern", help="minute reference: {n}, {n:3}, {yy}, {yyyy}: '{yy}/{n}'")
    p.add_argument("--year-start", type=_month, metavar="MONTH", help="council year (5: May)")
    p.add_argument("--labels", help="point labels: a. (a) a) 1) 8.1")
    p.add_argument("--quorum", help="a number (3) or a share: '1/3, at least 3'")
    p.add_argument("--exclusion", help="england, parish or custom wording")
    p.add_argument("--exclusion-text", metavar="TEXT", help="the body's own exclusion wording")
    p.add_argument(
        "--word-template", metavar="FILE", help="Word reference template (.docx/.dotx); 'default'"
    )
    p.add_argument("--pdf-template", metavar="FILE", help="Typst template for the PDF; 'default'")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("declarations", help="declarations of interest across meetings")
    p.add_argument("--member", metavar="NAME", help="only declarations by NAME (part of it)")
    p.add_argument("--json", action="store_true")
    _scope_options(p)
    p = sub.add_parser("attendance", help="members' attendance, with six-month-rule warnings")
    p.add_argument("--member", metavar="NAME", help="only members called NAME (part of it)")
    p.add_argument("--since", type=_date, metavar="DATE", help="only meetings from DATE")
    p.add_argument("--on", type=_date, metavar="DATE", help="judge the six months on DATE")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("member", help="seat a member on a body")
    p.add_argument("body")
    p.add_argument("name")
    p.add_argument("--role", default="member", help="chair, vice-chair, member, co-opted...")
    p.add_argument("--non-voting", action="store_true")
    p.add_argument("--since", type=_date, metavar="DATE")
    p.add_argument("--until", type=_date, metavar="DATE")


def _scope_options(p: argparse.ArgumentParser) -> None:
    """Public unless asked: exempt items are left out unless ``--confidential``."""
    scope = p.add_mutually_exclusive_group()
    scope.add_argument(
        "--confidential", action="store_true", help="include exempt (confidential) items"
    )
    # --public was once needed to leave exempt items out; scripts that pass it keep working.
    scope.add_argument(
        "--public", action="store_true", help="leave out exempt items (the default; no effect)"
    )


def _emit_json(document: object, out: TextIO) -> None:
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_import(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.importing import MinutesFileError, import_minutes

    try:
        imported = import_minutes(db, args.file, committee=args.committee, date=args.date)
    except MinutesFileError as exc:
        raise UsageError(str(exc)) from exc
    for warning in imported.warnings:
        err.write(f"clerk-app: warning: {args.file}: {warning}\n")
    out.write(f"{imported.meeting_id}\n")
    return 0


def cmd_new_from_agenda(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.importing import MinutesFileError, new_meeting_from_agenda

    try:
        made = new_meeting_from_agenda(db, args.file, committee=args.committee, date=args.date)
    except MinutesFileError as exc:
        raise UsageError(str(exc)) from exc
    for warning in made.warnings:
        err.write(f"clerk-app: warning: {args.file}: {warning}\n")
    out.write(f"{made.meeting_id}\n")
    return 0


def cmd_list(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services import meetings

    rows = meetings.list_meetings(db, count_points=args.json)
    if args.json:
        _emit_json(
            [
                {
                    "id": r.id,
                    "date": r.date.isoformat(),
                    "committee": r.committee,
                    "council": r.council,
                    "status": r.status.value,
                    "items": r.items,
                    "points": r.points,
                }
                for r in rows
            ],
            out,
        )
        return 0
    for r in rows:
        out.write(
            f"{r.id:>5}  {r.date.isoformat()}  {r.status.value:<8}  "
            f"{r.items:>3} items  {r.committee}\n"
        )
    if not rows:
        err.write("clerk-app: no meetings yet; import some with 'clerk-app import FILE'\n")
    return 0


def _warn(err: TextIO, message: str) -> None:
    err.write(f"clerk-app: warning: {message}\n")


def cmd_export(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.app import clerk_name_setting
    from clerk_app.services.exporting import Exported, export_minutes, record_circulated

    def warn(message: str) -> None:
        # A template that cannot be used is not fatal: the plain style is used, and said.
        _warn(err, message)

    def export() -> Exported:
        return export_minutes(
            db,
            parse_meeting_id(args.meeting),
            args.to,
            confidential=args.confidential,
            action_log=args.action_log,
            author=clerk_name_setting(),
            template=args.template,
            warn=warn,
            pdf_template=args.pdf_template,
        )

    exported = _exporting(args.to, err, export)
    if isinstance(exported, int):
        return exported
    # A separate step: the file is written whatever happens to the history's note of it.
    warning = record_circulated(db, exported)
    if warning is not None:
        _warn(err, warning)
    out.write(f"{exported.path}\n")
    return 0


def _export_ahead(ahead: PdfAhead, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``export`` to PDF by services/pdf_ahead.py: written, and a draft noted as circulated,
    without SQLAlchemy; the same messages as the usual path (ExportError, a stop, warnings)."""
    from clerk_app.services.pdf_ahead import finish_pdf

    database, _ = resolve_database_path(args.db)
    finished = _exporting(args.to, err, lambda: finish_pdf(ahead, database, args.to))
    if isinstance(finished, int):
        return finished
    for warning in finished.warnings:
        _warn(err, warning)
    out.write(f"{finished.path}\n")
    return 0


def _exporting(to: Path, err: TextIO, export: Callable[[], _Done]) -> _Done | int:
    """``export()``'s result, or the exit code when it was refused or stopped (said on err)."""
    from clerk_app.services.export_rules import ExportError
    from clerk_app.services.stopping import Stopped, stop_cleanly

    try:
        with stop_cleanly():  # SIGTERM/SIGHUP: the part file is removed, not left hidden
            return export()
    except ExportError as exc:
        raise UsageError(str(exc)) from exc
    except Stopped as stop:
        err.write(f"clerk-app: export to {to} stopped by {stop.name}\n")
        return stop.exit_code


def cmd_search(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.searching import QuerySyntaxError, search

    # The options are the filter words of the query ("year:2024", "resolved"), said apart.
    words = [args.query]
    if args.committee:
        words.append('committee:"{}"'.format(args.committee.replace('"', "")))
    if args.year:
        words.append(f"year:{args.year}")
    words += ["decisions"] * args.decisions + ["actions:open"] * args.open_actions
    try:
        hits = search(db, " ".join(words), limit=args.limit, include_exempt=args.confidential)
    except QuerySyntaxError as exc:
        raise UsageError(f"cannot search for {args.query!r}: {exc}") from exc
    if args.json:
        _emit_json(
            [
                {
                    "meeting": h.meeting_id,
                    "meeting_date": h.meeting_date.isoformat(),
                    "committee": h.committee,
                    "kind": h.kind,
                    "item": h.item_number,
                    "item_title": h.item_title,
                    "point": h.label,
                    "snippet": h.snippet,
                }
                for h in hits
            ],
            out,
        )
        return 0
    for h in hits:
        where = " ".join(filter(None, [h.item_number or h.item_title, h.label]))
        out.write(f"{h.meeting_id:>5}  {h.meeting_date.isoformat()}  {h.committee}  {where}\n")
        out.write(f"       {h.snippet}\n")
    if not hits:
        err.write(f"clerk-app: nothing found for {args.query!r}\n")
    return 0


def _action_json(entry: ActionEntry) -> dict[str, object]:
    return {
        "meeting": entry.meeting_id,
        "meeting_date": entry.meeting_date.isoformat(),
        "committee": entry.committee,
        "item": entry.item_number,
        "item_title": entry.item_title,
        "point": entry.label,
        "owners": list(entry.owners),
        "due": entry.due.isoformat() if entry.due else None,
        "status": "done" if entry.done else "open",
        "done_on": entry.done_on.isoformat() if entry.done_on else None,
        "text": entry.text,
    }


def cmd_actions(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.action_tracker import action_log, to_csv

    entries = action_log(
        db,
        open_only=args.open,
        owner=args.owner,
        committee=args.committee,
        overdue_on=dt.date.today() if args.overdue else None,
        include_exempt=args.confidential,
    )
    if args.csv:
        out.write(to_csv(entries))
        return 0
    if args.json:
        _emit_json([_action_json(e) for e in entries], out)
        return 0
    for e in entries:
        due = f" due {e.due.isoformat()}" if e.due else ""
        status = "done" if e.done else "open"
        item = e.item_number or e.item_title
        out.write(
            f"{e.meeting_date.isoformat()}  {e.committee}  {item} {e.label}  "
            f"{'/'.join(e.owners)}{due}  [{status}]\n"
        )
    return 0


def cmd_backup(db_path: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.safety import prune_backups, take_backup

    if args.keep_days is not None and args.keep_days < 1:
        raise UsageError("--keep-days must be 1 or more")
    out.write(f"{take_backup(db_path)}\n")
    if args.keep_days is not None:
        for removed in prune_backups(db_path, keep_days=args.keep_days):
            err.write(f"clerk-app: removed old backup {removed}\n")
    return 0


def cmd_backups(db_path: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.safety import list_backups

    found = list_backups(db_path)
    if args.json:
        _emit_json(
            [
                {"path": str(b.path), "taken_at": b.taken_at.isoformat(), "size": b.size}
                for b in found
            ],
            out,
        )
        return 0
    for b in found:
        out.write(f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {b.size:>10}  {b.path}\n")
    if not found:
        err.write(f"clerk-app: no backups of {db_path} yet\n")
    return 0


def cmd_restore(db_path: Path, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.safety import restore

    kept = restore(db_path, args.backup)
    out.write(f"restored {args.backup} into {db_path}; the replaced file is kept as {kept}\n")
    return 0


_FILE_COMMANDS: dict[str, Callable[[Path, argparse.Namespace, TextIO, TextIO], int]] = {
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore": cmd_restore,
}


def _damaged_hint(path: Path) -> str:
    """What to do about a database that cannot be opened: the newest backup, if any."""
    from clerk_app.services.safety import list_backups

    found = list_backups(path)
    if not found:
        return ""
    newest = found[0].path
    return f"; the newest backup is {newest}: restore it with 'clerk-app restore {newest}'"


def _body_json(body: Body) -> dict[str, object]:
    return {
        "name": body.name,
        "kind": body.kind.value,
        "numbering": body.numbering.mode.value,
        "pattern": body.numbering.pattern,
        "year_start_month": body.numbering.year_start_month,
        "labels": body.label_style.value,
        "quorum": describe_quorum(body.quorum),
        "exclusion": body.exclusion_law.value,
        "exclusion_text": body.exclusion_text,
        "word_template": body.word_template,
        "pdf_template": body.pdf_template,
        "members": [
            {
                "name": m.name,
                "role": m.role.value,
                "voting": m.voting,
                "since": m.since.isoformat() if m.since else None,
                "until": m.until.isoformat() if m.until else None,
            }
            for m in body.members
        ],
    }


def _template_shown(path: str) -> str:
    """Where a body's template is found from this database (a template kept beside it moves
    with it), and a plain warning when nothing is there: its exports use Clerk's own."""
    if Path(path).is_file():
        return path
    return f"{path} (not there: Clerk's default is used)"


def _body_line(body: Body) -> str:
    style = body.numbering.mode.value
    if body.numbering.mode.value != "as typed":
        style += f" {body.numbering.pattern}"
    templates = "".join(
        f"; {kind} template {_template_shown(path)}"
        for kind, path in (("Word", body.word_template), ("PDF", body.pdf_template))
        if path
    )
    return (
        f"{body.name}  ({body.kind.value}; {style}; quorum {describe_quorum(body.quorum)};"
        f" {len(body.members)} members{templates})\n"
    )


def cmd_bodies(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services import bodies

    found = bodies.list_bodies(db)
    if args.json:
        _emit_json([_body_json(b) for b in found], out)
    else:
        out.writelines(_body_line(b) for b in found)
    return 0


def cmd_body(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services import bodies

    try:
        body = bodies.set_up_body(
            db,
            args.name,
            kind=args.kind,
            numbering=args.numbering,
            pattern=args.pattern,
            year_start_month=args.year_start,
            labels=args.labels,
            quorum=args.quorum,
            exclusion=args.exclusion,
            exclusion_text=args.exclusion_text,
            word_template=args.word_template,
            pdf_template=args.pdf_template,
        )
    except bodies.BodySettingError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        _emit_json(_body_json(body), out)
    else:
        out.write(_body_line(body))
    return 0


def cmd_member(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services import bodies

    try:
        body = bodies.add_member(
            db,
            args.body,
            args.name,
            role=args.role,
            voting=not args.non_voting,
            since=args.since,
            until=args.until,
        )
    except (bodies.BodySettingError, bodies.UnknownBodyError) as exc:
        raise UsageError(str(exc)) from exc
    out.write(_body_line(body))
    return 0


def cmd_declarations(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.declarations import register

    entries = register(db, member=args.member, include_exempt=args.confidential)
    if args.json:
        _emit_json(
            [
                {
                    "meeting": e.meeting_id,
                    "meeting_date": e.date.isoformat(),
                    "committee": e.committee,
                    "item": e.item_number,
                    "item_title": e.item_title,
                    "member": e.declaration.member,
                    "kind": e.declaration.kind,
                    "nature": None if e.declaration.sensitive else e.declaration.nature,
                    "sensitive": e.declaration.sensitive,
                    "conduct": e.declaration.conduct.value,
                }
                for e in entries
            ],
            out,
        )
        return 0
    for e in entries:
        nature = "sensitive" if e.declaration.sensitive else e.declaration.nature
        where = " ".join(filter(None, [e.item_number, e.item_title]))
        out.write(
            f"{e.date.isoformat()}  {e.committee}  {where}: {e.declaration.member}, "
            f"{e.declaration.kind}{f' ({nature})' if nature else ''}, "
            f"{e.declaration.conduct.value}\n"
        )
    if not entries:
        err.write("clerk-app: no declarations of interest recorded\n")
    return 0


def cmd_attendance(db: Database, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from clerk_app.services.attendance import attendance

    on = args.on or dt.date.today()
    records = attendance(db, member=args.member, since=args.since)
    if args.json:
        _emit_json(
            [
                {
                    "member": r.name,
                    "meetings": r.meetings,
                    "attended": r.attended,
                    "apologies": r.apologies,
                    "last_attended": r.last_attended.isoformat() if r.last_attended else None,
                    "warning": r.warning(on) or None,
                }
                for r in records
            ],
            out,
        )
    else:
        for r in records:
            last = r.last_attended.isoformat() if r.last_attended else "never"
            out.write(
                f"{r.name}: attended {r.attended} of {r.meetings}, apologies {r.apologies},"
                f" last attended {last}\n"
            )
    for r in records:
        if r.warning(on):
            _warn(err, r.warning(on))
    if not records:
        err.write("clerk-app: no attendance recorded\n")
    return 0


_COMMANDS: dict[str, Callable[[Database, argparse.Namespace, TextIO, TextIO], int]] = {
    "attendance": cmd_attendance,
    "bodies": cmd_bodies,
    "declarations": cmd_declarations,
    "body": cmd_body,
    "member": cmd_member,
    "import": cmd_import,
    "new-from-agenda": cmd_new_from_agenda,
    "list": cmd_list,
    "export": cmd_export,
    "search": cmd_search,
    "actions": cmd_actions,
}


_READ_ONLY_COMMANDS = frozenset(
    {"list", "search", "actions", "bodies", "declarations", "attendance"}
)


def _window(args: argparse.Namespace) -> int:
    _RUNS["window"] = True
    meeting_id = None
    if args.command == "open":
        try:
            meeting_id = parse_meeting_id(args.meeting)
        except UnknownMeetingError as exc:
            sys.stderr.write(f"clerk-app: {exc}\n")
            return 2
    path, is_default = resolve_database_path(args.db)
    from clerk_app.app import run_window

    return run_window(db_path=path, create_folder=is_default, meeting_id=meeting_id)


def _begin_pdf(args: argparse.Namespace) -> PdfAhead | None:
    """An export to PDF: the meeting read without SQLAlchemy and Typst laying it out on the
    other core (see services/pdf_ahead.py).  None when that cannot be done: the usual path
    then does everything, and says what is wrong, if anything."""
    from clerk_app.app import clerk_name_setting
    from clerk_app.services.pdf_ahead import begin_pdf

    try:
        meeting_id = parse_meeting_id(args.meeting)
    except UnknownMeetingError:
        return None
    path, _ = resolve_database_path(args.db)
    return begin_pdf(
        path,
        meeting_id,
        args.to,
        confidential=args.confidential,
        action_log=args.action_log,
        author=clerk_name_setting(),
        template=args.pdf_template,
    )


def _open_database(explicit: str | None, *, read_only: bool, create: bool) -> Database:
    """Open the database, waiting while another process creates or migrates the same file."""
    path, _ = resolve_database_path(explicit)
    if path.exists() and not path.is_dir() and not path.is_file():
        # A FIFO or a device would hang or fail deep inside SQLite: say what it is instead.
        raise UsageError(f"{path} is not a database file (it is a pipe, socket or device)")
    from clerk_app.services import meetings
    from clerk_app.services.database import creation_race

    delay, deadline = 0.05, time.monotonic() + _CREATION_WAIT
    while True:
        try:
            return meetings.open_db(explicit, read_only=read_only, create=create)
        except Exception as exc:
            # Parallel first use: another process is creating the tables this one tried to.
            if not creation_race(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


_CREATION_WAIT = 30.0  # seconds: eighteen parallel first imports settle well within this


def _open_problem(exc: DatabaseError) -> str:
    """The message for a database that cannot be opened, naming a read-only folder as such."""
    path = exc.path
    if "unable to open database file" in str(exc) and not os.access(path.parent, os.W_OK):
        # SQLite must make its -wal and -shm files beside a WAL database, even to read it.
        return (
            f"cannot open {path}: its folder {path.parent} is read-only, and Clerk needs to"
            " write beside the file; copy the database to a folder you can write to"
        )
    return f"{exc}{_damaged_hint(path)}"


def _run(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        err.write(f"clerk-app: {exc}\n")
        return 2
    if args.command in (None, "open"):
        return _window(args)
    if args.command in _FILE_COMMANDS:
        # These work on the file itself, so they must work when it cannot be opened.
        path, _ = resolve_database_path(args.db)
        try:
            return _FILE_COMMANDS[args.command](path, args, out, err)
        except (DatabaseError, UsageError) as exc:
            err.write(f"clerk-app: {exc}\n")
            return 2
    if args.command == "export":
        ahead = _begin_pdf(args)
        if ahead is not None:  # a PDF of a meeting the quick reader could read: no SQLAlchemy
            try:
                return _export_ahead(ahead, args, out, err)
            except UsageError as exc:
                err.write(f"clerk-app: {exc}\n")
                return 2
    try:
        # Commands that only read open the file read-only: they never create, upgrade or
        # change a file (an older file must be upgraded by a command that writes first).
        db = _open_database(
            args.db,
            read_only=args.command in _READ_ONLY_COMMANDS,
            # Only importing or setting up a body has a use for a new database.
            create=args.command in ("import", "new-from-agenda", "body"),
        )
    except UsageError as exc:
        err.write(f"clerk-app: {exc}\n")
        return 2
    except DatabaseError as exc:
        err.write(f"clerk-app: {_open_problem(exc)}\n")
        return 2
    try:
        return _COMMANDS[args.command](db, args, out, err)
    except (UsageError, UnknownMeetingError) as exc:
        err.write(f"clerk-app: {exc}\n")
        return 2
    finally:
        db.close()


def _os_problem(exc: OSError) -> str:
    if exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror.lower()}"
    return str(exc) or type(exc).__name__


def _silence(out: TextIO) -> None:
    """After a closed pipe: what is still buffered goes nowhere, quietly, at exit."""
    try:
        descriptor = out.fileno()
    except (OSError, ValueError):
        return  # not a real file (a test's StringIO): nothing is flushed at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; never a traceback for the clerk.

    Bad input and the environment's faults (a full disk, a read-only file) are one line and
    exit 2; a closed pipe ends quietly as Unix tools do; Ctrl+C is exit 130; anything else is
    a bug: one line naming the log its traceback went to, and exit 1.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        code = _run(argv, out, err)
        out.flush()  # a reader that went away shows here, not as a traceback at exit
        return code
    except BrokenPipeError:
        _silence(out)
        return _BROKEN_PIPE
    except KeyboardInterrupt:
        err.write("clerk-app: interrupted; nothing was left half-written\n")
        return 130
    except StorageUnavailable as exc:
        err.write(f"clerk-app: {exc}\n")
        return 2
    except OSError as exc:
        err.write(f"clerk-app: {_os_problem(exc)}\n")
        return 2
    except Exception as exc:
        from clerk_app.services.database import environment_fault

        fault = environment_fault(exc)
        if fault is not None:
            err.write(f"clerk-app: the database cannot be used: {fault}\n")
            return 2
        from clerk_app.services.error_log import log_exception

        log = log_exception(exc, list(sys.argv[1:] if argv is None else argv))
        where = f"details in {log}" if log else "no log could be written"
        summary = (str(exc).splitlines() or [""])[0][:200]
        err.write(f"clerk-app: internal error: {type(exc).__name__}: {summary}; {where}\n")
        return 1


_BROKEN_PIPE = 141  # 128 + SIGPIPE: what the shell reports for a Unix tool cut off by head
_RUNS = {"window": False}  # whether this process opened the window (run's exit depends on it)


def run() -> NoReturn:
    """The ``clerk-app`` program: :func:`main`, then, after a command, a quick exit.

    By the time a command returns, its database is closed and its files are written, flushed
    and renamed into place; all that is left is Python taking apart every module it loaded
    (SQLAlchemy's, Typst's), about a tenth of a second a clerk or a script waits for nothing.
    So the process ends there, once what it printed is flushed.  After the window, the exit is
    the ordinary one: Qt writes its settings as it closes.
    """
    quick_exit(main())


def quick_exit(code: int) -> NoReturn:
    """End the process with ``code`` after :func:`main` returned it (see :func:`run`)."""
    if _RUNS["window"]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (main already said so) or a closed stream
    os._exit(code)


if __name__ == "__main__":
    run()
