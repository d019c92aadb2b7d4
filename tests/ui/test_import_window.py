"""File > Import minutes… and File > New meeting from agenda… in the real window: the file
chosen, the new meeting on screen and saved, every warning listed for the clerk."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtWidgets import QDialog, QMessageBox

from clerk_app.core.model import Role
from clerk_app.importing.agenda import DRAFT_MARK
from clerk_app.ui.shell.command_registry import Cmd
from clerk_app.ui.shell.main_window import MainWindow
from tests.ui.helpers import reload

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _record(shown: list[QMessageBox]):  # type: ignore[no-untyped-def]
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, QMessageBox)
        shown.append(dialog)
        return True

    return run


def test_import_house_style_minutes_from_the_file_menu(window: MainWindow, db_path: Path) -> None:
    shown: list[QMessageBox] = []
    window.run_dialog = _record(shown)
    chosen = FIXTURES / "text" / "house" / "parish-bare-numbers.txt"
    window.choose_open_path = lambda *_args: str(chosen)
    window.registry[Cmd.IMPORT_MINUTES].trigger()
    loaded = window.loaded
    assert loaded is not None
    on_screen = loaded.meeting
    assert [i.number for i in on_screen.items][:3] == ["1358", "1359", "1360"]
    # The clerk's address line was not understood: listed by its line number.
    assert len(shown) == 1 and "line 2: could not understand" in shown[0].detailedText()
    assert on_screen.id is not None
    saved = reload(db_path, on_screen.id)
    assert saved.council == "ASHCOMBE PARISH COUNCIL"
    clerk = next(a for a in saved.attendees if a.name == "Mrs P Lane")
    assert (clerk.role, clerk.job_title) == (Role.OFFICER, "Locum Clerk")
    assert "Imported parish-bare-numbers.txt" in window.statusBar().currentMessage()


def test_a_file_that_cannot_be_read_is_explained_and_nothing_changes(
    window: MainWindow, tmp_path: Path
) -> None:
    shown: list[QMessageBox] = []
    window.run_dialog = _record(shown)
    before = window.loaded.meeting.id if window.loaded else None
    broken = tmp_path / "minutes.docx"
    broken.write_bytes(b"not a zip at all")
    window.choose_open_path = lambda *_args: str(broken)
    window.registry[Cmd.IMPORT_MINUTES].trigger()
    assert len(shown) == 1 and "is not a Word (.docx) document" in shown[0].text()
    assert (window.loaded.meeting.id if window.loaded else None) == before


def test_new_meeting_from_an_agenda(window: MainWindow, db_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.docx"
    document = docx.Document()
    for line in (
        (FIXTURES / "agendas" / "district-planning-front-sheet.txt")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        document.add_paragraph(line)
    document.save(str(agenda))
    window.run_dialog = _record([])
    window.choose_open_path = lambda *_args: str(agenda)
    window.registry[Cmd.NEW_FROM_AGENDA].trigger()
    loaded = window.loaded
    assert loaded is not None and loaded.meeting.id is not None
    assert loaded.meeting.committee == "Planning Committee"
    saved = reload(db_path, loaded.meeting.id)
    assert [i.pages for i in saved.items] == ["", "", "5-12", "53-114", "115-120"]
    assert saved.items[3].decisions[0].preamble.startswith(DRAFT_MARK)
