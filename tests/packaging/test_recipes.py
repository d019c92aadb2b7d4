"""The packaging files agree with each other and with the package (fast; no build).

The version lives in clerk_app/__init__.py only; the CHANGELOG and the AppStream release list
are history kept by hand, so these tests make a version bump that forgets them fail.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from clerk_app import __version__
from tests.packaging.conftest import PACKAGING

ROOT = PACKAGING.parent
LINUX = PACKAGING / "linux"


def test_the_version_is_semantic_and_read_from_the_package(recipe: Any) -> None:
    assert recipe.version() == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?", __version__)
    assert recipe.windows_version_tuple("1.2.3-rc.1") == (1, 2, 3, 0)


def test_the_changelog_has_a_section_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, re.MULTILINE)


def _metainfo() -> ET.Element:
    return ET.parse(LINUX / "org.clerkapp.Clerk.metainfo.xml").getroot()


def test_the_metainfo_names_this_app_and_release(recipe: Any) -> None:
    component = _metainfo()
    assert component.findtext("id") == recipe.APP_ID
    assert component.findtext("project_license") == recipe.LICENCE
    assert component.findtext("launchable") == f"{recipe.APP_ID}.desktop"
    assert component.findtext("provides/binary") == recipe.EXE_NAME
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / "org.clerkapp.Clerk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_starts_the_program_and_names_its_icon_and_type(recipe: Any) -> None:
    entry = _desktop_entry()
    assert (LINUX / f"{recipe.APP_ID}.desktop").is_file()
    assert entry["Icon"] == recipe.APP_ID
    assert entry["Exec"].split()[0] == entry["TryExec"] == recipe.EXE_NAME
    mime = ET.parse(LINUX / f"{recipe.APP_ID}.mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert entry["MimeType"] == f"{mime_type.get('type')};"
    glob = mime_type.find("m:glob", ns)
    assert glob is not None and glob.get("pattern") == f"*{recipe.DB_EXTENSION}"


def test_install_sh_checks_the_libraries_the_recipe_names(recipe: Any) -> None:
    script = (LINUX / "install.sh").read_text(encoding="utf-8")
    listed = re.search(r'^SYSTEM_LIBRARIES="([^"]*)"', script, re.MULTILINE)
    assert listed is not None and set(listed.group(1).split()) <= recipe.SYSTEM_LIBRARIES
    assert f"APP_ID={recipe.APP_ID}\n" in script


def test_the_windows_installer_is_per_user_and_associates_clerk_databases(recipe: Any) -> None:
    script = (PACKAGING / "windows" / "clerk.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest\n" in script
    assert f'#define AppExe "{recipe.APP_NAME}.exe"' in script
    assert f'Subkey: "Software\\Classes\\{recipe.DB_EXTENSION}"' in script
    assert '""{app}\\{#AppExe}"" --db ""%1""' in script
    assert 'Name: "{autoprograms}\\{#AppName}"' in script


def test_the_macos_bundle_declares_clerk_databases(recipe: Any) -> None:
    plist = recipe.info_plist("1.2.3")
    assert plist["CFBundleIdentifier"] == recipe.APP_ID
    assert plist["CFBundleShortVersionString"] == "1.2.3"
    declared = plist["UTExportedTypeDeclarations"][0]
    assert declared["UTTypeTagSpecification"]["public.filename-extension"] == ["clerkdb"]
    assert plist["CFBundleDocumentTypes"][0]["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    assert plistlib.loads(plistlib.dumps(plist)) == plist


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/home/c/minutes.clerkdb"], ["--db", "/home/c/minutes.clerkdb"]),
        (["C:\\Minutes\\2024.CLERKDB"], ["--db", "C:\\Minutes\\2024.CLERKDB"]),
        (["list"], ["list"]),
        (["--db", "x.clerkdb"], ["--db", "x.clerkdb"]),
        ([], []),
    ],
)
def test_a_document_launch_becomes_the_db_option(
    recipe: Any, argv: list[str], expected: list[str]
) -> None:
    assert recipe.document_arguments(argv) == expected


@pytest.mark.parametrize(
    ("folder", "plugin"),
    [
        ("platforms", "libqxcb.so"),
        ("platforms", "libqwayland.so"),
        ("platforms", "libqoffscreen.so"),
        ("platforms", "qwindows.dll"),
        ("platforms", "libqcocoa.dylib"),
        ("styles", "qmodernwindowsstyle.dll"),
        ("iconengines", "libqsvgicon.so"),
        ("imageformats", "qsvg.dll"),
        ("platforminputcontexts", "libcomposeplatforminputcontextplugin.so"),
        ("platformthemes", "libqxdgdesktopportal.so"),
        ("wayland-shell-integration", "libxdg-shell.so"),
        ("wayland-decoration-client", "libadwaita.so"),
    ],
)
def test_plugins_clerk_loads_are_kept(recipe: Any, folder: str, plugin: str) -> None:
    assert recipe.keep_qt_plugin(f"PySide6/Qt/plugins/{folder}", f"/qt/{folder}/{plugin}")


@pytest.mark.parametrize(
    ("folder", "plugin"),
    [
        ("platforms", "libqeglfs.so"),
        ("platforms", "libqvnc.so"),
        ("platformthemes", "libqgtk3.so"),
        ("imageformats", "qjpeg.dll"),
        ("imageformats", "libqwebp.dylib"),
        ("generic", "libqevdevmouseplugin.so"),
        ("egldeviceintegrations", "libqeglfs-kms-integration.so"),
        ("wayland-shell-integration", "libivi-shell.so"),
    ],
)
def test_plugins_clerk_never_loads_are_dropped(recipe: Any, folder: str, plugin: str) -> None:
    assert not recipe.keep_qt_plugin(f"PySide6\\Qt\\plugins\\{folder}", f"C:\\qt\\{plugin}")


def test_the_spec_ships_resources_and_migrations() -> None:
    spec = (PACKAGING / "clerk-app.spec").read_text(encoding="utf-8")
    compile(spec, "clerk-app.spec", "exec")  # every platform's branch is at least valid Python
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '"script.py.mako"' in spec and '"versions" / "*.py"' in spec
    for licence in ("LICENSE-DejaVuSans.txt", "LICENSE-LiberationSans.txt"):
        assert (ROOT / "resources" / "fonts" / licence).is_file()


def test_the_icon_source_exists(recipe: Any) -> None:
    assert Path(recipe.ICON_SOURCE).is_file()
    assert max(recipe.ICON_SIZES) >= 256  # Windows and macOS want 256 px and up


def test_one_licence_everywhere(recipe: Any) -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        project = tomllib.load(stream)["project"]
    assert project["license"] == recipe.LICENCE
    assert _metainfo().findtext("project_license") == recipe.LICENCE


def test_the_about_box_shows_version_licence_and_database(recipe: Any, tmp_path: Path) -> None:
    from clerk_app.ui.shell.about import about_text

    text = about_text(tmp_path / "Parish & Town" / "clerk.db")
    assert f"Clerk {__version__}" in text
    assert f"{recipe.LICENCE} licence" in text
    assert f"{tmp_path}/Parish &amp; Town/clerk.db".replace("/", os.sep) in text
