"""The export dispatcher: suffixes, atomic replacement, messages for the environment's faults."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest

from clerk_app.core.model import Status
from clerk_app.export.files import ExportError, export_actions, export_meeting
from tests.export.minutes_factory import SECRETS, sample_meeting


def _left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("name", ["m.docx", "m.DOCX", "m.Pdf", "m.PDF"])
def test_suffix_chooses_format_case_insensitively(tmp_path, name):
    written = export_meeting(sample_meeting(), tmp_path / name)
    assert written == tmp_path / name
    head = written.read_bytes()[:4]
    assert head == (b"%PDF" if name.lower().endswith(".pdf") else b"PK\x03\x04")  # zip: .docx


@pytest.mark.parametrize("name", ["minutes.odt", "minutes", "minutes.doc"])
def test_unsupported_suffix_names_the_supported_ones(tmp_path, name):
    with pytest.raises(ExportError) as caught:
        export_meeting(sample_meeting(), tmp_path / name)
    message = str(caught.value)
    assert name in message and ".docx, .pdf or .html" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["minutes.odt", "minutes"])
def test_the_service_names_every_format_it_writes(db, tmp_path, name):
    from clerk_app.services import meetings
    from clerk_app.services.exporting import export_minutes

    meeting_id = meetings.create_meeting(db, sample_meeting())
    with pytest.raises(ExportError) as caught:
        export_minutes(db, meeting_id, tmp_path / name)
    assert ".docx, .pdf, .html or .txt" in str(caught.value)


FORBIDDEN_NAMES = ["a<b.pdf", "a>b.docx", "what?.pdf", "star*.pdf", "pipe|.pdf", 'quote".pdf',
                   "colon:.pdf", "CON.pdf", "trailing..pdf "]  # fmt: skip


@pytest.mark.parametrize("name", FORBIDDEN_NAMES)
def test_names_windows_forbids_are_refused(tmp_path, name):
    with pytest.raises(ExportError) as caught:
        export_meeting(sample_meeting(), tmp_path / name)
    assert "choose another" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder(tmp_path):
    with pytest.raises(ExportError, match="does not exist; create it or choose another"):
        export_meeting(sample_meeting(), tmp_path / "nowhere" / "m.pdf")


def test_parent_is_a_file(tmp_path):
    (tmp_path / "plain").write_text("not a folder")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export_meeting(sample_meeting(), tmp_path / "plain" / "m.docx")


def test_target_is_a_folder(tmp_path):
    (tmp_path / "m.pdf").mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        export_meeting(sample_meeting(), tmp_path / "m.pdf")


def test_name_too_long(tmp_path):
    with pytest.raises(ExportError, match="too long"):
        export_meeting(sample_meeting(), tmp_path / ("m" * 300 + ".pdf"))


def test_read_only_folder(tmp_path, monkeypatch):
    # Tests run as root, whom chmod does not stop: make creating the file fail as it would.
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError, match="read-only or you may not write there"):
        export_meeting(sample_meeting(), tmp_path / "m.pdf")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_locked_target_keeps_the_old_file_and_leaves_nothing_behind(tmp_path, monkeypatch, suffix):
    target = tmp_path / f"minutes{suffix}"
    target.write_bytes(b"the old minutes")

    def locked(source, destination):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_meeting(sample_meeting(), target)
    assert str(caught.value) == (
        f"Cannot save minutes{suffix}: it is open in another program (Word?) or read-only: "
        "close it and export again."
    )
    assert target.read_bytes() == b"the old minutes"
    assert _left_behind(tmp_path) == []


def test_disk_full(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full; free some space"):
        export_meeting(sample_meeting(), tmp_path / "m.docx")
    assert list(tmp_path.iterdir()) == []


def test_path_too_long_from_the_system(tmp_path, monkeypatch):
    def too_long(*args, **kwargs):
        raise OSError(errno.ENAMETOOLONG, "File name too long")

    monkeypatch.setattr(os, "open", too_long)
    with pytest.raises(ExportError, match="path is too long"):
        export_meeting(sample_meeting(), tmp_path / "m.pdf")


def test_a_bug_in_a_renderer_propagates_and_leaves_nothing(tmp_path, monkeypatch):
    from clerk_app.export import pdf

    def broken(*args, **kwargs):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    with pytest.raises(RuntimeError, match="renderer bug"):
        export_meeting(sample_meeting(), tmp_path / "m.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_renderer_missing_its_own_file_is_not_blamed_on_the_folder(tmp_path, monkeypatch):
    """Found in the bundle: python-docx missing its template read as "folder does not exist"."""
    from clerk_app.export import pdf

    def missing_template(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file", "/opt/clerk/templates/default.docx")

    monkeypatch.setattr(pdf, "write_pdf", missing_template)
    with pytest.raises(FileNotFoundError, match="default.docx"):
        export_meeting(sample_meeting(), tmp_path / "m.pdf")
    assert list(tmp_path.iterdir()) == []


def test_overwrites_an_existing_export(tmp_path):
    target = tmp_path / "m.pdf"
    target.write_bytes(b"old")
    export_meeting(sample_meeting(), target)
    assert len(pypdf.PdfReader(target).pages) >= 1
    assert _left_behind(tmp_path) == []


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_progress_rises_to_done(tmp_path, suffix):
    calls: list[tuple[int, int]] = []
    export_meeting(
        sample_meeting(), tmp_path / f"m{suffix}", progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len({t for _, t in calls}) == 1


def test_text_export_is_public_unless_confidential(db, tmp_path):
    from clerk_app.services import meetings
    from clerk_app.services.exporting import export_minutes

    meeting_id = meetings.create_meeting(db, sample_meeting())
    public = export_minutes(db, meeting_id, tmp_path / "m.txt").path.read_text(encoding="utf-8")
    full = export_minutes(db, meeting_id, tmp_path / "c.TXT", confidential=True).path
    assert "Performance update" in public
    for secret in SECRETS:
        assert secret not in public
    assert SECRETS[1] in full.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_actions_only_export(tmp_path, suffix):
    meetings = [sample_meeting(), sample_meeting(status=Status.APPROVED)]
    public = export_actions(meetings, tmp_path / f"a{suffix}")
    single = export_actions(meetings[0], tmp_path / f"one{suffix}", confidential=True)
    if suffix == ".docx":
        tables = docx.Document(str(public)).tables
        assert len(tables) == 2 and tables[0].rows[1].cells[3].text == "Clerk"
        text = "".join(c.text for t in tables for r in t.rows for c in r.cells)
        full = "".join(c.text for r in docx.Document(str(single)).tables[0].rows for c in r.cells)
    else:
        text = "".join(p.extract_text() for p in pypdf.PdfReader(public).pages)
        full = "".join(p.extract_text() for p in pypdf.PdfReader(single).pages)
    assert "Chair/Clerk" in text and SECRETS[3] not in text
    assert SECRETS[3] in full


def test_actions_only_export_refuses_text(tmp_path):
    with pytest.raises(ExportError, match=r"\.docx or \.pdf"):
        export_actions(sample_meeting(), tmp_path / "a.txt")


def test_importing_the_dispatcher_loads_neither_word_nor_pdf_library():
    code = (
        "import sys, clerk_app.export.files\n"
        "heavy = [m for m in ('docx', 'typst', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[2], env={**os.environ, "PYTHONPATH": "."},
    )  # fmt: skip
    assert done.stdout.strip() == ""
