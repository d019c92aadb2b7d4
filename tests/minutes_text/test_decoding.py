"""Files that are almost UTF-8, or UTF-16 with a broken pair: every good character kept, every
bad byte named by its line, through the real command line."""

from __future__ import annotations

import io
from pathlib import Path

from clerk_app.cli import main
from clerk_app.minutes_text.importer import read_minutes_file
from clerk_app.services import meetings
from clerk_app.store.database import open_database

MINUTES = (
    "Committee: Komisja Rewizyjna\n"
    "Date: 21 May 2024\n"
    "Present: Councillors Zoë Hartley (Chair), Łukasz Wójcik\n"
    "\n"
    "12.\tBUDŻET – CAFÉ LEASE\n"
    "a.\tThe Chair’s proposal was noted. (Action: Zoë Hartley)\n"
    "b.\tThe café STRAY opens in May.\n"
)


def _import(db: Path, path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--db", str(db), "import", str(path)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_one_stray_cp1252_byte_in_utf8_spoils_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "almost-utf8.txt"
    # "STRAY" becomes one cp1252 byte (é) among the UTF-8: line 7 of the file.
    path.write_bytes(MINUTES.encode("utf-8").replace(b"STRAY", b"d\xe9cor"))
    db = tmp_path / "minutes.db"
    code, out, err = _import(db, path)
    assert code == 0
    assert err.splitlines() == [
        f"clerk-app: warning: {path}: line 7: bytes that are not UTF-8 were read as"
        " Windows-1252 ('é'); check the spelling on this line"
    ]
    database = open_database(db)
    try:
        meeting = meetings.load_meeting(database, int(out))
    finally:
        database.close()
    assert meeting.committee == "Komisja Rewizyjna"
    assert [a.name for a in meeting.attendees] == ["Zoë Hartley", "Łukasz Wójcik"]
    item = meeting.items[0]
    assert item.title == "BUDŻET – CAFÉ LEASE"
    assert item.points[0].text == "The Chair’s proposal was noted. (Action: Zoë Hartley)"
    assert item.points[1].text == "The café décor opens in May."


def test_stray_bytes_next_to_good_utf8_on_one_line_and_crlf_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    text = MINUTES.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(text.replace(b"STRAY", b"\x93quoted\x94 Zo\xc3\xab"))
    result = read_minutes_file(path)
    assert result.meeting.items[0].points[1].text == "The café “quoted” Zoë opens in May."
    assert [w.line for w in result.warnings] == [7]
    assert "('“”')" in result.warnings[0].message


def test_a_cp1252_file_is_still_read_as_cp1252_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    text = MINUTES.replace("Ż", "Z").replace("Łukasz Wójcik", "Zoë Müller")
    path.write_bytes(text.replace("STRAY", "décor").encode("cp1252"))
    result = read_minutes_file(path)
    assert result.meeting.items[0].points[1].text == "The café décor opens in May."
    assert not [w for w in result.warnings if "UTF-8" in w.message]


def test_utf16_with_a_lone_surrogate_is_read_and_the_line_named(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    data = MINUTES.encode("utf-16-le")
    lone = "\ud83d".encode("utf-16-le", errors="surrogatepass")  # half an emoji
    data = data.replace("STRAY".encode("utf-16-le"), lone + "new".encode("utf-16-le"))
    path.write_bytes(b"\xff\xfe" + data)
    db = tmp_path / "minutes.db"
    code, out, err = _import(db, path)
    assert code == 0, err
    assert err.splitlines() == [
        f"clerk-app: warning: {path}: line 7: a broken character (half a UTF-16 pair) was removed"
    ]
    database = open_database(db)
    try:
        meeting = meetings.load_meeting(database, int(out))
    finally:
        database.close()
    assert meeting.items[0].points[1].text == "The café new opens in May."
    assert meeting.attendees[0].name == "Zoë Hartley"
