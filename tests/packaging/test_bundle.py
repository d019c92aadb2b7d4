"""The installable bundle, built by packaging/build.py and run as a clerk's machine would run it.

Slow (it builds the bundle, about a minute on two cores), so not in the default run:

    .venv/bin/python -m pytest -m slow tests/packaging

CLERK_TEST_BUNDLE=packaging/dist/clerk-app tests an already-built bundle instead of building.
Everything runs the bundled program, never the source tree: a fresh database created by the
bundled migrations, the reference minutes imported through the bundled command line, Word and
PDF exports, and the window opened offscreen for a moment.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from clerk_app import __version__
from clerk_app.store.migrate import script_revisions
from tests.packaging.conftest import PACKAGING, REPORT, load_recipe

pytestmark = pytest.mark.slow

REFERENCE = (
    Path(__file__).resolve().parents[2].parent / "shared/reference/example-minute-haringey-osc.txt"
)
LINUX = sys.platform.startswith("linux")
SMOKE_PREFIX = "clerk-app smoke: "  # as packaging/entry.py prints it
# Characters Liberation Sans lacks and DejaVu Sans draws: the PDF needs the fallback font.
FALLBACK_TEXT = "Zoë Łódź ✓ ☎"


@dataclass(frozen=True)
class Bundle:
    folder: Path
    program: Path


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    prebuilt = os.environ.get("CLERK_TEST_BUNDLE")
    if prebuilt:
        folder = Path(prebuilt).resolve()
        REPORT.append(f"tested the bundle already built in {folder}")
    else:
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, str(PACKAGING / "build.py")],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if done.returncode != 0:
            pytest.fail(f"build.py failed:\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}")
        REPORT.append(f"built by packaging/build.py in {time.monotonic() - started:.0f} s")
        folder = PACKAGING / "dist" / load_recipe().BUNDLE_DIR
    program = folder / ("clerk-app.exe" if sys.platform == "win32" else "clerk-app")
    assert program.is_file(), f"no program at {program}"
    REPORT.append(f"bundle {folder}: {_size(folder) / 1e6:.1f} MB")
    return Bundle(folder, program)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home of its own, so the window's settings never touch the developer's."""
    return tmp_path_factory.mktemp("home")


def run(
    bundle: Bundle, *args: str, home: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if k != "CLERK_DB" and not k.startswith("PYTHON")
    }
    environment.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    environment.update(env or {})
    return subprocess.run(
        [str(bundle.program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=environment,
        cwd=home,
    )


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


@dataclass(frozen=True)
class Imported:
    db: Path
    meeting: str


@pytest.fixture(scope="module")
def imported(bundle: Bundle, home: Path, tmp_path_factory: pytest.TempPathFactory) -> Imported:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference minutes are not at {REFERENCE}")
    db = tmp_path_factory.mktemp("db") / "minutes.db"
    assert not db.exists()
    out = ok(
        run(
            bundle,
            *("--db", str(db), "import", str(REFERENCE)),
            *("--committee", "Overview and Scrutiny Committee", "--date", "2024-05-21"),
            home=home,
        )
    )
    return Imported(db, out.strip())


def test_version_is_the_package_version(bundle: Bundle, home: Path) -> None:
    assert ok(run(bundle, "--version", home=home)).strip() == f"clerk-app {__version__}"


def test_a_fresh_database_is_created_by_the_bundled_migrations(
    bundle: Bundle, home: Path, imported: Imported
) -> None:
    with sqlite3.connect(imported.db) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == script_revisions()[-1]
    listed = json.loads(ok(run(bundle, "--db", str(imported.db), "list", "--json", home=home)))
    assert [m["id"] for m in listed] == [int(imported.meeting)]
    assert listed[0]["points"] == 9 and listed[0]["date"] == "2024-05-21"


def test_word_export(bundle: Bundle, home: Path, imported: Imported, tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    ok(
        run(
            bundle,
            "--db",
            str(imported.db),
            "export",
            imported.meeting,
            "--to",
            str(target),
            home=home,
        )
    )
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Charlotte Pomery" in text
    assert "performance monitoring programme" in text


def _pdf_fonts(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources.get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_pdf_export_embeds_the_bundled_fonts(
    bundle: Bundle, home: Path, imported: Imported, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    ok(
        run(
            bundle,
            "--db",
            str(imported.db),
            "export",
            imported.meeting,
            "--to",
            str(target),
            home=home,
        )
    )
    reader = PdfReader(target)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Charlotte Pomery" in text
    assert "LiberationSans" in _pdf_fonts(reader)


def test_pdf_draws_characters_liberation_lacks_with_the_bundled_fallback(
    bundle: Bundle, home: Path, tmp_path: Path
) -> None:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference minutes are not at {REFERENCE}")
    minutes = tmp_path / "minutes.txt"
    reference = REFERENCE.read_text(encoding="utf-8")
    minutes.write_text(
        reference.replace("Charlotte Pomery, AD", f"{FALLBACK_TEXT}, AD", 1), encoding="utf-8"
    )
    db, target = tmp_path / "fallback.db", tmp_path / "fallback.pdf"
    meeting = ok(run(bundle, "--db", str(db), "import", str(minutes), home=home)).strip()
    ok(run(bundle, "--db", str(db), "export", meeting, "--to", str(target), home=home))
    reader = PdfReader(target)
    assert {"LiberationSans", "DejaVuSans"} <= _pdf_fonts(reader)
    assert FALLBACK_TEXT in "".join(page.extract_text() for page in reader.pages)


def smoke(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    ok(done)
    lines = [line for line in done.stderr.splitlines() if line.startswith(SMOKE_PREFIX)]
    assert len(lines) == 1, done.stderr
    report: dict[str, Any] = json.loads(lines[0][len(SMOKE_PREFIX) :])
    return report


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen", "CLERK_QUIT_AFTER_MS": "1500"}


def test_the_window_opens_on_a_meeting(bundle: Bundle, home: Path, imported: Imported) -> None:
    report = smoke(
        run(bundle, "--db", str(imported.db), "open", imported.meeting, home=home, env=OFFSCREEN)
    )
    assert report["platform"] == "offscreen"
    assert report["desktop_file"] == load_recipe().APP_ID
    assert [w["class"] for w in report["windows"]] == ["MainWindow"]
    assert "Overview and Scrutiny Committee" in report["windows"][0]["title"]
    assert report["icon_drawn"], "the SVG icon engine did not draw the window icon"
    assert report["liberation_in_qt"]
    inside = Path(report["bundle"]).resolve()
    assert bundle.folder.resolve() in [inside, *inside.parents]
    for key in ("icon_dir", "window_fonts_dir", "pdf_font", "pdf_fallback_font", "pdf_template"):
        path = Path(report[key]).resolve()
        assert inside in path.parents and path.exists(), f"{key} is {path}, not in the bundle"


def test_the_window_opens_on_a_new_database(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    db = tmp_path / "new" / "clerk.db"
    db.parent.mkdir()
    report = smoke(run(bundle, "--db", str(db), home=home, env=OFFSCREEN))
    assert [w["class"] for w in report["windows"]] == ["MainWindow"]
    assert db.is_file()


def test_a_database_file_given_alone_is_opened(bundle: Bundle, home: Path, tmp_path: Path) -> None:
    """What a file association or a file manager does: the document as the only argument."""
    db = tmp_path / f"archive{load_recipe().DB_EXTENSION}"
    report = smoke(run(bundle, str(db), home=home, env=OFFSCREEN))
    assert [w["class"] for w in report["windows"]] == ["MainWindow"]
    assert db.is_file()


def test_alembic_scripts_ship_as_files(bundle: Bundle) -> None:
    migrations = next(bundle.folder.rglob("clerk_app/store/migrations"))
    shipped = {p.name for p in migrations.rglob("*") if p.is_file()}
    source = Path(__file__).resolve().parents[2] / "clerk_app/store/migrations"
    wanted = {p.name for p in source.rglob("*") if p.suffix in (".py", ".mako")}
    assert wanted <= shipped


def test_the_bundle_is_trimmed(bundle: Bundle) -> None:
    recipe = load_recipe()
    qt = next(bundle.folder.rglob("PySide6/Qt"))
    assert not list(qt.rglob("*.qm")), "Qt translations were collected"
    plugins = {
        (path.parent.name, recipe.plugin_name(path.name))
        for path in (qt / "plugins").rglob("*")
        if path.is_file()
    }
    assert not [p for p in plugins if not recipe.keep_qt_plugin(p[0], p[1])]
    assert ("iconengines", "qsvgicon") in plugins and ("imageformats", "qsvg") in plugins
    assert not list(bundle.folder.rglob("*QtNetwork*"))
    if LINUX:
        assert ("platforms", "qxcb") in plugins and ("platforms", "qwayland") in plugins
        assert not list(bundle.folder.rglob("libssl*")) and not list(bundle.folder.rglob("libgtk*"))


def _elf_needs(folder: Path) -> dict[str, list[str]]:
    """Libraries that bundled ELF files need and the bundle does not hold -> who needs them."""
    present = {path.name for path in folder.rglob("*")}
    missing: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as stream:
            if stream.read(4) != b"\x7fELF":
                continue
        dump = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
        ).stdout
        for line in dump.splitlines():
            fields = line.split()
            if len(fields) == 2 and fields[0] == "NEEDED" and fields[1] not in present:
                missing.setdefault(fields[1], []).append(str(path.relative_to(folder)))
    return missing


@pytest.mark.skipif(not LINUX, reason="Linux shared libraries")
def test_only_driver_and_display_libraries_come_from_the_machine(bundle: Bundle) -> None:
    recipe = load_recipe()
    needed = _elf_needs(bundle.folder)
    assert {
        name: who[:3] for name, who in needed.items() if not recipe.is_system_library(name)
    } == {}
    REPORT.append("needs from the machine: " + ", ".join(sorted(needed)))


@pytest.mark.skipif(not LINUX, reason="install.sh is the Linux installer")
def test_install_sh_puts_clerk_in_the_desktop_menu_and_takes_it_out(
    bundle: Bundle, tmp_path: Path
) -> None:
    recipe = load_recipe()
    user = tmp_path / "user"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(user)
    app_id = recipe.APP_ID
    done = subprocess.run(
        ["sh", str(bundle.folder / "install.sh")], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert f"clerk-app {__version__}" in done.stdout
    program = user / ".local/lib/clerk-app/clerk-app"
    desktop = user / ".local/share/applications" / f"{app_id}.desktop"
    entry = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entry["Exec"] == f'"{program}" %f' and entry["TryExec"] == str(program)
    assert (user / ".local/share/icons/hicolor/256x256/apps" / f"{app_id}.png").is_file()
    assert (user / ".local/share/icons/hicolor/scalable/apps" / f"{app_id}.svg").is_file()
    assert (user / ".local/share/metainfo" / f"{app_id}.metainfo.xml").is_file()
    assert (user / ".local/share/mime/packages" / f"{app_id}.xml").is_file()
    linked = subprocess.run(
        [str(user / ".local/bin/clerk-app"), "--version"], capture_output=True, text=True
    )
    assert linked.stdout.strip() == f"clerk-app {__version__}"

    done = subprocess.run(
        ["sh", str(bundle.folder / "install.sh"), "--uninstall"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert not program.exists() and not desktop.exists()
    assert not (user / ".local/bin/clerk-app").exists()
    assert not list((user / ".local/share/icons").rglob(f"{app_id}.*"))
