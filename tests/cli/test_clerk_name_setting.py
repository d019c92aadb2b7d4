"""The command line reads the clerk's name from the window's settings file without Qt, and
reads exactly what Qt would."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings

from clerk_app.services.settings_file import UNSURE, read_setting, settings_files
from tests.cli.test_cli import minutes, run  # noqa: F401  (minutes is a fixture)

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="QSettings files: Linux")

NAMES = [
    "Priya Raman",
    "Zoë Ó'Brien",
    "Łukasz Wójcik",
    "مريم الحسن",
    "李小龍",
    "Smith, J. (Clerk)",  # a comma: Qt quotes the value
    '  Ann "Nan" Other  ',  # quotes and the spaces around it
    "C:\\Users\\ann",
    "@home",
    "@@twice",
    "semi; colon # hash = equals",
    "tab\there\nnewline",
    "",
]


def _qt_file(tmp_path: Path, value: str) -> Path:
    path = tmp_path / "Clerk.conf"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("clerk/name", value)
    settings.setValue("backups/keep_days", 7)
    settings.sync()
    return path


@pytest.mark.parametrize("name", NAMES)
def test_what_qt_writes_is_read_back_the_same_without_qt(tmp_path: Path, name: str) -> None:
    path = _qt_file(tmp_path, name)
    expected = QSettings(str(path), QSettings.Format.IniFormat).value("clerk/name", "")
    found = read_setting("clerk/name", [path])
    assert found == expected == name  # every name the dialog accepts is settled without Qt


@pytest.mark.parametrize(
    ("text", "qt_reads"),
    [
        ("[clerk]\nname=a, b\n", ["a", "b"]),  # a list
        ("[clerk]\nname=@Invalid()\n", None),
        ('[clerk]\nname="x\\x0041"\n', "xA"),  # a hex escape
    ],
)
def test_values_qt_must_interpret_are_left_to_qt(tmp_path: Path, text: str, qt_reads) -> None:
    path = tmp_path / "Clerk.conf"
    path.write_text(text, encoding="utf-8")
    assert QSettings(str(path), QSettings.Format.IniFormat).value("clerk/name") == qt_reads
    assert read_setting("clerk/name", [path]) is UNSURE


def test_the_users_file_comes_before_the_organisations_and_the_systems(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "home"), "XDG_CONFIG_DIRS": str(tmp_path / "etc")}
    files = settings_files(env)
    assert files == [
        tmp_path / "home" / "Clerk" / "Clerk.conf",
        tmp_path / "home" / "Clerk.conf",
        tmp_path / "etc" / "Clerk" / "Clerk.conf",
        tmp_path / "etc" / "Clerk.conf",
    ]
    assert read_setting("clerk/name", files) is None  # no file at all: not set
    files[3].parent.mkdir(parents=True)
    files[3].write_text("[clerk]\nname=IT Default\n", encoding="utf-8")
    assert read_setting("clerk/name", files) == "IT Default"
    files[1].parent.mkdir(parents=True)
    files[1].write_text("[clerk]\nname=Org Name\n[other]\nname=Wrong\n", encoding="utf-8")
    assert read_setting("clerk/name", files) == "Org Name"
    files[0].parent.mkdir(parents=True)
    files[0].write_text("[backups]\nkeep_days=3\n", encoding="utf-8")
    assert read_setting("clerk/name", files) == "Org Name"  # the user's file does not set it
    files[0].write_text("; a comment\n[clerk]\nname=Jo Bloggs\n", encoding="utf-8")
    assert read_setting("clerk/name", files) == "Jo Bloggs"
    files[0].write_text("[clerk]\nname=Jo Bloggs\n", encoding="utf-8-sig")  # IT's editor
    assert read_setting("clerk/name", files) == "Jo Bloggs"
    default = settings_files({}, home=tmp_path)
    assert default[0] == tmp_path / ".config" / "Clerk" / "Clerk.conf"
    assert default[2] == Path("/etc/xdg/Clerk/Clerk.conf")


@linux
def test_a_command_line_export_takes_the_windows_name_and_never_imports_qt(
    tmp_path: Path,
    minutes: Path,  # noqa: F811  (the imported fixture)
) -> None:
    """A real process: the name the window saved (through QSettings) is the Word author."""
    code, out, err = run(tmp_path / "c.db", "import", str(minutes))
    assert code == 0, err
    config = tmp_path / "config"
    (config / "Clerk").mkdir(parents=True)
    _qt_file(config / "Clerk", "Zoë Ó'Brien, Clerk")
    target = tmp_path / "minutes.docx"
    script = textwrap.dedent(
        f"""
        import sys
        from clerk_app.cli import main
        code = main(["--db", {str(tmp_path / "c.db")!r}, "export", {out.strip()!r},
                     "--to", {str(target)!r}])
        print("qt imported" if "PySide6" in sys.modules else "no qt", code)
        """
    )
    env = {"XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("no qt 0")
    assert docx.Document(str(target)).core_properties.author == "Zoë Ó'Brien, Clerk"
