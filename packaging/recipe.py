"""What the bundle is: names, version, icon sizes and the Qt files it leaves out.

Shared by the PyInstaller spec, ``build.py`` and the packaging tests, so that each fact lives in
one place.  Standard library only: the spec imports this inside PyInstaller's own process.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path, PurePosixPath
from typing import Any

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent

# The reverse-DNS id names the .desktop file, the AppStream component, the icon and the macOS
# bundle identifier.  It must never change once a release is out: desktops key their menu
# entries, pinned launchers and stored settings on it.
APP_ID = "org.clerkapp.Clerk"
APP_NAME = "Clerk"
EXE_NAME = "clerk-app"  # the command, as on every platform's PATH and in the docs
BUNDLE_DIR = "clerk-app"  # dist/<this>/ is the one-folder bundle
LICENCE = "MIT"
# The file type a Windows installer associates with Clerk, and the macOS document type.
DB_EXTENSION = ".clerkdb"

# hicolor theme sizes for Linux; the same renderings make the Windows .ico and macOS .icns.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_SOURCE = ROOT / "resources" / "icons" / "clerk.svg"

# What the Linux bundle takes from the machine rather than carrying: the C library (a bundle
# runs on glibc as new as the build machine's, or newer), the OpenGL/EGL dispatch libraries
# (they must match the machine's graphics driver), and the X11 or Wayland client library (they
# must match the display server).  Everything else it needs is inside.  Debian and Ubuntu:
# libgl1 libegl1 libxcb1, present on every desktop; the command line needs none of them.
GLIBC_LIBRARIES = frozenset(
    {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1"}
)
SYSTEM_LIBRARIES = frozenset(
    {
        "libGL.so.1",
        "libEGL.so.1",
        "libxcb.so.1",
        "libwayland-client.so.0",
        "libwayland-cursor.so.0",
        "libwayland-egl.so.1",
    }
)


def is_system_library(name: str) -> bool:
    """Whether a library the bundle needs may come from the machine (see SYSTEM_LIBRARIES)."""
    return (
        name in GLIBC_LIBRARIES or name in SYSTEM_LIBRARIES or name.startswith(("ld-linux", "ld64"))
    )


_VERSION = re.compile(r'^__version__\s*=\s*"(?P<version>[^"]+)"', re.MULTILINE)
_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$")


def version() -> str:
    """``clerk_app.__version__``, read from the source without importing the package."""
    text = (ROOT / "clerk_app" / "__init__.py").read_text(encoding="utf-8")
    found = _VERSION.search(text)
    if found is None:
        raise RuntimeError("clerk_app/__init__.py has no __version__ line")
    value = found.group("version")
    if not _SEMVER.match(value):
        raise RuntimeError(f"__version__ {value!r} is not a semantic version (MAJOR.MINOR.PATCH)")
    return value


def windows_version_tuple(value: str) -> tuple[int, int, int, int]:
    """The four numbers a Windows version resource holds: 1.2.3-rc1 -> (1, 2, 3, 0)."""
    major, minor, patch = (int(part) for part in value.split("-", 1)[0].split("."))
    return major, minor, patch, 0


def windows_version_info(value: str, exe_name: str) -> Any:
    """The version resource Explorer shows under Properties > Details (Windows builds only)."""
    # PyInstaller's version-resource classes need pefile, which it installs on Windows only.
    vi: Any = importlib.import_module("PyInstaller.utils.win32.versioninfo")

    numbers = windows_version_tuple(value)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": f"{APP_NAME}: minutes for council committees",
        "FileVersion": value,
        "InternalName": exe_name,
        "LegalCopyright": f"{LICENCE} licence",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": value,
    }
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo(
                [vi.StringTable("080904B0", [vi.StringStruct(k, v) for k, v in strings.items()])]
            ),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0809, 1200])]),
        ],
    )


def info_plist(value: str) -> dict[str, Any]:
    """macOS Info.plist entries beyond PyInstaller's own (name, executable, icon)."""
    database_type = f"{APP_ID}.database"
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": value,
        "CFBundleVersion": value,
        "NSHumanReadableCopyright": f"{LICENCE} licence",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "NSHighResolutionCapable": True,
        "LSBackgroundOnly": False,
        "NSRequiresAquaSystemAppearance": False,
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": database_type,
                "UTTypeDescription": f"{APP_NAME} database",
                "UTTypeConformsTo": ["public.database", "public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": [DB_EXTENSION[1:]]},
            }
        ],
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": f"{APP_NAME} database",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [database_type],
            }
        ],
    }


def document_arguments(argv: list[str]) -> list[str]:
    """A desktop's "open this file" launch as Clerk's command line.

    Windows' file association, macOS's Finder (through PyInstaller's argv emulation) and a
    Linux file manager start the program with the document's path as the only argument;
    ``clerk-app`` wants ``--db PATH``.  Any other command line is returned as it came.
    """
    if len(argv) == 1 and argv[0].lower().endswith(DB_EXTENSION) and not argv[0].startswith("-"):
        return ["--db", argv[0]]
    return argv


# --- Trimming -----------------------------------------------------------------------------------
# Clerk draws plain widgets with SVG icons; it uses QtCore, QtGui and QtWidgets and nothing else.
# PyInstaller's Qt hooks collect every plugin QtGui *could* load and Qt's translations for every
# language; these rules leave out what Clerk never loads.  Plugin types not named here are kept.

# Plugin type -> plugin names (file name less "lib" and the suffix) left out.  None: every one.
DROPPED_PLUGINS: dict[str, frozenset[str] | None] = {
    # Embedded-device back ends (framebuffer, KMS, VNC) and their input drivers.
    "egldeviceintegrations": None,
    "generic": None,
    "platforms": frozenset(
        {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"}
    ),
    # The GTK theme loads the machine's GTK into the process next to the bundle's own copies of
    # GLib, Cairo and Pango: a known source of crashes, and 9 MB.  Qt's own dialogs are used.
    "platformthemes": frozenset({"qgtk3"}),
    # Icons are SVG; no raster image is ever read.
    "imageformats": frozenset(
        {"qgif", "qicns", "qico", "qjpeg", "qtga", "qtiff", "qwbmp", "qwebp", "qpdf"}
    ),
    # Wayland: xdg-shell is what desktops speak; the rest serve kiosks, cars and compositors.
    "wayland-shell-integration": frozenset(
        {"fullscreen-shell-v1", "ivi-shell", "qt-shell", "wl-shell-plugin"}
    ),
    "wayland-graphics-integration-client": frozenset(
        {"dmabuf-server", "drm-egl-server", "shm-emulation-server", "vulkan-server"}
    ),
}

# Python modules left out.  QtNetwork is imported only by PySide6's Windows OpenSSL set-up, which
# tolerates its absence; QtDBus's Python module is unused (the library itself stays: QtGui
# links it).  Pillow is left out whole: only the icon build step uses it (the PDF engine, Typst,
# is one native library with no Python dependencies), and Clerk reads no raster image.
# Pygments is a test tool that Mako offers to use when it is installed.  Clerk never opens a
# network connection, so Python's ssl goes (everything that imports it allows for its absence),
# and with _hashlib the bundle needs no OpenSSL at all: hashlib then uses Python's built-in
# digests.  lxml's HTML, objectify and schematron parts serve nothing python-docx does.
EXCLUDED_MODULES = (
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "ssl",
    "_ssl",
    "_hashlib",
    "lxml.html",
    "lxml.objectify",
    "lxml.isoschematron",
    "PIL",
    "pygments",
    "tkinter",
)


def plugin_name(path: str) -> str:
    """``.../libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` -> ``qwindows``."""
    name = PurePosixPath(path.replace("\\", "/")).name
    stem = name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_plugin(destination: str, source: str) -> bool:
    """Whether a Qt plugin collected into ``destination`` (its folder) from ``source`` stays."""
    plugin_type = PurePosixPath(destination.replace("\\", "/")).name
    if plugin_type not in DROPPED_PLUGINS:
        return True
    dropped = DROPPED_PLUGINS[plugin_type]
    return dropped is not None and plugin_name(source) not in dropped


def trimmed_qt_hook(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[Any]]:
    """What PyInstaller's own hook for a PySide6 module collects, less the dropped plugins and
    Qt's translations (Clerk installs no QTranslator, so Qt never reads them: its dialogs are in
    English whatever the machine's language).  For packaging/hooks/, named as PyInstaller's."""
    qt: Any = importlib.import_module("PyInstaller.utils.hooks.qt")
    hiddenimports, binaries, datas = qt.add_qt6_dependencies(hook_file)
    return (
        list(hiddenimports),
        [(src, dest) for src, dest in binaries if keep_qt_plugin(dest, src)],
        [(src, dest) for src, dest in datas if not str(src).endswith(".qm")],
    )
